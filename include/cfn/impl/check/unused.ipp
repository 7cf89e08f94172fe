// cfnpp implementation: the checks' pass over unused parameters, conditions and mappings (warnings).
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>

namespace cfn::detail {

CFN_INLINE void checker::check_unused() {
    for (const auto& e : s_.parameters())
        if (!used_.count(std::string(e.id)))
            warning("Parameters." + std::string(e.id), "parameter is never used");
    for (const auto& e : s_.conditions())
        if (!used_.count(std::string(e.id)))
            warning("Conditions." + std::string(e.id), "condition is never used");
    for (const auto& e : s_.mappings())
        if (!used_.count(std::string(e.id))) warning("Mappings." + std::string(e.id), "mapping is never used");
}

}  // namespace cfn::detail
