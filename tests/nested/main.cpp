// The growth benchmark's synthetic stack (benchmarks/growth/generate.py N --nested), split into
// nested stacks of 450 resources, as a stack program: `cfn::run` checks every template on its own
// and writes them into the -o directory. tests/nested/deploy_test.py deploys them to moto.
#include <cfn/cfn.hpp>

void build_stack(cfn::stack& s);  // in the generated source

int main(int argc, char** argv) {
    cfn::stack s{"The growth benchmark's stack, split into nested stacks"};
    build_stack(s);
    return cfn::run(s, argc, argv);
}
