// cfnpp implementation: strict UTF-8, the one definition both writers and the checks use.
#pragma once

#include <cstdio>       // std::snprintf
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/check.hpp>
#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/node.hpp>

namespace cfn {

namespace detail {

/// The length (1 to 4) of the UTF-8 sequence at `s[i]`, with its code point in `cp`; 0 when the
/// bytes there are not UTF-8 as RFC 3629 defines it: a stray continuation byte, a truncated
/// sequence, an overlong encoding (C0 AF for '/'), a surrogate (ED A0 80 for U+D800) or a code
/// point past U+10FFFF (F4 90 80 80). JSON and YAML readers refuse these, or read them as
/// something else: the writers refuse them first.
CFN_INLINE int utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    int length = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || s.size() - i < static_cast<std::size_t>(length)) return 0;
    char32_t value = b & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        unsigned char next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xC0) != 0x80) return 0;
        value = (value << 6) | (next & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return 0;
    cp = value;
    return length;
}

/// The offset of the first byte of `s` that does not start valid UTF-8, or npos.
CFN_INLINE std::size_t utf8_invalid_at(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        int length = utf8_sequence(s, i, cp);
        if (length == 0) return i;
        i += static_cast<std::size_t>(length);
    }
    return std::string_view::npos;
}

/// "is not valid UTF-8 (at byte 3: C0 AF)": the offset and the bytes there, never the raw bytes.
CFN_INLINE std::string utf8_problem(std::string_view s, std::size_t at) {
    std::string message = "is not valid UTF-8 (at byte " + std::to_string(at) + ":";
    for (std::size_t k = at; k < s.size() && k < at + 4; ++k) {
        char hex[4];
        std::snprintf(hex, sizeof hex, " %02X", static_cast<unsigned char>(s[k]));
        message += hex;
    }
    return message + ")";
}

/// Appends an error for every string, key and function name under `n` that is not valid UTF-8.
CFN_INLINE void check_utf8(node n, const std::string& path, std::vector<diagnostic>& found) {
    const node_data& d = read(n);
    auto where = [&](const std::string& child) { return path.empty() ? child : path + "." + child; };
    std::size_t at = utf8_invalid_at(d.text);
    if (at != std::string_view::npos)
        found.push_back({diagnostic::level::error, path,
                         (d.kind == node_kind::call ? "the function name " : "the string ") + utf8_problem(d.text, at)});
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        if (d.kind == node_kind::list) {
            check_utf8(d.items[i], path + "[" + std::to_string(i) + "]", found);
        } else if (d.kind == node_kind::object) {
            at = utf8_invalid_at(d.keys[i]);
            if (at != std::string_view::npos) {
                found.push_back({diagnostic::level::error, where("[" + std::to_string(i) + "]"),
                                 "the key " + utf8_problem(d.keys[i], at)});
                continue;
            }
            check_utf8(d.items[i], where(d.keys[i]), found);
        } else {
            check_utf8(d.items[i], where(d.text), found);
        }
    }
}

/// Every string of the template of `s` that is not valid UTF-8, with its path.
CFN_INLINE std::vector<diagnostic> check_utf8(const stack& s) {
    std::vector<diagnostic> found;
    check_utf8(to_template(s), "", found);
    return found;
}

}  // namespace detail

}  // namespace cfn
