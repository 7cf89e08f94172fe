// A misspelled allowed value: an alarm's ComparisonOperator.
// class: 4
// fix: use one of the enumerators the generated header lists (AWS's spelling is kept: `GreaterThanOrEqualToThreshold`).
// expect: GreaterThanOrEqualToThreshhold
// expect: cloudwatch::alarm::comparison_operator
#include <cfn/cfn.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>

namespace cloudwatch = cfn::aws::cloudwatch;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = cloudwatch::alarm::comparison_operator::GreaterThanOrEqualToThreshhold,  // <- error
                                      .evaluation_periods = 1}});
#else
    s.add(cloudwatch::alarm{"Alarm", {.comparison_operator = cloudwatch::alarm::comparison_operator::GreaterThanOrEqualToThreshold,
                                      .evaluation_periods = 1}});
#endif
}
