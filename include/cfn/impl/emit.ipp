// cfnpp implementation: JSON and YAML writers.
#pragma once

#include <charconv>   // std::to_chars
#include <cmath>      // std::isfinite
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string: the writers append to it

#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/impl/node.ipp>
#include <cfn/impl/utf8.ipp>  // utf8_sequence: what both writers accept
#include <cfn/stack.hpp>

namespace cfn {

namespace detail {

CFN_INLINE node section(const std::vector<stack::entry>& entries) {
    std::vector<std::pair<std::string_view, node>> members;
    members.reserve(entries.size());
    for (const auto& e : entries) members.emplace_back(e.id, e.body);
    return make_object(members.data(), members.size());
}

/// Shortest text that reads back as the same double; always a valid JSON number.
CFN_INLINE std::string number_text(double value) {
    if (!std::isfinite(value)) throw std::runtime_error("a number is not finite (NaN or infinity)");
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

// JSON. ------------------------------------------------------------------------------------------

CFN_INLINE void json_string(std::string_view text, std::string& out) {
    static constexpr char hex[] = "0123456789abcdef";
    auto escape_byte = [&](unsigned char byte) {
        out += "\\u00";
        out += hex[byte >> 4];
        out += hex[byte & 0xF];
    };
    out += '"';
    // Runs of characters that need no escaping are copied with one append: most strings are one run.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool maybe_special = c < 0x20 || c == '"' || c == '\\' || c >= 0x7F;
        if (!maybe_special) continue;
        if (c >= 0x80) {
            char32_t cp = 0;
            int bytes = utf8_sequence(text, i, cp);
            if (bytes == 0) throw std::runtime_error("a string is not valid UTF-8");
            bool special = (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
            if (!special) {
                i += static_cast<std::size_t>(bytes) - 1;
                continue;
            }
        }
        std::string_view rest = text.substr(i);
        const char* escaped = nullptr;
        std::size_t length = 1;  // bytes of `text` the escape replaces
        // C1 control characters (U+0080..U+009F, UTF-8 C2 80..C2 9F) are valid JSON, but readers
        // that parse JSON as YAML (cfn-lint) refuse them raw: escape them.
        bool c1 = c == 0xC2 && rest.size() > 1 && static_cast<unsigned char>(rest[1]) >= 0x80 &&
                  static_cast<unsigned char>(rest[1]) <= 0x9F;
        // U+2028, U+2029 (line breaks to YAML) and U+FEFF (a byte order mark): escaped likewise.
        if (rest.starts_with("\xe2\x80\xa8")) escaped = "\\u2028", length = 3;
        else if (rest.starts_with("\xe2\x80\xa9")) escaped = "\\u2029", length = 3;
        else if (rest.starts_with("\xef\xbb\xbf")) escaped = "\\ufeff", length = 3;
        else if (c == '"') escaped = "\\\"";
        else if (c == '\\') escaped = "\\\\";
        else if (c == '\n') escaped = "\\n";
        else if (c == '\r') escaped = "\\r";
        else if (c == '\t') escaped = "\\t";
        else if (c == '\b') escaped = "\\b";
        else if (c == '\f') escaped = "\\f";
        else if (!c1 && c >= 0x20 && c != 0x7F) continue;  // an ordinary UTF-8 byte after all
        out.append(text.data() + run, i - run);
        if (escaped) {
            out += escaped;
        } else if (c1) {
            escape_byte(static_cast<unsigned char>(rest[1]));
            length = 2;
        } else {
            escape_byte(c);  // other control characters, and DEL, which YAML-based readers refuse raw
        }
        i += length - 1;
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

CFN_INLINE void json_value(node n, int indent, std::string& out) {
    const node_data& d = read(n);
    auto newline = [&](int level) {
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    switch (d.kind) {
        case node_kind::absent:
        case node_kind::null: out += "null"; return;
        case node_kind::boolean: out += d.boolean ? "true" : "false"; return;
        case node_kind::integer: out += std::to_string(d.integer); return;
        case node_kind::number: out += number_text(d.number); return;
        case node_kind::string: json_string(d.text, out); return;
        case node_kind::list:
            if (d.items.empty()) {
                out += "[]";
                return;
            }
            out += '[';
            for (std::size_t i = 0; i < d.items.size(); ++i) {
                if (i) out += ',';
                newline(indent + 1);
                json_value(d.items[i], indent + 1, out);
            }
            newline(indent);
            out += ']';
            return;
        case node_kind::object:
            if (d.items.empty()) {
                out += "{}";
                return;
            }
            out += '{';
            for (std::size_t i = 0; i < d.items.size(); ++i) {
                if (i) out += ',';
                newline(indent + 1);
                json_string(d.keys[i], out);
                out += ": ";
                json_value(d.items[i], indent + 1, out);
            }
            newline(indent);
            out += '}';
            return;
        case node_kind::call:
            out += '{';
            newline(indent + 1);
            json_string(d.text, out);
            out += ": ";
            json_value(d.items[0], indent + 1, out);
            newline(indent);
            out += '}';
            return;
    }
}

// YAML. ------------------------------------------------------------------------------------------

/// Could a YAML 1.1 or 1.2 parser read this unquoted text as something other than this string
/// (a boolean, null, a number, a timestamp), or as YAML syntax? We write a plain scalar only for
/// text that is certainly safe and quote everything else.
CFN_INLINE bool yaml_plain_safe(std::string_view s) {
    if (s.empty() || s.size() > 200) return false;
    char first = s.front();
    bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
    if (!letter && first != '/' && first != '_') return false;
    if (s.back() == ' ' || s.back() == ':') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '.' || c == '/' || c == '-' || c == '@' || c == '(' || c == ')' || c == '+' || c == '=' ||
                  c == ' ' || c == ':' || c == ',';
        if (!ok) return false;
        if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') return false;
        if (c == ' ' && i + 1 < s.size() && s[i + 1] == ' ') return false;
    }
    // Words YAML 1.1 resolves to booleans or null (case-insensitive here, to be safe).
    static constexpr std::string_view reserved[] = {"y",   "n",     "yes", "no",   "on",   "off",
                                                    "true", "false", "null", "nan",  "inf"};
    auto is_word = [&](std::string_view word) {
        if (s.size() != word.size()) return false;
        for (std::size_t i = 0; i < s.size(); ++i)
            if ((s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i]) != word[i]) return false;
        return true;
    };
    for (std::string_view word : reserved)
        if (is_word(word)) return false;
    return true;
}

/// Decodes one UTF-8 code point at `i` (advancing it); bytes that are not strict UTF-8
/// (utf8_sequence) decode to 0xFFFFFFFF, which the writer refuses.
CFN_INLINE char32_t utf8_next(std::string_view s, std::size_t& i) {
    char32_t cp = 0;
    int length = utf8_sequence(s, i, cp);
    if (length == 0) {
        ++i;
        return 0xFFFFFFFF;
    }
    i += static_cast<std::size_t>(length);
    return cp;
}

/// Code points a YAML reader does not take as they are: control characters, the Unicode line
/// breaks (NEL, LS, PS), the byte order mark, non-characters and broken UTF-8. Only a
/// double-quoted scalar, with escapes, carries them.
CFN_INLINE bool yaml_needs_escape(char32_t cp) {
    return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

struct yaml_text_facts {
    bool escapes = false;   ///< some code point needs an escape
    bool newline = false;
    bool tab = false;
};

CFN_INLINE yaml_text_facts yaml_facts(std::string_view s) {
    yaml_text_facts facts;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = utf8_next(s, i);
        if (cp == '\n') facts.newline = true;
        if (cp == '\t') facts.tab = true;
        if (yaml_needs_escape(cp)) facts.escapes = true;
    }
    return facts;
}

CFN_INLINE void yaml_double_quoted(std::string_view s, std::string& out) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        std::size_t begin = i;
        char32_t cp = utf8_next(s, i);
        if (cp == '"') {
            out += "\\\"";
        } else if (cp == '\\') {
            out += "\\\\";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == 0xFFFFFFFF) {
            throw std::runtime_error("a string is not valid UTF-8");
        } else if (yaml_needs_escape(cp)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
        } else {
            out.append(s.substr(begin, i - begin));
        }
    }
    out += '"';
}

/// Can `s` be written as a literal block scalar (|) and read back exactly?
CFN_INLINE bool yaml_literal_block_ok(std::string_view s, const yaml_text_facts& facts) {
    if (!facts.newline || facts.escapes || facts.tab) return false;  // PyYAML misreads some tabs
    if (s.find_first_not_of('\n') == std::string_view::npos) return false;  // only line breaks
    // A line of only spaces would be read back as an empty line.
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        if (!line.empty() && line.find_first_not_of(' ') == std::string_view::npos) return false;
        start = end + 1;
    }
    return true;
}

/// A string scalar at the current position; multi-line text becomes a literal block whose lines
/// are indented to `column`.
CFN_INLINE void yaml_string(std::string_view s, int column, std::string& out) {
    if (yaml_plain_safe(s)) {
        out += s;
        return;
    }
    yaml_text_facts facts = yaml_facts(s);
    if (yaml_literal_block_ok(s, facts)) {
        std::size_t trailing = 0;
        while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
        out += '|';
        if (s.front() == ' ' || s.front() == '\n') out += '2';  // content indentation: parent + 2
        out += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        std::string_view body = s.substr(0, s.size() - trailing);
        std::size_t start = 0;
        while (true) {
            std::size_t end = body.find('\n', start);
            std::string_view line = body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
            out += '\n';
            if (!line.empty()) {
                out.append(static_cast<std::size_t>(column), ' ');
                out += line;
            }
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        for (std::size_t i = 1; i < trailing; ++i) out += '\n';
        return;
    }
    if (facts.escapes || facts.newline || facts.tab) {
        yaml_double_quoted(s, out);
        return;
    }
    out += '\'';
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
}

/// A mapping key: never a block scalar (a key must fit on one line).
CFN_INLINE void yaml_key(std::string_view s, std::string& out) {
    if (yaml_plain_safe(s)) {
        out += s;
        return;
    }
    yaml_text_facts facts = yaml_facts(s);
    if (facts.escapes || facts.newline || facts.tab) {
        yaml_double_quoted(s, out);
        return;
    }
    out += '\'';
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
}

CFN_INLINE std::string_view yaml_short_tag(std::string_view function) {
    const vocabulary::intrinsic_function* f = vocabulary::find_function(function);
    return f ? f->short_tag : std::string_view{};
}

CFN_INLINE bool yaml_is_scalar(const node_data& d) {
    return d.kind != node_kind::list && d.kind != node_kind::object && d.kind != node_kind::call;
}

CFN_INLINE void yaml_scalar(const node_data& d, int column, std::string& out) {
    switch (d.kind) {
        case node_kind::absent:
        case node_kind::null: out += "null"; return;
        case node_kind::boolean: out += d.boolean ? "true" : "false"; return;
        case node_kind::integer: out += std::to_string(d.integer); return;
        case node_kind::number: {
            // YAML 1.1 reads a float only with a '.', and an exponent only with a sign.
            std::string text = number_text(d.number);
            std::size_t e = text.find('e');
            if (text.find('.') == std::string::npos)
                text.insert(e == std::string::npos ? text.size() : e, ".0");
            out += text;
            return;
        }
        case node_kind::string: yaml_string(d.text, column, out); return;
        default: return;
    }
}

CFN_INLINE void yaml_block(node n, int column, bool first_inline, std::string& out);

/// Writes `n` after a "key:" or "- " indicator; nested block content goes to `column`.
CFN_INLINE void yaml_after_indicator(node n, int column, bool in_sequence, std::string& out) {
    const node_data& d = read(n);
    if (yaml_is_scalar(d)) {
        out += ' ';
        yaml_scalar(d, column, out);
        out += '\n';
        return;
    }
    if (d.kind != node_kind::call) {
        if (d.items.empty()) {
            out += d.kind == node_kind::list ? " []\n" : " {}\n";
            return;
        }
        if (in_sequence) {
            out += ' ';
            yaml_block(n, column, true, out);
        } else {
            out += '\n';
            yaml_block(n, column, false, out);
        }
        return;
    }
    std::string_view tag = yaml_short_tag(d.text);
    const node_data& arg = read(d.items[0]);
    if (tag.empty()) {  // no short form: the long form, a one-key mapping
        if (in_sequence) {
            out += ' ';
        } else {
            out += '\n';
            out.append(static_cast<std::size_t>(column), ' ');
        }
        yaml_key(d.text, out);
        out += ':';
        yaml_after_indicator(d.items[0], column + 2, false, out);
        return;
    }
    out += " !";
    out += tag;
    if (d.text == "Fn::GetAtt" && arg.kind == node_kind::list && arg.items.size() == 2) {
        const node_data& resource = read(arg.items[0]);
        const node_data& attribute = read(arg.items[1]);
        if (resource.kind == node_kind::string && attribute.kind == node_kind::string &&
            resource.text.find('.') == std::string::npos && yaml_plain_safe(resource.text + "." + attribute.text)) {
            out += ' ';
            out += resource.text;
            out += '.';
            out += attribute.text;
            out += '\n';
            return;
        }
    }
    if (yaml_is_scalar(arg)) {
        out += ' ';
        if (arg.kind == node_kind::string && arg.text.empty())
            out += "''";
        else
            yaml_scalar(arg, column, out);
        out += '\n';
    } else if (arg.kind == node_kind::call) {
        // A tag cannot be followed by another tag on the same node: write the inner call in its
        // long form, a mapping, on the next line.
        out += '\n';
        out.append(static_cast<std::size_t>(column), ' ');
        yaml_key(arg.text, out);
        out += ':';
        yaml_after_indicator(arg.items[0], column + 2, false, out);
    } else if (arg.items.empty()) {
        out += arg.kind == node_kind::list ? " []\n" : " {}\n";
    } else {
        out += '\n';
        yaml_block(d.items[0], column, false, out);
    }
}

/// Writes "key:" for an entry of a block mapping at `column`. YAML limits an implicit key to 1,024
/// characters, and parsers refuse longer ones: such a key is written in the explicit form,
/// "? key" then ":" on the next line, which has no limit.
CFN_INLINE void yaml_mapping_key(std::string_view key, int column, std::string& out) {
    constexpr std::size_t longest_implicit = 1024 - 2;  // with the ':' and a margin for the quotes' count
    constexpr std::size_t widest_escape = 6;            // one byte can be written "\u0001"
    if (key.size() * widest_escape + 2 <= longest_implicit) {  // short enough however it is written
        yaml_key(key, out);
        out += ':';
        return;
    }
    std::string written;
    yaml_key(key, written);
    if (written.size() <= longest_implicit) {
        out += written;
        out += ':';
        return;
    }
    out += "? ";
    out += written;
    out += '\n';
    out.append(static_cast<std::size_t>(column), ' ');
    out += ':';
}

/// Writes the entries of a non-empty list or object at `column`. With `first_inline`, the cursor
/// already stands at `column` (after "- "), so the first entry is not indented.
CFN_INLINE void yaml_block(node n, int column, bool first_inline, std::string& out) {
    const node_data& d = read(n);
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        if (i > 0 || !first_inline) out.append(static_cast<std::size_t>(column), ' ');
        if (d.kind == node_kind::list) {
            out += '-';
            yaml_after_indicator(d.items[i], column + 2, true, out);
        } else {
            yaml_mapping_key(d.keys[i], column, out);
            yaml_after_indicator(d.items[i], column + 2, false, out);
        }
    }
}

}  // namespace detail

