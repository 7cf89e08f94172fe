// A program of two stacks deployed separately (tests/nested/program_test.py, program_deploy_test.py):
// `network` exports its VPC's id, `app` imports it into a nested stack of its own (`Data`).
//
// `--variant NAME` is the next version of the program, as its user would edit it:
//   rename   the export renamed (app follows, through the handle): CloudFormation's "export in use"
//            deadlock, app must drop the old import before network can drop the old export
//   drop     the export removed, and app makes its own VPC instead: deployable, app first
//   orphan   the export removed, app still imports the old name (by string)
#include <cstring>
#include <string>

#include <cfn/cfn.hpp>
#include <cfn/export.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

namespace ec2 = cfn::aws::ec2;

int main(int argc, char** argv) {
    std::string variant;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--variant") == 0 && i + 1 < argc) variant = argv[++i];
        else argv[kept++] = argv[i];
    }
    argc = kept;

    cfn::stack network{"cfnpp test: a VPC, its id exported"};
    cfn::stack app{"cfnpp test: a subnet in the network stack's VPC, in a nested stack"};
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& data = cfn::nest(app, "Data");
    auto subnet_in = [&](auto vpc_id) { return data.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc_id}}); };
    auto subnet = [&] {
        if (variant.empty())
            return subnet_in(cfn::export_value(network, "VpcId", "cfnpp-test-VpcId", vpc.ref()).import());
        if (variant == "rename")
            return subnet_in(cfn::export_value(network, "VpcId", "cfnpp-test-VpcId2", vpc.ref()).import());
        if (variant == "drop") return subnet_in(app.add(ec2::vpc{"OwnVpc", {.cidr_block = "10.0.0.0/16"}}).ref());
        return subnet_in(cfn::import_value("cfnpp-test-VpcId"));
    }();
    app.output("SubnetId", subnet.ref());
    return cfn::run({{"network", network}, {"app", app}}, argc, argv,
                    "  --variant V         the next version: rename, drop or orphan (see program_stacks.cpp)\n");
}
