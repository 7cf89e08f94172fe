// A string literal outside a pattern written with Unicode property classes: a '#' in a tag value whose pattern allows letters, spaces and digits of any script (`\p{L}\p{Z}\p{N}`) and `_.:/=+-@`.
// class: 13
// fix: a literal the pattern matches. The literal, being ASCII, is judged exactly while compiling; a value with characters beyond ASCII (`"équipe"`) is left to `cfn::check`, which matches the pattern over its code points as cfn-lint's `regex` module does.
// expect: literal_does_not_match_the_property_pattern
// expect-gcc: AWS::ResourceGroups::TagSyncTask\.TagValue.*tag_value_pattern
// expect-clang: literal_does_not_match\(&"\^\(\[\\\\p\{L\}\\\\p\{Z\}\\\\p\{N\}
#include <cfn/cfn.hpp>
#include <cfn/aws/resourcegroups/tag_sync_task.hpp>

void build(cfn::stack& s) {
    namespace rg = cfn::aws::resourcegroups;
#ifdef CFN_MISTAKE
    s.add(rg::tag_sync_task{"Sync", {.group = "my-group/abcdefghijklm0123456789abc", .role_arn = "arn:aws:iam::123456789012:role/tagger", .tag_key = "team", .tag_value = "web#1"}});  // <- error
#else
    s.add(rg::tag_sync_task{"Sync", {.group = "my-group/abcdefghijklm0123456789abc", .role_arn = "arn:aws:iam::123456789012:role/tagger", .tag_key = "team", .tag_value = "web 1"}});
#endif
}
