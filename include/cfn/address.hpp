// cfnpp: IPv4 and IPv6 addresses and networks (CIDR blocks), parsed the way CloudFormation's
// schemas mean their `ipv4`, `ipv6`, `ipv4-network` and `ipv6-network` formats (as Python's
// ipaddress module does for cfn-lint: no leading zeros in an IPv4 octet, no zone index, and no
// host bits set in a network). constexpr, so that a check of a literal can use them as well as
// `cfn::check` (impl/check/constraints.ipp).
#pragma once

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

namespace cfn::detail {

/// An address of either family as 16 bytes (IPv4 in the first 4), and its width in bits.
struct ip_address {
    std::uint8_t bytes[16] = {};
    int bits = 0;  ///< 32 or 128
};

/// A network: its first address and its prefix length.
struct ip_network {
    ip_address address;
    int prefix = 0;
};

constexpr std::optional<ip_address> parse_ipv4(std::string_view text) {
    ip_address result;
    result.bits = 32;
    std::size_t pos = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (pos >= text.size() || text[pos] != '.') return std::nullopt;
            ++pos;
        }
        std::size_t start = pos;
        unsigned value = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3)
            value = value * 10 + static_cast<unsigned>(text[pos++] - '0');
        std::size_t digits = pos - start;
        if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return std::nullopt;
        result.bytes[static_cast<std::size_t>(octet)] = static_cast<std::uint8_t>(value);
    }
    if (pos != text.size()) return std::nullopt;
    return result;
}

constexpr std::optional<ip_address> parse_ipv6(std::string_view text) {
    ip_address result;
    result.bits = 128;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    unsigned groups[8] = {};
    int count = 0, gap = -1;  // groups written; where "::" stands, in groups
    std::size_t pos = 0;
    if (text.substr(0, 2) == "::") {
        gap = 0;
        pos = 2;
    } else if (!text.empty() && text[0] == ':') {
        return std::nullopt;
    }
    while (pos < text.size()) {
        if (count == 8) return std::nullopt;
        std::size_t start = pos;
        unsigned value = 0;
        while (pos < text.size() && hex(text[pos]) >= 0 && pos - start < 4)
            value = value * 16 + static_cast<unsigned>(hex(text[pos++]));
        if (pos < text.size() && text[pos] == '.') {  // an IPv4 tail: ::ffff:10.0.0.1
            auto tail = parse_ipv4(text.substr(start));
            if (!tail || count > 6) return std::nullopt;
            groups[static_cast<std::size_t>(count++)] = tail->bytes[0] * 256u + tail->bytes[1];
            groups[static_cast<std::size_t>(count++)] = tail->bytes[2] * 256u + tail->bytes[3];
            pos = text.size();
            break;
        }
        if (pos == start) return std::nullopt;
        groups[static_cast<std::size_t>(count++)] = value;
        if (pos == text.size()) break;
        if (text[pos] != ':') return std::nullopt;
        ++pos;
        if (pos < text.size() && text[pos] == ':') {
            if (gap >= 0) return std::nullopt;
            gap = count;
            ++pos;
        } else if (pos == text.size()) {
            return std::nullopt;  // a trailing single ':'
        }
    }
    if (gap < 0 ? count != 8 : count > 7) return std::nullopt;
    unsigned full[8] = {};
    int tail = gap < 0 ? 0 : count - gap;
    for (int i = 0; i < count; ++i) {
        int at = (gap >= 0 && i >= gap) ? 8 - tail + (i - gap) : i;
        full[static_cast<std::size_t>(at)] = groups[static_cast<std::size_t>(i)];
    }
    for (std::size_t i = 0; i < 8; ++i) {
        result.bytes[2 * i] = static_cast<std::uint8_t>(full[i] >> 8);
        result.bytes[2 * i + 1] = static_cast<std::uint8_t>(full[i] & 0xFF);
    }
    return result;
}

/// Whether the bits of `a` after the first `prefix` are all zero.
constexpr bool host_bits_clear(const ip_address& a, int prefix) {
    for (int bit = prefix; bit < a.bits; ++bit)
        if (a.bytes[static_cast<std::size_t>(bit / 8)] & (0x80 >> (bit % 8))) return false;
    return true;
}

/// "10.0.0.0/16" (a missing prefix means a single address). `host_bits` tells a caller
/// why "10.0.0.1/16" was refused.
constexpr std::optional<ip_network> parse_network(std::string_view text, bool v6, bool* host_bits = nullptr) {
    std::size_t slash = text.find('/');
    auto address = v6 ? parse_ipv6(text.substr(0, slash)) : parse_ipv4(text.substr(0, slash));
    if (!address) return std::nullopt;
    int prefix = address->bits;
    if (slash != std::string_view::npos) {
        std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3 || (digits.size() > 1 && digits[0] == '0')) return std::nullopt;
        prefix = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            prefix = prefix * 10 + (c - '0');
        }
        if (prefix > address->bits) return std::nullopt;
    }
    if (!host_bits_clear(*address, prefix)) {
        if (host_bits) *host_bits = true;
        return std::nullopt;
    }
    return ip_network{*address, prefix};
}

/// Whether `inner` lies within `outer` (same family).
constexpr bool contains(const ip_network& outer, const ip_network& inner) {
    if (outer.address.bits != inner.address.bits || inner.prefix < outer.prefix) return false;
    for (int bit = 0; bit < outer.prefix; ++bit) {
        std::size_t byte = static_cast<std::size_t>(bit / 8);
        int mask = 0x80 >> (bit % 8);
        if ((outer.address.bytes[byte] & mask) != (inner.address.bytes[byte] & mask)) return false;
    }
    return true;
}

/// Whether two networks share an address (one contains the other, for CIDR blocks).
constexpr bool overlap(const ip_network& a, const ip_network& b) { return contains(a, b) || contains(b, a); }

}  // namespace cfn::detail
