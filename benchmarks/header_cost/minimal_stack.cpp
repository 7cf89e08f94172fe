// Header cost: a minimal stack (two parameters, three subnets, one output).
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <string>
namespace ec2 = cfn::aws::ec2;
int main(int argc, char** argv) {
    cfn::stack s{"Swarm cluster"};
    auto key = s.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"KeyPairName", {.description = "SSH key"}});
    auto vpcid = s.add(cfn::parameter<cfn::aws_ec2_vpc_id>{"VpcId", {.description = "VPC"}});
    for (int zone = 0; zone < 3; ++zone)
        s.add(ec2::subnet{"Subnet" + std::to_string(zone + 1), {
            .availability_zone = cfn::select(zone, cfn::get_azs()),
            .cidr_block = "192.168." + std::to_string(16 * zone) + ".0/20",
            .tags = {{.key = "Name", .value = cfn::sub("${AWS::StackName}-subnet")}},
            .vpc_id = vpcid.ref()}});
    (void)key;
    s.output("VpcId", vpcid.ref());
    return cfn::run(s, argc, argv);
}
