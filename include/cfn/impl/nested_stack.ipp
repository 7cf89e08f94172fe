// cfnpp implementation: nested stacks, and the wiring of the references that cross their
// boundaries into parameters and outputs.
//
// The stacks are not changed: each template is a copy of its stack (same identity, so its own
// references stay its own) whose references to other stacks of the tree are rewritten:
//
// - to a stack above it (or beside it): a parameter of the copy, whose value its parent passes in
//   the AWS::CloudFormation::Stack resource's Parameters, itself wired the same way one level up;
// - to a stack below it: `Fn::GetAtt [Child, Outputs.Name]`, with the output added to the child,
//   itself wired the same way one level down.
//
// A list cannot cross as such (nested stack parameters and outputs are strings): it is joined with
// "," and arrives as a CommaDelimitedList parameter, or is split again from the output.
#pragma once

#include <atomic>         // std::atomic
#include <cctype>         // std::isalnum
#include <cstdint>        // std::uintptr_t
#include <map>            // std::map
#include <memory>         // std::unique_ptr
#include <set>            // std::set
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::swap
#include <vector>         // std::vector

#include <sys/stat.h>     // mkdir

#include <cfn/check.hpp>
#include <cfn/commands.hpp>
#include <cfn/config.hpp>
#include <cfn/impl/check.ipp>
#include <cfn/impl/emit.ipp>
#include <cfn/impl/facts.ipp>
#include <cfn/impl/node.ipp>
#include <cfn/impl/output.ipp>
#include <cfn/impl/utf8.ipp>
#include <cfn/impl/stack.ipp>
#include <cfn/nested_stack.hpp>

namespace cfn {

namespace detail {

struct nested_children {
    std::vector<nested_stack*> list;
    std::atomic<std::size_t> owners{1};  // a stack's copies may be destroyed on other threads
};

CFN_INLINE nested_owner::nested_owner(const nested_owner& other) noexcept : children(other.children) {
    if (children) children->owners.fetch_add(1, std::memory_order_relaxed);
}

CFN_INLINE nested_owner& nested_owner::operator=(const nested_owner& other) noexcept {
    nested_owner copy(other);
    std::swap(children, copy.children);
    return *this;
}

CFN_INLINE nested_owner::~nested_owner() {
    if (!children || children->owners.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    for (nested_stack* child : children->list) delete child;
    delete children;
}

}  // namespace detail

CFN_INLINE const std::vector<nested_stack*>& stack::nested_stacks() const noexcept {
    static const std::vector<nested_stack*> none;
    return nested_.children ? nested_.children->list : none;
}

CFN_INLINE nested_stack& nest(const scope& parent, logical_id id, std::string_view description) {
    raw_handle resource = parent.add(raw_resource{id, "AWS::CloudFormation::Stack", {}});
    auto* made = new nested_stack(resource, description);
    detail::nested_owner& owner = parent.stack().nested_;
    if (!owner.children) owner.children = new detail::nested_children;
    owner.children->list.push_back(made);
    return *made;
}

namespace detail {

/// Builds the wired copies of a tree of stacks (see the top of this file).
struct nested_wiring {
    struct unit {
        const stack* original;
        stack copy;
        unit* parent = nullptr;
        std::string_view resource_id;  // its AWS::CloudFormation::Stack resource in the parent
        std::string path, file;
        std::set<std::string> names;    // IDs of Parameters, Mappings, Conditions, Resources
        std::set<std::string> outputs;  // IDs of Outputs (their own namespace)
        std::vector<std::pair<std::string, node>> passed;  // Parameters its parent passes to it
        std::vector<stack::entry> new_parameters, new_outputs;
        std::unordered_map<std::string, node> crossed;  // what a reference became here, by key
    };
    std::vector<std::unique_ptr<unit>> units;  // depth first, the top first
    std::unordered_map<const stack_identity*, unit*> by_identity;
    std::string_view url_base;  // before the file name in TemplateURL

    void collect(const stack& s, unit* parent, std::string_view resource_id, const std::string& extension) {
        std::unique_ptr<unit> u(new unit{&s, s});
        u->copy.nested_ = {};  // the copy is one template
        u->parent = parent;
        u->resource_id = resource_id;
        if (parent) u->path = parent->path.empty() ? std::string(resource_id) : parent->path + "/" + std::string(resource_id);
        u->file = "template";
        for (char c : u->path) u->file += c == '/' ? '.' : c;
        if (!u->path.empty()) u->file.insert(8, ".");
        u->file += extension;
        for (const auto* section : {&s.parameters(), &s.mappings(), &s.conditions(), &s.resources()})
            for (const auto& e : *section) u->names.emplace(e.id);
        for (const auto& e : s.outputs()) u->outputs.emplace(e.id);
        unit* self = u.get();
        by_identity[s.identity()] = self;
        units.push_back(std::move(u));
        for (const auto& child : s.nested_stacks()) collect(*child, self, child->resource_id(), extension);
    }

