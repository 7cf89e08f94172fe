// A string where CloudFormation expects an Integer (CloudFormation would coerce "8"; we make you
// write 8).
// expect: cfn::value<cfn::integer>
#include <cfn/cfn.hpp>

cfn::value<cfn::integer> volume_size() {
#ifdef CFN_MISTAKE
    return "8";  // <- error
#else
    return 8;
#endif
}
