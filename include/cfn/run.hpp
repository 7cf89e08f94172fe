// cfnpp: the command line of a stack program.
#pragma once

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
///     ./stack --help
///
/// Each problem is reported on standard error as one line naming the logical ID and the path into
/// the template; the exit code is 0 on success, 1 when the stack has errors, 2 on bad usage or
/// when the output cannot be written (a full disk, a closed pipe with SIGPIPE ignored, a file-size
/// limit: each reported). With SIGPIPE at its default, a reader that stops early ends it quietly.
int run(const stack& s, int argc, char** argv);

}  // namespace cfn
