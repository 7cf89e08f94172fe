// A Docker Swarm cluster on AWS: the stack of the blog post "Docker Swarm con AWS - Parte 1"
// (Python + troposphere), ported to cfnpp. The sections below follow the post, in its order; each
// part of the cluster is a module (a function that adds to a cfn::scope and returns typed handles),
// and docker_swarm() at the end puts them together:
//
//   1. Settings                 the variables and tables at the top of the post's script
//   2. Parameter and AMI map    KeyPairName, RegionMap (Amazon Linux 2)
//   3. IAM                      the role the nodes run as: SSM, ECR, CloudWatch logs, CodeCommit
//   4. Network                  VPC, three public subnets, internet gateway, routes
//   5. Security groups          managers and workers, from the rule tables of section 1
//   6. Managers                 MasterA/B/C, static IPs, the multipart cloud-init user data;
//                               6b. an EC2 auto-recovery alarm each (AlarmRecoveryMasterA...)
//   7. Workers, per label       launch configuration, auto scaling group, scaling up/down on
//                               NetworkOut alarms
//   8. Outputs                  the VPC, the managers' public IPs, the subnets
//
// stack.cpp is the program (its command line); tests/docker_swarm/test_swarm.cpp unit-tests
// docker_swarm() with cfn/testing.hpp. The user data scripts are files next to this one
// (userdata/*.txt), embedded at build time.
#pragma once

#include <iterator>  // std::size
#include <string>    // std::string
#include <vector>    // std::vector

#include <cfn/cfn.hpp>
#include <cfn/iam/policy.hpp>
#include <cfn/aws/autoscaling/auto_scaling_group.hpp>
#include <cfn/aws/autoscaling/launch_configuration.hpp>
#include <cfn/aws/autoscaling/scaling_policy.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/internet_gateway.hpp>
#include <cfn/aws/ec2/route.hpp>
#include <cfn/aws/ec2/route_table.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/subnet_route_table_association.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/ec2/vpc_gateway_attachment.hpp>
#include <cfn/aws/iam/instance_profile.hpp>
#include <cfn/aws/iam/role.hpp>

#include "docker_swarm_embedded.hpp"  // embedded::manager_user_data, embedded::worker_user_data

