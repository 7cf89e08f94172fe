// cfnpp: the command line of a stack program.
#pragma once

#include <string_view>  // std::string_view

#include <cfn/config.hpp>

namespace cfn {

class stack;

/// The `main` of a stack program: checks the stack and writes its template.
///
///     ./stack                      JSON on standard output
///     ./stack --format yaml        YAML with short-form tags
///     ./stack -o stack.json        written atomically: on any error no file is left, and an
///                                  existing file is untouched (a FIFO or a device is written
///                                  through; a directory is refused)
///     ./stack --check              check only, write nothing
///     ./stack --rules security     the security guard rails only (all, security, none)
///     ./stack --strict             warnings fail too
///     ./stack --help
///
/// Each problem is reported on standard error as one line naming the logical ID and the path into
/// the template; the exit code is 0 on success, 1 when the stack has errors, 2 on bad usage or
/// when the output cannot be written (a full disk, a closed pipe with SIGPIPE ignored, a file-size
/// limit: each reported). With SIGPIPE at its default, a reader that stops early ends it quietly.
/// `diff` and `deploy` (docs/deploy.md) preview and deploy the stack through the aws CLI.
///
/// `stack_options` is the help of the program's own options, which it has taken out of argv
/// before the call (e.g. "  --labels A,B        worker labels\n"): `--help` lists them with the
/// rest, so that the program has one command line and one help.
int run(const stack& s, int argc, char** argv, std::string_view stack_options = {});

}  // namespace cfn
