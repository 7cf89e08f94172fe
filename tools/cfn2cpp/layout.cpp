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

/// Must the braced lists in `f` break wherever it starts: asked to, or holding a multi-line raw
/// string?
bool forced(const fragment& f) {
    if (f.form == shape::atom) return has_newline(f.head);
    if (f.form == shape::braces && f.force_break) return true;
    for (const fragment& item : f.items)
        if (forced(item)) return true;
    return false;
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

int column_of(const std::string& out) {
    std::size_t newline = out.rfind('\n');
    return static_cast<int>(newline == std::string::npos ? out.size() : out.size() - newline - 1);
}

/// The notes of `f` and below it, except those inside broken braced lists (written there).
void collect_notes(const fragment& f, std::vector<std::string>& out) {
    out.insert(out.end(), f.notes.begin(), f.notes.end());
    if (f.form == shape::braces && f.broken) return;
    for (const fragment& item : f.items) collect_notes(item, out);
}

/// Appends `f` to `out`. A braced list that is too long, or must break, puts each element on a
/// line of its own, indented 4 more than its anchor: the line's indentation when the list opens
/// a block (after `= `, directly after `(`, or first on its line), else its own column; this is
/// where clang-format puts them. Calls never break: an argument after one that did goes on a new
/// line, aligned after the opening parenthesis.
void emit(const fragment& f, int line_indent, bool block, std::string& out) {
    int column = column_of(out);
    switch (f.form) {
        case shape::atom: out += f.head; return;
        case shape::member:
            out += f.head;
            emit(f.items[0], line_indent, true, out);
            return;
        case shape::pair:
            out += "{";
            emit(f.items[0], line_indent, false, out);
            out += ", ";
            emit(f.items[1], line_indent, false, out);
            out += "}";
            return;
        case shape::call: {
            out += f.head + "(";
            int arguments = column_of(out);
            bool previous_broke = false;
            for (std::size_t i = 0; i < f.items.size(); ++i) {
                if (i > 0) out += previous_broke ? ",\n" + spaces(arguments) : ", ";
                std::size_t start = out.size();
                // A list right after `(` opens a block: relative to the line when the call
                // does, else relative to the call.
                emit(f.items[i], block ? line_indent : column, i == 0, out);
                previous_broke = out.find('\n', start) != std::string::npos;
            }
            out += ")";
            return;
        }
        case shape::braces: {
            f.broken = forced(f) || column + static_cast<int>(one_line(f).size()) > column_limit;
            if (!f.broken || f.items.empty()) {
                out += one_line(f);
                return;
            }
            int anchor = block ? line_indent : column;
            out += f.head + "{\n";
            for (const fragment& item : f.items) {
                // Notes of an element go before it; those of a broken list inside it, inside that.
                // The element is laid out once, on a line of its own (what breaks inside it
                // decides which notes are left for here), then appended after its notes: laying
                // it out twice, once to decide and once to write, doubles the work per level.
                std::string text = spaces(anchor + 4);
                emit(item, anchor + 4, true, text);
                std::vector<std::string> notes(item.notes);
                if (!(item.form == shape::braces && item.broken))
                    for (const fragment& child : item.items) collect_notes(child, notes);
                for (const std::string& note : notes) out += spaces(anchor + 4) + "// " + note + "\n";
                out += text;
                out += ",\n";
            }
            out += spaces(anchor) + "}";
            return;
        }
    }
}

}  // namespace

std::string render(const fragment& f, int indent, int column) {
    std::string out = spaces(column);
    emit(f, indent, true, out);
    return out.substr(static_cast<std::size_t>(column));
}

std::string statement(const fragment& f, int indent, const std::string& prefix) {
    std::string out = spaces(indent) + prefix;
    emit(f, indent, true, out);
    std::vector<std::string> notes;
    collect_notes(f, notes);
    std::string comments;
    for (const std::string& note : notes) comments += spaces(indent) + "// " + note + "\n";
    return comments + out + ";\n";
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
