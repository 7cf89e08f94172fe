// A list literal with more items than the property allows: an instance profile with two roles (the schema's maxItems is 1).
// class: 13
// fix: at most the schema's maxItems, shown as `max_items` in the message's `cfn::list_rule{min_items, max_items}` (`{0, 1}`: one role per instance profile; give each role its own profile). A list held in a `std::vector` is counted by `cfn::check` before the template is written.
// expect: list_has_more_items_than_the_property_allows
// expect-gcc: AWS::IAM::InstanceProfile\.Roles.*cfn::list_rule\{0, 1\}, 2>
// expect-clang: cfn::list_rule\{0, 1\}|\{0, 1\}, 2
#include <cfn/cfn.hpp>
#include <cfn/aws/iam/instance_profile.hpp>
#include <cfn/aws/iam/role.hpp>

void build(cfn::stack& s, const cfn::aws::iam::role::handle& manager, const cfn::aws::iam::role::handle& worker) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::iam::instance_profile{"Nodes", {.roles = {manager.ref(), worker.ref()}}});  // <- error
#else
    s.add(cfn::aws::iam::instance_profile{"Managers", {.roles = {manager.ref()}}});
    s.add(cfn::aws::iam::instance_profile{"Workers", {.roles = {worker.ref()}}});
#endif
}
