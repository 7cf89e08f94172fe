// The compile-time pattern matcher (cfn/pattern_match.hpp): what it reads, and that it answers as
// std::regex_search (what cfn::check uses at run time) on every schema pattern the generator
// gives a cfn::string_rule, for the generated samples and strings mutated from them. Patterns with
// property classes (\p{L}), which std::regex cannot read, are compared with what Python's `regex`
// module (cfn-lint's engine) answers, over code points as cfn::check reads them.
#include <cfn/literal_check.hpp>
#include <cfn/pattern_match.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace cfn::detail::constraints {
// impl/check/constraints.ipp, in cfnpp::runtime: the matcher over UTF-8 code points.
bool unicode_pattern_search(std::string_view pattern, std::string_view text);
}  // namespace cfn::detail::constraints

namespace {

using cfn::detail::pattern_program_size;
using cfn::detail::pattern_search;

struct schema_pattern {
    const char* pattern;
    unsigned instructions;  // patterns.py's answer; 0: outside the subset
    bool carried;           // a generated string_rule checks literals against it
    const char* sample;     // the generated service tests' literal for it
};

constexpr schema_pattern schema_patterns[] = {
#include "schema_patterns.inc"
};

struct pattern_sample {
    const char* pattern;
    unsigned instructions;  // patterns.py's answer (list elements' patterns are not in schema_patterns)
    const char* text;       // UTF-8
    bool matches;           // Python's regex.search(pattern, text), computed by the generator
};

const pattern_sample schema_pattern_samples[] = {
#include "schema_pattern_samples.inc"
};

bool has_property_class(std::string_view pattern) { return pattern.find("\\p{") != pattern.npos || pattern.find("\\P{") != pattern.npos; }

/// The sample, and strings around it: every character replaced by a few others or removed,
/// something before and after, the sample twice, the empty string.
std::vector<std::string> mutations(const std::string& s) {
    std::vector<std::string> out{s, "", s + s, "x" + s, s + "x", s + "\n", " " + s};
    const std::size_t positions = s.size() < 24 ? s.size() : 24;
    for (std::size_t i = 0; i < positions; ++i) {
        for (char c : {'a', 'Z', '0', '-', '/', ':', '.'}) {
            std::string m = s;
            m[i] = c;
            out.push_back(m);
        }
        out.push_back(s.substr(0, i) + s.substr(i + 1));
    }
    return out;
}

}  // namespace

// Usable while compiling: what literal_check.hpp does with it.
static_assert(pattern_search("^[a-z0-9][a-z0-9.-]*$", "my-bucket.1"));
static_assert(!pattern_search("^[a-z0-9][a-z0-9.-]*$", "My-Bucket"));
static_assert(pattern_search(R"(^arn:aws[a-z-]*:iam::\d{12}:role/.+$)", "arn:aws:iam::123456789012:role/x"));
// Property classes: a literal (ASCII) is judged exactly.
static_assert(pattern_search(R"(^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$)", "env: prod-1"));
static_assert(!pattern_search(R"(^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$)", "a#b"));
static_assert(!pattern_search(R"(^\P{C}*$)", "a\tb") && pattern_search(R"(^[\P{C}\t]*$)", "a\tb"));
static_assert(pattern_search(R"(^\p{P}\p{S}\p{Graph}\p{Print}$)", "#$ a") == false && pattern_search(R"(^\p{P}\p{S}\p{Graph}\p{Print}$)", "#$a~"));

// A literal whose match would cost more than detail::pattern_match_budget is left to cfn::check:
// 300 characters against a 512-instruction pattern compiles, though it does not match.
namespace {
constexpr const char* long_pattern = "^a{1,255}$";
constexpr bool checks_quietly(std::size_t size) {
    char text[400] = {};
    for (std::size_t i = 0; i < size; ++i) text[i] = 'b';
    cfn::detail::check_literal_pattern<&long_pattern>(std::string_view(text, size));
    return true;
}
}  // namespace
static_assert(pattern_program_size("^a{1,255}$") == 512);
static_assert(checks_quietly(300));

TEST_CASE("pattern_search: ECMAScript search semantics", "[pattern]") {
    CHECK(pattern_search("b", "abc"));  // a match anywhere, as std::regex_search
    CHECK_FALSE(pattern_search("^b", "abc"));
    CHECK_FALSE(pattern_search("b$", "abc"));
    CHECK(pattern_search("^$|^a{2}$", ""));
    CHECK(pattern_search("^(?:ab|cd)+$", "abcdab"));
    CHECK_FALSE(pattern_search("^(?:ab|cd)+$", "abc"));
    CHECK(pattern_search("^a{2,3}?$", "aaa"));  // lazy: the same strings match
    CHECK_FALSE(pattern_search("^a{2,3}$", "aaaa"));
    CHECK(pattern_search("^a{2,}$", "aaaaaaa"));
    CHECK_FALSE(pattern_search("^.$", "\n"));  // '.' is not a line terminator
    CHECK(pattern_search(R"(^[\w\-\ ]+$)", "a b-c_d"));
    CHECK(pattern_search(R"(^\u002F[\u0021-\u007E]+\u002F$)", "/path/"));
    CHECK(pattern_search("^(a*)*b$", std::string(200, 'a') + "b"));  // no exponential backtracking
    CHECK_FALSE(pattern_search("^(a*)*b$", std::string(200, 'a')));
}