namespace swarm {

namespace autoscaling = cfn::aws::autoscaling;
namespace cloudwatch = cfn::aws::cloudwatch;
namespace ec2 = cfn::aws::ec2;
namespace aws_iam = cfn::aws::iam;  // the resources (role, instance profile)
namespace iam = cfn::iam;           // the policy language

// 1. Settings ---------------------------------------------------------------------------------------

inline const std::string environment = "MyEnvironment-";     // prefix of the Name tags
inline const std::string cloud_watch_identifier = "Stack2";  // the managers' CloudWatch log group
inline const std::string instance_type_master = "t2.micro";
inline const std::string instance_type_worker = "t2.micro";

inline const int desired_capacity = 1;  // worker nodes per label (auto scaling)
inline const int min_size = 1;
inline const int max_size = 3;

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

struct port_rule {
    const char* name;      // what the rule is for; written as the rule's Description
    const char* cidr;
    const char* protocol;  // "tcp", "udp", or "-1": all traffic (then no ports)
    int from_port = -1;
    int to_port = -1;
};
inline const port_rule security_master_ingress[] = {
    // Used from docker for Swarm Managers
    {"DockerClusterManagementCommunications", vpc_cidr, "tcp", 2376, 2377},
    {"DockerForCommunicationAmongNodesTcp", vpc_cidr, "tcp", 7946, 7946},
    {"DockerForCommunicationAmongNodesUdp", vpc_cidr, "udp", 7946, 7946},
    {"DockerForOverlayNetworkTraffic", vpc_cidr, "udp", 4789, 4789},
    // My inbound ports
    {"ssh", "0.0.0.0/0", "tcp", 22, 22},
    {"http64000", vpc_cidr, "tcp", 64000, 64000},  // the managers' token API
};
inline const port_rule security_master_egress[] = {
    {"Input", "0.0.0.0/0", "-1"},
};
inline const port_rule security_worker_ingress[] = {
    // Used from docker for Swarm Workers
    {"DockerForCommunicationAmongNodesTcp", vpc_cidr, "tcp", 7946, 7946},
    {"DockerForCommunicationAmongNodesUdp", vpc_cidr, "udp", 7946, 7946},
    {"DockerForOverlayNetworkTraffic", vpc_cidr, "udp", 4789, 4789},
    // My inbound ports
    {"ssh", "0.0.0.0/0", "tcp", 22, 22},
    {"testdocker", "0.0.0.0/0", "tcp", 5000, 5001},
};
inline const port_rule security_worker_egress[] = {
    {"Input", "0.0.0.0/0", "-1"},
};

// Scaling on network traffic: one policy and one alarm per direction, per label.
struct scaling_rule {
    const char* direction;  // part of the logical IDs: HTTPRequestScalingPolicyUp<label>, ...
    int adjustment;
    long threshold;  // bytes of NetworkOut per minute
    cloudwatch::alarm::comparison_operator comparison;
    const char* description;
};
inline const scaling_rule scaling_rules[] = {
    {"Up", +1, 4000000, cloudwatch::alarm::comparison_operator::GreaterThanOrEqualToThreshold,
     "Alarm if Network out is > 4.000.000"},
    {"Down", -1, 1000000, cloudwatch::alarm::comparison_operator::LessThanOrEqualToThreshold,
     "Alarm if Network is < 1.000.000"},
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

// 2. Parameter and AMI map ---------------------------------------------------------------------------

struct inputs {
    cfn::parameter_handle<cfn::aws_ec2_keypair_keyname> key_pair;
    cfn::expr<cfn::str> amazon_linux_2;  // the region's AMI, from RegionMap
};

inline inputs add_inputs(cfn::scope scope) {
    auto key_pair = scope.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"KeyPairName", {.description = "Key used with SSH"}});

    // Amazon Linux 2 (amzn2-ami-hvm-2.0.20260427.1-x86_64-gp2), in the regions of the post's script.
    auto region_map = scope.add(cfn::mapping<>{"RegionMap", {
        {"ap-northeast-1", {{"AMI", "ami-0db5e3bbe2078a731"}}},
        {"ap-northeast-2", {{"AMI", "ami-075032002acdd86c1"}}},
        {"ap-south-1", {{"AMI", "ami-0e3580f2ef2ac1b35"}}},
        {"ap-southeast-1", {{"AMI", "ami-05c307e74695be084"}}},
        {"ap-southeast-2", {{"AMI", "ami-019984b2b1720aed2"}}},
        {"ca-central-1", {{"AMI", "ami-0568312bcb6cecafd"}}},
        {"eu-central-1", {{"AMI", "ami-06eba3da8c195f5b5"}}},
        {"eu-north-1", {{"AMI", "ami-0352d9627d9083ef7"}}},
        {"eu-west-1", {{"AMI", "ami-0ba84fc44e8b9291d"}}},
        {"eu-west-2", {{"AMI", "ami-02af97328e5ae4372"}}},
        {"eu-west-3", {{"AMI", "ami-024b178b0225b27fc"}}},
        {"sa-east-1", {{"AMI", "ami-057e84cdd1a8dc0d0"}}},
        {"us-east-1", {{"AMI", "ami-02b9a589195146a8f"}}},
        {"us-east-2", {{"AMI", "ami-07d3a7fd8a0333db9"}}},
        {"us-west-1", {{"AMI", "ami-0f351bdaf5c25b538"}}},
        {"us-west-2", {{"AMI", "ami-003c5247665391546"}}},
    }});
    return {key_pair, cfn::find_in_map(region_map, cfn::aws::region, "AMI")};
}

// 3. IAM: what the nodes may do ----------------------------------------------------------------------

