// An integer computed at run time, written straight into a property with bounds: `base + i` is not a constant, and such a property checks the `int` expressions written into it when the program compiles.
// class: 13
// fix: name the value (`int port = base + i;` then `.port = port`) or say it is computed (`.port = cfn::value<cfn::integer>(base + i)`); either is checked by `cfn::check` before the template is written. A literal, or an expression of literals and constants, is checked by the compiler.
// expect-gcc: 'base' is not a constant expression
// expect-clang: call to consteval function 'cfn::checked_optional<cfn::integer
// expect-clang: function parameter 'base' with unknown value
#include <cfn/cfn.hpp>
#include <cfn/aws/elasticloadbalancingv2/target_group.hpp>

void build(cfn::stack& s, int base, int i) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::elasticloadbalancingv2::target_group{"Web", {.port = base + i, .protocol = "HTTP"}});  // <- error
#else
    s.add(cfn::aws::elasticloadbalancingv2::target_group{"Web", {.port = cfn::value<cfn::integer>(base + i), .protocol = "HTTP"}});
#endif
}
