// Header cost: the core and the biggest service umbrella users touch.
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2.hpp>
int main() {}
