// The diff engine (include/cfn/diff.hpp): two templates in, the changes and their impact out.
// Pure: no process, no output. Reads templates with nlohmann::ojson, which only the runtime sees.
#include <cfn/diff.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include <cfn/stack.hpp>

namespace cfn {

using ojson = nlohmann::ordered_json;

std::string_view to_string(impact i) noexcept {
    switch (i) {
        case impact::none: return "none";
        case impact::create: return "create";
        case impact::update: return "update";
        case impact::may_replace: return "may-replace";
        case impact::replace: return "replace";
        case impact::orphan: return "orphan";
        case impact::destroy: return "destroy";
    }
    return "none";
}

std::string_view to_string(change_kind c) noexcept {
    switch (c) {
        case change_kind::add: return "add";
        case change_kind::remove: return "remove";
        case change_kind::modify: return "modify";
    }
    return "modify";
}

std::vector<const resource_info*> resource_types_of(const stack& s) {
    std::vector<const resource_info*> types;
    for (const stack::entry& e : s.resources())
        if (e.info && std::find(types.begin(), types.end(), e.info) == types.end()) types.push_back(e.info);
    return types;
}

namespace {

ojson parse_template(std::string_view text, const char* which) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return ojson::object();
    ojson t;
    try {
        t = ojson::parse(text.begin(), text.end());
    } catch (const ojson::parse_error& e) {
        bool yaml = text.find_first_not_of(" \t\r\n") != std::string_view::npos &&
                    text[text.find_first_not_of(" \t\r\n")] != '{';
        throw std::runtime_error(std::string(which) + " template is not JSON" +
                                 (yaml ? " (YAML templates are not read: write the old one with --format ojson)" : "") +
                                 ": " + e.what());
    }
    if (!t.is_object()) throw std::runtime_error(std::string(which) + " template is not a JSON object");
    if (t.contains("Resources") && !t["Resources"].is_object())
        throw std::runtime_error(std::string(which) + " template: Resources is not an object");
    return t;
}

const ojson& member(const ojson& object, const char* key) {
    static const ojson null;
    if (!object.is_object()) return null;
    auto it = object.find(key);
    return it == object.end() ? null : *it;
}

// Values as one short line. ----------------------------------------------------------------------

std::string shorten(std::string s, std::size_t limit = 60) {
    if (s.size() <= limit) return s;
    std::size_t cut = limit - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    return s.substr(0, cut) + "...";
}

/// "Ref X", "GetAtt X.Arn", a string as itself, anything else as compact JSON.
std::string brief(const ojson& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.size() == 1) {
        // Through the iterator: `*v.items().begin()` is a proxy that dies with the statement.
        const auto member = v.begin();
        const std::string& key = member.key();
        const ojson& arg = member.value();
        if (key == "Ref" && arg.is_string()) return "Ref " + arg.get<std::string>();
        if (key == "Fn::GetAtt") {
            if (arg.is_string()) return "GetAtt " + arg.get<std::string>();
            if (arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_string())
                return "GetAtt " + arg[0].get<std::string>() + "." + arg[1].get<std::string>();
        }
    }
    return v.dump();
}

std::string short_value(const ojson& v) { return v.is_null() ? std::string() : shorten(brief(v)); }

// References: what a value depends on. -----------------------------------------------------------

void sub_references(const std::string& text, const ojson* variables, std::set<std::string>& into) {
    for (std::size_t i = text.find("${"); i != std::string::npos; i = text.find("${", i + 2)) {
        std::size_t end = text.find('}', i);
        if (end == std::string::npos) return;
        std::string name = text.substr(i + 2, end - i - 2);
        if (name.empty() || name[0] == '!') continue;  // ${!Literal}
        name = name.substr(0, name.find('.'));
        if (name.rfind("AWS::", 0) == 0) continue;
        if (variables && variables->is_object() && variables->contains(name)) continue;
        into.insert(name);
    }
}

