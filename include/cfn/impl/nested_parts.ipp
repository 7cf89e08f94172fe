// cfnpp implementation: splitting a big stack into nested stacks by modules (cfn/nested_parts.hpp).
#pragma once

#include <string>  // std::string, std::to_string

#include <cfn/config.hpp>
#include <cfn/impl/nested_stack.ipp>
#include <cfn/nested_parts.hpp>

namespace cfn {

CFN_INLINE nested_stack& nested_parts::next(std::string_view name, std::size_t resources) {
    std::string line = std::string(name) + " (" + std::to_string(resources) + " resources)";
    std::size_t held = parts_.empty() ? 0 : parts_.back()->resources().size();
    if (parts_.empty() || held + resources > options_.limit) {
        std::string id = options_.prefix + std::to_string(parts_.size());
        if (parts_.empty())
            line += " opens " + id;
        else
            line += " opens " + id + ": " + std::string(parts_.back()->resource_id()) + " holds " +
                    std::to_string(held) + ", " + std::to_string(held + resources) + " would pass " +
                    std::to_string(options_.limit);
        parts_.push_back(&nest(parent_, logical_id(id)));
        if (resources > options_.limit)
            line += " (alone over the limit: split the module itself)";
    } else {
        line += " in " + std::string(parts_.back()->resource_id()) + ": " + std::to_string(held + resources) +
                " of " + std::to_string(options_.limit);
    }
    decisions_.push_back(std::move(line));
    return *parts_.back();
}

}  // namespace cfn
