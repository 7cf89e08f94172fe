// A string literal that is none of the values the schema allows: a misspelled EC2 instance type.
// class: 13
// fix: one of the values listed in `instance_type_allowed`, next to the member in `cfn/aws/ec2/instance.hpp` (clang++ and g++ name the list; it has 1,212 types, so neither prints it). An instance type newer than the pinned schemas is written as a run-time string (`std::string type = "..."`) and checked by `cfn::check` only.
// expect: literal_is_not_one_of_the_property_allowed_values
// expect-gcc: AWS::EC2::Instance\.InstanceType.*instance_type_allowed
// expect-clang: instance_type_allowed
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Manager", {.image_id = "ami-0abcdef1234567890", .instance_type = "t2.mircro"}});  // <- error
#else
    s.add(cfn::aws::ec2::instance{"Manager", {.image_id = "ami-0abcdef1234567890", .instance_type = "t2.micro"}});
#endif
}
