// cfnpp: a schema pattern matched against a string literal while the program compiles. A subset
// of ECMAScript regular expressions, with ECMAScript's search semantics (the literal must
// contain a match, as std::regex_search and cfn::check have it): `^ $`, characters, the escapes
// `\d \D \w \W \s \S \n \r \t \f \v`, `\xHH` and `\uHHHH` of an ASCII character, and `\` before
// other ASCII punctuation, `.`, classes `[...]` `[^...]`, groups `(...)` `(?:...)`, `|`, and
// `* + ? {m} {m,} {m,n}` (lazy or not: the same strings match), and the Unicode property classes
// `\p{X}` `\P{X}` the schemas use (X: L M N P S Z Zs C Graph Print ASCII, as Python's `regex`
// module reads them, which cfn-lint uses). generators/cfngen/patterns.py is the generator's copy
// of the reader below, and decides which patterns a string_rule carries; the rest (lookahead,
// backreferences, \b, escapes beyond ASCII) are checked at run time only.
//
// A set of characters knows ASCII exactly, and the rest by unicode_class: a literal, being ASCII
// when it is checked here, is judged exactly. cfn::check runs the same program over a value's
// code points (std::regex has no \p), looking their class up in a table generated from Python's
// unicodedata (impl/unicode_categories.ipp), which only the run-time implementation includes.
//
// The pattern is compiled to a Thompson NFA and run as a Pike VM: every thread advances in step
// with the literal, so the work is bounded by (instructions x literal length), with no
// backtracking that a pathological pattern could make exponential. The generator keeps the
// programs under patterns.py's MAX_PROGRAM instructions.
#pragma once

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <string_view>  // std::string_view

namespace cfn::detail {

/// What a set tells apart among the code points beyond ASCII: their Unicode general category,
/// by major class (\p{L}), with Z and C split where \p{Zs}, \s, \p{Graph} and \p{Print} need it.
/// generators/cfngen/unicode.py writes the table of these (the same order).
enum class unicode_class : unsigned {
    letter,               ///< L
    mark,                 ///< M
    number,               ///< N
    punctuation,          ///< P
    symbol,               ///< S
    space_separator,      ///< Zs
    line_separator,       ///< Zl (U+2028)
    paragraph_separator,  ///< Zp (U+2029)
    control,              ///< Cc, but U+0085
    control_space,        ///< U+0085 NEXT LINE: a Cc that is White_Space (\s)
    format,               ///< Cf
    private_use,          ///< Co
    surrogate,            ///< Cs (never in valid UTF-8)
    unassigned,           ///< Cn
    count                 ///< how many there are
};
/// The mask of one class in a set (char_set::beyond).
constexpr unsigned class_bit(unicode_class k) { return 1u << static_cast<unsigned>(k); }
inline constexpr unsigned all_unicode_classes = class_bit(unicode_class::count) - 1;

/// The character a pattern program reads: an ASCII character (0 to 127), or 128 + the
/// unicode_class of a code point beyond; `no_character` (a byte that is not UTF-8) is in no set.
inline constexpr unsigned no_character = 0xFFFF;

/// A set of characters: ASCII ones one by one, the others by unicode_class (`beyond`, a mask).
struct char_set {
    std::uint64_t low = 0, high = 0;
    unsigned beyond = 0;

    constexpr void add(unsigned c) {
        if (c < 64) low |= std::uint64_t{1} << c;
        else if (c < 128) high |= std::uint64_t{1} << (c - 64);
    }
    constexpr void add_range(unsigned first, unsigned last) {  // a few operations, not one per character
        auto bits = [](unsigned from, unsigned to) {  // bits from..to of a word, to < 64
            std::uint64_t upto = to == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (to + 1)) - 1;
            return upto & ~((std::uint64_t{1} << from) - 1);
        };
        if (last > 127) last = 127;
        if (first > last) return;
        if (first < 64) low |= bits(first, last < 64 ? last : 63);
        if (last >= 64) high |= bits(first < 64 ? 0 : first - 64, last - 64);
    }
    constexpr void add(const char_set& s) { low |= s.low, high |= s.high, beyond |= s.beyond; }
    constexpr char_set complement() const { return {~low, ~high, ~beyond & all_unicode_classes}; }
    constexpr bool has(unsigned c) const {
        return c < 64    ? (low >> c) & 1
               : c < 128 ? (high >> (c - 64)) & 1
                         : c - 128 < 32 && (beyond >> (c - 128)) & 1;
    }
    constexpr bool single() const {
        return beyond == 0 && __builtin_popcountll(low) + __builtin_popcountll(high) == 1;
    }
    constexpr unsigned first() const { return low ? __builtin_ctzll(low) : 64 + __builtin_ctzll(high); }
};

