// cfnpp implementation: the stack as a graph (cfn/graph.hpp).
//
// Two steps: the stack becomes a small model (vertices, edges, the scopes they sit in, the
// cycles), and each format renders that model. Neither step needs a graph library.
//
// A stack with nested stacks, or a program's several stacks, is one model of several "units":
// each unit (a stack) is a group of its own, nested stacks inside their parent's, and a reference
// is drawn to the unit whose handle made it (the node's origin), as the user wrote it: not the
// parameters and outputs the wiring adds, which are not in the picture. An Fn::ImportValue is
// drawn to the output that exports the name.
#pragma once

#include <algorithm>    // std::find, std::min
#include <cstddef>      // std::size_t
#include <map>          // std::map
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move, std::pair
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/graph.hpp>
#include <cfn/node.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/run.hpp>
#include <cfn/stack.hpp>
#include <cfn/vocabulary.hpp>

namespace cfn {

namespace detail::graphs {

enum class vertex_kind { parameter, resource, output };

struct vertex {
    std::string_view id;
    std::size_t unit;  ///< the stack it is in: model::units
    vertex_kind kind;
    std::string type;                     ///< the resource's or parameter's type
    std::vector<std::string_view> scope;  ///< "Blue/Network/Vpc" -> {"Blue", "Network"}
    bool in_cycle = false;
};

struct edge {
    std::size_t from, to;
    std::vector<std::string> labels;  ///< distinct, in the order first met: "Ref", "DependsOn"
    bool in_cycle = false;
};

/// One stack of the picture.
struct unit {
    const stack* s;
    /// The groups it is drawn in, outermost first: {} for a lone stack; {"network (stack)"};
    /// {"App (nested stack)", "Db (nested stack)"}.
    std::vector<std::string> groups;
};

struct model {
    std::vector<unit> units;
    std::vector<vertex> vertices;
    std::vector<edge> edges;
    /// (unit, logical ID) -> vertex, for what references can name: parameters and resources.
    /// (Outputs have a namespace of their own: the example's output "VPC" is not its resource "VPC".)
    std::map<std::pair<std::size_t, std::string_view>, std::size_t> index;
    /// The unit of each stack identity, to follow a reference made by another stack's handle.
    std::map<const stack_identity*, std::size_t> unit_of;
    /// Export name -> the output vertex that exports it.
    std::map<std::string, std::size_t> exports;

    /// The unit a node was made for: its origin's, else (a name written as text) `fallback`.
    std::size_t unit_for(const node_data& d, std::size_t fallback) const {
        auto found = d.origin ? unit_of.find(d.origin) : unit_of.end();
        return found == unit_of.end() ? fallback : found->second;
    }

    void add_edge_to(std::size_t from, std::size_t target, std::string label) {
        for (edge& e : edges)
            if (e.from == from && e.to == target) {
                if (std::find(e.labels.begin(), e.labels.end(), label) == e.labels.end())
                    e.labels.push_back(std::move(label));
                return;
            }
        edges.push_back(edge{from, target, {std::move(label)}});
    }