    static bool below(const unit* u, const unit* above) {
        for (const unit* p = u->parent; p; p = p->parent)
            if (p == above) return true;
        return false;
    }

    /// A name for a new parameter or output, unique in `taken`: the referenced logical ID followed
    /// by the attribute ("Vpc", "DbEndpointAddress"), then 2, 3... on a collision.
    static std::string unique(std::set<std::string>& taken, const std::string& base) {
        std::string name = base;
        for (int i = 2; taken.count(name); ++i) name = base + std::to_string(i);
        taken.insert(name);
        return name;
    }

    static node comma() { return make_string(","); }
    static node join(node list) { return call("Fn::Join", {comma(), list}); }

    /// What `original` (a Ref or Fn::GetAtt made by the stack of `from`) is written as in `u`.
    node cross(unit& u, unit& from, node original, const std::string& key, const std::string& base,
               const std::string& type, bool list, bool no_echo) {
        if (&u == &from) return original;
        if (auto found = u.crossed.find(key); found != u.crossed.end()) return found->second;
        node result;
        if (below(&from, &u)) {
            unit* child = &from;
            while (child->parent != &u) child = child->parent;
            node inside = cross(*child, from, original, key, base, type, list, no_echo);
            std::string name = unique(child->outputs, base);
            object_builder body;
            body.add("Value", list ? join(inside) : inside);
            child->new_outputs.push_back({intern(name), body.build()});
            node parts[] = {make_string(child->resource_id), make_string("Outputs." + name)};
            result = make_call("Fn::GetAtt", make_list(parts, 2), u.copy.identity());
            if (list) result = call("Fn::Split", {comma(), result});
        } else {
            node outside = cross(*u.parent, from, original, key, base, type, list, no_echo);
            std::string name = unique(u.names, base);
            object_builder body;
            body.add("Type", make_string(type));
            if (no_echo) body.add("NoEcho", make_bool(true));
            u.new_parameters.push_back({intern(name), body.build()});
            u.passed.emplace_back(name, list ? join(outside) : outside);
            result = make_call("Ref", make_string(name), u.copy.identity());
        }
        u.crossed.emplace(key, result);
        return result;
    }

    /// A Ref or Fn::GetAtt of another stack of the tree, as written in `u`.
    node reference(unit& u, unit& from, node n) {
        const node_data& d = read(n);
        const node_data& argument = read(d.items[0]);
        std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(from.original->identity())) + " ";
        std::string base, type = "String";
        bool list = false, no_echo = false;
        if (d.text == "Ref") {
            base = argument.text;
            key += "Ref " + base;
            for (const auto& p : from.original->parameters()) {
                if (p.id != argument.text) continue;
                const node_data& body = read(p.body);
                for (std::size_t i = 0; i < body.keys.size(); ++i) {
                    if (body.keys[i] == "Type") type = read(body.items[i]).text;
                    if (body.keys[i] == "NoEcho") no_echo = read(body.items[i]).boolean;
                }
                list = type.find("List<") != std::string::npos || type == "CommaDelimitedList";
            }
        } else {
            const std::string& resource = read(argument.items[0]).text;
            const std::string& attribute = read(argument.items[1]).text;
            key += "GetAtt " + resource + "." + attribute;
            base = resource;
            for (char c : attribute)
                if (std::isalnum(static_cast<unsigned char>(c))) base += c;
            list = d.list_valued;
            if (list) type = "CommaDelimitedList";
        }
        return cross(u, from, n, key, base, type, list, no_echo);
    }