/// One instruction of a compiled pattern.
struct pattern_instruction {
    enum kind_t : unsigned char { set, split, jump, line_begin, line_end, match } kind = match;
    unsigned x = 0, y = 0;  ///< split: both targets; jump: x
    char_set characters;    ///< set: the characters it consumes
};

/// Reads a pattern and writes its program; with `out` null, it only counts the instructions
/// (the first of two passes). `refused` is set on anything outside the subset.
class pattern_compiler {
public:
    static constexpr unsigned max_repeat = 1000;  // patterns.py MAX_REPEAT

    constexpr pattern_compiler(std::string_view text, pattern_instruction* out) : t_(text), out_(out) {}

    /// The instruction count (with the final match), or 0 when the pattern is refused.
    constexpr unsigned compile() {
        for (char c : t_)
            if (static_cast<unsigned char>(c) >= 0x80) return 0;
        disjunction();
        if (i_ != t_.size()) refused_ = true;  // an unmatched ')'
        emit(pattern_instruction::match);
        return refused_ ? 0 : n_;
    }

private:
    std::string_view t_;
    pattern_instruction* out_;
    std::size_t i_ = 0;
    unsigned n_ = 0;
    bool refused_ = false;

    constexpr char peek(std::size_t k = 0) const { return i_ + k < t_.size() ? t_[i_ + k] : '\0'; }
    constexpr bool at_end(std::size_t k = 0) const { return i_ + k >= t_.size(); }
    static constexpr bool one_of(char c, std::string_view s) { return c != '\0' && s.find(c) != s.npos; }

    constexpr unsigned emit(pattern_instruction::kind_t kind, unsigned x = 0, unsigned y = 0, char_set s = {}) {
        if (out_ && !refused_) out_[n_] = pattern_instruction{kind, x, y, s};
        return n_++;
    }
    constexpr void patch_y(unsigned at, unsigned y) {
        if (out_ && !refused_) out_[at].y = y;
    }

    // Moves instructions [at, n_) one place on, to make room for a split at `at`: the block was
    // read before the reader knew it needed one. Targets inside the block move with it.
    constexpr void make_room(unsigned at) {
        for (unsigned k = n_; k > at && out_ && !refused_; --k) {
            pattern_instruction in = out_[k - 1];
            if ((in.kind == pattern_instruction::split || in.kind == pattern_instruction::jump) && in.x >= at) ++in.x;
            if (in.kind == pattern_instruction::split && in.y >= at) ++in.y;
            out_[k] = in;
        }
        ++n_;
    }

    // Alternatives a|b|c: split(a, next) a jump(end) split(b, next) b jump(end) c.
    constexpr void disjunction() {
        unsigned jumps[64] = {};  // patterns.py MAX_ALTERNATIVES - 1
        unsigned count = 0;
        for (;;) {
            unsigned split = n_;
            alternative();
            if (refused_ || peek() != '|') break;
            if (count == 64) {
                refused_ = true;
                break;
            }
            make_room(split);
            if (out_ && !refused_) out_[split] = pattern_instruction{pattern_instruction::split, split + 1, 0, {}};
            jumps[count++] = emit(pattern_instruction::jump);
            patch_y(split, n_);
            ++i_;  // '|'
        }
        for (unsigned k = 0; k < count; ++k)
            if (out_ && !refused_) out_[jumps[k]].x = n_;
    }

