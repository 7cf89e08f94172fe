// cfnpp implementation: the checks' pass over CloudFormation's limits: counts of entries, and the
// template's size.
#pragma once

#include <cstddef>  // std::size_t
#include <string>   // std::string

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>

namespace cfn::detail {

CFN_INLINE void checker::check_limits() {
    auto limit = [&](std::size_t count, std::size_t max, const char* what) {
        if (count > max)
            error(what, std::to_string(count) + " " + what + ", more than CloudFormation's limit of " +
                            std::to_string(max));
    };
    limit(s_.resources().size(), limits::resources, "Resources");
    limit(s_.parameters().size(), limits::parameters, "Parameters");
    limit(s_.outputs().size(), limits::outputs, "Outputs");
    limit(s_.mappings().size(), limits::mappings, "Mappings");
    for (const auto& m : s_.mappings()) {
        const node_data& top = read(m.body);
        for (std::size_t i = 0; i < top.items.size(); ++i) {
            std::size_t count = read(top.items[i]).items.size();
            if (count > limits::mapping_attributes)
                error("Mappings." + std::string(m.id) + "." + top.keys[i],
                      std::to_string(count) + " attributes, more than CloudFormation's limit of " +
                          std::to_string(limits::mapping_attributes));
        }
    }
}

CFN_INLINE void checker::check_size(std::size_t size) {
    if (size > limits::body_bytes)
        error("template", "the template is " + std::to_string(size) + " bytes, more than CloudFormation's limit of " +
                              std::to_string(limits::body_bytes));
    else if (size > limits::direct_upload_bytes)
        warning("template", "the template is " + std::to_string(size) + " bytes: above " +
                                std::to_string(limits::direct_upload_bytes) +
                                " it must be uploaded to S3 (--template-url), not passed as --template-body");
}

}  // namespace cfn::detail
