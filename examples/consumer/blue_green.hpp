// Two copies of the same network (acme::add_network), blue and green, and a web server in blue.
#pragma once

#include <cfn/stack.hpp>

cfn::stack blue_green();