    constexpr void alternative() {
        while (!refused_ && !at_end() && peek() != '|' && peek() != ')') term();
    }

    constexpr void term() {
        char c = peek();
        if (c == '^' || c == '$') {
            ++i_;
            if (one_of(peek(), "*+?{")) refused_ = true;  // a quantified assertion
            emit(c == '^' ? pattern_instruction::line_begin : pattern_instruction::line_end);
            return;
        }
        // The atom is read once; its other copies are copies of its instructions, their targets
        // moved along (they all lie inside the copy, or at its end).
        unsigned first = n_;
        atom();
        unsigned size = n_ - first;
        unsigned low = 1, high = 1;
        bool unbounded = false;
        quantifier(low, high, unbounded);
        if (refused_ || (low == 1 && high == 1 && !unbounded)) return;
        auto copy = [&] {
            unsigned shift = n_ - first;
            for (unsigned k = 0; k < size && out_ && !refused_; ++k) {
                pattern_instruction in = out_[first + k];
                if (in.kind == pattern_instruction::split || in.kind == pattern_instruction::jump) in.x += shift;
                if (in.kind == pattern_instruction::split) in.y += shift;
                out_[n_ + k] = in;
            }
            n_ += size;
        };
        unsigned loop = 0, previous = 0, optional = high - low;
        if (low == 0) {
            if (!unbounded && high == 0) {  // e{0}: nothing
                n_ = first;
                return;
            }
            // The copy read is the body of the first split.
            make_room(first);
            if (out_ && !refused_) out_[first] = pattern_instruction{pattern_instruction::split, first + 1, 0, {}};
            loop = previous = first;
            ++first;
            if (!unbounded) --optional;
        } else {
            for (unsigned k = 1; k < low; ++k) copy();
            if (unbounded) {
                loop = emit(pattern_instruction::split, n_ + 1, 0);
                copy();
            }
        }
        if (unbounded) {  // loop: split(body, out) body jump(loop)
            emit(pattern_instruction::jump, loop);
            patch_y(loop, n_);
            return;
        }
        // e{0,3} as (e(e(e)?)?)?: every split skips to the end, so that a thread's closure is one
        // step, not a walk along the copies. The splits are chained through y, then patched.
        for (unsigned k = 0; k < optional; ++k) {
            previous = emit(pattern_instruction::split, n_ + 1, previous);
            copy();
        }
        unsigned splits = optional + (low == 0 ? 1 : 0);
        for (unsigned k = 0, at = previous; k < splits && out_ && !refused_; ++k) {
            unsigned next = out_[at].y;
            out_[at].y = n_;
            at = next;
        }
    }

    constexpr unsigned number() {
        std::size_t start = i_;
        unsigned v = 0;
        while (peek() >= '0' && peek() <= '9') v = v * 10 + unsigned(t_[i_++] - '0');
        if (i_ == start || i_ - start > 4) refused_ = true;
        return v;
    }

    constexpr void quantifier(unsigned& low, unsigned& high, bool& unbounded) {
        char c = peek();
        if (c == '*' || c == '+' || c == '?') {
            ++i_;
            low = c == '+' ? 1 : 0;
            high = 1;
            unbounded = c != '?';
        } else if (c == '{') {
            ++i_;
            low = high = number();
            if (peek() == ',') {
                ++i_;
                if (peek() == '}') unbounded = true;
                else high = number();
            }
            if (peek() != '}') refused_ = true;
            ++i_;
            if ((!unbounded && high < low) || low > max_repeat || (!unbounded && high > max_repeat)) refused_ = true;
        } else {
            return;
        }
        if (peek() == '?') ++i_;  // lazy
        if (one_of(peek(), "*+?{")) refused_ = true;
    }

    // Whether `name` is `word`. Plain loops here, not string_view's operator==, substr or iterators:
    // their first use makes g++ instantiate them, in every translation unit that includes this header.
    static constexpr bool is(std::string_view name, const char* word) {
        std::size_t k = 0;
        while (k < name.size() && word[k] == name[k]) ++k;
        return k == name.size() && word[k] == '\0';
    }

