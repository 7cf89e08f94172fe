// cfn2cpp: what the generated headers declare (tools/cfn2cpp/catalog.json, written by
// generators/regenerate), and the CloudFormation value types cfn2cpp reasons with.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "input.hpp"
#include "names.hpp"

namespace cfn2cpp {

struct resource_type;

/// A CloudFormation value type as the core's tags spell it (cfn/types.hpp), parsed from the
/// catalog's notation: str, integer, number, boolean, json, tag, id<T.A,...>, enum<e>,
/// struct<Name>, list<T>, map<T>. Enumerations and structs belong to a resource type (`owner`).
struct value_type {
    enum class kind { str, integer, number, boolean, json, tag, id, enumeration, structure, list, map, condition, no_value };
    kind k = kind::json;
    std::vector<std::string> tokens;           ///< id<...>: the accepted "Type.Attribute" tokens
    std::string name;                          ///< enum<...> / struct<...>
    const resource_type* owner = nullptr;      ///< where `name` is declared
    std::shared_ptr<const value_type> element;  ///< list<...> / map<...>

    static value_type of(kind k) {
        value_type t;
        t.k = k;
        return t;
    }
    static value_type list_of(value_type element);
    bool operator==(const value_type& other) const;
    bool is(kind which) const { return k == which; }
};

/// One property of a resource or property type.
struct property {
    std::string cfn_name;  ///< "VpcId"
    std::string member;    ///< "vpc_id"
    value_type type;
    bool required = false;
};

/// A property type (nested struct) of a resource type.
struct struct_type {
    std::string member_type;  ///< "ebs": the struct's name inside its resource struct
    std::vector<property> properties;
    const property* find(const std::string& cfn_name) const;
};

/// A resource type: its struct, header, what Ref returns, its attributes, property types, enums.
struct resource_type {
    std::string cfn_type;  ///< "AWS::EC2::Subnet"
    std::string cpp;       ///< "cfn::aws::ec2::subnet"
    std::string header;    ///< "cfn/aws/ec2/subnet.hpp"
    value_type ref;
    std::map<std::string, std::pair<std::string, value_type>> attributes;  ///< name -> (attr_x, type)
    struct_type properties;
    std::map<std::string, struct_type> types;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> enums;  ///< (value, enumerator)
};

/// The whole catalog, loaded once.
class catalog {
public:
    /// Reads the catalog file; a missing or malformed file is an input_error naming it.
    explicit catalog(const std::string& path);
    /// The resource type, or nullptr when the pinned spec does not have it.
    const resource_type* find(const std::string& cfn_type) const;
    /// The CreationPolicy and UpdatePolicy attributes (cfn/policies.hpp), in the same form: the
    /// generator writes both from generators/policies.json.
    const resource_type& policies() const { return policies_; }
    const std::string& spec() const { return spec_; }
    /// How the generator spells CloudFormation names in C++, which cfn2cpp's variables follow.
    const cfn2cpp::naming& naming() const { return *naming_; }

private:
    std::string spec_;
    std::unique_ptr<cfn2cpp::naming> naming_;
    nlohmann::json resources_;  ///< unordered (fast to read); only the types a template uses become resource_type
    mutable std::map<std::string, std::unique_ptr<resource_type>> loaded_;
    resource_type policies_;
};

/// Parses the catalog notation of a type (exposed for tests).
value_type parse_type(const std::string& text, const resource_type* owner);

}  // namespace cfn2cpp
