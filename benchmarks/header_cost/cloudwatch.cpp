// Header cost: the core and the cloudwatch service umbrella (the Docker Swarm example uses cloudwatch resources).
#include <cfn/cfn.hpp>
#include <cfn/aws/cloudwatch.hpp>
int main() {}