CFN_INLINE node to_template(const stack& s) {
    detail::arena_in_use in_use{s.arena()};  // the template's nodes go to the stack's arena
    detail::object_builder t;
    t.add("AWSTemplateFormatVersion", detail::make_string(vocabulary::format_version));
    if (!s.description().empty()) t.add("Description", detail::make_string(s.description()));
    t.add("Metadata", s.metadata());
    if (!s.parameters().empty()) t.add("Parameters", detail::section(s.parameters()));
    if (!s.mappings().empty()) t.add("Mappings", detail::section(s.mappings()));
    if (!s.conditions().empty()) t.add("Conditions", detail::section(s.conditions()));
    if (!s.rules().empty()) t.add("Rules", detail::section(s.rules()));
    if (s.transforms().size() == 1) {
        t.add("Transform", detail::make_string(s.transforms().front()));
    } else if (!s.transforms().empty()) {
        t.add("Transform", detail::make_strings(s.transforms()));
    }
    t.add("Resources", detail::section(s.resources()));
    if (!s.outputs().empty()) t.add("Outputs", detail::section(s.outputs()));
    return t.build();
}

CFN_INLINE std::string write_json(node value) {
    std::string out;
    detail::json_value(value, 0, out);
    out += '\n';
    return out;
}

CFN_INLINE std::string write_yaml(node value) {
    std::string out;
    const node_data& d = detail::read(value);
    if (d.kind == node_kind::object && !d.items.empty()) {
        detail::yaml_block(value, 0, false, out);
    } else {
        out += "---";
        detail::yaml_after_indicator(value, 2, false, out);
    }
    return out;
}

CFN_INLINE std::string emit(const stack& s, format f) {
    detail::arena_in_use in_use{s.arena()};  // read where the stack lives, on any thread
    node t = to_template(s);
    return f == format::json ? write_json(t) : write_yaml(t);
}

}  // namespace cfn
