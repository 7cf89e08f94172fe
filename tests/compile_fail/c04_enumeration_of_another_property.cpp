// An allowed value of another property: a Statistic where the ComparisonOperator belongs.
// class: 4
// fix: use the enumeration of the property the message names (`alarm::comparison_operator::...`).
// expect: AWS::CloudWatch::Alarm\.ComparisonOperator
#include <cfn/cfn.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>

namespace cloudwatch = cfn::aws::cloudwatch;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = cloudwatch::alarm::statistic::Average,  // <- error
                                      .evaluation_periods = 1}});
#else
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = cloudwatch::alarm::comparison_operator::GreaterThanThreshold,
                                      .evaluation_periods = 1}});
#endif
}