/// The logical IDs `v` refers to through Ref, Fn::GetAtt and Fn::Sub (pseudo parameters left out).
void references(const ojson& v, std::set<std::string>& into) {
    if (v.is_array()) {
        for (const ojson& e : v) references(e, into);
        return;
    }
    if (!v.is_object()) return;
    if (v.size() == 1) {
        // Through the iterator: `*v.items().begin()` is a proxy that dies with the statement.
        const auto member = v.begin();
        const std::string& key = member.key();
        const ojson& arg = member.value();
        if (key == "Ref" && arg.is_string()) {
            std::string name = arg.get<std::string>();
            if (name.rfind("AWS::", 0) != 0) into.insert(name);
            return;
        }
        if (key == "Fn::GetAtt") {
            if (arg.is_array() && !arg.empty() && arg[0].is_string()) into.insert(arg[0].get<std::string>());
            if (arg.is_string()) into.insert(arg.get<std::string>().substr(0, arg.get<std::string>().find('.')));
            return;
        }
        if (key == "Fn::Sub") {
            if (arg.is_string()) sub_references(arg.get<std::string>(), nullptr, into);
            if (arg.is_array() && !arg.empty() && arg[0].is_string()) {
                const ojson* variables = arg.size() > 1 ? &arg[1] : nullptr;
                sub_references(arg[0].get<std::string>(), variables, into);
                if (variables) references(*variables, into);
            }
            return;
        }
    }
    for (const auto& [key, e] : v.items()) references(e, into);
}

// Property knowledge. -----------------------------------------------------------------------------

const field_info* find_field(const struct_info* s, const std::string& name) {
    if (!s) return nullptr;
    for (std::size_t i = 0; i < s->field_count; ++i)
        if (s->fields[i].name == name) return &s->fields[i];
    return nullptr;
}

impact impact_of(replacement r) {
    switch (r) {
        case replacement::yes: return impact::replace;
        case replacement::maybe: return impact::may_replace;
        case replacement::no: break;
    }
    return impact::update;
}

/// Appends the changes of one property; descends into nested property structs, whose own
/// properties say whether they replace the resource.
void compare_property(const std::string& path, const ojson& old_v, const ojson& new_v, const field_info* f,
                      bool known_type, std::vector<property_change>& out) {
    if (old_v == new_v) return;
    if (f && f->kind == field_kind::nested && f->nested && old_v.is_object() && new_v.is_object() &&
        f->replacement != replacement::yes) {
        const struct_info* nested = f->nested();
        std::set<std::string> keys;
        for (const auto& [k, _] : old_v.items()) keys.insert(k);
        for (const auto& [k, _] : new_v.items()) keys.insert(k);
        std::size_t before = out.size();
        for (const std::string& k : keys)
            compare_property(path + "." + k, member(old_v, k.c_str()), member(new_v, k.c_str()), find_field(nested, k),
                             true, out);
        if (f->replacement == replacement::maybe)
            for (std::size_t i = before; i < out.size(); ++i)
                out[i].impact = std::max(out[i].impact, impact::may_replace);
        return;
    }
    // A type the program does not describe: CloudFormation may replace on any property.
    impact i = f ? impact_of(f->replacement) : (known_type ? impact::update : impact::may_replace);
    out.push_back({path, short_value(old_v), short_value(new_v), i, {}});
}

const resource_info* find_type(const std::vector<const resource_info*>& types, const std::string& type) {
    for (const resource_info* t : types)
        if (t->type == type) return t;
    return nullptr;
}

// Security tables. --------------------------------------------------------------------------------

std::string joined(const ojson& v) {
    if (v.is_null()) return {};
    if (!v.is_array()) return brief(v);
    std::string s;
    for (const ojson& e : v) s += (s.empty() ? "" : ", ") + brief(e);
    return s;
}

std::string principal_of(const ojson& statement) {
    const ojson& p = member(statement, "Principal");
    const ojson& np = member(statement, "NotPrincipal");
    const ojson& which = p.is_null() ? np : p;
    if (which.is_null()) return {};
    std::string prefix = p.is_null() ? "NOT " : "";
    if (which.is_object()) {
        std::string s;
        for (const auto& [kind, who] : which.items()) s += (s.empty() ? "" : "; ") + kind + ":" + joined(who);
        return prefix + s;
    }
    return prefix + brief(which);
}

using iam_key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

