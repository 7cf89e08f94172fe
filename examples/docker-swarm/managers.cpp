// 6. Managers: one per subnet, static private IP, the post's cloud-init; 6b. an EC2 auto-recovery
// alarm each (the post's script deploys them too).
#include <cstddef>   // std::size_t
#include <iterator>  // std::size
#include <string>    // std::string
#include <vector>    // std::vector

#include <cfn/aws/cloudwatch/alarm.hpp>

#include "docker_swarm_modules_embedded.hpp"  // embedded::manager_user_data
#include "swarm.hpp"

namespace swarm {

namespace cloudwatch = cfn::aws::cloudwatch;

const std::string instance_type_master = "t2.micro";
const std::string cloud_watch_identifier = "Stack2";  // the managers' CloudWatch log group

std::vector<ec2::instance::handle> add_managers(cfn::scope scope, const node_settings& nodes, const network& net,
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

void add_recovery_alarms(cfn::scope scope, const std::vector<ec2::instance::handle>& managers) {
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

}  // namespace swarm
