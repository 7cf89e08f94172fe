// The growth benchmark's program: builds the synthetic stack of one generated source
// (benchmarks/growth/generate.py), checks it and writes its template, and prints how long each
// phase took, in milliseconds, as one line of JSON:
//
//   growth_500 OUT.json OUT.yaml
//   {"resources": 500, "build_ms": 0.9, "check_ms": 2.1, "emit_json_ms": 1.3, "emit_yaml_ms": 1.5,
//    "warnings": 1, "errors": []}
//
// cfn::check and cfn::emit are called directly rather than through cfn::run so that a stack beyond
// CloudFormation's limits (5,000 resources) is still written and timed: its errors are listed, for
// benchmarks/run to verify that they are the limits and nothing else.
#include <chrono>   // std::chrono::steady_clock
#include <cstdio>   // std::fopen, std::fwrite, std::printf
#include <string>   // std::string
#include <vector>   // std::vector

#include <cfn/cfn.hpp>

void build_stack(cfn::stack& s);  // in the generated source

namespace {

using clock_type = std::chrono::steady_clock;

double milliseconds_since(clock_type::time_point start) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

bool write_file(const char* path, const std::string& text) {
    std::FILE* f = std::fopen(path, "wb");
    if (!f) return false;
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    return std::fclose(f) == 0 && ok;
}

/// The JSON string literal of `text` (diagnostics are printable ASCII; quote and backslash escaped).
std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += (c == '\n' ? ' ' : c);
    }
    return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s OUT.json OUT.yaml\n", argv[0]);
        return 2;
    }

    auto start = clock_type::now();
    cfn::stack s{"Synthetic stack for cfnpp's growth benchmark"};
    build_stack(s);
    double build_ms = milliseconds_since(start);

    start = clock_type::now();
    std::vector<cfn::diagnostic> diagnostics = cfn::check(s);
    double check_ms = milliseconds_since(start);

    start = clock_type::now();
    std::string json = cfn::emit(s, cfn::format::json);
    double emit_json_ms = milliseconds_since(start);

    start = clock_type::now();
    std::string yaml = cfn::emit(s, cfn::format::yaml);
    double emit_yaml_ms = milliseconds_since(start);

    if (!write_file(argv[1], json) || !write_file(argv[2], yaml)) {
        std::fprintf(stderr, "error: cannot write %s or %s\n", argv[1], argv[2]);
        return 2;
    }

    int warnings = 0;
    std::string errors;
    for (const cfn::diagnostic& d : diagnostics) {
        if (d.severity == cfn::diagnostic::level::error)
            errors += (errors.empty() ? "" : ", ") + json_string(d.to_string());
        else
            ++warnings;
    }
    std::printf("{\"resources\": %zu, \"build_ms\": %.3f, \"check_ms\": %.3f, \"emit_json_ms\": %.3f, "
                "\"emit_yaml_ms\": %.3f, \"warnings\": %d, \"errors\": [%s]}\n",
                s.resources().size(), build_ms, check_ms, emit_json_ms, emit_yaml_ms, warnings, errors.c_str());
    return 0;
}
