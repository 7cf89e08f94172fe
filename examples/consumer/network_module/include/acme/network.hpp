// acme::add_network: a VPC with public subnets and a route to the internet, as a cfnpp module.
//
//     auto blue = acme::add_network({s, "Blue"}, {.cidr = "10.0.0.0/16", .public_subnets = 2});
//     s.add(ec2::instance{"Web", {.subnet_id = blue.subnets[0].ref()}});
//
// Everything it adds is named after the scope: BlueVpc, BlueSubnet1, BlueSubnet2, BlueRoute, ...
#pragma once

#include <string>  // std::string
#include <vector>  // std::vector

#include <cfn/scope.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

namespace acme {

struct network_options {
    std::string cidr = "10.0.0.0/16";
    int public_subnets = 2;  ///< each a /24 of `cidr`, in its own availability zone (at most 6)
};

/// What a caller may refer to.
struct network {
    cfn::aws::ec2::vpc::handle vpc;
    std::vector<cfn::aws::ec2::subnet::handle> subnets;
};

/// Adds the VPC, its subnets, an internet gateway and the public route table to `scope`, and an
/// output "<scope>VpcId".
network add_network(cfn::scope scope, const network_options& options);

}  // namespace acme
