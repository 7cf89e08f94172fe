// Fn::Select from something that is not a list.
// class: 7
// fix: select from a list (`cfn::get_azs()`, `cfn::split(",", text)`, a list parameter).
// expect: select
#include <cfn/cfn.hpp>

cfn::expr<cfn::str> first_zone() {
#ifdef CFN_MISTAKE
    return cfn::select(0, cfn::aws::region);  // <- error
#else
    return cfn::select(0, cfn::get_azs(cfn::aws::region));
#endif
}
