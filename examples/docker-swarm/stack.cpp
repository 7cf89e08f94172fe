// A Docker Swarm cluster on AWS: the stack of the blog post "Docker Swarm con AWS - Parte 1"
// (Python + troposphere), ported to cfnpp. The stack itself is in swarm.hpp, section by section
// like the post; this file is the program around it.
//
//   docker_swarm [--labels web,db] [--format json|yaml] [-o FILE] [--check]
//   docker_swarm [--labels web,db] diff|deploy ...      (see docs/deploy.md)
#include <cstdio>       // std::fprintf
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "swarm.hpp"  // swarm::docker_swarm(labels), and the modules it is made of

// The command line: `--labels a,b` chooses the worker labels; the rest goes to cfn::run. -----------

/// Labels become logical IDs (LaunchConfiguration<label>) and Docker engine labels: letters and
/// digits only.
bool valid_label(std::string_view label) {
    if (label.empty()) return false;
    for (char c : label)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

int main(int argc, char** argv) {
    std::vector<std::string> worker_labels = swarm::labels;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--labels" || arg.rfind("--labels=", 0) == 0) {
            std::string list;
            if (arg == "--labels") {
                if (i + 1 >= argc) {
                    std::fprintf(stderr, "error: --labels needs a comma-separated list, e.g. --labels web,db\n");
                    return 2;
                }
                list = argv[++i];
            } else {
                list = std::string(arg.substr(9));
            }
            worker_labels.clear();
            for (std::size_t start = 0;;) {
                std::size_t comma = list.find(',', start);
                worker_labels.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
            for (const std::string& label : worker_labels) {
                if (!valid_label(label)) {
                    std::fprintf(stderr, "error: label '%s' must be letters and digits only (it becomes part of logical IDs)\n",
                                 label.c_str());
                    return 2;
                }
            }
        } else {
            args.push_back(argv[i]);
        }
    }
    cfn::stack s = swarm::docker_swarm(worker_labels);
    return cfn::run(s, static_cast<int>(args.size()), args.data(),
                    "  --labels A,B        worker labels, one auto scaling group each (default: web)\n");
}