void policy_statements(const std::string& owner, const ojson& document, const std::string& identity_of,
                       std::set<iam_key>& into) {
    const ojson& statements = member(document, "Statement");
    auto one = [&](const ojson& s) {
        std::string actions = joined(member(s, "Action"));
        if (actions.empty() && !member(s, "NotAction").is_null()) actions = "NOT " + joined(member(s, "NotAction"));
        std::string resources = joined(member(s, "Resource"));
        if (resources.empty() && !member(s, "NotResource").is_null())
            resources = "NOT " + joined(member(s, "NotResource"));
        std::string principal = identity_of.empty() ? principal_of(s) : identity_of;
        std::string effect = member(s, "Effect").is_string() ? member(s, "Effect").get<std::string>() : brief(member(s, "Effect"));
        into.insert({owner, effect, shorten(actions, 80), shorten(resources.empty() ? "*" : resources, 80),
                     shorten(principal, 80)});
    };
    if (statements.is_array())
        for (const ojson& s : statements) one(s);
    else if (statements.is_object())
        one(statements);
}

using rule_key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

std::string protocol_name(const ojson& p) {
    std::string s = brief(p);
    if (s == "-1") return "all";
    if (s == "6") return "tcp";
    if (s == "17") return "udp";
    if (s == "1") return "icmp";
    return s;
}

void add_rule(const std::string& group, const std::string& direction, const ojson& rule, std::set<rule_key>& into) {
    std::string protocol = protocol_name(member(rule, "IpProtocol"));
    std::string from = member(rule, "FromPort").is_null() ? "" : brief(member(rule, "FromPort"));
    std::string to = member(rule, "ToPort").is_null() ? "" : brief(member(rule, "ToPort"));
    std::string ports = protocol == "all" ? "" : (from == to || to.empty() ? from : from + "-" + to);
    std::string peer;
    for (const char* key : {"CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourceSecurityGroupName",
                            "SourcePrefixListId", "DestinationSecurityGroupId", "DestinationPrefixListId"}) {
        const ojson& v = member(rule, key);
        if (!v.is_null()) peer += (peer.empty() ? "" : ", ") + brief(v);
    }
    into.insert({group, direction, protocol, ports, peer});
}

struct security_view {
    std::set<iam_key> iam;
    std::set<rule_key> rules;
};

security_view security_of(const ojson& resources, const std::vector<const resource_info*>& types) {
    security_view view;
    if (!resources.is_object()) return view;
    for (const auto& [id, r] : resources.items()) {
        const ojson& type = member(r, "Type");
        const resource_info* info = type.is_string() ? find_type(types, type.get<std::string>()) : nullptr;
        if (!info) continue;
        const ojson& props = member(r, "Properties");
        const resource_traits& t = info->traits;
        switch (t.scrutiny) {
            case scrutiny::identity_policy_resource: {
                std::string who;
                for (const char* k : {"Roles", "Users", "Groups"})
                    if (!member(props, k).is_null()) who += (who.empty() ? "" : "; ") + std::string(k) + ":" + joined(member(props, k));
                policy_statements(id, member(props, "PolicyDocument"), who.empty() ? "(not attached)" : who, view.iam);
                break;
            }
            case scrutiny::resource_policy_resource:
                policy_statements(id, member(props, "PolicyDocument"), "", view.iam);
                break;
            case scrutiny::lambda_permission:
                view.iam.insert({id, "Allow", brief(member(props, "Action")), brief(member(props, "FunctionName")),
                                 brief(member(props, "Principal"))});
                break;
            case scrutiny::ingress_rule_resource:
                add_rule(brief(member(props, "GroupId")), "ingress", props, view.rules);
                break;
            case scrutiny::egress_rule_resource:
                add_rule(brief(member(props, "GroupId")), "egress", props, view.rules);
                break;
            default:
                break;
        }
        for (std::size_t i = 0; i < t.scrutinized_count; ++i) {
            const ojson& v = member(props, std::string(t.scrutinized[i].name).c_str());
            if (v.is_null()) continue;
            switch (t.scrutinized[i].scrutiny) {
                case scrutiny::inline_resource_policy:
                    policy_statements(id, v, "", view.iam);
                    break;
                case scrutiny::inline_identity_policies:
                    if (v.is_array())
                        for (const ojson& p : v) policy_statements(id, member(p, "PolicyDocument"), "Ref " + id, view.iam);
                    break;
                case scrutiny::managed_policies:
                    if (v.is_array())
                        for (const ojson& arn : v) view.iam.insert({id, "Allow", "(managed policy)", brief(arn), "Ref " + id});
                    break;
                case scrutiny::ingress_rules:
                case scrutiny::egress_rules:
                    if (v.is_array())
                        for (const ojson& rule : v)
                            add_rule("Ref " + id, t.scrutinized[i].scrutiny == scrutiny::ingress_rules ? "ingress" : "egress",
                                     rule, view.rules);
                    break;
                default:
                    break;
            }
        }
    }
    return view;
}

