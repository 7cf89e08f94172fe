// Header cost: the core and the iam service umbrella (the Docker Swarm example uses iam resources).
#include <cfn/cfn.hpp>
#include <cfn/aws/iam.hpp>
int main() {}