/// The role every node runs as, and the instance profile that gives it to them.
inline aws_iam::instance_profile::handle add_node_role(cfn::scope scope) {
    // Send logs to CloudWatch (awslogs on the managers).
    iam::policy_document cw_my_log_policy{.statement = {{
        .effect = iam::effect::allow,
        .action = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
        .resource = {"arn:aws:logs:*:*:*"},
    }}};
    // List CodeCommit repositories, and pull one of them without credentials.
    iam::policy_document git_policy{.statement = {
        {.effect = iam::effect::allow, .action = {"codecommit:ListRepositories"}, .resource = {"*"}},
        {.effect = iam::effect::allow,
         .action = {"codecommit:GitPull"},
         .resource = {cfn::sub("arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:AwsCodeTest")}},
    }};
    auto root_role = scope.add(aws_iam::role{"RootRole", {
        .assume_role_policy_document = iam::policy_document{.statement = {{
            .effect = iam::effect::allow,
            .principal = {.service = {"ec2.amazonaws.com"}},
            .action = {"sts:AssumeRole"},
        }}},
        .managed_policy_arns = {"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",      // SSM sessions
                                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"},  // ECR
        .path = "/",
        .policies = {{.policy_document = cw_my_log_policy, .policy_name = "CWMyLogPolicy"},
                     {.policy_document = git_policy, .policy_name = "GitPolicy"}},
    }});
    return scope.add(aws_iam::instance_profile{"RootInstanceProfile", {.path = "/", .roles = {root_role.ref()}}});
}

// 4. Network: VPC, public subnets, internet gateway, routes ------------------------------------------

struct network {
    ec2::vpc::handle vpc;
    std::vector<ec2::subnet::handle> subnets;  // in the order of the `subnets` table
    std::vector<cfn::expr<cfn::id<"AWS::EC2::Subnet.SubnetId">>> subnet_ids;
};

inline network add_network(cfn::scope scope) {
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

// 5. Security groups ---------------------------------------------------------------------------------

/// The rules of a security group from a table of port_rule.
template <class Rule, std::size_t N>
std::vector<Rule> security_rules(const port_rule (&table)[N]) {
    std::vector<Rule> rules;
    for (const port_rule& r : table) {
        Rule rule{.cidr_ip = r.cidr, .description = r.name, .ip_protocol = r.protocol};
        if (r.from_port != -1) {
            rule.from_port = r.from_port;
            rule.to_port = r.to_port;
        }
        rules.push_back(rule);
    }
    return rules;
}

struct security_groups {
    ec2::security_group::handle managers;
    ec2::security_group::handle workers;
};

/// The post names these two MyEnvironmentCustomSecurityGroupIngress{Master,Worker}: give this
/// module the scope "MyEnvironment" (the environment without its dash, see docker_swarm()).
inline security_groups add_security_groups(cfn::scope scope, const network& net) {
    auto managers = scope.add(ec2::security_group{"CustomSecurityGroupIngressMaster", {
        .group_description = "CustomSecurity Group Ingress Master",
        .security_group_egress = security_rules<ec2::security_group::egress>(security_master_egress),
        .security_group_ingress = security_rules<ec2::security_group::ingress>(security_master_ingress),
        .tags = {name_tag("CustomSecurityGroupIngressMaster")},
        .vpc_id = net.vpc.ref(),
    }});
    auto workers = scope.add(ec2::security_group{"CustomSecurityGroupIngressWorker", {
        .group_description = "CustomSecurity Group Ingress Worker",
        .security_group_egress = security_rules<ec2::security_group::egress>(security_worker_egress),
        .security_group_ingress = security_rules<ec2::security_group::ingress>(security_worker_ingress),
        .tags = {name_tag("CustomSecurityGroupIngressWorker")},
        .vpc_id = net.vpc.ref(),
    }});
    return {managers, workers};
}

// 6. Managers: one per subnet, static private IP, the post's cloud-init -------------------------------

/// One manager per subnet of the network, in the order of the `subnets` table.
inline std::vector<ec2::instance::handle> add_managers(cfn::scope scope, const node_settings& nodes, const network& net,
                                                       const security_groups& groups) {
    std::vector<ec2::instance::handle> managers;
    for (std::size_t i = 0; i < std::size(subnets); ++i) {
        const manager_node& manager = subnets[i].manager;
        managers.push_back(scope.add(ec2::instance{manager.name, {
            .iam_instance_profile = nodes.instance_profile.ref(),
            .image_id = nodes.image_id,
            .instance_type = instance_type_master,
            .key_name = nodes.key_name,
            .private_ip_address = manager.private_ip,
            .security_group_ids = {groups.managers.ref()},
            .subnet_id = net.subnet_ids[i],
            .tags = {name_tag(manager.name)},
            .user_data = cfn::base64(cfn::sub(embedded::manager_user_data, {
                {"IpPrivateList", nodes.ip_private_list},
                {"NameMaster", manager.name},
                {"CloudWatchIdentifier", cloud_watch_identifier},
            })),
        }, {.suppress = {{cfn::guard::ec2_instance_imdsv1, "the post's manager script reads its zone with an IMDSv1 request"}}}}));
    }
    return managers;
}

// 7. Workers, per label: launch configuration, auto scaling group, scaling ----------------------------

/// What callers may refer to; the scaling policies and alarms stay inside the module.
struct worker_group {
    autoscaling::launch_configuration::handle launch_configuration;
    autoscaling::auto_scaling_group::handle group;
};

/// The workers of one label, scaling on NetworkOut. The post names a label's resources
/// <Kind><label> (LaunchConfigurationweb), where a cfn::scope would give <label><Kind>: this module
/// takes the label and keeps the post's names.
inline worker_group add_worker_group(cfn::scope scope, const std::string& label, const node_settings& nodes,
                                     const network& net, const security_groups& groups) {
    auto launch_configuration = scope.add(autoscaling::launch_configuration{"LaunchConfiguration" + label, {
        .block_device_mappings = {{.device_name = "/dev/xvda", .ebs = {.encrypted = true, .volume_size = 8}}},
        .iam_instance_profile = nodes.instance_profile.ref(),
        .image_id = nodes.image_id,
        .instance_type = instance_type_worker,
        .key_name = nodes.key_name,
        .security_groups = {groups.workers.ref()},
        .user_data = cfn::base64(cfn::sub(embedded::worker_user_data, {
            {"IpPrivateList", nodes.ip_private_list},
            {"Label", label},
            // The group below waits for each new worker's signal when it rolls (the post's update
            // policy): the script sends it once the worker has joined the swarm.
            {"AutoscalingGroup", std::string(scope.prefix()) + "AutoscalingGroup" + label},
        })),
    }, {.suppress = {{cfn::guard::autoscaling_launch_configuration_imdsv1,
                      "the post's join_to_swarm.sh, cloned at boot, is not ours to move to IMDSv2"}}}});

    auto group = scope.add(autoscaling::auto_scaling_group{"AutoscalingGroup" + label, {
        .cooldown = "300",
        .desired_capacity = std::to_string(desired_capacity),  // Strings in CloudFormation's spec
        .health_check_grace_period = 300,
        .health_check_type = "EC2",
        .launch_configuration_name = launch_configuration.ref(),
        .max_size = std::to_string(max_size),
        .min_size = std::to_string(min_size),
        .tags = {{.key = "Name", .propagate_at_launch = true, .value = environment + "AutoscalingGroup" + label}},
        .vpc_zone_identifier = net.subnet_ids,
    }, {
        .update_policy = {
            .auto_scaling_replacing_update = {.will_replace = true},
            .auto_scaling_rolling_update = {.max_batch_size = 1,
                                            .min_instances_in_service = 1,
                                            .pause_time = "PT5M",
                                            .wait_on_resource_signals = true},
        },
    }});

    for (const scaling_rule& rule : scaling_rules) {
        auto policy = scope.add(autoscaling::scaling_policy{"HTTPRequestScalingPolicy" + std::string(rule.direction) + label, {
            .adjustment_type = autoscaling::scaling_policy::adjustment_type::ChangeInCapacity,
            .auto_scaling_group_name = group.ref(),
            .cooldown = "300",
            .scaling_adjustment = rule.adjustment,
        }});
        scope.add(cloudwatch::alarm{"HTTPRequestAlarm" + std::string(rule.direction) + label, {
            .alarm_actions = {policy.ref()},
            .alarm_description = rule.description,
            .comparison_operator = rule.comparison,
            .dimensions = {{.name = "AutoScalingGroupName", .value = group.ref()}},
            .evaluation_periods = 1,
            .metric_name = "NetworkOut",
            .namespace_ = "AWS/EC2",
            .period = 60,  // 1 minute
            .statistic = cloudwatch::alarm::statistic::Average,
            .threshold = rule.threshold,
        }});
    }
    return {launch_configuration, group};
}

// 6b. Auto-recovery: the post's script also gives each manager an EC2 recovery alarm -----------------

/// When the host of a manager fails its system status check for 5 minutes, EC2 recovers the
/// instance onto other hardware, keeping its instance ID, private IP and volumes.
inline void add_recovery_alarms(cfn::scope scope, const std::vector<ec2::instance::handle>& managers) {
    for (std::size_t i = 0; i < managers.size(); ++i) {
        std::string name = subnets[i].manager.name;
        scope.add(cloudwatch::alarm{"AlarmRecovery" + name, {
            .alarm_actions = {cfn::sub("arn:aws:automate:${AWS::Region}:ec2:recover")},
            .alarm_description = "Recovery " + name,
            .comparison_operator = cloudwatch::alarm::comparison_operator::GreaterThanThreshold,
            .dimensions = {{.name = "InstanceId", .value = managers[i].ref()}},
            .evaluation_periods = 5,
            .metric_name = "StatusCheckFailed_System",
            .namespace_ = "AWS/EC2",
            .period = 60,
            .statistic = cloudwatch::alarm::statistic::Maximum,
            .threshold = 0,
        }});
    }
}

// The stack: the sections in the post's order, then 8. Outputs -----------------------------------------

/// The environment prefix without its dash, for logical IDs ("MyEnvironment").
inline std::string id_prefix() {
    std::string prefix;
    for (char c : environment)
        if (c != '-') prefix += c;
    return prefix;
}

/// The stack, for the given worker labels.
inline cfn::stack docker_swarm(const std::vector<std::string>& worker_labels) {
    cfn::stack s{"Docker Swarm on AWS: a VPC with three public subnets, a manager node with a static IP in each, "
                 "and an auto scaling group of worker nodes per label (from the post 'Docker Swarm con AWS - Parte 1')."};

    inputs in = add_inputs(s);                                         // 2.
    auto instance_profile = add_node_role(s);                          // 3.
    network net = add_network(s);                                      // 4.
    security_groups groups = add_security_groups({s, id_prefix(), {                   // 5.
        {cfn::guard::ec2_admin_ingress_world, "SSH from anywhere is what the post does: restrict it to your own address"},
        {cfn::guard::ec2_ingress_world, "the post publishes the swarm's services (5000-5001) to everyone"},
    }}, net);

    node_settings nodes{in.amazon_linux_2, in.key_pair.ref(), instance_profile, {}};
    for (const public_subnet& subnet : subnets)
        nodes.ip_private_list += (nodes.ip_private_list.empty() ? "" : " ") + std::string(subnet.manager.private_ip);
    std::vector<ec2::instance::handle> managers = add_managers(s, nodes, net, groups);  // 6.
    add_recovery_alarms(s, managers);                                                    // 6b.

    for (const std::string& label : worker_labels) add_worker_group(s, label, nodes, net, groups);  // 7.

    // 8. Outputs
    s.add(cfn::output{"VPC", net.vpc.ref(), {.description = "A reference to the created VPC"}});
    for (std::size_t i = 0; i < managers.size(); ++i) {
        std::string name = subnets[i].manager.name;
        s.add(cfn::output{"PublicIP" + name, managers[i].attr_public_ip(),
                          {.description = "Public IP address of the newly created EC2 instance: " + name}});
    }
    for (std::size_t i = 0; i < net.subnets.size(); ++i)
        s.add(cfn::output{subnets[i].name, net.subnets[i].ref(),
                          {.description = "A reference to the public subnet in the availability Zone"}});
    return s;
}

}  // namespace swarm