    void add_edge(std::size_t from, std::size_t to_unit, std::string_view to, std::string label) {
        auto target = index.find({to_unit, to});
        if (target == index.end()) return;  // a pseudo parameter, or an error the checks report
        add_edge_to(from, target->second, std::move(label));
    }
    void add_edge(std::size_t from, std::string_view to, std::string label) {
        add_edge(from, vertices[from].unit, to, std::move(label));
    }
};

/// The logical IDs a Fn::Sub text names: `${Vpc}`, `${Instance.PublicIp}`; not `${!Literal}`,
/// not the variables of its second argument, not pseudo parameters (they name no vertex).
CFN_INLINE void sub_placeholders(model& m, std::size_t from, const std::string& text, const node_data* variables) {
    using vocabulary::sub_placeholder;
    for (sub_placeholder p = vocabulary::next_sub_placeholder(text, 0); p.state == sub_placeholder::ok;
         p = vocabulary::next_sub_placeholder(text, p.end)) {
        if (p.literal()) continue;
        std::string name(p.name);
        if (variables && member(*variables, name)) continue;
        m.add_edge(from, std::string_view(name).substr(0, name.find('.')), "Sub");
    }
}

/// Every Ref, Fn::GetAtt and Fn::Sub under `n`, as edges from vertex `from`.
CFN_INLINE void collect_references(model& m, std::size_t from, node n) {
    const node_data& d = read(n);
    if (d.kind == node_kind::list || d.kind == node_kind::object) {
        for (node item : d.items) collect_references(m, from, item);
        return;
    }
    if (d.kind != node_kind::call) return;
    const node_data& argument = read(d.items[0]);
    const std::size_t to_unit = m.unit_for(d, m.vertices[from].unit);
    if (d.text == "Ref" && argument.kind == node_kind::string) {
        m.add_edge(from, to_unit, argument.text, "Ref");
        return;
    }
    if (d.text == "Fn::ImportValue" && argument.kind == node_kind::string) {
        if (auto exporter = m.exports.find(argument.text); exporter != m.exports.end())
            m.add_edge_to(from, exporter->second, "ImportValue");
        return;
    }
    if (d.text == "Fn::GetAtt" && argument.kind == node_kind::list && argument.items.size() == 2 &&
        read(argument.items[0]).kind == node_kind::string) {
        const node_data& attribute = read(argument.items[1]);
        m.add_edge(from, to_unit, read(argument.items[0]).text,
                   attribute.kind == node_kind::string ? "GetAtt " + attribute.text : "GetAtt");
        collect_references(m, from, argument.items[1]);
        return;
    }
    if (d.text == "Fn::Sub") {
        if (argument.kind == node_kind::string) {
            sub_placeholders(m, from, argument.text, nullptr);
            return;
        }
        if (argument.kind == node_kind::list && argument.items.size() == 2 &&
            read(argument.items[0]).kind == node_kind::string) {
            sub_placeholders(m, from, read(argument.items[0]).text, &read(argument.items[1]));
            collect_references(m, from, argument.items[1]);
            return;
        }
    }
    collect_references(m, from, d.items[0]);
}

CFN_INLINE std::vector<std::string_view> scope_of(const stack::entry& e) {
    std::vector<std::string_view> scope;
    std::string_view path = e.scoped_name;
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/')) {
        scope.push_back(path.substr(0, slash));
        path.remove_prefix(slash + 1);
    }
    return scope;
}

CFN_INLINE std::string type_of(const stack::entry& e) {
    const node_data& body = read(e.body);
    const node_data* type = body.kind == node_kind::object ? member(body, "Type") : nullptr;
    return type && type->kind == node_kind::string ? type->text : std::string();
}

/// Marks the resources and edges on a dependency cycle: the strongly connected components of
/// more than one resource, and resources that depend on themselves (Tarjan's algorithm, iterated
/// in insertion order so that the result is the same every run).
CFN_INLINE void mark_cycles(model& m) {
    std::size_t n = m.vertices.size(), counter = 0;
    std::vector<std::vector<std::size_t>> out(n);
    for (const edge& e : m.edges) out[e.from].push_back(e.to);
    const std::size_t unvisited = static_cast<std::size_t>(-1);
    std::vector<std::size_t> order(n, unvisited), low(n, 0), component(n, unvisited), stack_of;
    std::vector<bool> on_stack(n, false);
    struct frame {
        std::size_t v, next;
    };
    std::size_t components = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (order[root] != unvisited) continue;
        std::vector<frame> frames{{root, 0}};
        order[root] = low[root] = counter++;
        stack_of.push_back(root);
        on_stack[root] = true;
        while (!frames.empty()) {
            frame& f = frames.back();
            if (f.next < out[f.v].size()) {
                std::size_t w = out[f.v][f.next++];
                if (order[w] == unvisited) {
                    order[w] = low[w] = counter++;
                    stack_of.push_back(w);
                    on_stack[w] = true;
                    frames.push_back({w, 0});
                } else if (on_stack[w]) {
                    low[f.v] = std::min(low[f.v], order[w]);
                }
                continue;
            }
            std::size_t v = f.v;
            frames.pop_back();
            if (!frames.empty()) low[frames.back().v] = std::min(low[frames.back().v], low[v]);
            if (low[v] != order[v]) continue;
            std::size_t members = 0;
            for (std::size_t w = unvisited; w != v;) {
                w = stack_of.back();
                stack_of.pop_back();
                on_stack[w] = false;
                component[w] = components;
                ++members;
            }
            if (members > 1)
                for (std::size_t w = 0; w < n; ++w) m.vertices[w].in_cycle = m.vertices[w].in_cycle || component[w] == components;
            ++components;
        }
    }
    for (edge& e : m.edges) {
        e.in_cycle = component[e.from] == component[e.to] && (e.from == e.to || m.vertices[e.from].in_cycle);
        if (e.from == e.to) m.vertices[e.from].in_cycle = true;
    }
}

