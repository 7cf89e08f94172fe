// A stack whose strings are awkward for YAML: reserved words, numbers as strings, indicators,
// quotes, multi-line text, control characters, Unicode line breaks. With a seed argument it adds
// that many pseudo-random strings drawn from the same awkward alphabet (for tests/yaml/roundtrip.py);
// with --any-bytes as well, the alphabet also has every single byte (most such strings are not
// UTF-8, which the program must refuse) and long runs that make keys past YAML's 1,024 limit.
#include <cfn/cfn.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

std::vector<std::string> fixed_cases() {
    return {"yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "~", "", " ", "  leading", "trailing  ",
            "22", "0644", "0x1F", "1e3", "-1", "+1", ".5", ".inf", "-.inf", ".NaN", "2010-09-09", "12:30:00",
            "1_000", "a: b", "a:b", "key:", "# comment", "a #b", "*alias", "&anchor", "!tag", "|", ">", "-", "- x",
            "? x", "[x]", "{x}", "%x", "@x", "`x", "'single'", "\"double\"", "it's", "back\\slash", "tab\there",
            "cr\rhere", "bell\x07", "line1\nline2", "line1\nline2\n", "ends with two\n\n", "\nstarts with newline",
            "  indented\nblock\n", "spaces line\n   \nafter", "unicode é ü ß 日本", "nel\xc2\x85here",
            "ls\xe2\x80\xa8here", "bom\xef\xbb\xbfhere", "del\x7f", "c1\xc2\x9a", "emoji \xf0\x9f\x98\x80",
            "#!/bin/bash\necho \"${!HOME}\" 'x'\nexit 0\n", "<<", "=", "---", "...", "--- x", "a,b", "x # y",
            "\t", "\ttab first\nline"};
}

/// Deterministic pseudo-random awkward strings (xorshift; the same seed gives the same strings).
std::vector<std::string> random_cases(std::uint64_t seed, int count, bool any_bytes) {
    static const std::vector<std::string> pieces = {
        "a", "Z", "0", "9", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\n", "\n\n",
        "\t", "\r", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "yes", "no", "null", "true",
        "1", "0.5", "1e5", "0x", "é", "日", "\xc2\x85", "\xe2\x80\xa8", "\x01", "\x7f", "${", "}", "~", ".", "="};
    std::uint64_t x = seed * 2654435761u + 1;
    auto next = [&] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        std::string s;
        int length = static_cast<int>(next() % 8);
        for (int k = 0; k < length; ++k) {
            std::uint64_t pick = next() % (pieces.size() + (any_bytes ? 40 : 0));
            if (pick < pieces.size()) s += pieces[pick];
            else if (pick % 8 == 0) s += std::string(300, "k\"\x01 "[next() % 4]);  // a long key
            else if (any_bytes && (next() % 600 == 0)) s += static_cast<char>(next() % 256);  // rarely: any byte
            else s += pieces[next() % pieces.size()];
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t seed = 0;
    int count = 0;
    bool any_bytes = false;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--seed" && i + 1 < argc) {
            seed = std::strtoull(argv[++i], nullptr, 10);
            count = 300;
        } else if (arg == "--any-bytes") {
            any_bytes = true;
        } else {
            rest.push_back(argv[i]);
        }
    }
    std::vector<std::string> strings = fixed_cases();
    for (auto& s : random_cases(seed, count, any_bytes)) strings.push_back(s);

    cfn::stack s{"Strings that are hard to write as YAML"};
    std::vector<cfn::json_value> values;
    std::vector<std::pair<std::string, cfn::json_value>> keyed;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        values.push_back(cfn::json_value(strings[i]));
        keyed.emplace_back(std::to_string(i) + strings[i], static_cast<int>(i));  // unique keys
    }
    // A wait condition handle takes no properties; its Metadata carries any JSON, so the strings
    // travel there, as values and as keys.
    s.add(cfn::raw_resource{"Handle", "AWS::CloudFormation::WaitConditionHandle", {},
                            {.metadata = cfn::json_value{{"Values", cfn::json_value::array(values)},
                                                         {"Keys", cfn::json_value::object(keyed)}}}});
    return cfn::run(s, static_cast<int>(rest.size()), rest.data());
}
