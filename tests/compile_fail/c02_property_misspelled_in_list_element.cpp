// A misspelled property inside an element of a list of property types. C++ reports the list it
// could not build rather than the member: the message names the list property.
// class: 2
// fix: check the members of the list's element type; to have the compiler name the misspelled member, write the element's type (`launch_configuration::block_device_mapping{...}`).
// expect: AWS::AutoScaling::LaunchConfiguration\.BlockDeviceMappings
#include <cfn/cfn.hpp>
#include <cfn/aws/autoscaling/launch_configuration.hpp>

namespace autoscaling = cfn::aws::autoscaling;

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(autoscaling::launch_configuration{"Workers", {.block_device_mappings = {{.device_name = "/dev/xvda", .ebs = {.volume_siz = 8}}}, .image_id = "ami-1", .instance_type = "t3.micro"}});  // <- error
#else
    s.add(autoscaling::launch_configuration{"Workers", {.block_device_mappings = {{.device_name = "/dev/xvda", .ebs = {.volume_size = 8}}}, .image_id = "ami-1", .instance_type = "t3.micro"}});
#endif
}
