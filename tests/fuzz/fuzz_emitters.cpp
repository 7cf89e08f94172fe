// libFuzzer target: the JSON and YAML writers over values built from any bytes. Each writer must
// refuse (std::runtime_error) exactly the strings that are not UTF-8, and what it writes must
// read back: the JSON with nlohmann/json (strict), the YAML with yaml-cpp, as the same strings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cfn/cfn.hpp>

namespace {

/// The input is split at 0xFF bytes into strings (0xFF is never UTF-8). Even pieces become keys of
/// an object, odd ones its values; the object also holds them all as a list.
std::vector<std::string> pieces(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0xFF) out.emplace_back();
        else out.back() += static_cast<char>(data[i]);
    }
    return out;
}

bool valid_utf8(const std::string& s) { return cfn::detail::utf8_invalid_at(s) == std::string::npos; }

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "finding: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> strings = pieces(data, size);
    bool all_valid = true;
    std::vector<cfn::node> items;
    std::vector<std::pair<std::string_view, cfn::node>> members;
    nlohmann::ordered_json expected = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < strings.size(); ++i) {
        all_valid = all_valid && valid_utf8(strings[i]);
        items.push_back(cfn::detail::make_string(strings[i]));
    }
    for (std::size_t i = 0; i + 1 < strings.size(); i += 2) {
        bool duplicate = false;
        for (const auto& m : members) duplicate = duplicate || m.first == strings[i];
        if (!duplicate && strings[i] != "List") members.emplace_back(strings[i], items[i + 1]);
    }
    members.emplace_back("List", cfn::detail::make_list(items.data(), items.size()));
    cfn::node value = cfn::detail::make_object(members.data(), members.size());

    std::string json_text, yaml_text;
    try {
        json_text = cfn::write_json(value);
        if (!all_valid) finding("the JSON writer took a string that is not UTF-8");
    } catch (const std::runtime_error&) {
        if (all_valid) finding("the JSON writer refused valid UTF-8");
        return 0;
    }
    try {
        yaml_text = cfn::write_yaml(value);
    } catch (const std::runtime_error&) {
        finding("the YAML writer refused what the JSON writer took");
    }
    nlohmann::ordered_json back = nlohmann::ordered_json::parse(json_text);  // throws (a finding) if invalid
    if (back["List"].size() != strings.size()) finding("JSON: the list does not read back");
    for (std::size_t i = 0; i < strings.size(); ++i)
        if (back["List"][i].get<std::string>() != strings[i]) finding("JSON: a string does not read back");
    YAML::Node yaml = YAML::Load(yaml_text);  // throws (a finding) if the YAML is not YAML
    if (yaml["List"].size() != strings.size()) finding("YAML: the list does not read back");
    for (std::size_t i = 0; i < strings.size(); ++i)
        if (yaml["List"][i].as<std::string>() != strings[i]) finding("YAML: a string does not read back");
    return 0;
}
