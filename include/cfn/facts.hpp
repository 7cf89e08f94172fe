// cfnpp: what an entry of a stack says about the rest of the template, recorded once when the entry
// is added (`stack::entry::facts`), so that the checks and later passes read typed facts instead of
// re-deriving them from the template's text.
#pragma once

#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

#include <cfn/node.hpp>

namespace cfn {

/// One reference from an entry of a stack to something else (a parameter, a resource and its
/// attribute, a condition, a mapping, a pseudo parameter), or one defect of the entry's value found
/// while looking for them, with its template path. `stack::add` records them in the order they
/// appear in the entry as written: the resource options give DependsOn and Condition, one pass over
/// the entry's body gives the rest (impl/facts.ipp). Whether the name exists, belongs to this stack
/// or has that attribute is for the checks to say (impl/check/): a fact records what was written.
struct fact {
    enum class kind : std::uint8_t {
        ref,          ///< `{"Ref": name}`: a parameter, a resource or a pseudo parameter
        get_att,      ///< `{"Fn::GetAtt": [name, attribute]}`: a resource's attribute
        sub_name,     ///< `${name}` in an Fn::Sub text: a parameter, a resource or a pseudo parameter
        sub_get_att,  ///< `${name.attribute}` in an Fn::Sub text
        depends_on,   ///< a resource in the DependsOn of a resource
        condition,    ///< a condition: the Condition of a resource or output, `{"Condition": name}`,
                      ///< the first argument of Fn::If
        find_in_map,  ///< the mapping of Fn::FindInMap
        value_of,     ///< the parameter of Fn::ValueOf (in rules)
        // Not references: defects of the value, found by the same pass.
        sub_syntax,     ///< an Fn::Sub text with an unclosed or empty `${}` (no `sub_*` fact then)
        unset_element,  ///< a list element that was never set: it would be written as null
        unset_member,   ///< an object member that was never set: it would be written as null
    };

    kind what;
    /// What is referred to, as written: a logical ID, a pseudo parameter (`AWS::Region`); empty
    /// for the defects. Points into the stack's arena (a node's text, or an interned string).
    std::string_view name;
    /// The attribute of `get_att` and `sub_get_att` (`Endpoint.Address`); empty otherwise.
    std::string_view attribute;
    /// The stack whose handle wrote the name (`detail::stack_identity`); null when the name came
    /// from text: a string, raw JSON, an Fn::Sub placeholder.
    const detail::stack_identity* origin = nullptr;
    /// Where, as a template path: `Resources.Subnet.Properties.VpcId.Ref`. Interned in the arena.
    std::string_view path;
    /// Inside a branch of an Fn::If: written only when its condition says so (the way to refer
    /// to a conditional resource from something that exists either way).
    bool guarded = false;
};

}  // namespace cfn
