// cfnpp implementation: the command line.
#pragma once

#include <cstdio>     // std::fprintf
#include <exception>  // std::exception
#include <string>     // std::string
#include <vector>     // std::vector

#include <cfn/check.hpp>
#include <cfn/commands.hpp>
#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/graph.hpp>
#include <cfn/impl/check.ipp>
#include <cfn/impl/emit.ipp>
#include <cfn/impl/graph.ipp>
#include <cfn/impl/nested_stack.ipp>
#include <cfn/impl/output.ipp>
#include <cfn/impl/utf8.ipp>
#include <cfn/run.hpp>
#include <cfn/stack.hpp>

namespace cfn {

// The version is defined once, in CMakeLists.txt, and reaches every build through the cfnpp
// target's compile definitions; a build that bypasses CMake says so rather than guess.
#ifndef CFNPP_VERSION
#define CFNPP_VERSION "(unknown: built without cfnpp's CMake files)"
#endif
#ifndef CFNPP_SPEC_VERSION
#define CFNPP_SPEC_VERSION "(unknown)"
#endif

namespace detail {

constexpr const char* usage =
    "usage: %s [--format json|yaml] [-o FILE] [--check] [--rules all|security|none] [--strict]\n"
    "          [--graph dot|mermaid] [--help] [--version]\n"
    "       %s diff (--against FILE | --stack-name NAME) [--json] [--s3-bucket B]\n"
    "       %s deploy --stack-name NAME [--parameter KEY=VALUE ...] [--s3-bucket B] [--yes]\n"
    "  --format json|yaml  template format (default: json)\n"
    "  -o, --output FILE   write the template to FILE instead of standard output: a regular file\n"
    "                      is replaced atomically (a symbolic link keeps pointing at it); a FIFO or\n"
    "                      a device is written through; anything else is refused. With nested\n"
    "                      stacks, FILE is a directory: template.json, template.<Nested>.json...\n"
    "  --check             check the stack and write nothing\n"
    "  --rules all|security|none  the guard rails to run (default: all; docs/rules.md): their\n"
    "                      errors fail before anything is written, their warnings are printed\n"
    "  --strict            warnings fail too (exit 1), the guard rails' and the checks'\n"
    "  --graph dot|mermaid write the stack as a graph instead of the template (Graphviz or Mermaid)\n"
    "  --graph-hide TYPE   leave resources of TYPE out of the graph (repeatable; AWS::IAM::* for a prefix)\n"
    "  --help              show this help\n"
    "  --version           cfnpp's version and the AWS spec's the resource types come from\n"
    "diff: what deploying would change, with each resource's impact (create, update, may-replace,\n"
    "replace, orphan, destroy) from the CloudFormation spec; exit 0 no changes, 1 changes, 2 error\n"
    "  --against FILE      compare with a JSON template file\n"
    "  --stack-name NAME   compare with the deployed stack (aws cloudformation get-template)\n"
    "  --json              a JSON document instead of tables\n"
    "  --s3-bucket B       with nested stacks: the bucket deploy uploads their templates to\n"
    "deploy: creates a change set, shows it, asks (or --yes), executes it and streams the events\n"
    "  --parameter K=V     a template parameter (repeatable; an update keeps the others' values)\n"
    "  --s3-bucket B       where to upload a template over 51,200 bytes, and nested stacks' templates\n"
    "  --yes               deploy without asking (required when standard input is not a terminal)\n"
    "diff and deploy run the aws CLI: its profile, region and AWS_ENDPOINT_URL apply.\n"
    "Exit status: 0 written; 1 the stack has errors; 2 bad usage, or the output cannot be written\n"
    "(one line says why). A reader that stops early (`| head`) ends the program quietly by SIGPIPE.\n";

}  // namespace detail

CFN_INLINE int run(const stack& s, int argc, char** argv, std::string_view stack_options) {
    const char* program = argc > 0 ? argv[0] : "stack";
    format f = format::json;
    std::string output;
    bool to_file = false, check_only = false, strict = false;
    guard::selection rules = guard::selection::all;
    bool draw = false;
    graph_format drawing = graph_format::dot;
    graph_options drawing_options;
    detail::command_options command;
    int first = 1;
    if (argc > 1 && (std::string(argv[1]) == "diff" || std::string(argv[1]) == "deploy")) {
        command.command = argv[1];
        first = 2;
    }
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "--help" || arg == "-h") {
            std::printf(detail::usage, program, program, program);
            if (!stack_options.empty())
                std::printf("options of this stack:\n%.*s", static_cast<int>(stack_options.size()), stack_options.data());
            return 0;
        } else if (arg == "--version") {
            std::printf("cfnpp %s (resource types from @aws-cdk/aws-service-spec %s)\n", CFNPP_VERSION, CFNPP_SPEC_VERSION);
            return 0;
        } else if (arg == "--check") {
            check_only = true;
        } else if (arg == "--strict") {
            strict = true;
        } else if (arg == "--rules" || arg.rfind("--rules=", 0) == 0) {
            if (arg == "--rules" ? !value(v) : (v = arg.substr(8), false)) v.clear();
            if (v == "all") {
                rules = guard::selection::all;
            } else if (v == "security") {
                rules = guard::selection::security;
            } else if (v == "none") {
                rules = guard::selection::none;
            } else {
                std::fprintf(stderr, "error: --rules needs all, security or none\n");
                return 2;
            }
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
        } else if (!command.command.empty() && (arg == "--against" || arg == "--stack-name" ||
                                                 arg == "--s3-bucket" || arg == "--parameter")) {
            if (!value(v)) {
                std::fprintf(stderr, "error: %s needs a value\n", arg.c_str());
                return 2;
            }
            if (arg == "--against") command.against = v;
            if (arg == "--stack-name") command.stack_name = v;
            if (arg == "--s3-bucket") command.s3_bucket = v;
            if (arg == "--parameter") command.parameters.push_back(v);
        } else if (command.command == "diff" && arg == "--json") {
            command.json = true;
        } else if (command.command == "deploy" && arg == "--yes") {
            command.yes = true;
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
            if (!value(output) || output.empty()) {
                std::fprintf(stderr, "error: %s needs a file name\n", arg.c_str());
                return 2;
            }
            to_file = true;
        } else {
            std::fprintf(stderr, "error: unknown argument '%s'\n", detail::shown(arg).c_str());
            std::fprintf(stderr, "run %s --help for the options\n", detail::shown(program).c_str());
            return 2;
        }
    }

    if (command.command == "diff" && command.against.empty() == command.stack_name.empty()) {
        std::fprintf(stderr, "error: diff needs one of --against FILE or --stack-name NAME\n");
        return 2;
    }
    if (command.command == "deploy" && (command.stack_name.empty() || !command.against.empty())) {
        std::fprintf(stderr, "error: deploy needs --stack-name NAME (and no --against)\n");
        return 2;
    }

    try {
        if (!s.nested_stacks().empty()) {
            if (draw) {
                std::fprintf(stderr, "error: --graph draws one template; this stack has nested stacks\n");
                return 2;
            }
            return detail::run_nested(s, f, to_file ? &output : nullptr, check_only, command, rules, strict);
        }
        // The writers refuse invalid UTF-8 without saying where: the checks say where, first.
        std::vector<diagnostic> encoding = detail::check_utf8(s);
        for (const diagnostic& d : encoding) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (!encoding.empty()) return command.command.empty() ? 1 : 2;
        // Written once: the size limits are checked on the text that is then output.
        std::string text = emit(s, command.command.empty() ? f : format::json);
        bool failed = false;
        for (const diagnostic& d : detail::check_written(s, text, rules)) {
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
            failed = failed || d.severity == diagnostic::level::error || strict;
        }
        // A stack with errors is still drawn (a dependency cycle is easier to see than to read
        // about), but the exit code says it has them.
        if (failed && !draw) return command.command.empty() ? 1 : 2;
        const int status = failed ? 1 : 0;
        if (draw && !command.command.empty()) {
            std::fprintf(stderr, "error: --graph draws the stack; it does not go with %s\n", command.command.c_str());
            return 2;
        }
        if (draw) text = graph(s, drawing, drawing_options);
        if (check_only) return status;
        if (!command.command.empty()) {
#ifdef CFN_SEPARATE_COMPILATION
            return detail::run_command(s, text, command);
#else
            std::fprintf(stderr, "error: %s needs cfnpp::runtime: build the program with cfnpp_add_stack (without HEADER_ONLY)\n",
                         command.command.c_str());
            return 2;
#endif
        }
        std::string error;
        if (!detail::write_output(to_file ? &output : nullptr, text, error)) {
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
