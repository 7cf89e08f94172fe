// The Docker Swarm stack unit-tested with cfn/testing.hpp: what testing a stack looks like for a
// user. (structure_test.py checks the same through the program's output; this needs no process.)
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <cfn/testing.hpp>
// The resource types the tests count or match, besides those whose handles swarm.hpp returns.
#include <cfn/aws/autoscaling/scaling_policy.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>
#include <cfn/aws/ec2/subnet_route_table_association.hpp>
#include <cfn/aws/iam/role.hpp>

#include "swarm.hpp"

namespace match = cfn::testing;
using json = cfn::testing::json;

namespace {

/// The resource counts of the stack for n labels.
void check_counts(const cfn::testing::stack_template& t, std::size_t n) {
    CHECK(t.resource_count_is<swarm::aws_iam::role>(1));
    CHECK(t.resource_count_is<swarm::aws_iam::instance_profile>(1));
    CHECK(t.resource_count_is<swarm::ec2::vpc>(1));
    CHECK(t.resource_count_is<swarm::ec2::subnet>(3));
    CHECK(t.resource_count_is<swarm::ec2::subnet_route_table_association>(3));
    CHECK(t.resource_count_is<swarm::ec2::security_group>(2));
    CHECK(t.resource_count_is<swarm::ec2::instance>(3));
    CHECK(t.resource_count_is<swarm::autoscaling::launch_configuration>(n));
    CHECK(t.resource_count_is<swarm::autoscaling::auto_scaling_group>(n));
    CHECK(t.resource_count_is<swarm::autoscaling::scaling_policy>(2 * n));
    CHECK(t.resource_count_is<cfn::aws::cloudwatch::alarm>(2 * n + 3));  // 3: the managers' recovery alarms
}

}  // namespace

TEST_CASE("swarm: resource counts for {web} and {web, db}") {
    check_counts(cfn::testing::stack_template{swarm::docker_swarm({"web"})}, 1);
    check_counts(cfn::testing::stack_template{swarm::docker_swarm({"web", "db"})}, 2);
}

TEST_CASE("swarm: each alarm triggers its own label's policy, which scales that label's group") {
    cfn::testing::stack_template t{swarm::docker_swarm({"web", "db"})};
    for (std::string label : {"web", "db"}) {
        for (std::string direction : {"Up", "Down"}) {
            INFO(label << " " << direction);
            json group = {{"Ref", "AutoscalingGroup" + label}};
            CHECK(t.has_resource_properties("AWS::AutoScaling::ScalingPolicy", {
                {"AutoScalingGroupName", group},
                {"ScalingAdjustment", direction == "Up" ? 1 : -1},
            }));
            CHECK(t.has_resource("AWS::CloudWatch::Alarm", {
                {"Properties", {
                    {"AlarmActions", match::array_equals({{{"Ref", "HTTPRequestScalingPolicy" + direction + label}}})},
                    {"Dimensions", {{{"Name", "AutoScalingGroupName"}, {"Value", group}}}},
                    {"MetricName", "NetworkOut"},
                }},
            }));
        }
    }
    // And the alarms on a label's group trigger that label's policies only.
    for (std::string label : {"web", "db"}) {
        INFO(label);
        json alarms = t.find_resources("AWS::CloudWatch::Alarm", {{"Properties", {
            {"Dimensions", {{{"Value", {{"Ref", "AutoscalingGroup" + label}}}}}},
        }}});
        CHECK(alarms.size() == 2);
        for (const auto& [id, alarm] : alarms.items())
            CHECK(match::matches(alarm, {{"Properties", {
                {"AlarmActions", {{{"Ref", match::string_like_regex("^HTTPRequestScalingPolicy(Up|Down)" + label + "$")}}}},
            }}}));
    }
}

TEST_CASE("swarm: each manager has an EC2 auto-recovery alarm, as the post's script deploys") {
    cfn::testing::stack_template t{swarm::docker_swarm({"web"})};
    for (std::string manager : {"MasterA", "MasterB", "MasterC"}) {
        INFO(manager);
        CHECK(t.has_resource("AWS::CloudWatch::Alarm", {{"Properties", {
            {"AlarmActions", {{{"Fn::Sub", "arn:aws:automate:${AWS::Region}:ec2:recover"}}}},
            {"AlarmDescription", "Recovery " + manager},
            {"ComparisonOperator", "GreaterThanThreshold"},
            {"Dimensions", {{{"Name", "InstanceId"}, {"Value", {{"Ref", manager}}}}}},
            {"EvaluationPeriods", 5},
            {"MetricName", "StatusCheckFailed_System"},
            {"Namespace", "AWS/EC2"},
            {"Period", 60},
            {"Statistic", "Maximum"},
            {"Threshold", 0},
        }}}));
        CHECK(t.find_resources("AWS::CloudWatch::Alarm").contains("AlarmRecovery" + manager));
    }
}

