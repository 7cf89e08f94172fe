// cfnpp implementation: the command line.
#pragma once

#include <algorithm>  // std::find
#include <cctype>     // std::isalnum
#include <cstdio>     // std::fprintf
#include <exception>  // std::exception
#include <set>        // std::set
#include <string>     // std::string
#include <vector>     // std::vector

#include <sys/stat.h>  // mkdir

#include <cfn/check.hpp>
#include <cfn/commands.hpp>
#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/export.hpp>
#include <cfn/graph.hpp>
#include <cfn/impl/check.ipp>
#include <cfn/impl/emit.ipp>
#include <cfn/impl/export.ipp>
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
    "       %s diff (--against FILE|DIR | --stack-name NAME) [--json] [--s3-bucket B]\n"
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
    "  --against FILE|DIR  compare with a JSON template file (with nested stacks: the same-named\n"
    "                      files beside it, or in DIR as -o DIR writes them)\n"
    "  --stack-name NAME   compare with the deployed stack (aws cloudformation get-template)\n"
    "  --json              a JSON document instead of tables\n"
    "  --s3-bucket B       with nested stacks: the bucket deploy uploads their templates to\n"
    "deploy: creates a change set, shows it, asks (or --yes), executes it and streams the events\n"
    "  --parameter K=V     a template parameter (repeatable; an update keeps the others' values)\n"
    "  --s3-bucket B       where to upload a template over 51,200 bytes, and nested stacks' templates\n"
    "  --yes               deploy without asking (required when standard input is not a terminal)\n"
    "%s"
    "diff and deploy run the aws CLI: its profile, region and AWS_ENDPOINT_URL apply.\n"
    "Exit status: 0 written; 1 the stack has errors; 2 bad usage, or the output cannot be written\n"
    "(one line says why). A reader that stops early (`| head`) ends the program quietly by SIGPIPE.\n";

constexpr const char* several_usage =
    "several stacks (this program deploys each on its own):\n"
    "  --stack NAME        only this stack (repeatable); -o, diff and deploy take all by default\n"
    "  -o, --output DIR    DIR/NAME/template.json for each stack, with its nested templates\n"
    "  --stack-prefix P    diff/deploy: the deployed stack names are P followed by each NAME\n"
    "                      (--stack-name NAME instead names the one stack --stack selects)\n"
    "  --against DIR       diff: compare each stack with DIR/NAME/, as -o DIR writes them\n"
    "  --force             deploy even when an export it removes is imported by a deployed stack\n"
    "  deploy deploys exporters before importers, and stops at the first stack that fails\n";

/// The command line of `cfn::run`, parsed.
struct run_options {
    format f = format::json;
    std::string output;
    bool to_file = false, check_only = false, strict = false;
    guard::selection rules = guard::selection::all;
    bool draw = false;
    graph_format drawing = graph_format::dot;
    graph_options drawing_options;
    command_options command;
    std::vector<std::string> stacks;  ///< --stack (several stacks only)
    std::string stack_prefix;         ///< --stack-prefix (several stacks only)
};

/// Parses argv into `o`: -1 to go on, else the exit code (--help, --version, bad usage).
CFN_INLINE int parse_run_options(int argc, char** argv, std::string_view stack_options, bool several, run_options& o) {
    const char* program = argc > 0 ? argv[0] : "stack";
    format& f = o.f;
    std::string& output = o.output;
    bool &to_file = o.to_file, &check_only = o.check_only, &strict = o.strict;
    guard::selection& rules = o.rules;
    bool& draw = o.draw;
    graph_format& drawing = o.drawing;
    graph_options& drawing_options = o.drawing_options;
    command_options& command = o.command;
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
            std::printf(usage, program, program, program, several ? several_usage : "");
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
                std::fprintf(stderr, "error: unknown format '%s' (json or yaml)\n", shown(v).c_str());
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
        } else if (several && command.command == "deploy" && arg == "--force") {
            command.force = true;
        } else if (several && (arg == "--stack" || arg == "--stack-prefix")) {
            if (!value(v) || (arg == "--stack" && v.empty())) {
                std::fprintf(stderr, "error: %s needs a value\n", arg.c_str());
                return 2;
            }
            if (arg == "--stack") o.stacks.push_back(v);
            else o.stack_prefix = v;
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
            std::fprintf(stderr, "error: unknown argument '%s'\n", shown(arg).c_str());
            std::fprintf(stderr, "run %s --help for the options\n", shown(program).c_str());
            return 2;
        }
    }

    if (several) {
        // The deployed names come from the stacks' names: --stack-name only renames a single one.
        if (!command.stack_name.empty() && (o.stacks.size() != 1 || !o.stack_prefix.empty())) {
            std::fprintf(stderr, "error: --stack-name names one stack: select it with --stack NAME (or use --stack-prefix)\n");
            return 2;
        }
        if (!command.against.empty() && (!command.stack_name.empty() || !o.stack_prefix.empty())) {
            std::fprintf(stderr, "error: diff compares with --against DIR or with the deployed stacks, not both\n");
            return 2;
        }
        if (command.command == "deploy" && !command.against.empty()) {
            std::fprintf(stderr, "error: deploy takes no --against\n");
            return 2;
        }
        return -1;
    }
    if (command.command == "diff" && command.against.empty() == command.stack_name.empty()) {
        std::fprintf(stderr, "error: diff needs one of --against FILE or --stack-name NAME\n");
        return 2;
    }
    if (command.command == "deploy" && (command.stack_name.empty() || !command.against.empty())) {
        std::fprintf(stderr, "error: deploy needs --stack-name NAME (and no --against)\n");
        return 2;
    }
    return -1;
}