CFN_INLINE bool hidden(const std::string& type, const graph_options& options) {
    for (const std::string& pattern : options.hide) {
        if (!pattern.empty() && pattern.back() == '*') {
            if (type.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0) return true;
        } else if (type == pattern) {
            return true;
        }
    }
    return false;
}

/// The units of `s` and of its nested stacks, depth first, inside the groups `groups`.
CFN_INLINE void add_units(model& m, const stack& s, std::vector<std::string> groups) {
    m.unit_of.emplace(s.identity(), m.units.size());
    m.units.push_back(unit{&s, groups});
    for (const nested_stack* child : s.nested_stacks()) {
        std::vector<std::string> inner = groups;
        inner.push_back(std::string(child->resource_id()) + " (nested stack)");
        add_units(m, *child, std::move(inner));
    }
}

/// The vertices and edges of the units (model::units, complete: the vertices' scopes point into
/// their group names).
CFN_INLINE void build_units(model& m) {
    std::vector<std::size_t> first_output;
    for (std::size_t u = 0; u < m.units.size(); ++u) {
        const stack& s = *m.units[u].s;
        auto add_vertices = [&](const std::vector<stack::entry>& section, vertex_kind kind) {
            for (const stack::entry& e : section) {
                if (kind != vertex_kind::output) m.index.emplace(std::pair{u, e.id}, m.vertices.size());
                std::vector<std::string_view> scope(m.units[u].groups.begin(), m.units[u].groups.end());
                for (std::string_view name : scope_of(e)) scope.push_back(name);
                m.vertices.push_back(vertex{e.id, u, kind, kind == vertex_kind::output ? std::string() : type_of(e),
                                            std::move(scope)});
                if (kind != vertex_kind::output) continue;
                // Export.Name, when it is a literal: what an Fn::ImportValue elsewhere names.
                const node_data& body = read(e.body);
                const node_data* exported = body.kind == node_kind::object ? member(body, "Export") : nullptr;
                const node_data* name = exported && exported->kind == node_kind::object ? member(*exported, "Name") : nullptr;
                if (name && name->kind == node_kind::string) m.exports.emplace(name->text, m.vertices.size() - 1);
            }
        };
        add_vertices(s.parameters(), vertex_kind::parameter);
        add_vertices(s.resources(), vertex_kind::resource);
        first_output.push_back(m.vertices.size());
        add_vertices(s.outputs(), vertex_kind::output);
    }
    for (std::size_t u = 0; u < m.units.size(); ++u) {
        const stack& s = *m.units[u].s;
        for (const stack::entry& e : s.resources()) {
            std::size_t from = m.index.at({u, e.id});
            const node_data& body = read(e.body);
            for (std::size_t i = 0; i < body.keys.size(); ++i) {
                if (body.keys[i] != "DependsOn") {
                    collect_references(m, from, body.items[i]);
                    continue;
                }
                const node_data& depends_on = read(body.items[i]);
                if (depends_on.kind == node_kind::string)
                    m.add_edge(from, m.unit_for(depends_on, u), depends_on.text, "DependsOn");
                for (node target : depends_on.items)
                    if (read(target).kind == node_kind::string)
                        m.add_edge(from, m.unit_for(read(target), u), read(target).text, "DependsOn");
            }
        }
        for (std::size_t i = 0; i < s.outputs().size(); ++i) collect_references(m, first_output[u] + i, s.outputs()[i].body);
    }
}

