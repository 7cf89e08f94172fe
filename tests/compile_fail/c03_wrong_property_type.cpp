// A property type of another resource: an EC2 instance's BlockDeviceMapping given to a launch
// configuration. Property types belong to their resource and differ (the instance's has
// NoDevice as an object, the launch configuration's as a boolean).
// class: 3
// fix: use the resource's own property type (`launch_configuration::block_device_mapping`), or write the braces alone and let the member's type choose.
// expect: ec2::instance::block_device_mapping
// expect: AWS::AutoScaling::LaunchConfiguration\.BlockDeviceMappings
#include <cfn/cfn.hpp>
#include <cfn/aws/autoscaling/launch_configuration.hpp>
#include <cfn/aws/ec2/instance.hpp>

namespace autoscaling = cfn::aws::autoscaling;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    cfn::aws::ec2::instance::block_device_mapping root{.device_name = "/dev/xvda"};
    s.add(autoscaling::launch_configuration{"Workers", {.block_device_mappings = {root}, .image_id = "ami-1", .instance_type = "t3.micro"}});  // <- error
#else
    autoscaling::launch_configuration::block_device_mapping root{.device_name = "/dev/xvda"};
    s.add(autoscaling::launch_configuration{"Workers", {.block_device_mappings = {root}, .image_id = "ami-1", .instance_type = "t3.micro"}});
#endif
}
