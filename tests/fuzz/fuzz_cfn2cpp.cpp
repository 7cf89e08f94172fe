// libFuzzer target: any bytes as a template for cfn2cpp, read as JSON and as YAML, then translated.
// An input_error (or any std::exception) is a fine answer; a crash, a sanitizer report, a hang
// (-timeout) or runaway memory (-rss_limit_mb) is a finding. tests/fuzz/run runs it.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>

#include "catalog.hpp"
#include "input.hpp"
#include "translate.hpp"

namespace {
const cfn2cpp::catalog& types() {
    static const cfn2cpp::catalog catalog(CFN2CPP_CATALOG);
    return catalog;
}

void import(const std::string& text, const std::string& name) {
    try {
        cfn2cpp::json t = cfn2cpp::parse_template(text, name);
        (void)cfn2cpp::translate(t, types(), name);
    } catch (const std::exception&) {
        // refused with a message: what hostile input should get
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    import(text, "fuzz.json");  // JSON whatever the text starts with
    import(text, "fuzz.yaml");  // YAML unless it starts with '{' (then JSON again: looks_like_json)
    return 0;
}
