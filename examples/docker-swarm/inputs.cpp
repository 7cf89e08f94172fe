// 2. Parameter and AMI map: the key pair the nodes accept, and the region's Amazon Linux 2 AMI.
#include "swarm.hpp"

namespace swarm {

inputs add_inputs(cfn::scope scope) {
    auto key_pair = scope.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"KeyPairName", {.description = "Key used with SSH"}});

    // Amazon Linux 2 (amzn2-ami-hvm-2.0.20260427.1-x86_64-gp2), in the regions of the post's script.
    auto region_map = scope.add(cfn::mapping<>{"RegionMap", {
        {"ap-northeast-1", {{"AMI", "ami-0db5e3bbe2078a731"}}},
        {"ap-northeast-2", {{"AMI", "ami-075032002acdd86c1"}}},
        {"ap-south-1", {{"AMI", "ami-0e3580f2ef2ac1b35"}}},
        {"ap-southeast-1", {{"AMI", "ami-05c307e74695be084"}}},
        {"ap-southeast-2", {{"AMI", "ami-019984b2b1720aed2"}}},
        {"ca-central-1", {{"AMI", "ami-0568312bcb6cecafd"}}},
        {"eu-central-1", {{"AMI", "ami-06eba3da8c195f5b5"}}},
        {"eu-north-1", {{"AMI", "ami-0352d9627d9083ef7"}}},
        {"eu-west-1", {{"AMI", "ami-0ba84fc44e8b9291d"}}},
        {"eu-west-2", {{"AMI", "ami-02af97328e5ae4372"}}},
        {"eu-west-3", {{"AMI", "ami-024b178b0225b27fc"}}},
        {"sa-east-1", {{"AMI", "ami-057e84cdd1a8dc0d0"}}},
        {"us-east-1", {{"AMI", "ami-02b9a589195146a8f"}}},
        {"us-east-2", {{"AMI", "ami-07d3a7fd8a0333db9"}}},
        {"us-west-1", {{"AMI", "ami-0f351bdaf5c25b538"}}},
        {"us-west-2", {{"AMI", "ami-003c5247665391546"}}},
    }});
    return {key_pair, cfn::find_in_map(region_map, cfn::aws::region, "AMI")};
}

}  // namespace swarm
