// cfnpp implementation: the checks' pass over what the schemas cannot say about networks, when
// the values are literals: a subnet's CIDR block inside its VPC's, the subnets of one VPC not
// overlapping, an instance's private IP inside its subnet and not one of the five addresses AWS
// reserves there, and security group rules' ports (0 to 65535 and FromPort <= ToPort for TCP and
// UDP; -1 meaning "all" only with protocol -1; ICMP type and code -1 to 255). A value given by an
// intrinsic function, or a resource that has a Condition, is not judged.
#pragma once

#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint32_t
#include <map>       // std::map
#include <optional>  // std::optional
#include <string>    // std::string
#include <utility>   // std::pair
#include <vector>    // std::vector

#include <cfn/address.hpp>
#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>

namespace cfn::detail {

namespace networks {

CFN_INLINE std::string text_of(const ip_network& n) {
    std::string out;
    if (n.address.bits == 32) {
        for (int i = 0; i < 4; ++i) out += (i ? "." : "") + std::to_string(n.address.bytes[static_cast<std::size_t>(i)]);
        return out + "/" + std::to_string(n.prefix);
    }
    return "an IPv6 block";  // subnets and VPCs are checked in IPv4 only
}

/// The logical ID a value refers to by Ref or Fn::GetAtt, or "".
CFN_INLINE std::string referenced(const node_data* v) {
    if (!v || v->kind != node_kind::call || v->items.empty()) return {};
    const node_data& argument = read(v->items[0]);
    if (v->text == "Ref" && argument.kind == node_kind::string) return argument.text;
    if (v->text == "Fn::GetAtt" && argument.kind == node_kind::list && !argument.items.empty())
        return read(argument.items[0]).text;
    return {};
}

CFN_INLINE std::optional<long long> integer_of(const node_data* v) {
    if (v && v->kind == node_kind::integer) return v->integer;
    return std::nullopt;
}

}  // namespace networks

CFN_INLINE void checker::check_networks() {
    using networks::referenced;
    struct subnet_info {
        std::string id;
        ip_network block;
    };
    auto body_of = [](const stack::entry& e) -> const node_data& { return read(e.body); };
    auto type_of = [&](const stack::entry& e) {
        const node_data* t = member(body_of(e), "Type");
        return t ? t->text : std::string();
    };
    auto unconditional = [&](const stack::entry& e) { return member(body_of(e), "Condition") == nullptr; };
    auto properties_of = [&](const stack::entry& e) { return member(body_of(e), "Properties"); };
    auto literal_block = [&](const node_data* props, const char* key) -> std::optional<ip_network> {
        const node_data* v = props ? member(*props, key) : nullptr;
        if (!v || v->kind != node_kind::string) return std::nullopt;
        return parse_network(v->text, false);
    };

    // VPCs with a literal IPv4 block, and no secondary block that is not a literal.
    std::map<std::string, std::vector<ip_network>> vpc_blocks;
    std::map<std::string, bool> vpc_unknown;
    for (const auto& e : s_.resources()) {
        if (type_of(e) == "AWS::EC2::VPC" && unconditional(e))
            if (auto block = literal_block(properties_of(e), "CidrBlock")) vpc_blocks[std::string(e.id)].push_back(*block);
    }
    for (const auto& e : s_.resources()) {
        if (type_of(e) != "AWS::EC2::VPCCidrBlock") continue;
        const node_data* props = properties_of(e);
        std::string vpc = referenced(props ? member(*props, "VpcId") : nullptr);
        auto block = literal_block(props, "CidrBlock");
        if (block && unconditional(e)) vpc_blocks[vpc].push_back(*block);
        else vpc_unknown[vpc] = true;
    }

    // Subnets: inside their VPC, not overlapping each other.
    std::map<std::string, ip_network> subnet_blocks;
    std::map<std::string, std::vector<subnet_info>> subnets_of_vpc;
    for (const auto& e : s_.resources()) {
        if (type_of(e) != "AWS::EC2::Subnet" || !unconditional(e)) continue;
        const node_data* props = properties_of(e);
        auto block = literal_block(props, "CidrBlock");
        if (!block) continue;
        std::string id(e.id);
        subnet_blocks[id] = *block;
        std::string vpc = referenced(member(*props, "VpcId"));
        std::string path = "Resources." + id + ".Properties.CidrBlock";
        auto blocks = vpc_blocks.find(vpc);
        if (blocks != vpc_blocks.end() && !vpc_unknown[vpc]) {
            bool inside = false;
            for (const ip_network& b : blocks->second) inside = inside || contains(b, *block);
            if (!inside)
                error(path, "AWS::EC2::Subnet.CidrBlock: " + networks::text_of(*block) +
                                " is not inside the CIDR block of VPC '" + vpc + "' (" +
                                networks::text_of(blocks->second.front()) + ")");
        }
        if (vpc.empty()) continue;
        for (const subnet_info& other : subnets_of_vpc[vpc])
            if (overlap(other.block, *block))
                error(path, "AWS::EC2::Subnet.CidrBlock: " + networks::text_of(*block) + " overlaps subnet '" + other.id +
                                "' (" + networks::text_of(other.block) + ") of the same VPC");
        subnets_of_vpc[vpc].push_back({id, *block});
    }

    // Static private IPs: inside their subnet, not reserved by AWS, not used twice.
    std::map<std::string, std::string> ip_owner;  // "subnet ip" -> the path that took it
    auto private_ip = [&](const node_data* holder, const std::string& path, const std::string& property) {
        const node_data* ip = holder ? member(*holder, "PrivateIpAddress") : nullptr;
        if (!ip || ip->kind != node_kind::string) return;
        std::string subnet = referenced(member(*holder, "SubnetId"));
        auto block = subnet_blocks.find(subnet);
        auto address = parse_ipv4(ip->text);
        if (block == subnet_blocks.end() || !address) return;
        std::string where = path + ".PrivateIpAddress";
        ip_network single{*address, 32};
        if (!contains(block->second, single)) {
            error(where, property + ": " + ip->text + " is not inside subnet '" + subnet + "' (" +
                             networks::text_of(block->second) + ")");
            return;
        }
        // AWS keeps the first four addresses of a subnet and its last one.
        std::uint32_t value = 0, first = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            value = value << 8 | address->bytes[i];
            first = first << 8 | block->second.address.bytes[i];
        }
        std::uint32_t size = block->second.prefix == 0 ? 0 : 1u << (32 - block->second.prefix);
        std::uint32_t offset = value - first;
        if (offset < 4 || (size != 0 && offset == size - 1))
            error(where, property + ": " + ip->text + " is one of the five addresses AWS reserves in subnet '" + subnet +
                             "' (" + networks::text_of(block->second) + ")");
        auto [taken, fresh] = ip_owner.emplace(subnet + " " + ip->text, where);
        if (!fresh) error(where, property + ": " + ip->text + " is already the private IP at " + taken->second);
    };
    for (const auto& e : s_.resources()) {
        std::string type = type_of(e);
        const node_data* props = properties_of(e);
        std::string path = "Resources." + std::string(e.id) + ".Properties";
        if (!props || !unconditional(e)) continue;
        if (type == "AWS::EC2::Instance") {
            private_ip(props, path, "AWS::EC2::Instance.PrivateIpAddress");
            const node_data* interfaces = member(*props, "NetworkInterfaces");
            if (interfaces && interfaces->kind == node_kind::list)
                for (std::size_t i = 0; i < interfaces->items.size(); ++i)
                    private_ip(&read(interfaces->items[i]), path + ".NetworkInterfaces[" + std::to_string(i) + "]",
                               "AWS::EC2::Instance.NetworkInterface.PrivateIpAddress");
        } else if (type == "AWS::EC2::NetworkInterface") {
            private_ip(props, path, "AWS::EC2::NetworkInterface.PrivateIpAddress");
        }
    }

