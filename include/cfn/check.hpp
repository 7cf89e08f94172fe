// cfnpp: checking a stack before it is written.
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/guard.hpp>

namespace cfn {

class stack;

/// One finding about a stack: where in the template, and what.
struct diagnostic {
    enum class level { error, warning };
    level severity;
    std::string path;     ///< e.g. "Resources.Subnet1.Properties.VpcId"
    std::string message;  ///< e.g. "Ref to 'VPC2', which is not a parameter or resource of this stack"
    /// The guard rail that found it ("CFN-EC2-ADMIN-INGRESS-WORLD", cfn/guard.hpp); empty for the
    /// checks of what CloudFormation accepts.
    std::string rule = {};
    /// "error: Resources.Subnet1.Properties.VpcId: Ref to 'VPC2', ..." (and " [RULE-ID]" for a rule)
    std::string to_string() const;
};

/// Everything CloudFormation would reject (errors) or that is probably a mistake (warnings):
/// logical IDs, references to things not in this stack, dependency cycles, Fn::Sub placeholders,
/// parameter defaults against their own constraints, raw properties that shadow typed ones, and
/// CloudFormation's limits (for the size limits, in format `f`); and the guard rails `rules`
/// selects (cfn/guard.hpp), less what the stack suppresses.
std::vector<diagnostic> check(const stack& s, format f = format::json, guard::selection rules = guard::selection::all);

namespace detail {
/// `check` of a stack whose template is already written (in the format it is checked for):
/// `cfn::run` writes the template once, for the size limits and for its output.
std::vector<diagnostic> check_written(const stack& s, std::string_view written_template,
                                      guard::selection rules = guard::selection::all);
}  // namespace detail

}  // namespace cfn
