// A required property of a property type left out: an alarm dimension without its Value.
// class: 1
// fix: set the member the message names (`.value = group.ref()`).
// expect-gcc: AWS::CloudWatch::Alarm\.Dimension\.Value
// expect-clang: AWS::CloudWatch::Alarm\.Dimensions
#include <cfn/cfn.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>

namespace cloudwatch = cfn::aws::cloudwatch;
constexpr auto greater = cloudwatch::alarm::comparison_operator::GreaterThanThreshold;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = greater, .dimensions = {{.name = "AutoScalingGroupName"}}, .evaluation_periods = 1}});  // <- error
#else
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = greater, .dimensions = {{.name = "AutoScalingGroupName", .value = "web"}}, .evaluation_periods = 1}});
#endif
}
