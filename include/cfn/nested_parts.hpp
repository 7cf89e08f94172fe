// cfnpp: splitting a big stack into nested stacks by modules, to stay within one template's limits.
//
// A module (a function of a `cfn::scope`) goes whole into one nested stack. `cfn::nested_parts`
// fills nested stacks `Part0`, `Part1`... in the order the modules come, and opens the next one
// when the resources already in the current one and the module's would pass the limit:
//
//     cfn::nested_parts parts{s, {.limit = 450}};
//     for (int i = 0; i < 100; ++i)
//         acme::add_service(cfn::scope{parts.next("Service" + std::to_string(i), 50), "Service" + std::to_string(i)});
//     for (const std::string& line : parts.decisions()) std::fprintf(stderr, "%s\n", line.c_str());
//
// The module's size is the caller's estimate; what a part really holds is counted when the next
// module comes, so a wrong estimate moves the next module, not this one. Each template is still
// checked against CloudFormation's limits when it is written (cfn::run).
#pragma once

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/scope.hpp>

namespace cfn {

struct nested_parts_options {
    /// The nested stacks' logical IDs: prefix followed by 0, 1, ...
    std::string prefix = "Part";
    /// Resources a part may hold: under CloudFormation's 500, leaving room to grow.
    std::size_t limit = 450;
};

/// Nested stacks of `parent` filled with modules in order (see above).
class nested_parts {
public:
    explicit nested_parts(const scope& parent, nested_parts_options o = {}) : parent_(parent), options_(std::move(o)) {}

    /// The nested stack for the module `name`, which adds about `resources` resources: the current
    /// part, or a new one when it would pass the limit. The decision is added to `decisions()`.
    nested_stack& next(std::string_view name, std::size_t resources);

    /// One line per module: where it went, and why a new part was opened.
    const std::vector<std::string>& decisions() const noexcept { return decisions_; }
    /// The parts made so far, in order.
    const std::vector<nested_stack*>& parts() const noexcept { return parts_; }

private:
    scope parent_;
    nested_parts_options options_;
    std::vector<nested_stack*> parts_;
    std::vector<std::string> decisions_;
};

}  // namespace cfn

#ifndef CFN_SEPARATE_COMPILATION
#include <cfn/impl/nested_parts.ipp>
#endif
