// A small stack for tests/pch_hints/run.py, which misspells `attr_public_ip` and `key_name` in a
// copy of it: clang++ must say "did you mean ...?" as it does without a precompiled header.
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

// A warning: a compile that succeeds shows its diagnostics too.
#pragma message("a successful compile's warnings are shown")

int main(int argc, char** argv) {
    cfn::stack s{"clang++'s typo hints through a precompiled header"};
    auto server = s.add(cfn::aws::ec2::instance{"Server", {
        .image_id = "ami-12345678",
        .key_name = "admin",
    }});
    s.output("PublicIp", server.attr_public_ip());
    return cfn::run(s, argc, argv);
}
