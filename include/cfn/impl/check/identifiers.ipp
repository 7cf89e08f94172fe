// cfnpp implementation: the checks' pass over logical IDs: valid, and unique in their namespace.
#pragma once

#include <map>     // std::map
#include <string>  // std::string
#include <vector>  // std::vector

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/vocabulary.hpp>  // vocabulary::valid_logical_id

namespace cfn::detail {

CFN_INLINE void checker::check_ids() {
    // An ID added through a cfn::scope is shown with its scope path: "'BlueVpc' (Blue/Vpc)".
    auto named = [](const stack::entry& e) {
        std::string text = "'" + std::string(e.id) + "'";
        if (!e.scoped_name.empty()) text += " (" + std::string(e.scoped_name) + ")";
        return text;
    };
    struct first_use {
        const char* section;
        const stack::entry* entry;
    };
    std::map<std::string, first_use> seen;  // id -> where first seen
    auto section = [&](const std::vector<stack::entry>& entries, const char* name) {
        for (const auto& e : entries) {
            std::string path = std::string(name) + "." + std::string(e.id);
            if (!vocabulary::valid_logical_id(e.id))
                error(path, "logical ID " + named(e) + " must be 1 to 255 letters and digits (A-Za-z0-9)");
            auto [it, inserted] = seen.emplace(std::string(e.id), first_use{name, &e});
            if (inserted) continue;
            const stack::entry& first = *it->second.entry;
            std::string message = "logical ID " + named(e) + " is already used in " + it->second.section;
            // Scopes concatenate: name the other one, so that the collision can be found.
            if (!e.scoped_name.empty() || !first.scoped_name.empty())
                message += " by " + std::string(first.scoped_name.empty() ? first.id : first.scoped_name);
            error(path, message);
        }
    };
    section(s_.parameters(), "Parameters");
    section(s_.mappings(), "Mappings");
    section(s_.conditions(), "Conditions");
    section(s_.rules(), "Rules");
    section(s_.resources(), "Resources");
    // Outputs have a namespace of their own: an output may share its resource's name
    // (CloudFormation allows it, and the seed stack's outputs do it).
    seen.clear();
    section(s_.outputs(), "Outputs");
}

}  // namespace cfn::detail
