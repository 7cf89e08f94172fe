// A Docker Swarm cluster on AWS: the stack of the blog post "Docker Swarm con AWS - Parte 1"
// (Python + troposphere), ported to cfnpp. Each part of the cluster is a module (a function that
// adds to a cfn::scope and returns typed handles) in a file of its own, in the post's order:
//
//   1. Settings                 shared by the modules: below; each module's own at its top
//   2. Parameter and AMI map    inputs.cpp            KeyPairName, RegionMap (Amazon Linux 2)
//   3. IAM                      iam.cpp               the nodes' role: SSM, ECR, CloudWatch logs, CodeCommit
//   4. Network                  network.cpp           VPC, three public subnets, internet gateway, routes
//   5. Security groups          security_groups.cpp   managers and workers, from rule tables
//   6. Managers                 managers.cpp          MasterA/B/C, static IPs, the multipart cloud-init
//                                                     user data; 6b. an EC2 auto-recovery alarm each
//   7. Workers, per label       workers.cpp           launch configuration, auto scaling group, scaling
//                                                     up/down on NetworkOut alarms
//   8. Outputs                  swarm.cpp             docker_swarm(): the modules put together
//
// One translation unit per module, so that an edit recompiles one small file (docs/modules.md,
// "Split a stack into files"). This header is what the modules share: the settings several of
// them read, the handles they return, and their declarations. stack.cpp is the program (its
// command line); tests/docker_swarm/test_swarm.cpp unit-tests the modules with cfn/testing.hpp.
// The user data scripts are files next to these (userdata/*.txt), embedded at build time.
#pragma once

#include <string>  // std::string
#include <vector>  // std::vector

#include <cfn/cfn.hpp>
// The resource types whose handles the modules return; each module includes the others it adds.
#include <cfn/aws/autoscaling/auto_scaling_group.hpp>
#include <cfn/aws/autoscaling/launch_configuration.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/iam/instance_profile.hpp>

namespace swarm {

namespace autoscaling = cfn::aws::autoscaling;
namespace ec2 = cfn::aws::ec2;
namespace aws_iam = cfn::aws::iam;  // the resources (role, instance profile)

// 1. Settings shared by the modules ------------------------------------------------------------------

inline const std::string environment = "MyEnvironment-";  // prefix of the Name tags

// Labels of the worker nodes: {"web", "db"} creates two auto scaling groups. `--labels web,db`
// overrides this when the program runs.
inline const std::vector<std::string> labels = {"web"};

inline const char* const vpc_cidr = "192.168.0.0/16";

struct manager_node {
    const char* name;
    const char* private_ip;  // static: only MasterA may create the swarm (see the post)
};
struct public_subnet {
    const char* name;
    const char* cidr;
    int zone;  // index into the region's availability zones
    manager_node manager;
};
inline const public_subnet subnets[] = {
    {"Subnet1", "192.168.0.0/20", 0, {"MasterA", "192.168.0.250"}},
    {"Subnet2", "192.168.16.0/20", 1, {"MasterB", "192.168.16.250"}},
    {"Subnet3", "192.168.32.0/20", 2, {"MasterC", "192.168.32.250"}},
};

/// The Name tag of the post: the environment, then the name.
inline cfn::tag name_tag(const std::string& name) { return {.key = "Name", .value = environment + name}; }

/// What every node (manager or worker) is launched with; sections 2 and 3 make it.
struct node_settings {
    cfn::expr<cfn::str> image_id;
    cfn::expr<cfn::id<"AWS::EC2::KeyPair.KeyName">> key_name;
    aws_iam::instance_profile::handle instance_profile;
    std::string ip_private_list;  // "192.168.0.250 192.168.16.250 192.168.32.250": create_swarm.sh's arguments
};

// The modules -------------------------------------------------------------------------------------------

// 2. inputs.cpp
struct inputs {
    cfn::parameter_handle<cfn::aws_ec2_keypair_keyname> key_pair;
    cfn::expr<cfn::str> amazon_linux_2;  // the region's AMI, from RegionMap
};
inputs add_inputs(cfn::scope scope);

// 3. iam.cpp
/// The role every node runs as, and the instance profile that gives it to them.
aws_iam::instance_profile::handle add_node_role(cfn::scope scope);

// 4. network.cpp
struct network {
    ec2::vpc::handle vpc;
    std::vector<ec2::subnet::handle> subnets;  // in the order of the `subnets` table
    std::vector<cfn::expr<cfn::id<"AWS::EC2::Subnet.SubnetId">>> subnet_ids;
};
network add_network(cfn::scope scope);

// 5. security_groups.cpp
struct security_groups {
    ec2::security_group::handle managers;
    ec2::security_group::handle workers;
};
/// The post names these two MyEnvironmentCustomSecurityGroupIngress{Master,Worker}: give this
/// module the scope "MyEnvironment" (the environment without its dash, see docker_swarm()).
security_groups add_security_groups(cfn::scope scope, const network& net);

// 6. managers.cpp
/// One manager per subnet of the network, in the order of the `subnets` table.
std::vector<ec2::instance::handle> add_managers(cfn::scope scope, const node_settings& nodes, const network& net,
                                                const security_groups& groups);
/// 6b. When the host of a manager fails its system status check for 5 minutes, EC2 recovers the
/// instance onto other hardware, keeping its instance ID, private IP and volumes.
void add_recovery_alarms(cfn::scope scope, const std::vector<ec2::instance::handle>& managers);

// 7. workers.cpp
/// What callers may refer to; the scaling policies and alarms stay inside the module.
struct worker_group {
    autoscaling::launch_configuration::handle launch_configuration;
    autoscaling::auto_scaling_group::handle group;
};
/// The workers of one label, scaling on NetworkOut. The post names a label's resources
/// <Kind><label> (LaunchConfigurationweb), where a cfn::scope would give <label><Kind>: this module
/// takes the label and keeps the post's names.
worker_group add_worker_group(cfn::scope scope, const std::string& label, const node_settings& nodes,
                              const network& net, const security_groups& groups);

// swarm.cpp: the stack, 2. to 7. in the post's order, then 8. Outputs
/// The stack, for the given worker labels.
cfn::stack docker_swarm(const std::vector<std::string>& worker_labels);

}  // namespace swarm
