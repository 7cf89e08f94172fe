// cfn2cpp: imports a CloudFormation template (JSON or YAML) as a cfnpp stack.cpp.
//
//     cfn2cpp template.yaml > stack.cpp
//     cfn2cpp -o stack.cpp template.json
//
// See docs/migrating.md.
#include <cstdio>
#include <exception>
#include <string>
#include <unistd.h>  // readlink, access

#include <cfn/impl/output.ipp>  // cfn::detail::write_output: every failure reported

#include "catalog.hpp"
#include "input.hpp"
#include "translate.hpp"

#ifndef CFN2CPP_SOURCE_CATALOG
#define CFN2CPP_SOURCE_CATALOG "tools/cfn2cpp/catalog.json"
#endif

namespace {

constexpr const char* usage =
    "usage: cfn2cpp [-o FILE] [--catalog FILE] TEMPLATE\n"
    "Writes a cfnpp stack.cpp that builds TEMPLATE (JSON, or YAML with short-form tags).\n"
    "  -o, --output FILE   write to FILE instead of standard output: a regular file is replaced\n"
    "                      atomically (a symbolic link keeps pointing at it); a FIFO or a device\n"
    "                      is written through; anything else is refused\n"
    "  --catalog FILE      the names and types of the generated headers (default: the installed\n"
    "                      <prefix>/share/cfnpp/cfn2cpp-catalog.json, else the source tree's)\n"
    "  --help              show this help\n"
    "Exit status: 0 written; 1 the template cannot be imported or the output cannot be written (one\n"
    "line says where and why); 2 bad usage. A reader that stops early (`| head`) ends it by SIGPIPE.\n";

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

/// The installed catalog next to the installed program (<prefix>/bin/../share/cfnpp), else the
/// one in the source tree this program was built from.
std::string default_catalog() {
    char self[4096];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length > 0) {
        std::string exe(self, static_cast<std::size_t>(length));
        std::string installed = exe.substr(0, exe.find_last_of('/')) + "/../share/cfnpp/cfn2cpp-catalog.json";
        if (access(installed.c_str(), R_OK) == 0) return installed;
    }
    return CFN2CPP_SOURCE_CATALOG;
}

}  // namespace

int main(int argc, char** argv) {
    std::string input, output, catalog_path;
    bool to_file = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage, stdout);
            return 0;
        }
        if (arg == "-o" || arg == "--output" || arg == "--catalog") {
            if (i + 1 >= argc || !*argv[i + 1]) {
                std::fprintf(stderr, "error: %s needs a file name\n", arg.c_str());
                return 2;
            }
            (arg == "--catalog" ? catalog_path : output) = argv[++i];
            to_file = to_file || arg != "--catalog";
        } else if (arg.size() > 1 && arg[0] == '-') {
            std::fprintf(stderr, "error: unknown option '%s'\n%s", cfn::detail::shown(arg).c_str(), usage);
            return 2;
        } else if (input.empty()) {
            input = arg;
        } else {
            std::fprintf(stderr, "error: one template at a time ('%s' and '%s')\n", cfn::detail::shown(input).c_str(),
                         cfn::detail::shown(arg).c_str());
            return 2;
        }
    }
    if (input.empty()) {
        std::fputs(usage, stderr);
        return 2;
    }
    try {
        cfn2cpp::json template_ = cfn2cpp::read_template(input);
        cfn2cpp::catalog types(catalog_path.empty() ? default_catalog() : catalog_path);
        std::string text = cfn2cpp::translate(template_, types, base_name(input));
        std::string error;
        if (!cfn::detail::write_output(to_file ? &output : nullptr, text, error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", cfn2cpp::printable(e.what()).c_str());
        return 1;
    }
}
