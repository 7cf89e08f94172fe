// 4. Network: VPC, public subnets (the `subnets` table of swarm.hpp), internet gateway, routes.
#include <string>  // std::string

#include <cfn/aws/ec2/internet_gateway.hpp>
#include <cfn/aws/ec2/route.hpp>
#include <cfn/aws/ec2/route_table.hpp>
#include <cfn/aws/ec2/subnet_route_table_association.hpp>
#include <cfn/aws/ec2/vpc_gateway_attachment.hpp>

#include "swarm.hpp"

namespace swarm {

network add_network(cfn::scope scope) {
    network n{scope.add(ec2::vpc{"VPC", {.cidr_block = vpc_cidr,
                                         .enable_dns_hostnames = true,
                                         .enable_dns_support = true,
                                         .tags = {name_tag("VPC")}}}), {}, {}};

    for (const public_subnet& subnet : subnets) {
        auto handle = scope.add(ec2::subnet{subnet.name, {.availability_zone = cfn::select(subnet.zone, cfn::get_azs()),
                                                          .cidr_block = subnet.cidr,
                                                          .map_public_ip_on_launch = true,
                                                          .tags = {name_tag(subnet.name)},
                                                          .vpc_id = n.vpc.ref()},
                                                         {.suppress = {{cfn::guard::ec2_subnet_public_ip,
                                                                        "the post's nodes live in public subnets and are reached directly"}}}});
        n.subnets.push_back(handle);
        n.subnet_ids.push_back(handle.ref());
    }

    auto internet_gateway = scope.add(ec2::internet_gateway{"InternetGateway", {.tags = {name_tag("Internet-Gateway")}}});
    auto attach_gateway = scope.add(ec2::vpc_gateway_attachment{"AttachGateway", {.internet_gateway_id = internet_gateway.ref(),
                                                                                .vpc_id = n.vpc.ref()}});
    auto public_route_table = scope.add(ec2::route_table{"PublicRouteTable", {.tags = {name_tag("Public-Routes")}, .vpc_id = n.vpc.ref()}});
    scope.add(ec2::route{"Route", {.destination_cidr_block = "0.0.0.0/0",
                                   .gateway_id = internet_gateway.ref(),
                                   .route_table_id = public_route_table.ref()},
                         {.depends_on = {attach_gateway}}});
    for (std::size_t i = 0; i < n.subnets.size(); ++i)
        scope.add(ec2::subnet_route_table_association{"SubnetRouteTableAssociation" + std::string(subnets[i].name),
                                                      {.route_table_id = public_route_table.ref(), .subnet_id = n.subnet_ids[i]}});
    return n;
}

}  // namespace swarm