/// `cfn::run` of one stack, once its command line is parsed.
CFN_INLINE int run_one(const stack& s, run_options& o) {
    format f = o.f;
    const std::string& output = o.output;
    const bool to_file = o.to_file, check_only = o.check_only, strict = o.strict, draw = o.draw;
    const guard::selection rules = o.rules;
    const graph_format drawing = o.drawing;
    const graph_options& drawing_options = o.drawing_options;
    const command_options& command = o.command;
    try {
        if (!s.nested_stacks().empty()) {
            if (!draw) return run_nested(s, f, to_file ? &output : nullptr, check_only, command, rules, strict);
            if (!command.command.empty()) {
                std::fprintf(stderr, "error: --graph draws the stack; it does not go with %s\n", command.command.c_str());
                return 2;
            }
            // Drawn as written, one cluster per nested stack; checked as deployed, wired.
            std::vector<nested_template> templates;
            std::vector<std::string> texts;
            const int status = prepare_templates(s, f, {}, rules, strict, "", templates, texts) ? 0 : 1;
            if (check_only) return status;
            std::string text = graph(s, drawing, drawing_options), error;
            if (!write_output(to_file ? &output : nullptr, text, error)) {
                std::fprintf(stderr, "error: %s\n", error.c_str());
                return 2;
            }
            return status;
        }
        // The writers refuse invalid UTF-8 without saying where: the checks say where, first.
        std::vector<diagnostic> encoding = check_utf8(s);
        for (const diagnostic& d : encoding) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (!encoding.empty()) return command.command.empty() ? 1 : 2;
        // Written once: the size limits are checked on the text that is then output.
        std::string text = emit(s, command.command.empty() ? f : format::json);
        bool failed = false;
        for (const diagnostic& d : check_written(s, text, rules)) {
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
            return run_command(s, text, command);
#else
            std::fprintf(stderr, "error: %s needs cfnpp::runtime: build the program with cfnpp_add_stack (without HEADER_ONLY)\n",
                         command.command.c_str());
            return 2;
#endif
        }
        std::string error;
        if (!write_output(to_file ? &output : nullptr, text, error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 2;
        }
        return status;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

}  // namespace detail

CFN_INLINE int run(const stack& s, int argc, char** argv, std::string_view stack_options) {
    detail::run_options o;
    int parsed = detail::parse_run_options(argc, argv, stack_options, false, o);
    return parsed >= 0 ? parsed : detail::run_one(s, o);
}

CFN_INLINE int run(const std::vector<named_stack>& stacks, int argc, char** argv, std::string_view stack_options) {
    detail::run_options o;
    int parsed = detail::parse_run_options(argc, argv, stack_options, true, o);
    if (parsed >= 0) return parsed;
    std::set<std::string_view> names;
    for (const named_stack& n : stacks) {
        bool valid = !n.name.empty();
        for (char c : n.name) valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '-');
        if (!valid || !names.insert(n.name).second) {
            std::fprintf(stderr, "error: stack name '%s' %s\n", detail::shown(std::string(n.name)).c_str(),
                         valid ? "is given twice" : "is not letters, digits and '-'");
            return 2;
        }
    }
    for (const std::string& wanted : o.stacks)
        if (!names.count(wanted)) {
            std::string known;
            for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
            std::fprintf(stderr, "error: --stack %s: no such stack (this program has %s)\n", detail::shown(wanted).c_str(),
                         known.c_str());
            return 2;
        }
    auto selected = [&](std::string_view name) {
        return o.stacks.empty() || std::find(o.stacks.begin(), o.stacks.end(), name) != o.stacks.end();
    };
    try {
        // The program's exports and imports are checked together, whichever stacks are selected.
        std::vector<const stack*> all;
        std::vector<std::string> labels;
        for (const named_stack& n : stacks) {
            all.push_back(&n.stack);
            labels.push_back(std::string(n.name));
        }
        bool failed = false;
        for (const diagnostic& d : detail::check_exports(all, labels)) {
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
            failed = failed || d.severity == diagnostic::level::error || o.strict;
        }
        if (o.draw) {
            if (!o.command.command.empty()) {
                std::fprintf(stderr, "error: --graph draws the stacks; it does not go with %s\n", o.command.command.c_str());
                return 2;
            }
            std::vector<named_stack> drawn;
            for (const named_stack& n : stacks)
                if (selected(n.name)) drawn.push_back(n);
            std::string text = graph(drawn, o.drawing, o.drawing_options), error;
            if (o.check_only) return failed ? 1 : 0;
            if (!detail::write_output(o.to_file ? &o.output : nullptr, text, error)) {
                std::fprintf(stderr, "error: %s\n", error.c_str());
                return 2;
            }
            return failed ? 1 : 0;
        }
        // One stack selected, on standard output: as cfn::run(stack) would. (With -o, it is still
        // DIR/NAME/, where the program writes it with the others.)
        if (o.stacks.size() == 1 && o.command.command.empty() && !o.to_file && !o.check_only) {
            if (failed) return 1;
            for (const named_stack& n : stacks)
                if (n.name == o.stacks[0]) return detail::run_one(n.stack, o);
        }
        if (o.command.command.empty() && !o.check_only && !o.to_file) {
            std::fprintf(stderr, "error: this program has %zu stacks: write them into a directory with -o DIR, or "
                                 "choose one with --stack NAME\n", stacks.size());
            return 2;
        }
        const bool command = !o.command.command.empty();
        std::vector<detail::program_stack> program;
        for (const named_stack& n : stacks) {
            detail::program_stack p;
            p.name = std::string(n.name);
            p.selected = selected(n.name);
            // --stack-name renames the one stack selected; the others keep their names.
            p.deployed_name = o.command.stack_name.empty() || !p.selected ? o.stack_prefix + p.name : o.command.stack_name;
            if (!p.selected && !command) continue;
            if (o.command.command == "deploy" && p.selected && !n.stack.nested_stacks().empty() &&
                o.command.s3_bucket.empty()) {
                std::fprintf(stderr, "error: deploy needs --s3-bucket BUCKET: stack %s has nested stacks, whose "
                                     "templates CloudFormation reads from S3\n", p.name.c_str());
                return 2;
            }
            std::string url_base;
            if (!o.command.s3_bucket.empty()) url_base = detail::nested_template_url_base(o.command.s3_bucket, p.deployed_name);
            bool ok = detail::prepare_templates(n.stack, command ? format::json : o.f, url_base, o.rules, o.strict,
                                                p.name + "/", p.templates, p.texts);
            // A stack that is not selected is still read for what it imports and exports.
            failed = failed || (!ok && p.selected);
            program.push_back(std::move(p));
        }
        if (failed) return command ? 2 : 1;
        if (o.check_only) return 0;
        if (command) {
#ifdef CFN_SEPARATE_COMPILATION
            return detail::run_program_command(program, o.command);
#else
            std::fprintf(stderr, "error: %s needs cfnpp::runtime: build the program with cfnpp_add_stack (without HEADER_ONLY)\n",
                         o.command.command.c_str());
            return 2;
#endif
        }
        // Every stack is checked before the first file is written.
        struct stat existing {};
        if (::stat(o.output.c_str(), &existing) != 0 ? ::mkdir(o.output.c_str(), 0777) != 0 : !S_ISDIR(existing.st_mode)) {
            std::fprintf(stderr, "error: %s is not a directory (a program of several stacks writes DIR/NAME/template.json)\n",
                         detail::shown(o.output).c_str());
            return 2;
        }
        for (const detail::program_stack& p : program)
            if (int written = detail::write_templates(o.output + "/" + p.name, p.templates, p.texts)) return written;
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

}  // namespace cfn
