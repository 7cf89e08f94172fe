// A load balancer listener's default action with a type the schema does not list (`forward-to`).
// class: 13
// fix: one of `type_allowed` in `cfn/aws/elasticloadbalancingv2/listener.hpp`: authenticate-cognito, authenticate-oidc, fixed-response, forward, jwt-validation, redirect.
// expect: literal_is_not_one_of_the_property_allowed_values
// expect-gcc: AWS::ElasticLoadBalancingV2::Listener\.Action\.Type.*type_allowed
// expect-clang: type_allowed
#include <cfn/cfn.hpp>
#include <cfn/aws/elasticloadbalancingv2/listener.hpp>

constexpr const char* balancer = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
constexpr const char* group = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067";

void build(cfn::stack& s) {
    s.add(cfn::aws::elasticloadbalancingv2::listener{"Http", {
#ifdef CFN_MISTAKE
        .default_actions = {{.target_group_arn = group, .type = "forward-to"}},  // <- error
#else
        .default_actions = {{.target_group_arn = group, .type = "forward"}},
#endif
        .load_balancer_arn = balancer}});
}
