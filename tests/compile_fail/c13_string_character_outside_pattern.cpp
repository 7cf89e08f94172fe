// A character the property's pattern does not allow: a space in an IAM group name.
// class: 13
// fix: only the characters of the pattern's class, shown as `.characters` in the message (`\w+=,.@-` for IAM names). Patterns of other shapes are checked by `cfn::check` before the template is written.
// expect: literal_has_a_character_the_property_pattern_does_not_allow
// expect-gcc: AWS::IAM::Group\.GroupName
#include <cfn/cfn.hpp>
#include <cfn/aws/iam/group.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::iam::group{"Admins", {.group_name = "site admins"}});  // <- error
#else
    s.add(cfn::aws::iam::group{"Admins", {.group_name = "site-admins"}});
#endif
}
