// Header cost: the reference, a standard header every stack pays.
#include <string>
int main() {}
