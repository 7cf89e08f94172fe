// cfnpp implementation: building the template's sections, and the intrinsic functions.
#pragma once

#include <cfn/config.hpp>
#include <cfn/impl/facts.ipp>
#include <cfn/impl/guard/suppress.ipp>
#include <cfn/impl/node.ipp>
#include <cfn/intrinsics.hpp>
#include <cfn/scope.hpp>
#include <cfn/stack.hpp>

namespace cfn {

namespace detail {

CFN_INLINE std::string_view deletion_name(deletion policy) {
    if (policy == deletion::unset) return {};
    return vocabulary::deletion_policies[static_cast<std::size_t>(policy) - 1].name;
}

CFN_INLINE node call(std::string_view function, std::initializer_list<node> arguments) {
    return make_call(function, make_list(arguments.begin(), arguments.size()));
}

CFN_INLINE node join_node(node delimiter, node parts) { return call("Fn::Join", {delimiter, parts}); }
CFN_INLINE node select_node(node index, node items) { return call("Fn::Select", {index, items}); }
CFN_INLINE node if_node(const condition_handle& condition, node when_true, node when_false) {
    return call("Fn::If", {make_name(condition.logical_id(), condition.stack_identity()), when_true, when_false});
}
CFN_INLINE node find_in_map_node(const handle_base& mapping, node top_level_key, node second_level_key) {
    return call("Fn::FindInMap",
                {make_name(mapping.logical_id(), mapping.stack_identity()), top_level_key, second_level_key});
}

CFN_INLINE node list_of(std::initializer_list<value<str>> items) {
    std::vector<node> nodes;
    for (const auto& item : items) nodes.push_back(node_of(item));
    return make_list(nodes.data(), nodes.size());
}

}  // namespace detail

// Intrinsic functions. ----------------------------------------------------------------------------

CFN_INLINE expr<str> base64(value<str> text) { return {detail::from_node, detail::make_call("Fn::Base64", detail::node_of(text))}; }

CFN_INLINE expr<list<str>> cidr(value<str> ip_block, value<integer> count, value<integer> cidr_bits) {
    return {detail::from_node, detail::call("Fn::Cidr", {detail::node_of(ip_block), detail::node_of(count), detail::node_of(cidr_bits)})};
}

CFN_INLINE expr<list<str>> get_azs(value<str> region) {
    node r = detail::node_of(region);
    return {detail::from_node, detail::make_call("Fn::GetAZs", r.present() ? r : detail::make_string(""))};
}

CFN_INLINE expr<str> import_value(value<str> exported_name) {
    return {detail::from_node, detail::make_call("Fn::ImportValue", detail::node_of(exported_name))};
}

CFN_INLINE expr<str> join(value<str> delimiter, std::initializer_list<value<str>> parts) {
    return {detail::from_node, detail::join_node(detail::node_of(delimiter), detail::list_of(parts))};
}

CFN_INLINE expr<str> select(value<integer> index, std::initializer_list<value<str>> items) {
    return {detail::from_node, detail::select_node(detail::node_of(index), detail::list_of(items))};
}

CFN_INLINE expr<list<str>> split(value<str> delimiter, value<str> source) {
    return {detail::from_node, detail::call("Fn::Split", {detail::node_of(delimiter), detail::node_of(source)})};
}

CFN_INLINE expr<str> sub(sub_text text) { return {detail::from_node, detail::make_call("Fn::Sub", detail::make_string(text.view()))}; }

CFN_INLINE expr<str> sub(sub_text text, std::initializer_list<std::pair<std::string_view, value<str>>> variables) {
    detail::object_builder map;
    for (const auto& [name, v] : variables) map.add(name, detail::node_of(v));
    return {detail::from_node, detail::call("Fn::Sub", {detail::make_string(text.view()), map.build()})};
}

CFN_INLINE condition_operand::condition_operand(const condition_handle& condition)
    : n(detail::make_call("Condition", detail::make_name(condition.logical_id(), condition.stack_identity()))) {}

CFN_INLINE expr<condition_value> equals(value<json> a, value<json> b) { return {detail::from_node, detail::call("Fn::Equals", {detail::node_of(a), detail::node_of(b)})}; }

namespace detail {
CFN_INLINE node condition_list(std::string_view function, std::initializer_list<condition_operand> conditions) {
    std::vector<node> nodes;
    for (const auto& c : conditions) nodes.push_back(c.n);
    return make_call(function, make_list(nodes.data(), nodes.size()));
}
}  // namespace detail

CFN_INLINE expr<condition_value> and_(std::initializer_list<condition_operand> conditions) {
    return {detail::from_node, detail::condition_list("Fn::And", conditions)};
}
CFN_INLINE expr<condition_value> or_(std::initializer_list<condition_operand> conditions) {
    return {detail::from_node, detail::condition_list("Fn::Or", conditions)};
}
CFN_INLINE expr<condition_value> not_(condition_operand condition) { return {detail::from_node, detail::call("Fn::Not", {condition.n})}; }

namespace rules {
CFN_INLINE expr<condition_value> contains(value<list<str>> items, value<str> item) {
    return {detail::from_node, detail::call("Fn::Contains", {detail::node_of(items), detail::node_of(item)})};
}
CFN_INLINE expr<condition_value> each_member_equals(value<list<str>> items, value<str> item) {
    return {detail::from_node, detail::call("Fn::EachMemberEquals", {detail::node_of(items), detail::node_of(item)})};
}
CFN_INLINE expr<condition_value> each_member_in(value<list<str>> items, value<list<str>> allowed) {
    return {detail::from_node, detail::call("Fn::EachMemberIn", {detail::node_of(items), detail::node_of(allowed)})};
}
CFN_INLINE expr<list<str>> ref_all(std::string_view parameter_type) {
    return {detail::from_node, detail::make_call("Fn::RefAll", detail::make_string(parameter_type))};
}
CFN_INLINE expr<str> value_of(const handle_base& parameter, std::string_view attribute) {
    return {detail::from_node, detail::call("Fn::ValueOf", {detail::make_name(parameter.logical_id(), parameter.stack_identity()),
                                         detail::make_string(attribute)})};
}
CFN_INLINE expr<list<str>> value_of_all(std::string_view parameter_type, std::string_view attribute) {
    return {detail::from_node, detail::call("Fn::ValueOfAll", {detail::make_string(parameter_type), detail::make_string(attribute)})};
}
}  // namespace rules

// Literals. -------------------------------------------------------------------------------------

CFN_INLINE literal::literal(const char* text) : n(detail::make_string(text)) {}
CFN_INLINE literal::literal(std::string_view text) : n(detail::make_string(text)) {}
CFN_INLINE literal::literal(const std::string& text) : n(detail::make_string(text)) {}
CFN_INLINE literal::literal(long long number, int) : n(detail::make_int(number)) {}
CFN_INLINE literal::literal(double number, int) : n(detail::make_number(number)) {}
CFN_INLINE literal::literal(std::initializer_list<literal> items) {
    std::vector<node> nodes;
    for (const auto& item : items) nodes.push_back(item.n);
    n = detail::make_list(nodes.data(), nodes.size());
}

// The stack. ------------------------------------------------------------------------------------

CFN_INLINE stack::stack(std::string_view description)
    : identity_(detail::new_stack_identity(arena_.get())), description_(description) {}

CFN_INLINE stack::entry& stack::add_entry(std::vector<entry>& section, std::string_view section_name,
                                        const placement& where, logical_id id, node body, node depends_on,
                                        node condition) {
    entry& e = section.emplace_back();
    e.body = body;
    if (where.path.empty()) {
        e.id = id.str();
    } else {
        e.id = detail::intern(std::string(where.prefix) + std::string(id.str()));
        e.scoped_name = detail::intern(std::string(where.path) + "/" + std::string(id.str()));
    }
    // A parameter refers to nothing: its Default and AllowedValues are literals.
    if (&section != &parameters_) e.facts = detail::find_facts(section_name, e.id, body, depends_on, condition);
    return e;
}

CFN_INLINE std::string_view stack::add_resource(const placement& where, logical_id id, const resource_info& info,
                                                const void* properties, const resource_options& options) {
    node props = detail::struct_to_node(properties, *info.properties(), false);
    if (options.raw_properties.n.present()) {
        // Typed properties first, then the raw ones: the checks refuse a raw name that is typed.
        const node_data& typed = detail::read(props);
        const node_data& raw = detail::read(options.raw_properties.n);
        std::vector<std::pair<std::string_view, node>> members;
        if (props.present())
            for (std::size_t i = 0; i < typed.keys.size(); ++i) members.emplace_back(typed.keys[i], typed.items[i]);
        for (std::size_t i = 0; i < raw.keys.size(); ++i) members.emplace_back(raw.keys[i], raw.items[i]);
        props = detail::make_object(members.data(), members.size());
    }
    detail::object_builder body;
    body.add("Type", detail::make_string(info.type));
    body.add("Condition", options.condition.n);
    body.add("DependsOn", options.depends_on.n);
    body.add("Metadata", detail::node_of(options.metadata));
    body.add("Properties", props);
    body.add("CreationPolicy", detail::struct_to_node(&options.creation_policy, *creation_policy::cfn_struct(), false));
    body.add("UpdatePolicy", detail::struct_to_node(&options.update_policy, *update_policy::cfn_struct(), false));
    body.add("Version", detail::node_of(options.version));
    if (options.deletion_policy != deletion::unset)
        body.add("DeletionPolicy", detail::make_string(detail::deletion_name(options.deletion_policy)));
    if (options.update_replace_policy != deletion::unset)
        body.add("UpdateReplacePolicy", detail::make_string(detail::deletion_name(options.update_replace_policy)));
    if (!info.transform.empty()) add_transform(info.transform);
    node written = detail::with_suppressions(body.build(), options.suppress.n,
                                             detail::concat_suppressions(where.suppress, suppressions_));
    entry& e = add_entry(resources_, "Resources", where, id, written, options.depends_on.n, options.condition.n);
    e.info = &info;
    e.raw_properties = options.raw_properties.n;
    e.suppressed = detail::concat_suppressions(options.suppress.n, where.suppress);
    return e.id;
}

CFN_INLINE raw_handle stack::add_at(const placement& where, const raw_resource& resource) {
    detail::object_builder body;
    body.add("Type", detail::make_string(resource.type));
    body.add("Condition", resource.options.condition.n);
    body.add("DependsOn", resource.options.depends_on.n);
    body.add("Metadata", detail::node_of(resource.options.metadata));
    body.add("Properties", resource.properties.n);
    body.add("CreationPolicy",
             detail::struct_to_node(&resource.options.creation_policy, *creation_policy::cfn_struct(), false));
    body.add("UpdatePolicy", detail::struct_to_node(&resource.options.update_policy, *update_policy::cfn_struct(), false));
    body.add("Version", detail::node_of(resource.options.version));
    if (resource.options.deletion_policy != deletion::unset)
        body.add("DeletionPolicy", detail::make_string(detail::deletion_name(resource.options.deletion_policy)));
    if (resource.options.update_replace_policy != deletion::unset)
        body.add("UpdateReplacePolicy", detail::make_string(detail::deletion_name(resource.options.update_replace_policy)));
    node written = detail::with_suppressions(body.build(), resource.options.suppress.n,
                                             detail::concat_suppressions(where.suppress, suppressions_));
    entry& e = add_entry(resources_, "Resources", where, resource.id, written, resource.options.depends_on.n,
                         resource.options.condition.n);
    e.suppressed = detail::concat_suppressions(resource.options.suppress.n, where.suppress);
    std::string_view id = e.id;
    return {detail::handle_key{}, id, identity_};
}

CFN_INLINE std::string_view stack::add_parameter(const placement& where, logical_id id, const std::string& type,
                                                 const parameter_options& options) {
    detail::object_builder body;
    body.add("Type", detail::make_string(type));
    if (!options.description.empty()) body.add("Description", detail::make_string(options.description));
    if (options.default_value) body.add("Default", detail::node_of(*options.default_value));
    if (!options.allowed_values.empty()) {
        std::vector<node> values;
        for (const auto& v : options.allowed_values) values.push_back(detail::node_of(v));
        body.add("AllowedValues", detail::make_list(values.data(), values.size()));
    }
    if (!options.allowed_pattern.empty()) body.add("AllowedPattern", detail::make_string(options.allowed_pattern));
    if (options.min_length) body.add("MinLength", detail::make_int(*options.min_length));
    if (options.max_length) body.add("MaxLength", detail::make_int(*options.max_length));
    auto number = [](double v) {
        return v == static_cast<double>(static_cast<long long>(v)) ? detail::make_int(static_cast<long long>(v))
                                                                    : detail::make_number(v);
    };
    if (options.min_value) body.add("MinValue", number(*options.min_value));
    if (options.max_value) body.add("MaxValue", number(*options.max_value));
    if (options.no_echo) body.add("NoEcho", detail::make_bool(true));
    if (!options.constraint_description.empty())
        body.add("ConstraintDescription", detail::make_string(options.constraint_description));
    return add_entry(parameters_, "Parameters", where, id, body.build()).id;
}

CFN_INLINE std::string_view stack::add_mapping(const placement& where, logical_id id, node body) {
    return add_entry(mappings_, "Mappings", where, id, body).id;
}

CFN_INLINE condition_handle stack::add_at(const placement& where, const condition& c) {
    std::string_view id = add_entry(conditions_, "Conditions", where, c.id, detail::node_of(c.expression)).id;
    return {detail::handle_key{}, id, identity_};
}

CFN_INLINE void stack::add_at(const placement& where, const cfn::output& o) {
    detail::object_builder body;
    if (!o.options.description.empty()) body.add("Description", detail::make_string(o.options.description));
    body.add("Condition", o.options.condition.n);
    body.add("Value", o.value.n);
    if (detail::node_of(o.options.export_name).present())
        body.add("Export", detail::object_builder{}.add("Name", detail::node_of(o.options.export_name)).build());
    add_entry(outputs_, "Outputs", where, o.id, body.build(), {}, o.options.condition.n);
}

CFN_INLINE void stack::output(logical_id id, output_value value, std::string_view description) {
    add(cfn::output{id, value, {.description = std::string(description)}});
}

CFN_INLINE void stack::add_at(const placement& where, const rule& r) {
    detail::object_builder body;
    if (r.rule_condition) body.add("RuleCondition", detail::node_of(*r.rule_condition));
    std::vector<node> assertions;
    for (const auto& a : r.assertions) {
        detail::object_builder assertion;
        assertion.add("Assert", detail::node_of(a.assertion));
        if (!a.description.empty()) assertion.add("AssertDescription", detail::make_string(a.description));
        assertions.push_back(assertion.build());
    }
    body.add("Assertions", detail::make_list(assertions.data(), assertions.size()));
    add_entry(rules_, "Rules", where, r.id, body.build());
}

CFN_INLINE void stack::add_transform(std::string_view name) {
    for (const auto& t : transforms_)
        if (t == name) return;
    transforms_.emplace_back(name);
}

CFN_INLINE void stack::set_metadata(value<json> metadata) { metadata_ = detail::node_of(metadata); }

CFN_INLINE void stack::suppress(guard::suppressions list) {
    // The resources already added get the Metadata now; those added later, in add_resource.
    for (entry& e : resources_) e.body = detail::with_suppressions(e.body, {}, list.n);
    suppressions_ = detail::concat_suppressions(suppressions_, list.n);
}

// Scopes. ---------------------------------------------------------------------------------------

CFN_INLINE scope::scope(const scope& parent, logical_id name)
    : stack_(parent.stack_),
      prefix_(detail::intern(std::string(parent.prefix_) + std::string(name.str()))),
      path_(parent.path_.empty() ? name.str()
                                 : detail::intern(std::string(parent.path_) + "/" + std::string(name.str()))),
      suppress_(parent.suppress_) {}

CFN_INLINE scope::scope(const scope& parent, logical_id name, guard::suppressions suppress) : scope(parent, name) {
    suppress_ = detail::concat_suppressions(suppress_, suppress.n);
}

CFN_INLINE std::string_view scope::add_resource(logical_id id, const resource_info& info, const void* properties,
                                                const resource_options& options) const {
    return stack_->add_resource({prefix_, path_, suppress_}, id, info, properties, options);
}

CFN_INLINE void scope::output(logical_id id, output_value value, std::string_view description) const {
    add(cfn::output{id, value, {.description = std::string(description)}});
}

}  // namespace cfn
