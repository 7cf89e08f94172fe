// An output's logical ID with a dot.
// class: 10
// fix: letters and digits only (`VpcId`).
// expect: logical_id_must_be_alphanumeric_and_at_most_255_characters
#include <cfn/cfn.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.output("Vpc.Id", cfn::aws::stack_name);  // <- error
#else
    s.output("VpcId", cfn::aws::stack_name);
#endif
}