CFN_INLINE model build(model m, const graph_options& options) {
    build_units(m);
    mark_cycles(m);

    // Hiding comes last, so that what is shown of a cycle is still red.
    if (!options.hide.empty()) {
        std::vector<std::size_t> renumbered(m.vertices.size(), static_cast<std::size_t>(-1));
        std::vector<vertex> kept;
        for (std::size_t i = 0; i < m.vertices.size(); ++i)
            if (m.vertices[i].kind != vertex_kind::resource || !hidden(m.vertices[i].type, options)) {
                renumbered[i] = kept.size();
                kept.push_back(std::move(m.vertices[i]));
            }
        std::vector<edge> edges;
        for (edge& e : m.edges)
            if (renumbered[e.from] != static_cast<std::size_t>(-1) && renumbered[e.to] != static_cast<std::size_t>(-1))
                edges.push_back(edge{renumbered[e.from], renumbered[e.to], std::move(e.labels), e.in_cycle});
        m.vertices = std::move(kept);
        m.edges = std::move(edges);
    }
    return m;
}

/// The scopes as a tree, so that both formats can nest their groups.
struct group {
    std::string_view name;
    std::vector<std::size_t> vertices;
    std::vector<group> children;
};

CFN_INLINE group groups_of(const model& m) {
    group root;
    for (std::size_t i = 0; i < m.vertices.size(); ++i) {
        group* g = &root;
        for (std::string_view name : m.vertices[i].scope) {
            auto child = std::find_if(g->children.begin(), g->children.end(), [&](const group& c) { return c.name == name; });
            if (child == g->children.end()) {
                g->children.push_back(group{name, {}, {}});
                child = g->children.end() - 1;
            }
            g = &*child;
        }
        g->vertices.push_back(i);
    }
    return root;
}

CFN_INLINE std::string joined(const std::vector<std::string>& labels) {
    std::string text;
    for (const std::string& label : labels) text += (text.empty() ? "" : ", ") + label;
    return text;
}

CFN_INLINE std::string second_line(const vertex& v) {
    return v.kind == vertex_kind::output ? std::string("output") : v.type;
}

/// A vertex's ID in both formats: a prefix per section, because an output may have the logical ID
/// of a resource, and so that a logical ID such as `end` or `o1` means nothing to Mermaid (a
/// keyword, an edge end).
/// With several stacks, the same logical ID may be in two of them: "s2_r_Subnet" is the third's.
CFN_INLINE std::string vertex_id(const model& m, const vertex& v) {
    const char* prefix = v.kind == vertex_kind::parameter ? "p_" : v.kind == vertex_kind::output ? "o_" : "r_";
    return (m.units.size() > 1 ? "s" + std::to_string(v.unit) + "_" : std::string()) + prefix + std::string(v.id);
}

// Graphviz DOT. ---------------------------------------------------------------------------------

CFN_INLINE std::string dot_escaped(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        if (c == '"' || c == '\\') escaped += '\\';
        escaped += c;
    }
    return escaped;
}

CFN_INLINE std::string dot_quoted(std::string_view text) { return '"' + dot_escaped(text) + '"'; }

CFN_INLINE void dot_group(const model& m, const group& g, std::string& out, const std::string& indent,
                          const std::string& path) {
    for (std::size_t i : g.vertices) {
        const vertex& v = m.vertices[i];
        const char* shape = v.kind == vertex_kind::parameter ? "parallelogram"
                            : v.kind == vertex_kind::output  ? "ellipse"
                                                             : "box";
        out += indent + vertex_id(m, v) + " [shape=" + shape + " label=" +
               "\"" + dot_escaped(v.id) + "\\n" + dot_escaped(second_line(v)) + "\"" + (v.in_cycle ? " color=red" : "") + "];\n";
    }
    for (const group& child : g.children) {
        std::string child_path = path + std::string(child.name) + "/";
        out += indent + "subgraph " + dot_quoted("cluster_" + child_path) + " {\n";
        out += indent + "    label=" + dot_quoted(child.name) + ";\n";
        dot_group(m, child, out, indent + "    ", child_path);
        out += indent + "}\n";
    }
}

