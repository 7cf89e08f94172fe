// cfn2cpp: C++ variable names for logical IDs.
#pragma once

#include <set>
#include <string>

namespace cfn2cpp {

/// snake_case of a logical ID, as the generator spells CloudFormation names:
/// "PublicSubnet1" -> "public_subnet1", "VPCGatewayAttachment" -> "vpc_gateway_attachment".
std::string snake_case(const std::string& name);

/// Hands out variable names, each unique, none a keyword or a name the stack.cpp already uses.
class variable_names {
public:
    /// Reserves a name (a namespace alias, `s`, ...).
    void reserve(const std::string& name) { taken_.insert(name); }
    /// A fresh variable for `logical_id`: its snake_case, with `_2`, `_3` ... when taken.
    std::string make(const std::string& logical_id);

private:
    std::set<std::string> taken_{"s", "argc", "argv", "main", "cfn", "std"};
};

}  // namespace cfn2cpp
