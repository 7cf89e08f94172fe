// An integer above the property's maximum: an SQS delay of 20 minutes (the schema's maximum is 900 seconds).
// class: 13
// fix: a value within the schema's bounds, shown as `{minimum, maximum}` in the message's `cfn::integer_rule{0, 900}`. An integer held in a variable is checked by `cfn::check` before the template is written.
// expect: integer_is_above_the_property_maximum
// expect-gcc: AWS::SQS::Queue\.DelaySeconds.*\(1200\)
#include <cfn/cfn.hpp>
#include <cfn/aws/sqs/queue.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::sqs::queue{"Jobs", {.delay_seconds = 1200}});  // <- error
#else
    s.add(cfn::aws::sqs::queue{"Jobs", {.delay_seconds = 900}});
#endif
}
