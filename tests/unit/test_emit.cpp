// The JSON and YAML writers: exact text for small cases, quoting, determinism.
#include <catch2/catch.hpp>

#include <string>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;

namespace {
cfn::stack small_stack() {
    cfn::stack s{"Small"};
    auto vpc = s.add(cfn::parameter<cfn::aws_ec2_vpc_id>{"Vpc"});
    auto subnet = s.add(ec2::subnet{"Subnet", {.availability_zone = cfn::select(0, cfn::get_azs()),
                                               .cidr_block = "10.0.0.0/24",
                                               .tags = {{.key = "Name", .value = cfn::sub("${AWS::StackName}-a")}},
                                               .vpc_id = vpc.ref()}});
    s.output("SubnetVpc", subnet.attr_vpc_id());
    return s;
}

std::string yaml_of(std::string_view text) { return cfn::write_yaml(cfn::detail::node_of(cfn::value<cfn::str>(text))); }
}  // namespace

TEST_CASE("JSON: two-space indentation, keys in order, final newline") {
    CHECK(cfn::emit(small_stack(), cfn::format::json) == R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "Small",
  "Parameters": {
    "Vpc": {
      "Type": "AWS::EC2::VPC::Id"
    }
  },
  "Resources": {
    "Subnet": {
      "Type": "AWS::EC2::Subnet",
      "Properties": {
        "AvailabilityZone": {
          "Fn::Select": [
            0,
            {
              "Fn::GetAZs": ""
            }
          ]
        },
        "CidrBlock": "10.0.0.0/24",
        "Tags": [
          {
            "Key": "Name",
            "Value": {
              "Fn::Sub": "${AWS::StackName}-a"
            }
          }
        ],
        "VpcId": {
          "Ref": "Vpc"
        }
      }
    }
  },
  "Outputs": {
    "SubnetVpc": {
      "Value": {
        "Fn::GetAtt": [
          "Subnet",
          "VpcId"
        ]
      }
    }
  }
}
)");
}

TEST_CASE("YAML: block style with short-form tags") {
    CHECK(cfn::emit(small_stack(), cfn::format::yaml) == R"(AWSTemplateFormatVersion: '2010-09-09'
Description: Small
Parameters:
  Vpc:
    Type: AWS::EC2::VPC::Id
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      AvailabilityZone: !Select
        - 0
        - !GetAZs ''
      CidrBlock: '10.0.0.0/24'
      Tags:
        - Key: Name
          Value: !Sub '${AWS::StackName}-a'
      VpcId: !Ref Vpc
Outputs:
  SubnetVpc:
    Value: !GetAtt Subnet.VpcId
)");
}

TEST_CASE("YAML: strings a parser would misread are quoted") {
    CHECK(yaml_of("plain text") == "--- plain text\n");
    CHECK(yaml_of("yes") == "--- 'yes'\n");
    CHECK(yaml_of("No") == "--- 'No'\n");
    CHECK(yaml_of("null") == "--- 'null'\n");
    CHECK(yaml_of("22") == "--- '22'\n");
    CHECK(yaml_of("1.5") == "--- '1.5'\n");
    CHECK(yaml_of("2010-09-09") == "--- '2010-09-09'\n");
    CHECK(yaml_of("a: b") == "--- 'a: b'\n");
    CHECK(yaml_of("# not a comment") == "--- '# not a comment'\n");
    CHECK(yaml_of("*anchor") == "--- '*anchor'\n");
    CHECK(yaml_of("it's") == "--- 'it''s'\n");
    CHECK(yaml_of("") == "--- ''\n");
    CHECK(yaml_of("tab\there") == "--- \"tab\\there\"\n");
    CHECK(yaml_of("line 1\nline 2\n") == "--- |\n  line 1\n  line 2\n");
    CHECK(yaml_of("no final newline\nx") == "--- |-\n  no final newline\n  x\n");
    CHECK(yaml_of("  indented\n") == "--- |2\n    indented\n");
    CHECK(yaml_of("bell\x07") == "--- \"bell\\u0007\"\n");
}

TEST_CASE("YAML: a function whose argument is another function uses the long form inside") {
    cfn::node n = cfn::detail::node_of(cfn::base64(cfn::sub("echo ${AWS::Region}")));
    CHECK(cfn::write_yaml(n) == "--- !Base64\n  Fn::Sub: 'echo ${AWS::Region}'\n");
}

TEST_CASE("numbers keep their type in both formats") {
    cfn::node n = cfn::detail::node_of(cfn::json_value{{"i", 3}, {"d", 0.5}, {"big", 1e20}, {"neg", -2}});
    CHECK(cfn::write_json(n) == "{\n  \"i\": 3,\n  \"d\": 0.5,\n  \"big\": 1e+20,\n  \"neg\": -2\n}\n");
    CHECK(cfn::write_yaml(n) == "i: 3\nd: 0.5\nbig: 1.0e+20\nneg: -2\n");
}

TEST_CASE("output is deterministic") {
    CHECK(cfn::emit(small_stack(), cfn::format::json) == cfn::emit(small_stack(), cfn::format::json));
    CHECK(cfn::emit(small_stack(), cfn::format::yaml) == cfn::emit(small_stack(), cfn::format::yaml));
}

TEST_CASE("both writers refuse what is not strict UTF-8, and take every valid code point") {
    // Each used to be written raw into JSON; YAML wrote the overlong form raw, the surrogate as
    // "\uD800", the code point past U+10FFFF as "\u0000" and F7 BF BF BF as "\uFFFF".
    for (std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF7\xBF\xBF\xBF", "\xE0\x80\xAF",
                            "\x80", "a\xC3", "\xFF", "\xF0\x8F\xBF\xBF"}) {
        INFO(test::hex(bad));
        auto n = cfn::detail::node_of(cfn::value<cfn::str>("x" + bad));
        CHECK_THROWS_WITH(cfn::write_json(n), "a string is not valid UTF-8");
        CHECK_THROWS_WITH(cfn::write_yaml(n), "a string is not valid UTF-8");
    }
    // The edges of each length, the last code point, and the non-characters (valid, escaped in YAML).
    for (std::string good : {"\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                             "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
        INFO(test::hex(good));
        auto n = cfn::detail::node_of(cfn::value<cfn::str>(good));
        CHECK_NOTHROW(cfn::write_json(n));
        CHECK_NOTHROW(cfn::write_yaml(n));
    }
    CHECK(cfn::write_json(cfn::detail::node_of(cfn::value<cfn::str>("\xF4\x8F\xBF\xBF"))) == "\"\xF4\x8F\xBF\xBF\"\n");
    CHECK(yaml_of("\xEF\xBF\xBF") == "--- \"\\uFFFF\"\n");
}

TEST_CASE("YAML: a key longer than YAML's 1,024-character limit for implicit keys is written explicitly") {
    std::string key(1100, 'k');
    std::pair<std::string_view, cfn::node> member{key, cfn::detail::node_of(cfn::value<cfn::str>("v"))};
    cfn::node object = cfn::detail::make_object(&member, 1);
    CHECK(cfn::write_yaml(object) == "? '" + key + "'\n: v\n");
    std::pair<std::string_view, cfn::node> outer{"List", cfn::detail::make_list(&object, 1)};
    CHECK(cfn::write_yaml(cfn::detail::make_object(&outer, 1)) == "List:\n  - ? '" + key + "'\n    : v\n");
    std::string short_key(1000, 'k');  // written '...': 1,002 characters, an implicit key
    member.first = short_key;
    CHECK(cfn::write_yaml(cfn::detail::make_object(&member, 1)) == "'" + short_key + "': v\n");
}
