// cfnpp implementation: the command line.
#pragma once

#include <cstdio>    // std::fopen, std::fwrite, std::rename, std::remove
#include <exception>  // std::exception
#include <string>    // std::string
#include <unistd.h>  // getpid: a temporary file name no other writer uses

#include <cfn/check.hpp>
#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/graph.hpp>
#include <cfn/run.hpp>
#include <cfn/stack.hpp>

namespace cfn {

namespace detail {

constexpr const char* usage =
    "usage: %s [--format json|yaml] [-o FILE] [--check] [--graph dot|mermaid] [--help]\n"
    "  --format json|yaml  template format (default: json)\n"
    "  -o, --output FILE   write the template to FILE (atomically) instead of standard output\n"
    "  --check             check the stack and write nothing\n"
    "  --graph dot|mermaid write the stack as a graph instead of the template (Graphviz or Mermaid)\n"
    "  --graph-hide TYPE   leave resources of TYPE out of the graph (repeatable; AWS::IAM::* for a prefix)\n"
    "  --help              show this help\n";

/// Writes `text` to `path` through a temporary file in the same directory and a rename, so that
/// readers see the old file or the new one, never half of one.
CFN_INLINE bool write_file_atomically(const std::string& path, const std::string& text, std::string& error) {
    std::string temporary = path + ".tmp." + std::to_string(static_cast<long>(getpid()));
    std::FILE* f = std::fopen(temporary.c_str(), "wb");
    if (!f) {
        error = "cannot create " + temporary;
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fflush(f) == 0) && ok;
    ok = (std::fclose(f) == 0) && ok;
    if (ok) ok = std::rename(temporary.c_str(), path.c_str()) == 0;
    if (!ok) {
        std::remove(temporary.c_str());
        error = "cannot write " + path;
    }
    return ok;
}

}  // namespace detail

CFN_INLINE int run(const stack& s, int argc, char** argv) {
    const char* program = argc > 0 ? argv[0] : "stack";
    format f = format::json;
    std::string output;
    bool check_only = false;
    bool draw = false;
    graph_format drawing = graph_format::dot;
    graph_options drawing_options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "--help" || arg == "-h") {
            std::printf(detail::usage, program);
            return 0;
        } else if (arg == "--check") {
            check_only = true;
        } else if (arg == "--format" || arg.rfind("--format=", 0) == 0) {
            if (arg == "--format" ? !value(v) : (v = arg.substr(9), false)) {
                std::fprintf(stderr, "error: --format needs json or yaml\n");
                return 2;
            }
            if (v == "json") {
                f = format::json;
            } else if (v == "yaml") {
                f = format::yaml;
            } else {
                std::fprintf(stderr, "error: unknown format '%s' (json or yaml)\n", v.c_str());
                return 2;
            }
        } else if (arg == "--graph") {
            if (!value(v) || (v != "dot" && v != "mermaid")) {
                std::fprintf(stderr, "error: --graph needs dot or mermaid\n");
                return 2;
            }
            draw = true;
            drawing = v == "dot" ? graph_format::dot : graph_format::mermaid;
        } else if (arg == "--graph-hide") {
            if (!value(v)) {
                std::fprintf(stderr, "error: --graph-hide needs a resource type\n");
                return 2;
            }
            drawing_options.hide.push_back(v);
        } else if (arg == "-o" || arg == "--output") {
            if (!value(output)) {
                std::fprintf(stderr, "error: %s needs a file name\n", arg.c_str());
                return 2;
            }
        } else {
            std::fprintf(stderr, "error: unknown argument '%s'\n", arg.c_str());
            std::fprintf(stderr, detail::usage, program);
            return 2;
        }
    }

    try {
        // Written once: the size limits are checked on the text that is then output.
        std::string text = emit(s, f);
        bool failed = false;
        for (const diagnostic& d : detail::check_written(s, text)) {
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
            failed = failed || d.severity == diagnostic::level::error;
        }
        // A stack with errors is still drawn (a dependency cycle is easier to see than to read
        // about), but the exit code says it has them.
        if (failed && !draw) return 1;
        if (draw) text = graph(s, drawing, drawing_options);
        const int status = failed ? 1 : 0;
        if (check_only) return status;
        if (output.empty()) {
            std::fwrite(text.data(), 1, text.size(), stdout);
            return std::fflush(stdout) == 0 ? status : 2;
        }
        std::string error;
        if (!detail::write_file_atomically(output, text, error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 2;
        }
        return status;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

}  // namespace cfn