    // Security group rules' ports.
    auto rule = [&](const node_data& r, const std::string& path, const std::string& type) {
        if (r.kind != node_kind::object) return;
        const node_data* protocol = member(r, "IpProtocol");
        if (!protocol || protocol->kind != node_kind::string) return;
        std::string p = protocol->text;
        for (char& c : p) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        auto from = networks::integer_of(member(r, "FromPort"));
        auto to = networks::integer_of(member(r, "ToPort"));
        bool ports = p == "tcp" || p == "udp" || p == "6" || p == "17";
        bool icmp = p == "icmp" || p == "icmpv6" || p == "1" || p == "58";
        const std::pair<const char*, std::optional<long long>> ends[] = {{"FromPort", from}, {"ToPort", to}};
        for (const auto& [name, port] : ends) {
            if (!port) continue;
            std::string where = path + "." + name;
            std::string property = type + "." + name;
            if (ports && *port == -1)
                error(where, property + ": -1 (all ports) needs IpProtocol -1; with " + protocol->text +
                                 " give the range 0 to 65535");
            else if (ports && (*port < 0 || *port > 65535))
                error(where, property + ": " + std::to_string(*port) + " is not a port (0 to 65535)");
            else if (icmp && (*port < -1 || *port > 255))
                error(where, property + ": " + std::to_string(*port) + " is not an ICMP " +
                                 (name[0] == 'F' ? "type" : "code") + " (-1 to 255)");
        }
        if (ports && from && to && *from >= 0 && *to >= 0 && *from > *to)
            error(path + ".FromPort", type + ": FromPort " + std::to_string(*from) + " is greater than ToPort " +
                                          std::to_string(*to));
    };
    for (const auto& e : s_.resources()) {
        std::string type = type_of(e);
        const node_data* props = properties_of(e);
        if (!props || props->kind != node_kind::object) continue;
        std::string path = "Resources." + std::string(e.id) + ".Properties";
        if (type == "AWS::EC2::SecurityGroupIngress" || type == "AWS::EC2::SecurityGroupEgress") {
            rule(*props, path, type);
        } else if (type == "AWS::EC2::SecurityGroup") {
            const std::pair<const char*, const char*> lists[] = {{"SecurityGroupIngress", "AWS::EC2::SecurityGroup.Ingress"},
                                                                 {"SecurityGroupEgress", "AWS::EC2::SecurityGroup.Egress"}};
            for (const auto& [key, element] : lists) {
                const node_data* list = member(*props, key);
                if (!list || list->kind != node_kind::list) continue;
                for (std::size_t i = 0; i < list->items.size(); ++i)
                    rule(read(list->items[i]), path + "." + key + "[" + std::to_string(i) + "]", element);
            }
        }
    }
}

}  // namespace cfn::detail
