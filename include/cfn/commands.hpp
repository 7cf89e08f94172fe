// cfnpp: the `diff` and `deploy` commands of a stack program (see run.hpp), implemented in
// cfnpp::runtime (src/runtime/commands.cpp) on top of diff.hpp and the aws CLI.
#pragma once

#include <string>
#include <vector>

namespace cfn {

class stack;
struct nested_template;

namespace detail {

/// What `PROGRAM diff ...` / `PROGRAM deploy ...` asked for (parsed by cfn::run).
struct command_options {
    std::string command;                  ///< "diff" or "deploy"
    std::string against;                  ///< diff --against FILE or DIR
    std::string stack_name;               ///< --stack-name NAME
    std::string s3_bucket;                ///< deploy --s3-bucket B
    std::vector<std::string> parameters;  ///< deploy --parameter KEY=VALUE
    bool json = false;                    ///< diff --json
    bool yes = false;                     ///< deploy --yes
    bool force = false;                   ///< deploy --force: even with an export in use
};

/// Runs the command on the stack's checked template (`template_json`, what the program writes).
/// diff: 0 nothing changed, 1 something did, 2 error. deploy: 0 deployed (or nothing to deploy),
/// 1 the deployment failed or was declined, 2 error.
int run_command(const stack& s, const std::string& template_json, const command_options& options);

/// Where `deploy` uploads the nested templates of stack `stack_name`, before each file name:
/// "https://BUCKET.s3.amazonaws.com/cfnpp/NAME/" (header-only: cfn::run rewrites the TemplateURLs).
inline std::string nested_template_url_base(const std::string& bucket, const std::string& stack_name) {
    return "https://" + bucket + ".s3.amazonaws.com/cfnpp/" + stack_name + "/";
}

/// `run_command` of a stack with nested stacks (cfn/nested_stack.hpp): `templates` and their
/// checked JSON `texts`, the top one first. deploy uploads the nested templates to
/// `nested_template_url_base` and deploys the top one; diff shows the top stack's changes, then
/// each nested stack's under its own heading.
int run_nested_command(const std::vector<nested_template>& templates, const std::vector<std::string>& texts,
                       const command_options& options);

/// One stack of a program of several (`cfn::run` of `named_stack`s), wired, checked and
/// emitted as JSON.
struct program_stack {
    std::string name;           ///< its name in the program
    std::string deployed_name;  ///< its CloudFormation stack name (--stack-prefix, --stack-name)
    bool selected = true;       ///< chosen by --stack (all are, without it)
    std::vector<nested_template> templates;
    std::vector<std::string> texts;
};

/// diff or deploy of the selected stacks of a program, one after the other in dependency order:
/// an exporter before its importers; an importer before its exporter when the exporter removes an
/// export that the deployed importer imports and the new importer does not. Against AWS, each
/// exporter's deployed template is compared with the new one: an export removed while a deployed
/// stack of the program still imports it is reported in one line (diff: a warning; deploy: refused
/// unless --force, or ordered safely). With --against DIR, each stack is compared with DIR/NAME/.
/// Exit codes as run_command's; deploy stops at the first stack that fails.
int run_program_command(const std::vector<program_stack>& stacks, const command_options& options);

}  // namespace detail
}  // namespace cfn