// Resources. ---------------------------------------------------------------------------------------

/// Resource attributes besides Type and Properties: a change is an update of the stack's record.
constexpr const char* resource_attributes[] = {"Condition", "DeletionPolicy", "DependsOn", "Metadata",
                                               "UpdatePolicy", "UpdateReplacePolicy", "CreationPolicy"};

bool is_retained(const ojson& resource) {
    const ojson& policy = member(resource, "DeletionPolicy");
    return policy == "Retain" || policy == "RetainExceptOnCreate";
}

resource_change compare_resource(const std::string& id, const ojson& old_r, const ojson& new_r,
                                 const std::vector<const resource_info*>& types) {
    resource_change c;
    c.logical_id = id;
    c.change = change_kind::modify;
    c.impact = impact::none;
    std::string old_type = member(old_r, "Type").is_string() ? member(old_r, "Type").get<std::string>() : "";
    c.type = member(new_r, "Type").is_string() ? member(new_r, "Type").get<std::string>() : "";
    const resource_info* info = find_type(types, c.type);
    c.stateful = info && info->traits.stateful;
    if (old_type != c.type) {
        c.old_type = old_type;
        c.impact = impact::replace;
        c.properties.push_back({"Type", old_type, c.type, impact::replace, {}});
        return c;
    }
    const ojson& old_p = member(old_r, "Properties");
    const ojson& new_p = member(new_r, "Properties");
    std::set<std::string> keys;
    for (const ojson* p : {&old_p, &new_p})
        if (p->is_object())
            for (const auto& [k, _] : p->items()) keys.insert(k);
    const struct_info* table = info ? info->properties() : nullptr;
    for (const std::string& k : keys)
        compare_property(k, member(old_p, k.c_str()), member(new_p, k.c_str()), find_field(table, k), info != nullptr,
                         c.properties);
    for (const char* attribute : resource_attributes) {
        const ojson& o = member(old_r, attribute);
        const ojson& n = member(new_r, attribute);
        if (o != n) c.properties.push_back({attribute, short_value(o), short_value(n), impact::update, {}});
    }
    for (const property_change& p : c.properties) c.impact = std::max(c.impact, p.impact);
    return c;
}

/// A resource whose property refers to a replaced resource sees that property change (the physical
/// ID or attribute it reads is new): it is replaced too when that property replaces it.
void propagate(std::vector<resource_change>& changes, const ojson& new_resources,
               const std::vector<const resource_info*>& types) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < changes.size(); ++i) index[changes[i].logical_id] = i;
    bool changed = true;
    while (changed) {
        changed = false;
        for (const auto& [id, r] : new_resources.items()) {
            auto at = index.find(id);
            if (at != index.end() && changes[at->second].change == change_kind::add) continue;
            if (at != index.end() && !changes[at->second].old_type.empty()) continue;  // replaced already
            const ojson& props = member(r, "Properties");
            if (!props.is_object()) continue;
            const resource_info* info =
                member(r, "Type").is_string() ? find_type(types, member(r, "Type").get<std::string>()) : nullptr;
            const struct_info* table = info ? info->properties() : nullptr;
            for (const auto& [name, value] : props.items()) {
                std::set<std::string> refs;
                references(value, refs);
                for (const std::string& target : refs) {
                    auto t = index.find(target);
                    if (t == index.end()) continue;
                    impact source = changes[t->second].impact;
                    if (source != impact::replace && source != impact::may_replace) continue;
                    if (changes[t->second].change != change_kind::modify) continue;
                    const field_info* f = find_field(table, name);
                    impact own = f ? impact_of(f->replacement) : (info ? impact::update : impact::may_replace);
                    impact i = std::min(own, source);
                    if (at == index.end()) {
                        resource_change c;
                        c.logical_id = id;
                        c.type = member(r, "Type").get<std::string>();
                        c.change = change_kind::modify;
                        c.impact = impact::none;
                        c.stateful = info && info->traits.stateful;
                        changes.push_back(std::move(c));
                        at = index.emplace(id, changes.size() - 1).first;
                    }
                    resource_change& c = changes[at->second];
                    std::string because = target + (source == impact::replace ? " is replaced" : " may be replaced");
                    bool listed = false;
                    for (property_change& p : c.properties) {
                        if (p.path != name) continue;
                        listed = true;
                        if (i > p.impact) {
                            p.impact = i;
                            changed = true;
                        }
                        if (p.because.empty()) p.because = because;
                    }
                    if (!listed) {
                        c.properties.push_back({name, short_value(value), "(new value)", i, because});
                        changed = true;
                    }
                    if (i > c.impact) {
                        c.impact = i;
                        changed = true;
                    }
                }
            }
        }
    }
}