TEST_CASE("pattern_program_size: what the compile-time subset refuses", "[pattern]") {
    for (const char* refused : {"(?=a)", "(?!a)b", R"(\b)", R"((a)\1)", R"(\p{Lu})", R"(\pL)", R"(\p{L)", R"([\p{L}-z])", R"(\u00e9)", "[]", "a**",
                                "a{2,1}", "a{1001}", "a{,3}", "(", ")", "a{", R"([\d-z])", R"([\w-.])", "[[:alpha:]]"}) {
        INFO(refused);
        CHECK(pattern_program_size(refused) == 0);
    }
    CHECK(pattern_program_size("^a$") == 4);  // ^, a, $, match
    CHECK(pattern_program_size("a|b") == 5);  // split a jump b match
    CHECK(pattern_program_size("a{2,4}") == 2 + 2 * 2 + 1);
    CHECK(pattern_program_size(R"(^[\p{L}\P{C}]+$)") == 7);  // ^ [..] split [..] jump $ match
}

TEST_CASE("property classes: ASCII as Python's regex module has it, the rest by general category", "[pattern]") {
    using cfn::detail::constraints::unicode_pattern_search;
    CHECK(unicode_pattern_search(R"(^\p{L}+$)", "\u00e9t\u00e9\u65e5\u672c"));  // été 日本
    CHECK_FALSE(unicode_pattern_search(R"(^\p{L}+$)", "e\u0301"));          // a combining mark is M
    CHECK(unicode_pattern_search(R"(^\p{L}\p{M}$)", "e\u0301"));
    CHECK(unicode_pattern_search(R"(^\p{N}+$)", "\u0663\u2167"));           // Arabic-Indic three, Roman twelve
    CHECK(unicode_pattern_search(R"(^\p{S}+$)", "\u20ac\U0001F600"));       // € 😀 (four UTF-8 bytes)
    CHECK(unicode_pattern_search(R"(^\p{Zs}$)", "\u3000"));
    CHECK_FALSE(unicode_pattern_search(R"(^\p{Zs}$)", "\u2028"));
    CHECK(unicode_pattern_search(R"(^\p{Z}$)", "\u2028"));
    CHECK(unicode_pattern_search(R"(^\s$)", "\u0085"));                   // NEXT LINE: White_Space
    CHECK(unicode_pattern_search(R"(^\p{C}$)", "\u200b"));                // ZERO WIDTH SPACE: Cf
    CHECK_FALSE(unicode_pattern_search(R"(^\p{Graph}$)", "\u0378"));      // unassigned
    CHECK(unicode_pattern_search(R"(^\p{Graph}$)", "\ue000"));            // private use
    CHECK(unicode_pattern_search(R"(^\p{Print}$)", "\u00a0"));
    CHECK_FALSE(unicode_pattern_search(R"(^\p{ASCII}+$)", "caf\u00e9"));
    // A value that is not UTF-8 is not judged (cfn::check reports it as such, once).
    CHECK(unicode_pattern_search(R"(^\p{ASCII}+$)", "caf\xC3"));
}

TEST_CASE("the generator and the matcher agree on every schema pattern", "[pattern]") {
    std::size_t carried = 0, compared = 0;
    for (const schema_pattern& p : schema_patterns) {
        INFO("pattern: " << p.pattern);
        CHECK(pattern_program_size(p.pattern) == p.instructions);
        if (!p.carried) continue;
        ++carried;
        REQUIRE(p.sample != nullptr);
        CHECK(pattern_search(p.pattern, p.sample));  // the service tests' literal compiles
        if (has_property_class(p.pattern)) continue;  // compared with Python's regex below
        const std::regex re(p.pattern, std::regex::ECMAScript);
        for (const std::string& text : mutations(p.sample)) {
            INFO("text: '" << text << "'");
            CHECK(pattern_search(p.pattern, text) == std::regex_search(text, re));
            ++compared;
        }
    }
    CHECK(carried > 1000);  // what the pinned schemas give (tests/unit/schema_patterns.inc)
}

TEST_CASE("patterns with property classes answer as Python's regex module over code points", "[pattern]") {
    std::size_t patterns = 0;
    const char* previous = "";
    for (const pattern_sample& s : schema_pattern_samples) {
        INFO("pattern: " << s.pattern << "\ntext: '" << s.text << "'");
        CHECK(pattern_program_size(s.pattern) == s.instructions);
        CHECK(cfn::detail::constraints::unicode_pattern_search(s.pattern, s.text) == s.matches);
        patterns += std::string_view(previous) != s.pattern;
        previous = s.pattern;
        // An ASCII text is judged the same while compiling.
        bool ascii = true;
        for (const char* c = s.text; *c; ++c) ascii = ascii && static_cast<unsigned char>(*c) < 0x80;
        if (ascii) CHECK(pattern_search(s.pattern, s.text) == s.matches);
    }
    CHECK(patterns >= 40);  // what the pinned schemas give (tests/unit/schema_pattern_samples.inc)
}
