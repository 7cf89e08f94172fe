// The stack program: checks the stack and writes its template (cfn::run's command line).
#include <cfn/cfn.hpp>

#include "blue_green.hpp"

int main(int argc, char** argv) { return cfn::run(blue_green(), argc, argv); }
