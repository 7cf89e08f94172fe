// cfnpp implementation: the checks' pass over Fn::Sub: its ${} placeholders name parameters,
// resources and attributes, pseudo parameters or variables (the placeholders are facts recorded
// when the entry was added: cfn/facts.hpp).
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/facts.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/vocabulary.hpp>

namespace cfn::detail {

/// `${name}` (fact::kind::sub_name): a pseudo parameter other than AWS::NoValue, a parameter or a
/// resource. The variables beside the text and `${!Literal}` recorded no fact; `${Resource.Attribute}`
/// is a sub_get_att fact, checked as Fn::GetAtt is; a malformed text is a sub_syntax fact.
CFN_INLINE void checker::sub_name(const std::string& path, const fact& f, const stack::entry* from) {
    std::string name(f.name);
    if (name.rfind("AWS::", 0) == 0) {
        const vocabulary::pseudo_parameter* pseudo = vocabulary::find_pseudo_parameter(name);
        if (!pseudo || pseudo->name == "AWS::NoValue") error(path, "${" + name + "} is not a pseudo parameter");
        return;
    }
    auto it = names_.find(name);
    if (it == names_.end() || (it->second != section_kind::parameter && it->second != section_kind::resource)) {
        error(path, "${" + name + "} is not a parameter, resource, pseudo parameter or variable");
        return;
    }
    used_.insert(name);
    if (it->second == section_kind::resource) depend(from, name);
}

}  // namespace cfn::detail
