// cfnpp: nlohmann::json documents where CloudFormation takes Json.
//
//     #include <cfn/nlohmann.hpp>
//     auto policy = nlohmann::json::parse(policy_file);
//     s.add(iam::role{"Role", {.assume_role_policy_document = policy}});
//
// A document goes in as it is: its strings stay strings, so `{"Ref": "Vpc"}` written inside it is
// not a reference the checks can follow. For references inside JSON, use cfn::json_value, which
// takes typed expressions (`vpc.ref()`) anywhere. nlohmann::json writes object keys sorted,
// nlohmann::ordered_json in insertion order; both are kept as they are.
//
// Separate from the core on purpose: nlohmann/json costs about a second of compile time in every
// translation unit that includes it (docs/design.md).
#pragma once

#include <stdexcept>    // std::invalid_argument
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <nlohmann/json.hpp>

#include <cfn/json_value.hpp>
#include <cfn/node.hpp>
#include <cfn/value.hpp>

namespace cfn {

namespace detail {
template <class Json>
node nlohmann_to_node(const Json& document) {
    switch (document.type()) {
        case Json::value_t::null:
        case Json::value_t::discarded:
            return make_null();
        case Json::value_t::boolean:
            return make_bool(document.template get<bool>());
        case Json::value_t::number_integer:
            return make_int(document.template get<long long>());
        case Json::value_t::number_unsigned:
            return make_int(static_cast<long long>(document.template get<unsigned long long>()));
        case Json::value_t::number_float:
            return make_number(document.template get<double>());
        case Json::value_t::string:
            return make_string(document.template get_ref<const typename Json::string_t&>());
        case Json::value_t::array: {
            std::vector<node> items;
            items.reserve(document.size());
            for (const Json& item : document) items.push_back(nlohmann_to_node(item));
            return make_list(items.data(), items.size());
        }
        case Json::value_t::object: {
            std::vector<std::pair<std::string_view, node>> members;
            members.reserve(document.size());
            for (auto it = document.begin(); it != document.end(); ++it)
                members.emplace_back(it.key(), nlohmann_to_node(it.value()));
            return make_object(members.data(), members.size());
        }
        case Json::value_t::binary:
            break;
    }
    throw std::invalid_argument("cfn: a binary nlohmann::json value has no CloudFormation (JSON) form");
}
}  // namespace detail

template <>
struct json_adapter<nlohmann::json> {
    static node to_node(const nlohmann::json& document) { return detail::nlohmann_to_node(document); }
};

template <>
struct json_adapter<nlohmann::ordered_json> {
    static node to_node(const nlohmann::ordered_json& document) { return detail::nlohmann_to_node(document); }
};

}  // namespace cfn
