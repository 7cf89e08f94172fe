// cfn2cpp: C++ expressions as a tree, and how they are laid out as text.
//
// The layout is the one clang-format keeps unchanged (tools/cfn2cpp/stack.clang-format: Google style,
// 4-space indent, no column limit): a braced list or call that is too long for one line puts each
// element on its own line, indented 4 more; a {key, value} pair whose value breaks keeps the key
// on the first line and aligns the value after the opening brace.
#pragma once

#include <string>
#include <vector>

namespace cfn2cpp {

struct fragment {
    enum class shape {
        atom,    ///< text that never breaks (an identifier, a literal, a raw string)
        call,    ///< head(items...)
        braces,  ///< head{items...}
        member,  ///< head value: ".vpc_id = " followed by items[0]
        pair,    ///< {items[0], items[1]}
    };
    shape form = shape::atom;
    std::string head;
    std::vector<fragment> items;
    std::vector<std::string> notes;  ///< why an escape hatch is used: `//` lines before the element
    bool force_break = false;        ///< braces: one element per line even when short
    mutable bool broken = false;     ///< decided by render(): laid out over several lines

    static fragment atom(std::string text) { return {shape::atom, std::move(text), {}, {}, false}; }
    static fragment call(std::string function, std::vector<fragment> arguments) {
        return {shape::call, std::move(function), std::move(arguments), {}, false, false};
    }
    static fragment braces(std::string type, std::vector<fragment> elements) {
        return {shape::braces, std::move(type), std::move(elements), {}, false, false};
    }
    static fragment member(std::string name, fragment value) {
        return {shape::member, "." + name + " = ", {std::move(value)}, {}, false, false};
    }
    static fragment pair(fragment key, fragment value) {
        return {shape::pair, "", {std::move(key), std::move(value)}, {}, false, false};
    }
    /// Attaches a note (shown as a comment before the element that contains this fragment).
    fragment&& with_note(std::string note) && {
        notes.push_back(std::move(note));
        return std::move(*this);
    }
};

/// The text of `f`, starting at column `column` of a line indented by `indent` spaces. Notes of
/// `f` itself are not written: `statement` and the elements of broken braced lists write them.
std::string render(const fragment& f, int indent, int column);

/// A statement at `indent`: its notes as comment lines, then `prefix`, the fragment and `;`.
std::string statement(const fragment& f, int indent, const std::string& prefix = "");

/// The C++ literal of a string: "..." with escapes, or a raw string R"(...)" for multi-line text.
std::string string_literal(const std::string& text);

}  // namespace cfn2cpp
