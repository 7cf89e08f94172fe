// cfnpp: build configuration.
//
// By default cfnpp is header-only: cfn/cfn.hpp includes the implementation (emitters, checks,
// command line) as inline functions. Define CFN_SEPARATE_COMPILATION to have cfn/cfn.hpp declare
// them only, and compile them once from cfn/impl/runtime.ipp (CMake: link `cfnpp::runtime`). That keeps
// the implementation out of every stack's translation unit: a faster edit-to-template loop.
#pragma once

#if __cplusplus < 202002L && !defined(_MSVC_LANG)
#error "cfnpp requires C++20 (-std=c++20)"
#endif

#ifdef CFN_SEPARATE_COMPILATION
#define CFN_INLINE
#else
#define CFN_INLINE inline
#endif
