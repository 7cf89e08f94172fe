// A string literal where the spec lists the allowed values: "Averge" would be a deployment
// failure, so a literal must be the enumerator (a value computed at deploy time, such as a
// parameter, is still accepted).
// class: 4
// fix: use the enumerator (`cloudwatch::alarm::statistic::Average`).
// expect: AWS::CloudWatch::Alarm\.Statistic
#include <cfn/cfn.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>

namespace cloudwatch = cfn::aws::cloudwatch;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = cloudwatch::alarm::comparison_operator::GreaterThanThreshold,
                                      .evaluation_periods = 1,
                                      .statistic = "Averge"}});  // <- error
#else
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = cloudwatch::alarm::comparison_operator::GreaterThanThreshold,
                                      .evaluation_periods = 1,
                                      .statistic = cloudwatch::alarm::statistic::Average}});
#endif
}
