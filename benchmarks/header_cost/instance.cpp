// Header cost: the core and one resource header.
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>
int main() {}
