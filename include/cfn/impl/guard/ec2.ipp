// cfnpp implementation: the EC2 guard rails (cfn/guard/builtin.hpp): security groups, volumes,
// instances, launch templates, subnets.
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/guard/common.ipp>

namespace cfn::guard::detail {

/// Each ingress rule of a resource with its path: a security group's inline ones, or a
/// SecurityGroupIngress resource's properties.
template <class F>
void for_each_ingress(const resource_view& r, F&& f) {
    if (r.type == "AWS::EC2::SecurityGroup") {
        std::vector<node> rules = items(r.property("SecurityGroupIngress"));
        for (std::size_t i = 0; i < rules.size(); ++i) f(rules[i], item_path("Properties.SecurityGroupIngress", i));
    } else if (r.type == "AWS::EC2::SecurityGroupIngress") {
        f(member(r.body, "Properties"), std::string("Properties"));
    }
}

/// "0.0.0.0/0" or "::/0", and the member that says so; empty when the rule is not open to the world.
CFN_INLINE std::string_view world_source(node rule) {
    if (text(member(rule, "CidrIp")) == "0.0.0.0/0") return "CidrIp";
    if (text(member(rule, "CidrIpv6")) == "::/0") return "CidrIpv6";
    return {};
}

/// The ports a rule opens, as a range: every port for protocol -1 (all traffic).
struct port_range {
    long long from, to;
    bool contains(long long port) const { return from <= port && port <= to; }
};
CFN_INLINE port_range ports_of(node rule) {
    node protocol = member(rule, "IpProtocol");
    if (text(protocol) == "-1" || integer_or(protocol, 0) == -1) return {0, 65535};
    long long from = integer_or(member(rule, "FromPort"), -1), to = integer_or(member(rule, "ToPort"), -1);
    if (from == -1 && to == -1) return {0, 65535};  // -1 with tcp or udp means every port
    return {from, to};
}

CFN_INLINE void admin_ingress_world(const resource_view& r, report& found) {
    for_each_ingress(r, [&](node rule, const std::string& path) {
        std::string_view source = world_source(rule);
        if (source.empty()) return;
        port_range ports = ports_of(rule);
        for (long long port : {22LL, 3389LL})
            if (ports.contains(port)) {
                found(path + "." + std::string(source),
                      std::string(port == 22 ? "SSH (22)" : "RDP (3389)") + " is open to " +
                          std::string(text(member(rule, source))) + ": allow the addresses that administer it");
                return;
            }
    });
}

CFN_INLINE void ingress_world(const resource_view& r, report& found) {
    for_each_ingress(r, [&](node rule, const std::string& path) {
        std::string_view source = world_source(rule);
        if (source.empty()) return;
        port_range ports = ports_of(rule);
        if (ports.contains(22) || ports.contains(3389)) return;  // admin_ingress_world's
        std::string what = ports.from == ports.to ? "port " + std::to_string(ports.from) + " is"
                                                  : "ports " + std::to_string(ports.from) + "-" + std::to_string(ports.to) + " are";
        found(path + "." + std::string(source),
              what + " open to " + std::string(text(member(rule, source))) + ": is it meant for everyone?");
    });
}

CFN_INLINE void rule_description(const resource_view& r, report& found) {
    auto check = [&](node rule, const std::string& path) {
        if (!member(rule, "Description").present())
            found(path, "the security group rule has no Description: say what it allows and why");
    };
    if (r.type == "AWS::EC2::SecurityGroup") {
        for (const char* list : {"SecurityGroupIngress", "SecurityGroupEgress"}) {
            std::vector<node> rules = items(r.property(list));
            for (std::size_t i = 0; i < rules.size(); ++i) check(rules[i], item_path("Properties." + std::string(list), i));
        }
    } else if (r.type == "AWS::EC2::SecurityGroupIngress" || r.type == "AWS::EC2::SecurityGroupEgress") {
        check(member(r.body, "Properties"), "Properties");
    }
}

CFN_INLINE void volume_unencrypted(const resource_view& r, report& found) {
    if (r.type != "AWS::EC2::Volume") return;
    node encrypted = r.property("Encrypted");
    if (!is_true(encrypted) && (is_false(encrypted) || !encrypted.present()))
        found("Properties.Encrypted", "the EBS volume is not encrypted: set .encrypted = true");
}

/// EBS block devices whose Encrypted is not true, in a BlockDeviceMappings list.
CFN_INLINE void unencrypted_block_devices(node mappings, const std::string& path, std::string_view owner, report& found) {
    std::vector<node> all = items(mappings);
    for (std::size_t i = 0; i < all.size(); ++i) {
        node ebs = member(all[i], "Ebs");
        if (!ebs.present() || member(ebs, "SnapshotId").present()) continue;  // a snapshot keeps its own encryption
        node encrypted = member(ebs, "Encrypted");
        if (is_true(encrypted) || (encrypted.present() && !is_false(encrypted))) continue;  // true, or decided at deploy time
        found(item_path(path, i) + ".Ebs.Encrypted",
              "the " + std::string(owner) + "'s EBS volume is not encrypted: set .ebs = {..., .encrypted = true}");
    }
}

/// HttpTokens not "required": the instance metadata service answers IMDSv1's unauthenticated requests.
CFN_INLINE void imdsv1(node metadata_options, const std::string& path, std::string_view owner, report& found) {
    node tokens = member(metadata_options, "HttpTokens");
    if (text(tokens) == "required" || (tokens.present() && text(tokens).empty())) return;
    found(path + ".HttpTokens", "the " + std::string(owner) +
                                    " allows IMDSv1 (HttpTokens is not 'required'): set .metadata_options = {.http_tokens = required}");
}

CFN_INLINE void instance_ebs_unencrypted(const resource_view& r, report& found) {
    if (r.type == "AWS::EC2::Instance")
        unencrypted_block_devices(r.property("BlockDeviceMappings"), "Properties.BlockDeviceMappings", "instance", found);
}
CFN_INLINE void instance_imdsv1(const resource_view& r, report& found) {
    if (r.type == "AWS::EC2::Instance") imdsv1(r.property("MetadataOptions"), "Properties.MetadataOptions", "instance", found);
}
CFN_INLINE void launch_template_ebs_unencrypted(const resource_view& r, report& found) {
    if (r.type == "AWS::EC2::LaunchTemplate")
        unencrypted_block_devices(r.at("Properties.LaunchTemplateData.BlockDeviceMappings"),
                                  "Properties.LaunchTemplateData.BlockDeviceMappings", "launch template", found);
}
CFN_INLINE void launch_template_imdsv1(const resource_view& r, report& found) {
    if (r.type == "AWS::EC2::LaunchTemplate")
        imdsv1(r.at("Properties.LaunchTemplateData.MetadataOptions"), "Properties.LaunchTemplateData.MetadataOptions",
               "launch template", found);
}

CFN_INLINE void subnet_public_ip(const resource_view& r, report& found) {
    if (r.type == "AWS::EC2::Subnet" && is_true(r.property("MapPublicIpOnLaunch")))
        found("Properties.MapPublicIpOnLaunch", "every instance launched in the subnet gets a public IP address");
}

}  // namespace cfn::guard::detail