    // The set of a property class \p{name}, the braces read here; its complement is \P{name}.
    // ASCII as Python's `regex` module has it (tests/unit/test_pattern_match.cpp compares).
    constexpr char_set property() {
        char_set s;
        std::size_t close = t_.find('}', i_);
        if (peek() != '{' || close == t_.npos) {
            refused_ = true;
            return s;
        }
        std::string_view name(t_.data() + i_ + 1, close - i_ - 1);
        i_ = close + 1;
        using enum unicode_class;
        constexpr unsigned graph = class_bit(letter) | class_bit(mark) | class_bit(number) | class_bit(punctuation) |
                                   class_bit(symbol) | class_bit(format) | class_bit(private_use);
        if (is(name, "L")) s.add_range('A', 'Z'), s.add_range('a', 'z'), s.beyond = class_bit(letter);
        else if (is(name, "M")) s.beyond = class_bit(mark);
        else if (is(name, "N")) s.add_range('0', '9'), s.beyond = class_bit(number);
        else if (is(name, "P")) {
            for (const char* c = "!\"#%&'()*,-./:;?@[\\]_{}"; *c; ++c) s.add(static_cast<unsigned char>(*c));
            s.beyond = class_bit(punctuation);
        } else if (is(name, "S")) {
            for (const char* c = "$+<=>^`|~"; *c; ++c) s.add(static_cast<unsigned char>(*c));
            s.beyond = class_bit(symbol);
        } else if (is(name, "Z")) {
            s.add(' ');
            s.beyond = class_bit(space_separator) | class_bit(line_separator) | class_bit(paragraph_separator);
        }
        else if (is(name, "Zs")) s.add(' '), s.beyond = class_bit(space_separator);
        else if (is(name, "C")) {
            s.add_range(0, 0x1F), s.add(0x7F);
            s.beyond = class_bit(control) | class_bit(control_space) | class_bit(format) | class_bit(private_use) |
                       class_bit(surrogate) | class_bit(unassigned);
        } else if (is(name, "Graph")) s.add_range('!', '~'), s.beyond = graph;  // not White_Space, Cc, Cs, Cn
        else if (is(name, "Print")) s.add_range(' ', '~'), s.beyond = graph | class_bit(space_separator);
        else if (is(name, "ASCII")) s.add_range(0, 127);
        else refused_ = true;
        return s;
    }

    // The set of an escape \c, in or out of a class. Beyond ASCII, \s is White_Space (as in
    // Python's `regex`; ECMAScript adds U+FEFF), and \d \w are nothing (ECMAScript's reading;
    // Python's differs: constraints.py carries no \p pattern with them).
    constexpr char_set escape(char c) {
        char_set s;
        switch (c) {
            case 'p': return property();
            case 'P': return property().complement();
            case 'd': case 'D': s.add_range('0', '9'); break;
            case 'w': case 'W': s.add_range('a', 'z'), s.add_range('A', 'Z'), s.add_range('0', '9'), s.add('_'); break;
            case 's': case 'S':
                s.add(' '), s.add_range('\t', '\r');
                s.beyond = class_bit(unicode_class::space_separator) | class_bit(unicode_class::line_separator) |
                           class_bit(unicode_class::paragraph_separator) | class_bit(unicode_class::control_space);
                break;
            case 'n': s.add('\n'); return s;
            case 'r': s.add('\r'); return s;
            case 't': s.add('\t'); return s;
            case 'f': s.add('\f'); return s;
            case 'v': s.add('\v'); return s;
            case 'x':
            case 'u': {  // \xHH, \uHHHH: an ASCII character only
                unsigned digits = c == 'x' ? 2 : 4, v = 0;
                for (unsigned k = 0; k < digits; ++k) {
                    char h = peek();
                    unsigned d = h >= '0' && h <= '9' ? unsigned(h - '0')
                               : h >= 'a' && h <= 'f' ? unsigned(h - 'a' + 10)
                               : h >= 'A' && h <= 'F' ? unsigned(h - 'A' + 10) : 16u;
                    if (d == 16) {
                        refused_ = true;
                        return s;
                    }
                    v = v * 16 + d;
                    ++i_;
                }
                if (v >= 0x80) refused_ = true;
                else s.add(v);
                return s;
            }
            default:
                bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (alnum || c < 0x20 || c >= 0x7F) refused_ = true;
                else s.add(static_cast<unsigned char>(c));
                return s;
        }
        return (c >= 'A' && c <= 'Z') ? s.complement() : s;
    }

