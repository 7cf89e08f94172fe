// 7. Workers, per label: launch configuration, auto scaling group, scaling up and down on
// NetworkOut alarms.
#include <string>  // std::string, std::to_string

#include <cfn/aws/autoscaling/scaling_policy.hpp>
#include <cfn/aws/cloudwatch/alarm.hpp>

#include "docker_swarm_modules_embedded.hpp"  // embedded::worker_user_data
#include "swarm.hpp"

namespace swarm {

namespace cloudwatch = cfn::aws::cloudwatch;

const std::string instance_type_worker = "t2.micro";

const int desired_capacity = 1;  // worker nodes per label (auto scaling)
const int min_size = 1;
const int max_size = 3;

// Scaling on network traffic: one policy and one alarm per direction, per label.
struct scaling_rule {
    const char* direction;  // part of the logical IDs: HTTPRequestScalingPolicyUp<label>, ...
    int adjustment;
    long threshold;  // bytes of NetworkOut per minute
    cloudwatch::alarm::comparison_operator comparison;
    const char* description;
};
const scaling_rule scaling_rules[] = {
    {"Up", +1, 4000000, cloudwatch::alarm::comparison_operator::GreaterThanOrEqualToThreshold,
     "Alarm if Network out is > 4.000.000"},
    {"Down", -1, 1000000, cloudwatch::alarm::comparison_operator::LessThanOrEqualToThreshold,
     "Alarm if Network is < 1.000.000"},
};

worker_group add_worker_group(cfn::scope scope, const std::string& label, const node_settings& nodes,
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

}  // namespace swarm
