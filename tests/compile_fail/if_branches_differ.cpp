// Fn::If whose branches have different types.
// expect: Fn::If: both branches must have the same CloudFormation type
#include <cfn/cfn.hpp>

cfn::expr<cfn::str> pick(const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    return cfn::if_(c, "t3.micro", 3);  // <- error
#else
    return cfn::if_(c, "t3.micro", "m5.large");
#endif
}
