// Header cost: the core and the autoscaling service umbrella (the Docker Swarm example uses autoscaling resources).
#include <cfn/cfn.hpp>
#include <cfn/aws/autoscaling.hpp>
int main() {}