    /// `n` as written in `u`: the same node when nothing in it crosses a boundary.
    node rewrite(unit& u, node n) {
        if (!n.present()) return n;
        const node_data& d = read(n);
        if (d.origin && d.origin != u.copy.identity()) {
            auto from = by_identity.find(d.origin);
            if (from != by_identity.end()) {
                if (d.kind == node_kind::call && (d.text == "Ref" || d.text == "Fn::GetAtt"))
                    return reference(u, *from->second, n);
                // DependsOn a resource below: on the nested stack that holds it.
                if (d.kind == node_kind::string && below(from->second, &u) && from->second->original != nullptr) {
                    unit* child = from->second;
                    while (child->parent != &u) child = child->parent;
                    return make_name(child->resource_id, u.copy.identity());
                }
            }
            // Anything else (a condition of another stack, DependsOn a resource above) stays as it
            // is, for cfn::check to report as a reference to another stack.
        }
        if (d.kind != node_kind::list && d.kind != node_kind::object && d.kind != node_kind::call) return n;
        std::vector<node> items(d.items);
        bool changed = false;
        for (node& item : items) {
            node wired = rewrite(u, item);
            changed = changed || wired != item;
            item = wired;
        }
        if (!changed) return n;
        const node_data& again = read(n);  // still valid: the arena's deque keeps its elements
        if (again.kind == node_kind::list) return make_list(items.data(), items.size());
        if (again.kind == node_kind::call) return make_call(again.text, items[0], again.origin);
        std::vector<std::pair<std::string_view, node>> members;
        for (std::size_t i = 0; i < items.size(); ++i) members.emplace_back(again.keys[i], items[i]);
        return make_object(members.data(), members.size());
    }

    void rewrite_all(unit& u) {
        for (auto* section : {&u.copy.parameters_, &u.copy.mappings_, &u.copy.conditions_, &u.copy.rules_,
                              &u.copy.resources_, &u.copy.outputs_})
            for (stack::entry& e : *section) e.body = rewrite(u, e.body);
        u.copy.metadata_ = rewrite(u, u.copy.metadata_);
    }

    /// The copies' entries refer to what the wiring made of their references (a parameter, an
    /// output of a nested stack), not to what the originals' facts recorded: record them again,
    /// as stack::add does, so that the checks of each template read what it says.
    static void record_facts(unit& u) {
        auto member = [](node body, std::string_view key) {
            const node* found = find_member(read(body), key);
            return found ? *found : node{};
        };
        std::pair<std::vector<stack::entry>*, std::string_view> sections[] = {
            {&u.copy.mappings_, "Mappings"}, {&u.copy.conditions_, "Conditions"}, {&u.copy.rules_, "Rules"},
            {&u.copy.resources_, "Resources"}, {&u.copy.outputs_, "Outputs"}};
        for (auto& [section, name] : sections) {
            bool options = name == "Resources" || name == "Outputs";  // DependsOn and Condition are options
            for (stack::entry& e : *section)
                e.facts = find_facts(name, e.id, e.body, options ? member(e.body, "DependsOn") : node{},
                                     options ? member(e.body, "Condition") : node{});
        }
    }

