// Every direction of the nested-stack wiring in one program, for cfn-lint (tests/nested/lint_test.sh):
// a parent's resource and list parameter used two levels down, a nested resource used in the parent
// (Ref, list attribute), a sibling's resource, DependsOn a nested resource, and an export.
#include <cfn/cfn.hpp>
#include <cfn/export.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/aws/ec2/route_table.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/elasticloadbalancingv2/load_balancer.hpp>

namespace ec2 = cfn::aws::ec2;
namespace elbv2 = cfn::aws::elasticloadbalancingv2;

int main(int argc, char** argv) {
    cfn::stack s{"Nested stacks wired in every direction"};
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto subnets = s.add(cfn::parameter<cfn::list<cfn::aws_ec2_subnet_id>>{"Subnets"});
    auto& app = cfn::nest(s, "App");
    auto& db = cfn::nest(app, "Db");
    auto subnet = db.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    auto& web = cfn::nest(s, "Web");
    web.add(ec2::route_table{"Routes", {.tags = {{.key = "Subnet", .value = subnet.ref()}}, .vpc_id = vpc.ref()}});
    auto balancer = web.add(elbv2::load_balancer{"Balancer", {.subnets = subnets.ref()}});
    s.output("DbSubnet", subnet.ref());
    s.output("BalancerGroup", cfn::select(0, balancer.attr_security_groups()));
    s.add(ec2::route_table{"Routes", {.vpc_id = vpc.ref()}, {.depends_on = subnet}});
    cfn::export_value(s, "VpcId", "wiring-VpcId", vpc.ref());
    return cfn::run(s, argc, argv);
}
