// cfnpp: the `diff` and `deploy` commands of a stack program (see run.hpp), implemented in
// cfnpp::runtime (src/runtime/commands.cpp) on top of diff.hpp and the aws CLI.
#pragma once

#include <string>
#include <vector>

namespace cfn {

class stack;

namespace detail {

/// What `PROGRAM diff ...` / `PROGRAM deploy ...` asked for (parsed by cfn::run).
struct command_options {
    std::string command;                  ///< "diff" or "deploy"
    std::string against;                  ///< diff --against FILE
    std::string stack_name;               ///< --stack-name NAME
    std::string s3_bucket;                ///< deploy --s3-bucket B
    std::vector<std::string> parameters;  ///< deploy --parameter KEY=VALUE
    bool json = false;                    ///< diff --json
    bool yes = false;                     ///< deploy --yes
};

/// Runs the command on the stack's checked template (`template_json`, what the program writes).
/// diff: 0 nothing changed, 1 something did, 2 error. deploy: 0 deployed (or nothing to deploy),
/// 1 the deployment failed or was declined, 2 error.
int run_command(const stack& s, const std::string& template_json, const command_options& options);

}  // namespace detail
}  // namespace cfn