    /// Adds what the wiring made to the copies: parameters and outputs, and the nested stacks'
    /// resources' TemplateURL and Parameters.
    void complete(unit& u) {
        u.copy.parameters_.insert(u.copy.parameters_.end(), u.new_parameters.begin(), u.new_parameters.end());
        u.copy.outputs_.insert(u.copy.outputs_.end(), u.new_outputs.begin(), u.new_outputs.end());
        if (!u.parent) return;
        for (stack::entry& e : u.parent->copy.resources_) {
            if (e.id != u.resource_id) continue;
            object_builder properties;
            properties.add("TemplateURL", make_string(std::string(url_base) + u.file));
            if (!u.passed.empty()) {
                object_builder parameters;
                for (const auto& [name, value] : u.passed) parameters.add(name, value);
                properties.add("Parameters", parameters.build());
            }
            // Properties after Type, Condition, DependsOn and Metadata, where stack::add puts them.
            const node_data& body = read(e.body);
            object_builder ordered;
            bool placed = false;
            for (std::size_t i = 0; i < body.keys.size(); ++i) {
                const std::string& key = body.keys[i];
                if (key == "Properties") continue;
                if (!placed && key != "Type" && key != "Condition" && key != "DependsOn" && key != "Metadata") {
                    ordered.add("Properties", properties.build());
                    placed = true;
                }
                ordered.add(key, body.items[i]);
            }
            if (!placed) ordered.add("Properties", properties.build());
            e.body = ordered.build();
        }
    }
};

}  // namespace detail

CFN_INLINE std::vector<nested_template> nested_templates(const stack& top, format f, std::string_view template_url_base) {
    detail::arena_in_use reading(top.arena());
    detail::nested_wiring wiring;
    wiring.url_base = template_url_base;
    wiring.collect(top, nullptr, {}, f == format::yaml ? ".yaml" : ".json");
    for (auto& u : wiring.units) wiring.rewrite_all(*u);
    for (auto& u : wiring.units) wiring.complete(*u);
    for (auto& u : wiring.units) wiring.record_facts(*u);
    std::vector<nested_template> templates;
    templates.reserve(wiring.units.size());
    for (auto& u : wiring.units) templates.push_back({u->path, u->file, std::move(u->copy), u->original});
    return templates;
}

namespace detail {

/// The templates of `top`, wired, checked (each finding printed, named by `label` and its file)
/// and emitted into `texts`. False when one has an error, or a warning under `strict`.
CFN_INLINE bool prepare_templates(const stack& top, format f, std::string_view url_base, guard::selection rules,
                                  bool strict, const std::string& label, std::vector<nested_template>& templates,
                                  std::vector<std::string>& texts) {
    templates = nested_templates(top, f, url_base);
    texts.clear();
    bool failed = false;
    for (const nested_template& t : templates) {
        std::vector<diagnostic> found = check_utf8(t.stack);
        std::string text;
        if (found.empty()) {
            text = emit(t.stack, f);
            found = check_written(t.stack, text, rules);
        }
        if (!t.path.empty()) {
            // Nobody gives a nested stack's own parameters a value: its parent passes only the
            // references that the wiring made parameters.
            for (const auto& e : t.original->parameters()) {
                const node_data& body = read(e.body);
                bool has_default = false;
                for (const std::string& key : body.keys) has_default = has_default || key == "Default";
                if (!has_default)
                    found.push_back({diagnostic::level::error, "Parameters." + std::string(e.id),
                                     "a parameter of a nested stack needs a Default: its parent passes values only "
                                     "for the references that cross into it (use the parent's parameter instead)"});
            }
        }
        for (const diagnostic& d : found) {
            // A nested template is always read from S3: its size matters against the 1 MB limit only.
            bool nested = !t.path.empty();
            if (nested && d.severity == diagnostic::level::warning && d.path == "template") continue;
            std::fprintf(stderr, "%s\n",
                         diagnostic{d.severity, label + t.file + ":" + d.path, d.message}.to_string().c_str());
            failed = failed || d.severity == diagnostic::level::error || strict;
        }
        texts.push_back(std::move(text));
    }
    return !failed;
}

/// Writes each template into the directory `dir` (created if missing) under its file name: 0, or
/// 2 with the reason printed.
CFN_INLINE int write_templates(const std::string& dir, const std::vector<nested_template>& templates,
                               const std::vector<std::string>& texts) {
    struct stat existing {};
    if (::stat(dir.c_str(), &existing) != 0 ? ::mkdir(dir.c_str(), 0777) != 0 : !S_ISDIR(existing.st_mode)) {
        std::fprintf(stderr, "error: %s is not a directory (a stack with nested stacks writes one file per template)\n",
                     shown(dir).c_str());
        return 2;
    }
    for (std::size_t i = 0; i < templates.size(); ++i) {
        std::string path = dir + "/" + templates[i].file, error;
        if (!write_output(&path, texts[i], error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 2;
        }
    }
    return 0;
}

/// `cfn::run` of a stack with nested stacks: every template is wired, checked on its own (each
/// finding names its file) and, only when none has an error, written into the directory `dir`
/// (created if missing), one file per template.
CFN_INLINE int run_nested(const stack& top, format f, const std::string* dir, bool check_only,
                          const command_options& command, guard::selection rules, bool strict) {
    std::string url_base;
    if (command.command == "deploy") {
        if (command.s3_bucket.empty()) {
            std::fprintf(stderr, "error: deploy needs --s3-bucket BUCKET: this stack has nested stacks, whose templates "
                                 "CloudFormation reads from S3\n");
            return 2;
        }
    }
    // diff compares with what deploy writes: the same URLs when given the same bucket.
    if (!command.s3_bucket.empty()) url_base = nested_template_url_base(command.s3_bucket, command.stack_name);
    if (!command.command.empty()) f = format::json;
    std::vector<nested_template> templates;
    std::vector<std::string> texts;
    if (!prepare_templates(top, f, url_base, rules, strict, "", templates, texts))
        return command.command.empty() ? 1 : 2;
    if (check_only) return 0;
    if (!command.command.empty()) {
#ifdef CFN_SEPARATE_COMPILATION
        return run_nested_command(templates, texts, command);
#else
        std::fprintf(stderr, "error: %s needs cfnpp::runtime: build the program with cfnpp_add_stack (without HEADER_ONLY)\n",
                     command.command.c_str());
        return 2;
#endif
    }
    if (!dir) {
        std::fprintf(stderr, "error: this stack has nested stacks: %zu templates; write them into a directory with -o DIR\n",
                     templates.size());
        return 2;
    }
    return write_templates(*dir, templates, texts);
}

}  // namespace detail

}  // namespace cfn
