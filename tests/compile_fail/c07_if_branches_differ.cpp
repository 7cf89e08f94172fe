// Fn::If whose branches have different types.
// class: 7
// fix: give both branches the same CloudFormation type (or `cfn::no_value` as one of them, for an optional property).
// expect: Fn::If: both branches must have the same CloudFormation type
#include <cfn/cfn.hpp>

cfn::expr<cfn::str> pick(const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    return cfn::if_(c, "t3.micro", 3);  // <- error
#else
    return cfn::if_(c, "t3.micro", "m5.large");
#endif
}