    constexpr void atom() {
        char c = peek();
        ++i_;
        if (c == '.') {  // ECMAScript's: not a line terminator (\n \r U+2028 U+2029)
            char_set s;
            s.add_range(0, 127);
            std::uint64_t low = s.low & ~((std::uint64_t{1} << '\n') | (std::uint64_t{1} << '\r'));
            unsigned beyond =
                all_unicode_classes & ~(class_bit(unicode_class::line_separator) | class_bit(unicode_class::paragraph_separator));
            emit(pattern_instruction::set, 0, 0, char_set{low, s.high, beyond});
        } else if (c == '(') {
            if (peek() == '?') {
                if (peek(1) != ':') {
                    refused_ = true;  // lookahead
                    return;
                }
                i_ += 2;
            }
            disjunction();
            if (peek() != ')') refused_ = true;
            ++i_;
        } else if (c == '[') {
            emit(pattern_instruction::set, 0, 0, character_class());
        } else if (c == '\\') {
            if (at_end()) {
                refused_ = true;
                return;
            }
            emit(pattern_instruction::set, 0, 0, escape(t_[i_++]));
        } else if (c == '\0' || one_of(c, "*+?{}])") || c < 0x20 || c >= 0x7F) {
            refused_ = true;
        } else {
            char_set s;
            s.add(static_cast<unsigned char>(c));
            emit(pattern_instruction::set, 0, 0, s);
        }
    }

    // One character or an escape's set, inside a class.
    constexpr char_set class_item() {
        char_set s;
        if (at_end()) {
            refused_ = true;
            return s;
        }
        char c = t_[i_++];
        if (c == '\\') {
            if (at_end()) {
                refused_ = true;
                return s;
            }
            return escape(t_[i_++]);
        }
        if (c == '[' || c < 0x20 || c >= 0x7F) refused_ = true;
        else s.add(static_cast<unsigned char>(c));
        return s;
    }

    constexpr char_set character_class() {
        bool negated = peek() == '^';
        if (negated) ++i_;
        if (peek() == ']') refused_ = true;  // [] matches nothing; [^] anything
        char_set members;
        while (!refused_ && peek() != ']') {
            char_set low = class_item();
            if (low.single() && peek() == '-' && !at_end(1) && peek(1) != ']') {
                ++i_;
                char_set high = class_item();
                if (!high.single() || high.first() < low.first()) refused_ = true;
                else members.add_range(low.first(), high.first());
            } else if (!low.single() && peek() == '-' && !at_end(1) && peek(1) != ']') {
                refused_ = true;  // [\w-.]: std::regex refuses a range from a class escape
            } else {
                members.add(low);
            }
        }
        ++i_;
        return negated ? members.complement() : members;
    }
};

/// The instruction count of `pattern`'s program, or 0 when it is outside the subset.
constexpr unsigned pattern_program_size(std::string_view pattern) {
    return pattern_compiler(pattern, nullptr).compile();
}

/// The most (instructions x characters) a literal is matched with while compiling: the work of a
/// match is proportional to it, and g++ stops a constant evaluation after 2^25 operations
/// (-fconstexpr-ops-limit). A 512-instruction pattern is matched against literals of up to 64
/// characters; a longer literal is left to cfn::check (benchmarks/README.md has the costs).
inline constexpr std::size_t pattern_match_budget = 32768;

