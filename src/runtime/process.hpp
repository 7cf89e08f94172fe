// The process boundary of `diff` and `deploy`: running a program (the aws CLI) and capturing what
// it prints. The only file that spawns processes.
#pragma once

#include <string>
#include <vector>

namespace cfn::detail {

struct process_result {
    bool started = false;  ///< false when the program could not be run (not on PATH): see `out_of_reach`
    int exit_code = -1;    ///< the exit status, or 128 + signal
    std::string out, err;
    std::string out_of_reach;  ///< why it could not be run
};

/// Runs argv[0] (searched on PATH) with the environment of this process, standard input
/// inherited, and returns its standard output and error.
process_result run_process(const std::vector<std::string>& argv);

}  // namespace cfn::detail
