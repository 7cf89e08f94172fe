// 5. Security groups: the managers' and the workers', from the rule tables below.
#include <cstddef>  // std::size_t
#include <vector>   // std::vector

#include "swarm.hpp"

namespace swarm {

// The rules, as the post lists them --------------------------------------------------------------------

struct port_rule {
    const char* name;      // what the rule is for; written as the rule's Description
    const char* cidr;
    const char* protocol;  // "tcp", "udp", or "-1": all traffic (then no ports)
    int from_port = -1;
    int to_port = -1;
};
const port_rule security_master_ingress[] = {
    // Used from docker for Swarm Managers
    {"DockerClusterManagementCommunications", vpc_cidr, "tcp", 2376, 2377},
    {"DockerForCommunicationAmongNodesTcp", vpc_cidr, "tcp", 7946, 7946},
    {"DockerForCommunicationAmongNodesUdp", vpc_cidr, "udp", 7946, 7946},
    {"DockerForOverlayNetworkTraffic", vpc_cidr, "udp", 4789, 4789},
    // My inbound ports
    {"ssh", "0.0.0.0/0", "tcp", 22, 22},
    {"http64000", vpc_cidr, "tcp", 64000, 64000},  // the managers' token API
};
const port_rule security_master_egress[] = {
    {"Input", "0.0.0.0/0", "-1"},
};
const port_rule security_worker_ingress[] = {
    // Used from docker for Swarm Workers
    {"DockerForCommunicationAmongNodesTcp", vpc_cidr, "tcp", 7946, 7946},
    {"DockerForCommunicationAmongNodesUdp", vpc_cidr, "udp", 7946, 7946},
    {"DockerForOverlayNetworkTraffic", vpc_cidr, "udp", 4789, 4789},
    // My inbound ports
    {"ssh", "0.0.0.0/0", "tcp", 22, 22},
    {"testdocker", "0.0.0.0/0", "tcp", 5000, 5001},
};
const port_rule security_worker_egress[] = {
    {"Input", "0.0.0.0/0", "-1"},
};

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

security_groups add_security_groups(cfn::scope scope, const network& net) {
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

}  // namespace swarm
