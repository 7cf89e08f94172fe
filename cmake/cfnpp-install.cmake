# cfnpp's install rules: `cmake --install` puts the headers, the static cfnpp::runtime, the CMake
# helpers (cfnpp_add_stack and its embed script) and a package config under the prefix, so that
#
#     find_package(cfnpp CONFIG REQUIRED)                      # cfnpp::cfnpp, cfnpp::runtime
#     find_package(cfnpp CONFIG REQUIRED COMPONENTS testing)   # and cfnpp::testing (Catch2, nlohmann/json)
#
# gives the same targets and helpers as add_subdirectory(cfnpp) does. cfnpp::runtime is installed
# compiled (by the compiler that built cfnpp) rather than rebuilt by every consumer from sources:
# it is the slow part to compile, and the point of it is to be compiled once.
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(CFNPP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/cfnpp" CACHE STRING
  "where cfnpp's CMake package config is installed, relative to the prefix")

set_target_properties(cfnpp PROPERTIES EXPORT_NAME cfnpp)
set_target_properties(cfnpp_runtime PROPERTIES EXPORT_NAME runtime)
set_target_properties(cfnpp_testing PROPERTIES EXPORT_NAME testing)
install(TARGETS cfnpp cfnpp_runtime cfnpp_testing EXPORT cfnppTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cfn DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT cfnppTargets NAMESPACE cfnpp:: DESTINATION ${CFNPP_INSTALL_CMAKEDIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cfnppConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cfnppConfig.cmake
  INSTALL_DESTINATION ${CFNPP_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cfnppConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cfnppConfig.cmake
  ${PROJECT_BINARY_DIR}/cfnppConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/cfnpp.cmake
  ${PROJECT_SOURCE_DIR}/cmake/cfnpp_embed.cmake
  ${PROJECT_SOURCE_DIR}/cmake/cfnpp_pch_retry.sh
  DESTINATION ${CFNPP_INSTALL_CMAKEDIR})