CFN_INLINE std::string render_dot(const model& m) {
    std::string out =
        "digraph stack {\n"
        "    graph [rankdir=LR fontname=\"Helvetica\" fontsize=10];\n"
        "    node [fontname=\"Helvetica\" fontsize=10];\n"
        "    edge [fontname=\"Helvetica\" fontsize=9];\n";
    dot_group(m, groups_of(m), out, "    ", "");
    for (const edge& e : m.edges)
        out += "    " + vertex_id(m, m.vertices[e.from]) + " -> " + vertex_id(m, m.vertices[e.to]) +
               " [label=" + dot_quoted(joined(e.labels)) + (e.in_cycle ? " color=red fontcolor=red" : "") + "];\n";
    return out + "}\n";
}

// Mermaid flowchart. ----------------------------------------------------------------------------

/// Text inside Mermaid's quotes: its entity codes for the characters that would end or break it.
CFN_INLINE std::string mermaid_escaped(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        if (c == '"') escaped += "#quot;";
        else if (c == '<') escaped += "#lt;";
        else if (c == '>') escaped += "#gt;";
        else escaped += c;
    }
    return escaped;
}

CFN_INLINE std::string mermaid_text(std::string_view text) { return '"' + mermaid_escaped(text) + '"'; }

CFN_INLINE void mermaid_group(const model& m, const group& g, std::string& out, const std::string& indent,
                              std::size_t& next_group) {
    for (std::size_t i : g.vertices) {
        const vertex& v = m.vertices[i];
        std::string label = '"' + mermaid_escaped(v.id) + "<br/>" + mermaid_escaped(second_line(v)) + '"';
        if (v.kind == vertex_kind::parameter) out += indent + vertex_id(m, v) + "[/" + label + "/]\n";
        else if (v.kind == vertex_kind::output) out += indent + vertex_id(m, v) + "([" + label + "])\n";
        else out += indent + vertex_id(m, v) + "[" + label + "]\n";
    }
    for (const group& child : g.children) {
        out += indent + "subgraph scope" + std::to_string(++next_group) + "[" + mermaid_text(child.name) + "]\n";
        mermaid_group(m, child, out, indent + "    ", next_group);
        out += indent + "end\n";
    }
}

CFN_INLINE std::string render_mermaid(const model& m) {
    std::string out = "flowchart LR\n";
    std::size_t next_group = 0;
    mermaid_group(m, groups_of(m), out, "    ", next_group);
    std::string red_edges, red_vertices;
    for (std::size_t i = 0; i < m.edges.size(); ++i) {
        const edge& e = m.edges[i];
        out += "    " + vertex_id(m, m.vertices[e.from]) + " -->|" + mermaid_text(joined(e.labels)) + "| " +
               vertex_id(m, m.vertices[e.to]) + "\n";
        if (e.in_cycle) red_edges += (red_edges.empty() ? "" : ",") + std::to_string(i);
    }
    for (const vertex& v : m.vertices)
        if (v.in_cycle) red_vertices += (red_vertices.empty() ? "" : ",") + vertex_id(m, v);
    if (!red_edges.empty()) out += "    linkStyle " + red_edges + " stroke:red,color:red\n";
    if (!red_vertices.empty()) {
        out += "    classDef cycle stroke:red,stroke-width:2px\n";
        out += "    class " + red_vertices + " cycle\n";
    }
    return out;
}

}  // namespace detail::graphs

CFN_INLINE std::string graph(const stack& s, graph_format f, const graph_options& options) {
    detail::arena_in_use in_use{s.arena()};  // read where the stack lives, on any thread
    detail::graphs::model m;
    detail::graphs::add_units(m, s, {});
    m = detail::graphs::build(std::move(m), options);
    return f == graph_format::dot ? detail::graphs::render_dot(m) : detail::graphs::render_mermaid(m);
}

CFN_INLINE std::string graph(const std::vector<named_stack>& stacks, graph_format f, const graph_options& options) {
    if (stacks.empty()) return graph(stack{}, f, options);
    // The stacks of one program are built on one thread: they share its arena.
    detail::arena_in_use in_use{stacks.front().stack.arena()};
    detail::graphs::model m;
    for (const named_stack& n : stacks) detail::graphs::add_units(m, n.stack, {std::string(n.name) + " (stack)"});
    m = detail::graphs::build(std::move(m), options);
    return f == graph_format::dot ? detail::graphs::render_dot(m) : detail::graphs::render_mermaid(m);
}

}  // namespace cfn
