// A property type of another resource as a nested value: an EC2 instance's
// LaunchTemplateSpecification given to an auto scaling group (same name, different type).
// class: 3
// fix: use the resource's own property type (`auto_scaling_group::launch_template_specification`), or write the braces alone and let the member's type choose.
// expect: ec2::instance::launch_template_specification
// expect: AWS::AutoScaling::AutoScalingGroup\.LaunchTemplateSpecification
#include <cfn/cfn.hpp>
#include <cfn/aws/autoscaling/auto_scaling_group.hpp>
#include <cfn/aws/ec2/instance.hpp>

namespace autoscaling = cfn::aws::autoscaling;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    cfn::aws::ec2::instance::launch_template_specification web{.launch_template_name = "web", .version = "1"};
    s.add(autoscaling::auto_scaling_group{"Workers", {.launch_template = web, .max_size = "3", .min_size = "1"}});  // <- error
#else
    autoscaling::auto_scaling_group::launch_template_specification web{.launch_template_name = "web", .version = "1"};
    s.add(autoscaling::auto_scaling_group{"Workers", {.launch_template = web, .max_size = "3", .min_size = "1"}});
#endif
}
