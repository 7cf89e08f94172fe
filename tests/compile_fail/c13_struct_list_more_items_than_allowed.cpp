// A list literal of property structs with more items than the property allows: a Lambda function with two file systems (the schema's maxItems is 1).
// class: 13
// fix: at most the schema's maxItems, shown as `max_items` in the message's `cfn::list_rule{min_items, max_items}` (`{0, 1}`: one file system per function). Struct lists are counted at compile time when their maxItems is 8 or less; a literal of more than maxItems + 1 items finds no constructor (clang++ "no matching constructor", g++ "could not convert", naming the property's type and rule). Longer lists, and lists in a `std::vector`, are counted by `cfn::check` before the template is written.
// expect: list_has_more_items_than_the_property_allows
// expect-gcc: AWS::Lambda::Function\.FileSystemConfigs.*cfn::list_rule\{0, 1\}, 2>
// expect-clang: \{0, 1\}, 2
#include <cfn/cfn.hpp>
#include <cfn/aws/efs/access_point.hpp>
#include <cfn/aws/lambda/function.hpp>

using cfn::aws::lambda::function;

void build(cfn::stack& s, const cfn::aws::efs::access_point::handle& data, const cfn::aws::efs::access_point::handle& logs,
           const cfn::expr<cfn::str>& role) {
#ifdef CFN_MISTAKE
    s.add(function{"Worker", {.code = {.zip_file = "x"}, .file_system_configs = {{.arn = data.attr_arn(), .local_mount_path = "/mnt/data"}, {.arn = logs.attr_arn(), .local_mount_path = "/mnt/logs"}}, .role = role}});  // <- error
#else
    s.add(function{"Worker", {.code = {.zip_file = "x"}, .file_system_configs = {{.arn = data.attr_arn(), .local_mount_path = "/mnt/data"}}, .role = role}});
#endif
}