TEST_CASE("swarm: the modules' handles, used the way the stack uses them") {
    // A module on its own, in a stack of its own: the network, and a worker group that uses it.
    cfn::stack s;
    swarm::network net = swarm::add_network(s);
    swarm::security_groups groups = swarm::add_security_groups({s, "Test"}, net);
    // An AMI id parameter, as a user would declare one: an AWS-specific type, which CloudFormation
    // checks against the account's images.
    auto ami = s.add(cfn::parameter<cfn::aws_ec2_image_id>{"Ami"});
    auto key = s.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"Key"});
    auto profile = s.add(swarm::aws_iam::instance_profile{"Profile", {.roles = {"role"}}});
    swarm::node_settings nodes{ami.ref(), key.ref(), profile, "10.0.0.1"};
    swarm::worker_group workers = swarm::add_worker_group(s, "web", nodes, net, groups);

    cfn::testing::stack_template t{s};
    CHECK(t.has_resource_properties<swarm::ec2::security_group>({
        .group_description = "CustomSecurity Group Ingress Worker",
        .vpc_id = net.vpc.ref(),
    }));
    CHECK(t.has_resource_properties<swarm::autoscaling::auto_scaling_group>({
        .launch_configuration_name = workers.launch_configuration.ref(),
        .max_size = "3",
        .min_size = "1",
        .vpc_zone_identifier = net.subnet_ids,
    }));
    CHECK(t.has_resource_properties("AWS::AutoScaling::LaunchConfiguration", {
        {"SecurityGroups", {match::ref(groups.workers)}},
        {"UserData", {{"Fn::Base64", {{"Fn::Sub", {match::string_like_regex("join_to_swarm.sh(.|\n)*cfn-signal"),
                                                   {{"IpPrivateList", "10.0.0.1"}, {"Label", "web"},
                                                    {"AutoscalingGroup", "AutoscalingGroupweb"}}}}}}}},
    }));
    CHECK(t.has_resource("AWS::EC2::Route", {{"DependsOn", match::array_with({"AttachGateway"})}}));
    CHECK(t.resource("TestCustomSecurityGroupIngressMaster")["Type"] == "AWS::EC2::SecurityGroup");
    std::vector<cfn::diagnostic> found = cfn::check(s, cfn::format::json, cfn::guard::selection::none);
    for (const cfn::diagnostic& d : found) UNSCOPED_INFO(d.to_string());
    CHECK(found.empty());
    // The post's SSH from anywhere is suppressed where docker_swarm() builds the scope, not in the
    // module: a stack that uses the module without that decision sees the finding.
    CHECK(cfn::testing::has_finding(s, cfn::guard::ec2_admin_ingress_world, "TestCustomSecurityGroupIngressMaster"));
    CHECK(cfn::testing::has_no_finding(s, cfn::guard::autoscaling_signal_never_sent));
}

TEST_CASE("swarm: the guard rails find nothing the post does not explain") {
    cfn::stack s = swarm::docker_swarm({"web", "db"});
    CHECK(cfn::testing::findings(s).empty());
    cfn::testing::stack_template t{s};
    CHECK(t.resource("MyEnvironmentCustomSecurityGroupIngressWorker")["Metadata"]["cfnpp"]["suppress"][0]["id"] ==
          "CFN-EC2-ADMIN-INGRESS-WORLD");
    CHECK(t.has_resource_properties("AWS::AutoScaling::LaunchConfiguration",
                                    {{"BlockDeviceMappings", {{{"Ebs", {{"Encrypted", true}}}}}}}));
}

TEST_CASE("swarm: the outputs") {
    cfn::testing::stack_template t{swarm::docker_swarm(swarm::labels)};
    CHECK(t.has_output("VPC", {{"Value", {{"Ref", "VPC"}}}}));
    for (const char* manager : {"MasterA", "MasterB", "MasterC"})
        CHECK(t.has_output(std::string("PublicIP") + manager,
                           {{"Value", {{"Fn::GetAtt", {manager, "PublicIp"}}}}}));
    for (const char* subnet : {"Subnet1", "Subnet2", "Subnet3"})
        CHECK(t.has_output(subnet, {{"Value", {{"Ref", subnet}}}}));
    CHECK(t.has_parameter("KeyPairName", {{"Type", "AWS::EC2::KeyPair::KeyName"}}));
    CHECK(t.has_mapping("RegionMap", {{"eu-west-1", {{"AMI", match::string_like_regex("^ami-[0-9a-f]{17}$")}}}}));
}