void compare_section(const ojson& old_t, const ojson& new_t, const char* section, std::vector<section_change>& out) {
    const ojson& o = member(old_t, section);
    const ojson& n = member(new_t, section);
    std::set<std::string> keys;
    for (const ojson* s : {&o, &n})
        if (s->is_object())
            for (const auto& [k, _] : s->items()) keys.insert(k);
    for (const std::string& k : keys) {
        const ojson& a = member(o, k.c_str());
        const ojson& b = member(n, k.c_str());
        if (a == b) continue;
        out.push_back({section, k, a.is_null() ? change_kind::add : b.is_null() ? change_kind::remove : change_kind::modify});
    }
}

}  // namespace

template_diff diff_templates(std::string_view old_template, std::string_view new_template,
                             const std::vector<const resource_info*>& types) {
    ojson old_t = parse_template(old_template, "the deployed (old)");
    ojson new_t = parse_template(new_template, "the new");
    const ojson& old_r = member(old_t, "Resources");
    const ojson& new_r = member(new_t, "Resources");

    template_diff d;
    std::set<std::string> ids;
    for (const ojson* r : {&old_r, &new_r})
        if (r->is_object())
            for (const auto& [k, _] : r->items()) ids.insert(k);
    for (const std::string& id : ids) {
        const ojson& o = member(old_r, id.c_str());
        const ojson& n = member(new_r, id.c_str());
        if (o.is_null()) {
            const ojson& type = member(n, "Type");
            const resource_info* info = type.is_string() ? find_type(types, type.get<std::string>()) : nullptr;
            d.resources.push_back({id, type.is_string() ? type.get<std::string>() : "", {}, change_kind::add,
                                   impact::create, info && info->traits.stateful, {}});
        } else if (n.is_null()) {
            const ojson& type = member(o, "Type");
            const resource_info* info = type.is_string() ? find_type(types, type.get<std::string>()) : nullptr;
            d.resources.push_back({id, type.is_string() ? type.get<std::string>() : "", {}, change_kind::remove,
                                   is_retained(o) ? impact::orphan : impact::destroy, info && info->traits.stateful, {}});
        } else if (o != n) {
            resource_change c = compare_resource(id, o, n, types);
            if (!c.properties.empty()) d.resources.push_back(std::move(c));
        }
    }
    if (new_r.is_object()) propagate(d.resources, new_r, types);
    std::sort(d.resources.begin(), d.resources.end(),
              [](const resource_change& a, const resource_change& b) { return a.logical_id < b.logical_id; });

    security_view before = security_of(old_r, types), after = security_of(new_r, types);
    for (const iam_key& k : after.iam)
        if (!before.iam.count(k))
            d.iam.push_back({true, std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k)});
    for (const iam_key& k : before.iam)
        if (!after.iam.count(k))
            d.iam.push_back({false, std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k)});
    for (const rule_key& k : after.rules)
        if (!before.rules.count(k))
            d.security_groups.push_back({true, std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k)});
    for (const rule_key& k : before.rules)
        if (!after.rules.count(k))
            d.security_groups.push_back({false, std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k)});

    for (const char* section : {"Parameters", "Mappings", "Conditions", "Rules", "Outputs"})
        compare_section(old_t, new_t, section, d.sections);
    for (const char* top : {"Transform", "Description", "Metadata"}) {
        const ojson& a = member(old_t, top);
        const ojson& b = member(new_t, top);
        if (a != b)
            d.sections.push_back({top, top, a.is_null() ? change_kind::add : b.is_null() ? change_kind::remove : change_kind::modify});
    }
    return d;
}

}  // namespace cfn
