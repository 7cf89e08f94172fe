// cfnpp: the command line of a stack program.
#pragma once

#include <string_view>  // std::string_view
#include <vector>       // std::vector

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

/// One of the top-level stacks of a program that deploys several, each on its own (they share
/// values through `cfn::export_value`): `name` is what `--stack` selects, its directory under
/// `-o DIR`, and its deployed stack name (after `--stack-prefix`). Letters, digits and '-'.
struct named_stack {
    std::string_view name;
    const cfn::stack& stack;
};

/// The `main` of a program of several stacks: `cfn::run({{"network", net}, {"app", app}}, argc, argv)`.
/// `cfn::check_exports` runs on them together first. Then, as for one stack, on the stacks that
/// `--stack NAME` selects (repeatable; all by default):
///
///     ./stacks -o DIR              DIR/network/template.json, DIR/app/template.json (and each
///                                  one's nested templates beside it); nothing written on an error
///     ./stacks --stack app         that stack alone: on standard output as `cfn::run(app, ...)`
///                                  writes it, into DIR/app/ with -o DIR, diffed or deployed alone
///     ./stacks deploy [--stack-prefix prod-] --yes
///                                  deploys prod-network, then prod-app: exporters before
///                                  importers, and an importer before the exporter when it stops
///                                  importing an export that the exporter removes
///     ./stacks diff [--stack-prefix prod-] | diff --against DIR
///     ./stacks --graph dot         one cluster per stack, imports drawn to their exports
///
/// diff and deploy compare each exporter's deployed template with the new one: an export removed
/// or renamed while a deployed stack of the program still imports it (CloudFormation's "export
/// in use") is one line naming both stacks; deploy refuses it unless `--force`, or deploys the
/// importer first when its new template no longer imports it (docs/deploy.md).
int run(const std::vector<named_stack>& stacks, int argc, char** argv, std::string_view stack_options = {});

}  // namespace cfn
