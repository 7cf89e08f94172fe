// cfnpp: Mappings and Fn::FindInMap.
#pragma once

#include <string>   // std::string
#include <utility>  // std::pair
#include <vector>   // std::vector

#include <cfn/logical_id.hpp>
#include <cfn/resource.hpp>
#include <cfn/value.hpp>

namespace cfn {

/// A mapping whose values have CloudFormation type T:
/// `cfn::mapping<>{"RegionMap", {{"eu-central-1", {{"AMI", "ami-0a1b2c"}}}}}`.
template <class T = str>
struct mapping {
    using value_type = T;
    logical_id id;
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, value<T>>>>> entries;
};

/// What `stack::add` returns for a mapping; use it with `cfn::find_in_map`.
template <class T>
class mapping_handle : public handle_base {
public:
    using handle_base::handle_base;
};

namespace detail {
node find_in_map_node(const handle_base& mapping, node top_level_key, node second_level_key);
}

/// Fn::FindInMap: `cfn::find_in_map(region_map, cfn::aws::region, "AMI")` has the mapping's type.
template <class T>
expr<T> find_in_map(const mapping_handle<T>& mapping, value<str> top_level_key, value<str> second_level_key) {
    return {detail::from_node,
            detail::find_in_map_node(mapping, detail::node_of(top_level_key), detail::node_of(second_level_key))};
}

}  // namespace cfn
