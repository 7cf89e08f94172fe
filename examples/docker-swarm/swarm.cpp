// The stack: the modules in the post's order (2. to 7.), then 8. Outputs.
#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "swarm.hpp"

namespace swarm {

/// The environment prefix without its dash, for logical IDs ("MyEnvironment").
static std::string id_prefix() {
    std::string prefix;
    for (char c : environment)
        if (c != '-') prefix += c;
    return prefix;
}

/// The stack, for the given worker labels.
cfn::stack docker_swarm(const std::vector<std::string>& worker_labels) {
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
