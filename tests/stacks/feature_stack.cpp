// A stack that uses most of the library's features, as a user would, header-only. The CLI,
// YAML round-trip and cfn-lint tests run it; `--break` adds mistakes the checks must report.
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

#include <cstring>
#include <string>
#include <vector>

namespace ec2 = cfn::aws::ec2;

int main(int argc, char** argv) {
    bool broken = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--break") == 0)
            broken = true;
        else
            args.push_back(argv[i]);
    }

    cfn::stack s{"cfnpp feature stack: parameters, mappings, conditions, resources, outputs"};
    auto env = s.add(cfn::parameter<cfn::str>{"Environment", {.description = "Deployment environment",
                                                             .default_value = "dev",
                                                             .allowed_values = {"dev", "prod"}}});
    auto vpc_parameter = s.add(cfn::parameter<cfn::aws_ec2_vpc_id>{"VpcId", {.description = "The VPC"}});
    auto zones = s.add(cfn::mapping<>{"ZoneCidrs", {{"dev", {{"First", "10.0.0.0/24"}, {"Second", "10.0.1.0/24"}}},
                                                    {"prod", {{"First", "10.1.0.0/24"}, {"Second", "10.1.1.0/24"}}}}});
    auto production = s.add(cfn::condition{"IsProduction", cfn::equals(env.ref(), "prod")});

    std::vector<ec2::subnet::handle> subnets;
    for (int zone = 0; zone < 2; ++zone) {
        std::string name = zone == 0 ? "First" : "Second";
        subnets.push_back(s.add(ec2::subnet{
            "Subnet" + name,
            {.availability_zone = cfn::select(zone, cfn::get_azs()),
             .cidr_block = cfn::find_in_map(zones, env.ref(), name),
             .map_public_ip_on_launch = cfn::if_(production, false, true),
             .tags = {{.key = "Name", .value = cfn::sub("${AWS::StackName}-" + name)},
                      {.key = "Environment", .value = env.ref()}},
             .vpc_id = vpc_parameter.ref()},
            {.depends_on = subnets.empty() ? cfn::dependencies{} : cfn::dependencies{subnets.back()},
             .deletion_policy = cfn::deletion::retain}}));
    }
    s.add(cfn::raw_resource{"Handle", "AWS::CloudFormation::WaitConditionHandle", {},
                            {.condition = production,
                             .metadata = cfn::json_value{{"Note", "multi-line\ntext: with 'quotes' and # signs\n"}}}});

    s.add(cfn::output{"FirstSubnet", subnets[0].ref(), {.description = "The first subnet",
                                                        .export_name = cfn::sub("${AWS::StackName}-FirstSubnet")}});
    s.output("Zones", cfn::join(",", {subnets[0].attr_availability_zone(), subnets[1].attr_availability_zone()}));

    if (broken) {
        cfn::stack elsewhere;
        auto foreign = elsewhere.add(ec2::subnet{"Foreign", {.vpc_id = "vpc-1"}});
        s.add(ec2::subnet{std::string("Bad-Name"), {.cidr_block = cfn::sub("${Nowhere}"), .vpc_id = foreign.attr_vpc_id()}});
    }
    return cfn::run(s, static_cast<int>(args.size()), args.data());
}