/// How a program reads the text it runs over: ASCII characters (what is checked while compiling;
/// a byte beyond is no_character). cfn::check's reader (impl/check/constraints.ipp) has
/// `ascii = false` and `unsigned operator()(std::string_view text, std::size_t& pos)`, which reads
/// the UTF-8 code point at `pos` and moves `pos` past it.
struct ascii_reader {
    static constexpr bool ascii = true;
};

/// Runs a compiled program over `text`: whether it contains a match (std::regex_search, ECMAScript).
/// Defined before its callers: clang does not instantiate a constexpr template defined after them.
template <class Reader = ascii_reader>
constexpr bool run_pattern(const pattern_instruction* program, unsigned size, std::string_view text,
                           [[maybe_unused]] Reader read = {}) {
    // Two thread lists, a mark per instruction (the list it was last added to) and a stack.
    auto* current = new unsigned[size];
    auto* next = new unsigned[size];
    auto* mark = new std::size_t[size]{};
    auto* stack = new unsigned[2 * size + 1];  // each instruction, once marked, pushes at most two
    unsigned current_count = 0, next_count = 0;
    bool matched = false;
    // Adds the thread at `pc` and what it reaches without consuming a character, at `pos`.
    auto add = [&](unsigned* list, unsigned& count, unsigned pc, std::size_t pos) {
        std::size_t stamp = pos + 1;
        unsigned depth = 0;
        stack[depth++] = pc;
        while (depth > 0) {
            unsigned at = stack[--depth];
            if (mark[at] == stamp) continue;
            mark[at] = stamp;
            const pattern_instruction& in = program[at];
            switch (in.kind) {
                case pattern_instruction::jump: stack[depth++] = in.x; break;
                case pattern_instruction::split:
                    stack[depth++] = in.y;
                    if (mark[in.x] != stamp) stack[depth++] = in.x;
                    break;
                case pattern_instruction::line_begin:
                    if (pos == 0) stack[depth++] = at + 1;
                    break;
                case pattern_instruction::line_end:
                    if (pos == text.size()) stack[depth++] = at + 1;
                    break;
                case pattern_instruction::match: matched = true; break;
                case pattern_instruction::set: list[count++] = at; break;
            }
        }
    };
    for (std::size_t pos = 0;;) {  // pos: a byte offset, at the start of a character
        add(current, current_count, 0, pos);  // search: a match may start anywhere
        if (matched || pos == text.size()) break;
        unsigned c;
        if constexpr (Reader::ascii) {  // inline: a call per character would cost the constant evaluator
            c = static_cast<unsigned char>(text[pos++]);
            if (c >= 0x80) c = no_character;
        } else {
            c = read(text, pos);
        }
        next_count = 0;
        for (unsigned k = 0; k < current_count && !matched; ++k)
            if (program[current[k]].characters.has(c)) add(next, next_count, current[k] + 1, pos);
        auto* swap = current;
        current = next;
        next = swap;
        current_count = next_count;
    }
    delete[] stack;
    delete[] mark;
    delete[] next;
    delete[] current;
    return matched;
}

/// Whether `text` contains a match of `pattern`, for a pattern in the subset and an ASCII `text`;
/// a constexpr function, also called at run time by the tests.
constexpr bool pattern_search(std::string_view pattern, std::string_view text) {
    unsigned size = pattern_program_size(pattern);
    if (size == 0) return false;
    auto* program = new pattern_instruction[size];
    pattern_compiler(pattern, program).compile();
    bool matched = run_pattern(program, size, text);
    delete[] program;
    return matched;
}

/// The program of the pattern `*Pattern` points at, compiled once per translation unit however
/// many literals are checked against it (compiling costs more than running).
template <unsigned Size>
struct pattern_program {
    static constexpr unsigned size = Size;
    pattern_instruction code[Size > 0 ? Size : 1];
};
template <const char* const* Pattern>
inline constexpr auto compiled_pattern = [] {
    pattern_program<pattern_program_size(*Pattern)> p{};
    pattern_compiler(*Pattern, p.code).compile();
    return p;
}();

}  // namespace cfn::detail
