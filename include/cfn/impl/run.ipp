// cfnpp implementation: the command line.
#pragma once

#include <cstdio>    // std::fprintf
#include <exception>  // std::exception
#include <string>    // std::string

#include <cfn/check.hpp>
#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/impl/output.ipp>
#include <cfn/impl/utf8.ipp>
#include <cfn/run.hpp>
#include <cfn/stack.hpp>

namespace cfn {

namespace detail {

constexpr const char* usage =
    "usage: %s [--format json|yaml] [-o FILE] [--check] [--help]\n"
    "  --format json|yaml  template format (default: json)\n"
    "  -o, --output FILE   write the template to FILE instead of standard output: a regular file\n"
    "                      is replaced atomically (a symbolic link keeps pointing at it); a FIFO or\n"
    "                      a device is written through; anything else is refused\n"
    "  --check             check the stack and write nothing\n"
    "  --help              show this help\n"
    "Exit status: 0 written; 1 the stack has errors; 2 bad usage, or the output cannot be written\n"
    "(one line says why). A reader that stops early (`| head`) ends the program quietly by SIGPIPE.\n";

}  // namespace detail

CFN_INLINE int run(const stack& s, int argc, char** argv) {
    const char* program = argc > 0 ? argv[0] : "stack";
    format f = format::json;
    std::string output;
    bool to_file = false, check_only = false;
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
                std::fprintf(stderr, "error: unknown format '%s' (json or yaml)\n", detail::shown(v).c_str());
                return 2;
            }
        } else if (arg == "-o" || arg == "--output") {
            if (!value(output) || output.empty()) {
                std::fprintf(stderr, "error: %s needs a file name\n", arg.c_str());
                return 2;
            }
            to_file = true;
        } else {
            std::fprintf(stderr, "error: unknown argument '%s'\n", detail::shown(arg).c_str());
            std::fprintf(stderr, detail::usage, program);
            return 2;
        }
    }

    try {
        // The writers refuse invalid UTF-8 without saying where: the checks say where, first.
        std::vector<diagnostic> encoding = detail::check_utf8(s);
        for (const diagnostic& d : encoding) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (!encoding.empty()) return 1;
        // Written once: the size limits are checked on the text that is then output.
        std::string text = emit(s, f);
        bool failed = false;
        for (const diagnostic& d : detail::check_written(s, text)) {
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
            failed = failed || d.severity == diagnostic::level::error;
        }
        if (failed) return 1;
        if (check_only) return 0;
        std::string error;
        if (!detail::write_output(to_file ? &output : nullptr, text, error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 2;
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

}  // namespace cfn
