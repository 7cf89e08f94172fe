// A misspelled property of a property type (an instance's CreditSpecification).
// class: 2
// fix: use the member's name; property types are nested in their resource (`ec2::instance::credit_specification`), and their header lists the members.
// expect: instance::credit_specification
// expect: cpu_credit
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Web", {.credit_specification = {.cpu_credit = "unlimited"}, .image_id = "ami-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::instance{"Web", {.credit_specification = {.cpu_credits = "unlimited"}, .image_id = "ami-1"}});
#endif
}
