// cfn2cpp: C++ variable names for logical IDs.
#pragma once

#include <regex>
#include <set>
#include <string>

namespace cfn2cpp {

/// snake_case as the generator spells CloudFormation names (generators/cfngen/naming.py), by the
/// rules the generator writes into the catalog: "PublicSubnet1" -> "public_subnet1",
/// "VPCGatewayAttachment" -> "vpc_gateway_attachment", "FSxFileSystem" -> "fsx_file_system".
class naming {
public:
    /// `token`: the regex of one word; `reserved`: C++ keywords and macros a name must not be.
    naming(const std::string& token, std::set<std::string> reserved);
    /// The words of `name`, lowercase, joined by '_'; "r_..." when that would start with a digit.
    std::string snake_case(const std::string& name) const;
    bool is_reserved(const std::string& identifier) const { return reserved_.count(identifier) != 0; }

private:
    std::regex token_;
    std::set<std::string> reserved_;
};

/// Hands out variable names, each unique, none reserved or a name the stack.cpp already uses.
class variable_names {
public:
    explicit variable_names(const naming& rules) : rules_(rules) {}
    /// Reserves a name (a namespace alias, `s`, ...).
    void reserve(const std::string& name) { taken_.insert(name); }
    /// A fresh variable for `logical_id`: its snake_case, with `_2`, `_3` ... when taken.
    std::string make(const std::string& logical_id);

private:
    const naming& rules_;
    std::set<std::string> taken_{"s", "argc", "argv", "main", "cfn", "std"};
};

}  // namespace cfn2cpp
