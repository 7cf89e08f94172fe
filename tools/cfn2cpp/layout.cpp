// cfn2cpp: laying out C++ expressions.
#include "layout.hpp"

#include <cstdio>

namespace cfn2cpp {

namespace {

constexpr int column_limit = 110;  // longer one-line forms are broken, one element per line

using shape = fragment::shape;

std::string one_line(const fragment& f) {
    switch (f.form) {
        case shape::atom: return f.head;
        case shape::member: return f.head + one_line(f.items[0]);
        case shape::pair: return "{" + one_line(f.items[0]) + ", " + one_line(f.items[1]) + "}";
        case shape::call:
        case shape::braces: {
            bool call = f.form == shape::call;
            std::string text = f.head + (call ? "(" : "{");
            for (std::size_t i = 0; i < f.items.size(); ++i) text += (i ? ", " : "") + one_line(f.items[i]);
            return text + (call ? ")" : "}");
        }
    }
    return {};
}

bool has_newline(const std::string& text) { return text.find('\n') != std::string::npos; }

/// Must `f` break wherever it starts: asked to, or a multi-line raw string that is not the only
/// argument of a call, or something below it must.
bool forced(const fragment& f) {
    switch (f.form) {
        case shape::atom: return false;
        case shape::member: return forced(f.items[0]);
        case shape::pair: return forced(f.items[1]);
        case shape::call:
            if (f.items.size() == 1) return forced(f.items[0]);
            break;
        case shape::braces:
            if (f.force_break) return true;
            break;
    }
    for (const fragment& item : f.items)
        if (forced(item) || (item.form == shape::atom && has_newline(item.head))) return true;
    return false;
}

/// Decides, top-down, which fragments break (fragment::broken).
void decide(const fragment& f, int indent, int column) {
    f.broken = false;
    if (f.form == shape::atom) return;
    bool breaks = forced(f) || column + static_cast<int>(one_line(f).size()) > column_limit;
    if (f.form == shape::call && f.items.size() == 1) breaks = breaks && f.items[0].form != shape::atom;
    if (!breaks) {
        for (const fragment& item : f.items) decide(item, 0, -100000);  // nothing below breaks
        return;
    }
    f.broken = true;
    switch (f.form) {
        case shape::atom: break;
        case shape::member: decide(f.items[0], indent, column + static_cast<int>(f.head.size())); break;
        case shape::pair:
            decide(f.items[0], 0, -100000);
            decide(f.items[1], indent + 1, indent + 1);
            if (!f.items[1].broken) f.broken = false;  // a long atom stays on the key's line
            break;
        case shape::call:
            if (f.items.size() == 1) {
                decide(f.items[0], indent, column + static_cast<int>(f.head.size()) + 1);
            } else {
                for (const fragment& item : f.items) decide(item, indent + 4, indent + 4);
            }
            break;
        case shape::braces:
            for (const fragment& item : f.items) decide(item, indent + 4, indent + 4);
            break;
    }
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

/// The notes of `f` and below it, except those inside broken braced lists (written there).
void collect_notes(const fragment& f, std::vector<std::string>& out) {
    out.insert(out.end(), f.notes.begin(), f.notes.end());
    if (f.form == shape::braces && f.broken) return;
    for (const fragment& item : f.items) collect_notes(item, out);
}

std::string comment_lines(const fragment& f, int indent) {
    std::vector<std::string> notes;
    collect_notes(f, notes);
    std::string text;
    for (const std::string& note : notes) text += spaces(indent) + "// " + note + "\n";
    return text;
}

std::string emit(const fragment& f, int indent) {
    if (!f.broken) return one_line(f);
    switch (f.form) {
        case shape::atom: return f.head;
        case shape::member: return f.head + emit(f.items[0], indent);
        case shape::pair:
            // {"key",
            //  {
            //      ...
            //  }}
            return "{" + one_line(f.items[0]) + ",\n" + spaces(indent + 1) + emit(f.items[1], indent + 1) + "}";
        case shape::call: {
            if (f.items.size() == 1) return f.head + "(" + emit(f.items[0], indent) + ")";
            std::string text = f.head + "(";
            for (std::size_t i = 0; i < f.items.size(); ++i)
                text += "\n" + spaces(indent + 4) + emit(f.items[i], indent + 4) + (i + 1 < f.items.size() ? "," : ")");
            return text;
        }
        case shape::braces: {
            if (f.items.empty()) return f.head + "{}";
            std::string text = f.head + "{\n";
            for (const fragment& item : f.items) {
                // Notes of an element go before it; those of a broken list inside it, inside that.
                std::vector<std::string> notes(item.notes);
                if (!(item.form == shape::braces && item.broken))
                    for (const fragment& child : item.items) collect_notes(child, notes);
                for (const std::string& note : notes) text += spaces(indent + 4) + "// " + note + "\n";
                text += spaces(indent + 4) + emit(item, indent + 4) + ",\n";
            }
            return text + spaces(indent) + "}";
        }
    }
    return {};
}

}  // namespace

std::string render(const fragment& f, int indent, int column) {
    decide(f, indent, column);
    return emit(f, indent);
}

std::string statement(const fragment& f, int indent, const std::string& prefix) {
    decide(f, indent, indent + static_cast<int>(prefix.size()));
    return comment_lines(f, indent) + spaces(indent) + prefix + emit(f, indent) + ";\n";
}

std::string string_literal(const std::string& text) {
    bool raw_ok = text.find('\n') != std::string::npos && text.size() > 1;
    for (char c : text)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) raw_ok = false;
    // A line that ends in spaces would be trimmed by editors: keep those escaped.
    for (std::size_t i = text.find('\n'); raw_ok && i != std::string::npos; i = text.find('\n', i + 1))
        if (i > 0 && text[i - 1] == ' ') raw_ok = false;
    if (raw_ok && !text.empty() && text.back() == ' ') raw_ok = false;
    if (raw_ok) {
        std::string delimiter;
        while (text.find(")" + delimiter + "\"") != std::string::npos) delimiter += "x";
        return "R\"" + delimiter + "(" + text + ")" + delimiter + "\"";
    }
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '?':  // "??=" is a trigraph to older compilers and a warning to newer ones
                out += (i + 1 < text.size() && text[i + 1] == '?') ? "?\" \"" : "?";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\%03o", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

}  // namespace cfn2cpp
