// An integer below the property's minimum: an SQS retention period of 30 seconds (the schema's minimum is 60).
// class: 13
// fix: a value within the schema's bounds, shown as `{minimum, maximum}` in the message's `cfn::integer_rule{...}`. An integer held in a variable is checked by `cfn::check` before the template is written.
// expect: integer_is_below_the_property_minimum
// expect-gcc: AWS::SQS::Queue\.MessageRetentionPeriod.*\(30\)
#include <cfn/cfn.hpp>
#include <cfn/aws/sqs/queue.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::sqs::queue{"Jobs", {.message_retention_period = 30}});  // <- error
#else
    s.add(cfn::aws::sqs::queue{"Jobs", {.message_retention_period = 60}});
#endif
}
