#include <acme/network.hpp>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/internet_gateway.hpp>
#include <cfn/aws/ec2/route.hpp>
#include <cfn/aws/ec2/route_table.hpp>
#include <cfn/aws/ec2/subnet_route_table_association.hpp>
#include <cfn/aws/ec2/vpc_gateway_attachment.hpp>

namespace ec2 = cfn::aws::ec2;

namespace acme {

network add_network(cfn::scope scope, const network_options& options) {
    network net{scope.add(ec2::vpc{"Vpc", {.cidr_block = options.cidr, .enable_dns_hostnames = true}}), {}};

    auto gateway = scope.add(ec2::internet_gateway{"Gateway", {}});
    auto attachment = scope.add(ec2::vpc_gateway_attachment{"GatewayAttachment", {
        .internet_gateway_id = gateway.ref(),
        .vpc_id = net.vpc.ref(),
    }});
    auto routes = scope.add(ec2::route_table{"PublicRoutes", {.vpc_id = net.vpc.ref()}});
    scope.add(ec2::route{"DefaultRoute", {.destination_cidr_block = "0.0.0.0/0",
                                          .gateway_id = gateway.ref(),
                                          .route_table_id = routes.ref()},
                         {.depends_on = {attachment}}});

    // 256 /24 blocks of the VPC's /16; subnet i takes block i, in zone i.
    auto blocks = cfn::cidr(net.vpc.attr_cidr_block(), 256, 8);
    for (int i = 0; i < options.public_subnets; ++i) {
        std::string name = "Subnet" + std::to_string(i + 1);
        auto subnet = scope.add(ec2::subnet{name, {
            .availability_zone = cfn::select(i, cfn::get_azs()),
            .cidr_block = cfn::select(i, blocks),
            .map_public_ip_on_launch = true,
            .vpc_id = net.vpc.ref(),
        }, {.suppress = {{cfn::guard::ec2_subnet_public_ip, "public subnets are what this module makes"}}}});
        scope.add(ec2::subnet_route_table_association{name + "Routes", {.route_table_id = routes.ref(),
                                                                        .subnet_id = subnet.ref()}});
        net.subnets.push_back(subnet);
    }
    scope.output("VpcId", net.vpc.ref(), "the network's VPC");
    return net;
}

}  // namespace acme
