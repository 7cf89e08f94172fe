#include "blue_green.hpp"

#include <acme/network.hpp>
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>

namespace ec2 = cfn::aws::ec2;

cfn::stack blue_green() {
    cfn::stack s{"Blue and green networks, from the acme_network module"};
    acme::network blue = acme::add_network({s, "Blue"}, {.cidr = "10.0.0.0/16", .public_subnets = 2});
    acme::network green = acme::add_network({s, "Green"}, {.cidr = "10.1.0.0/16", .public_subnets = 3});

    // The module's handles, used outside it: typed references as if the resources were ours.
    auto web = s.add(ec2::security_group{"WebSecurityGroup", {
        .group_description = "HTTP from anywhere",
        .security_group_ingress = {{.cidr_ip = "0.0.0.0/0", .from_port = 80, .ip_protocol = "tcp", .to_port = 80}},
        .vpc_id = blue.vpc.ref(),
    }});
    auto server = s.add(ec2::instance{"WebServer", {
        .image_id = "ami-0123456789abcdef0",
        .instance_type = "t3.micro",
        .security_group_ids = {web.ref()},
        .subnet_id = blue.subnets[0].ref(),
    }, {.depends_on = {green.vpc}}});
    s.output("WebServerIp", server.attr_public_ip(), "the web server's public IP");
    return s;
}
