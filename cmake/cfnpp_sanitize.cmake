# CFNPP_SANITIZE=ON: everything built here (the unit tests, the examples, cfn2cpp, the runtime) with
# AddressSanitizer and UndefinedBehaviorSanitizer; any finding ends the program with an error, so
# a test that meets one fails. `CFNPP_SANITIZE=1 tests/run-all` builds and tests all of it in
# build-sanitize; tests/sanitize (run by .ci/run) builds and runs a subset.
option(CFNPP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(CFNPP_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
