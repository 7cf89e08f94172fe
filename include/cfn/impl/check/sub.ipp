// cfnpp implementation: the checks' pass over Fn::Sub: its ${} placeholders name parameters,
// resources and attributes, pseudo parameters or variables.
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/intrinsics.hpp>
#include <cfn/vocabulary.hpp>

namespace cfn::detail {

CFN_INLINE void checker::sub(const std::string& path, const node_data& text, const node_data* variables, const stack::entry* from) {
    if (text.kind != node_kind::string) return;
    if (!vocabulary::valid_sub_syntax(text.text)) {
        error(path, "Fn::Sub text has an unclosed or empty ${} placeholder");
        return;
    }
    using vocabulary::sub_placeholder;
    for (sub_placeholder p = vocabulary::next_sub_placeholder(text.text, 0); p.state != sub_placeholder::none;
         p = vocabulary::next_sub_placeholder(text.text, p.end)) {
        if (p.literal()) continue;  // ${!Literal}
        std::string name(p.name);
        if (variables && member(*variables, name)) continue;
        if (name.rfind("AWS::", 0) == 0) {
            const vocabulary::pseudo_parameter* pseudo = vocabulary::find_pseudo_parameter(name);
            if (!pseudo || pseudo->name == "AWS::NoValue") error(path, "${" + name + "} is not a pseudo parameter");
            continue;
        }
        std::size_t dot = name.find('.');
        if (dot != std::string::npos) {
            get_att(path, name.substr(0, dot), name.substr(dot + 1), from, 0);
            continue;
        }
        auto it = names_.find(name);
        if (it == names_.end() ||
            (it->second != section_kind::parameter && it->second != section_kind::resource)) {
            error(path, "${" + name + "} is not a parameter, resource, pseudo parameter or variable");
            continue;
        }
        used_.insert(name);
        if (it->second == section_kind::resource && from) edges_[std::string(from->id)].insert(name);
    }
}

}  // namespace cfn::detail
