// A parameter's logical ID with an underscore.
// class: 10
// fix: letters and digits only (`KeyName`).
// expect: logical_id_must_be_alphanumeric_and_at_most_255_characters
#include <cfn/cfn.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"key_name"});  // <- error
#else
    s.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"KeyName"});
#endif
}
