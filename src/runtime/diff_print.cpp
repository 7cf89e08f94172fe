// The diff as a terminal table ({fmt}, colour only when asked) and as a JSON document.
#include <cfn/diff.hpp>

#include <algorithm>
#include <string>

#include <fmt/color.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diff_document.hpp"

namespace cfn {

namespace {

fmt::text_style style_of(impact i) {
    switch (i) {
        case impact::create: return fmt::fg(fmt::terminal_color::green);
        case impact::update: return fmt::fg(fmt::terminal_color::yellow);
        case impact::may_replace: return fmt::fg(fmt::terminal_color::magenta) | fmt::emphasis::bold;
        case impact::replace:
        case impact::destroy: return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
        case impact::orphan: return fmt::fg(fmt::terminal_color::cyan);
        case impact::none: break;
    }
    return {};
}

struct printer {
    bool colour;
    std::string out;

    void text(fmt::text_style s, std::string_view t) {
        if (colour && (s.has_foreground() || s.has_emphasis()))
            out += fmt::format(s, "{}", t);
        else
            out += t;
    }
    /// `t` padded to `width` columns (the padding outside the colour codes).
    void cell(fmt::text_style s, std::string_view t, std::size_t width) {
        text(s, t);
        if (t.size() < width) out.append(width - t.size(), ' ');
    }
    void heading(std::string_view t) {
        text(fmt::emphasis::bold, t);
        out += '\n';
    }
};

bool destructive(const resource_change& r) {
    return r.impact == impact::replace || r.impact == impact::may_replace || r.impact == impact::destroy;
}

}  // namespace

std::string format_diff(const template_diff& d, bool colour) {
    printer p{colour, {}};
    if (!d.resources.empty()) {
        p.heading("Resources");
        std::size_t id_width = 0, type_width = 0;
        for (const resource_change& r : d.resources) {
            id_width = std::max(id_width, r.logical_id.size());
            type_width = std::max(type_width, r.type.size());
        }
        for (const resource_change& r : d.resources) {
            p.out += "  ";
            p.cell(style_of(r.impact), to_string(r.impact), 12);
            p.cell({}, r.logical_id, id_width + 2);
            p.text({}, r.type);
            if (!r.old_type.empty()) p.out += " (was " + r.old_type + ")";
            if (r.stateful && destructive(r)) {
                p.out += std::string(type_width - r.type.size() + 2, ' ');
                p.text(fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold,
                       r.impact == impact::destroy ? "!! STATEFUL: its data is deleted"
                                                   : "!! STATEFUL: replacing it deletes its data");
            }
            p.out += '\n';
            for (const property_change& c : r.properties) {
                p.out += std::string(16, ' ');
                p.out += c.path + ": ";
                if (!c.because.empty() && c.new_value == "(new value)")
                    p.out += "(" + c.because + ")";
                else {
                    p.out += c.old_value.empty() ? "(absent)" : c.old_value;
                    p.out += " -> ";
                    p.out += c.new_value.empty() ? "(absent)" : c.new_value;
                    if (!c.because.empty()) p.out += " (" + c.because + ")";
                }
                p.out += "  ";
                p.text(style_of(c.impact), to_string(c.impact));
                p.out += '\n';
            }
        }
    }
    if (!d.iam.empty()) {
        p.heading("IAM statements");
        for (const iam_change& c : d.iam) {
            p.out += "  ";
            p.text(c.added ? fmt::fg(fmt::terminal_color::green) : fmt::fg(fmt::terminal_color::red), c.added ? "+" : "-");
            p.out += fmt::format(" {}  {}  {}  on {}  principal {}\n", c.resource, c.effect, c.actions, c.resources,
                                 c.principal.empty() ? "(none)" : c.principal);
        }
    }
    if (!d.security_groups.empty()) {
        p.heading("Security group rules");
        for (const rule_change& c : d.security_groups) {
            p.out += "  ";
            p.text(c.added ? fmt::fg(fmt::terminal_color::green) : fmt::fg(fmt::terminal_color::red), c.added ? "+" : "-");
            p.out += fmt::format(" {}  {}  {}{}  {} {}\n", c.group, c.direction, c.protocol,
                                 c.ports.empty() ? "" : " " + c.ports, c.direction == "ingress" ? "from" : "to",
                                 c.peer.empty() ? "(none)" : c.peer);
        }
    }
    if (!d.sections.empty()) {
        p.heading("Template");
        for (const section_change& s : d.sections)
            p.out += s.section == s.name ? fmt::format("  {:<8} {}\n", to_string(s.change), s.section)
                                         : fmt::format("  {:<8} {} {}\n", to_string(s.change), s.section, s.name);
    }
    std::size_t counts[7] = {};
    for (const resource_change& r : d.resources) ++counts[static_cast<int>(r.impact)];
    if (d.empty()) {
        p.out += "No changes.\n";
    } else {
        std::string summary;
        for (impact i : {impact::create, impact::update, impact::may_replace, impact::replace, impact::orphan, impact::destroy})
            if (counts[static_cast<int>(i)])
                summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", counts[static_cast<int>(i)], to_string(i));
        if (summary.empty()) summary = "no resource changes";
        p.out += fmt::format("{} resource change{}: {}.\n", d.resources.size(), d.resources.size() == 1 ? "" : "s", summary);
    }
    return p.out;
}

nlohmann::ordered_json diff_document(const template_diff& d) {
    using json = nlohmann::ordered_json;
    json doc = json::object();
    json& resources = doc["resources"] = json::array();
    for (const resource_change& r : d.resources) {
        json props = json::array();
        for (const property_change& c : r.properties) {
            json p = {{"path", c.path}, {"old", c.old_value}, {"new", c.new_value}, {"impact", to_string(c.impact)}};
            if (!c.because.empty()) p["because"] = c.because;
            props.push_back(std::move(p));
        }
        json e = {{"logical_id", r.logical_id}, {"type", r.type}, {"change", to_string(r.change)},
                  {"impact", to_string(r.impact)}, {"stateful", r.stateful}, {"properties", std::move(props)}};
        if (!r.old_type.empty()) e["old_type"] = r.old_type;
        resources.push_back(std::move(e));
    }
    json& iam = doc["iam"] = json::array();
    for (const iam_change& c : d.iam)
        iam.push_back({{"change", c.added ? "add" : "remove"}, {"resource", c.resource}, {"effect", c.effect},
                       {"actions", c.actions}, {"resources", c.resources}, {"principal", c.principal}});
    json& groups = doc["security_groups"] = json::array();
    for (const rule_change& c : d.security_groups)
        groups.push_back({{"change", c.added ? "add" : "remove"}, {"group", c.group}, {"direction", c.direction},
                          {"protocol", c.protocol}, {"ports", c.ports}, {"peer", c.peer}});
    json& sections = doc["sections"] = json::array();
    for (const section_change& s : d.sections)
        sections.push_back({{"section", s.section}, {"name", s.name}, {"change", to_string(s.change)}});
    return doc;
}

std::string diff_to_json(const template_diff& d) { return diff_document(d).dump(2) + "\n"; }

}  // namespace cfn
