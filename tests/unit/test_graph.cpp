// cfn::graph: what each format draws of a stack (shapes, scopes, labelled edges, cycles in red,
// hidden types), and that the same stack gives the same text.
#include <catch2/catch.hpp>

#include <string>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/subnet_route_table_association.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/iam/instance_profile.hpp>

namespace ec2 = cfn::aws::ec2;

namespace {

/// A parameter, a scoped VPC and subnet, an instance that uses the subnet three ways, an output.
cfn::stack small_stack() {
    cfn::stack s;
    auto cidr = s.add(cfn::parameter<cfn::str>{"Cidr"});
    cfn::scope network{s, "Net"};
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = cidr.ref()}});
    auto subnet = network.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    auto instance = s.add(ec2::instance{"Server", {
        .subnet_id = subnet.ref(),
        .tags = {{.key = "Zone", .value = cfn::sub("${NetSubnet.AvailabilityZone}")}},
        .user_data = cfn::base64(subnet.attr_availability_zone()),
    }, {.depends_on = {vpc}}});
    s.add(ec2::subnet_route_table_association{"Association", {.route_table_id = "rtb-1", .subnet_id = subnet.ref()}});
    s.output("ServerIp", instance.attr_private_ip());
    return s;
}

}  // namespace

TEST_CASE("graph: DOT has one vertex per logical ID, its shape and type, scopes as clusters, labelled edges") {
    std::string dot = cfn::graph(small_stack(), cfn::graph_format::dot);
    CHECK(dot.rfind("digraph stack {\n", 0) == 0);
    CHECK(dot.find("p_Cidr [shape=parallelogram label=\"Cidr\\nString\"];") != std::string::npos);
    CHECK(dot.find("r_Server [shape=box label=\"Server\\nAWS::EC2::Instance\"];") != std::string::npos);
    CHECK(dot.find("o_ServerIp [shape=ellipse label=\"ServerIp\\noutput\"];") != std::string::npos);
    // The scope "Net" is a cluster holding its two resources.
    auto cluster = dot.find("subgraph \"cluster_Net/\" {\n        label=\"Net\";\n");
    REQUIRE(cluster != std::string::npos);
    CHECK(dot.find("        r_NetVpc [shape=box", cluster) != std::string::npos);
    CHECK(dot.find("        r_NetSubnet [shape=box", cluster) != std::string::npos);
    // Edges from user to used; kinds between one pair merge into one edge, in the order met.
    CHECK(dot.find("r_NetVpc -> p_Cidr [label=\"Ref\"];") != std::string::npos);
    CHECK(dot.find("r_Server -> r_NetVpc [label=\"DependsOn\"];") != std::string::npos);
    CHECK(dot.find("r_Server -> r_NetSubnet [label=\"Ref, Sub, GetAtt AvailabilityZone\"];") != std::string::npos);
    CHECK(dot.find("o_ServerIp -> r_Server [label=\"GetAtt PrivateIp\"];") != std::string::npos);
    CHECK(dot.find("red") == std::string::npos);
    CHECK(dot == cfn::graph(small_stack(), cfn::graph_format::dot));
}

TEST_CASE("graph: Mermaid uses prefixed IDs, quoted labels, subgraphs and edge labels") {
    std::string mermaid = cfn::graph(small_stack(), cfn::graph_format::mermaid);
    CHECK(mermaid.rfind("flowchart LR\n", 0) == 0);
    CHECK(mermaid.find("    p_Cidr[/\"Cidr<br/>String\"/]\n") != std::string::npos);
    CHECK(mermaid.find("    subgraph scope1[\"Net\"]\n        r_NetVpc[\"NetVpc<br/>AWS::EC2::VPC\"]\n") != std::string::npos);
    CHECK(mermaid.find("    o_ServerIp([\"ServerIp<br/>output\"])\n") != std::string::npos);
    CHECK(mermaid.find("    r_Server -->|\"DependsOn\"| r_NetVpc\n") != std::string::npos);
    CHECK(mermaid.find("linkStyle") == std::string::npos);
}

TEST_CASE("graph: hidden types leave with their edges, by name or by prefix") {
    cfn::graph_options options{.hide = {"AWS::EC2::SubnetRouteTableAssociation"}};
    std::string dot = cfn::graph(small_stack(), cfn::graph_format::dot, options);
    CHECK(dot.find("Association") == std::string::npos);
    CHECK(dot.find("r_NetSubnet [") != std::string::npos);
    std::string no_ec2 = cfn::graph(small_stack(), cfn::graph_format::dot, {.hide = {"AWS::EC2::*"}});
    CHECK(no_ec2.find("AWS::EC2::") == std::string::npos);
    CHECK(no_ec2.find("p_Cidr [shape=parallelogram") != std::string::npos);  // parameters stay
    CHECK(no_ec2.find(" -> ") == std::string::npos);
}

TEST_CASE("graph: a dependency cycle is drawn in red, and nothing else is") {
    cfn::stack s;
    auto x = s.add(ec2::subnet{"X", {.vpc_id = "vpc-1"}});
    auto y = s.add(ec2::subnet{"Y", {.vpc_id = "vpc-1"}, {.depends_on = {x}}});
    s.add(ec2::subnet{"Z", {.vpc_id = "vpc-1"}, {.depends_on = {y}}});
    s.add(ec2::subnet{"Outside", {.vpc_id = "vpc-1"}, {.depends_on = {x}}});
    // X -> Z -> Y -> X, through Fn::Sub, DependsOn and Fn::GetAtt.
    cfn::stack cyclic;
    auto cx = cyclic.add(ec2::subnet{"X", {.cidr_block = cfn::sub("${Z}"), .vpc_id = "vpc-1"}});
    auto cy = cyclic.add(ec2::subnet{"Y", {.vpc_id = cx.attr_vpc_id()}});
    cyclic.add(ec2::subnet{"Z", {.vpc_id = "vpc-1"}, {.depends_on = {cy}}});
    cyclic.add(ec2::subnet{"Outside", {.vpc_id = "vpc-1"}, {.depends_on = {cx}}});

    CHECK(cfn::graph(s, cfn::graph_format::dot).find("red") == std::string::npos);
    std::string dot = cfn::graph(cyclic, cfn::graph_format::dot);
    CHECK(dot.find("r_X [shape=box label=\"X\\nAWS::EC2::Subnet\" color=red];") != std::string::npos);
    CHECK(dot.find("r_Outside [shape=box label=\"Outside\\nAWS::EC2::Subnet\"];") != std::string::npos);
    CHECK(dot.find("r_X -> r_Z [label=\"Sub\" color=red fontcolor=red];") != std::string::npos);
    CHECK(dot.find("r_Outside -> r_X [label=\"DependsOn\"];") != std::string::npos);
    std::string mermaid = cfn::graph(cyclic, cfn::graph_format::mermaid);
    CHECK(mermaid.find("    linkStyle 0,1,2 stroke:red,color:red\n") != std::string::npos);
    CHECK(mermaid.find("    class r_X,r_Y,r_Z cycle\n") != std::string::npos);
}

TEST_CASE("graph: an output with a resource's logical ID is a vertex of its own") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    s.output("Vpc", vpc.ref());
    std::string dot = cfn::graph(s, cfn::graph_format::dot);
    CHECK(dot.find("r_Vpc [shape=box") != std::string::npos);
    CHECK(dot.find("o_Vpc [shape=ellipse") != std::string::npos);
    CHECK(dot.find("o_Vpc -> r_Vpc [label=\"Ref\"];") != std::string::npos);
}
