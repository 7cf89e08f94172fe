// Header cost: the core alone (declarations only, as in CFN_SEPARATE_COMPILATION).
#include <cfn/cfn.hpp>
int main() {}
