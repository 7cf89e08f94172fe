// The growth benchmark's program: builds the synthetic stack of one generated source
// (benchmarks/growth/generate.py), checks it and writes its template, and prints how long each
// phase took, in milliseconds of wall time and of this process's CPU time, as one line of JSON:
//
//   growth_500 OUT.json OUT.yaml
//   {"resources": 500, "build_ms": 0.9, "check_ms": 2.1, "emit_json_ms": 1.3, "emit_yaml_ms": 1.5,
//    "build_cpu_ms": 0.9, ..., "warnings": 1, "errors": []}
//
// CPU time is what shows how the cost grows on a shared machine: a longer phase is more likely to
// lose the processor to someone else's build, which adds wall time but no CPU time.
//
// cfn::check and cfn::emit are called directly rather than through cfn::run so that a stack beyond
// CloudFormation's limits (5,000 resources) is still written and timed: its errors are listed, for
// benchmarks/run to verify that they are the limits and nothing else.
#include <chrono>   // std::chrono::steady_clock
#include <cstdio>   // std::fopen, std::fwrite, std::printf
#include <ctime>    // std::clock
#include <string>   // std::string
#include <vector>   // std::vector

#include <cfn/cfn.hpp>

void build_stack(cfn::stack& s);  // in the generated source

namespace {

/// Wall time and CPU time of one phase.
class stopwatch {
public:
    stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(std::clock()) {}
    double wall_ms() const {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_).count();
    }
    double cpu_ms() const { return 1000.0 * static_cast<double>(std::clock() - cpu_) / CLOCKS_PER_SEC; }

private:
    std::chrono::steady_clock::time_point wall_;
    std::clock_t cpu_;
};

struct phase_time {
    double wall_ms, cpu_ms;
};

template <class F>
phase_time timed(F&& phase) {
    stopwatch watch;
    phase();
    return {watch.wall_ms(), watch.cpu_ms()};
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

    cfn::stack s{"Synthetic stack for cfnpp's growth benchmark"};
    std::vector<cfn::diagnostic> diagnostics;
    std::string json, yaml;
    phase_time build = timed([&] { build_stack(s); });
    phase_time check = timed([&] { diagnostics = cfn::check(s); });
    phase_time emit_json = timed([&] { json = cfn::emit(s, cfn::format::json); });
    phase_time emit_yaml = timed([&] { yaml = cfn::emit(s, cfn::format::yaml); });

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
                "\"emit_yaml_ms\": %.3f, \"build_cpu_ms\": %.3f, \"check_cpu_ms\": %.3f, \"emit_json_cpu_ms\": %.3f, "
                "\"emit_yaml_cpu_ms\": %.3f, \"warnings\": %d, \"errors\": [%s]}\n",
                s.resources().size(), build.wall_ms, check.wall_ms, emit_json.wall_ms, emit_yaml.wall_ms, build.cpu_ms,
                check.cpu_ms, emit_json.cpu_ms, emit_yaml.cpu_ms, warnings, errors.c_str());
    return 0;
}
