// The diff engine (cfn/diff.hpp) on pairs of templates: each impact, propagation of replacements,
// stateful flags, the security tables, the other sections and both output formats.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/route_table.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/subnet_route_table_association.hpp>
#include <cfn/aws/iam/role.hpp>
#include <cfn/aws/s3/bucket.hpp>
#include <cfn/diff.hpp>

namespace {

namespace ec2 = cfn::aws::ec2;

const std::vector<const cfn::resource_info*> types = {
    ec2::instance::cfn_resource(), ec2::subnet::cfn_resource(), ec2::subnet_route_table_association::cfn_resource(),
    ec2::security_group::cfn_resource(), cfn::aws::iam::role::cfn_resource(), cfn::aws::s3::bucket::cfn_resource(),
    ec2::route_table::cfn_resource()};

using nlohmann::json;

/// A template whose Resources are `resources`.
std::string with(json resources, json extra = json::object()) {
    json t = {{"AWSTemplateFormatVersion", "2010-09-09"}, {"Resources", std::move(resources)}};
    t.update(extra);
    return t.dump();
}

json subnet(const char* cidr) {
    return {{"Type", "AWS::EC2::Subnet"}, {"Properties", {{"VpcId", "vpc-1"}, {"CidrBlock", cidr}}}};
}

json instance(json subnet_id, const char* type = "t2.micro", const char* image = "ami-1") {
    return {{"Type", "AWS::EC2::Instance"},
            {"Properties", {{"ImageId", image}, {"InstanceType", type}, {"SubnetId", std::move(subnet_id)}}}};
}

const cfn::resource_change& change_of(const cfn::template_diff& d, const std::string& id) {
    for (const cfn::resource_change& r : d.resources)
        if (r.logical_id == id) return r;
    FAIL("no change for " << id);
    throw std::logic_error("unreachable");
}

bool has(const cfn::template_diff& d, const std::string& id) {
    for (const cfn::resource_change& r : d.resources)
        if (r.logical_id == id) return true;
    return false;
}

}  // namespace

TEST_CASE("diff: identical templates have no changes") {
    std::string t = with({{"Net", subnet("10.0.0.0/24")}});
    auto d = cfn::diff_templates(t, t, types);
    CHECK(d.empty());
    CHECK(cfn::format_diff(d, false) == "No changes.\n");
}

TEST_CASE("diff: each impact from the spec") {
    std::string old_t = with({{"Net", subnet("10.0.0.0/24")},
                              {"A", instance("subnet-1")},
                              {"B", instance("subnet-1")},
                              {"C", instance("subnet-1")},
                              {"Gone", instance("subnet-1")},
                              {"Kept", {{"Type", "AWS::SQS::Queue"}, {"DeletionPolicy", "Retain"}}}});
    json b = instance("subnet-1");
    b["Properties"]["Tags"] = json::array({{{"Key", "k"}, {"Value", "v"}}});
    std::string new_t = with({{"Net", subnet("10.0.0.0/24")},
                              {"A", instance("subnet-1", "t3.micro")},   // InstanceType: maybe
                              {"B", b},                                  // Tags: no
                              {"C", instance("subnet-1", "t2.micro", "ami-2")},  // ImageId: yes
                              {"New", instance("subnet-1")}});
    auto d = cfn::diff_templates(old_t, new_t, types);
    CHECK(change_of(d, "A").impact == cfn::impact::may_replace);
    REQUIRE(change_of(d, "A").properties.size() == 1);
    CHECK(change_of(d, "A").properties[0].path == "InstanceType");
    CHECK(change_of(d, "A").properties[0].old_value == "t2.micro");
    CHECK(change_of(d, "A").properties[0].new_value == "t3.micro");
    CHECK(change_of(d, "B").impact == cfn::impact::update);
    CHECK(change_of(d, "C").impact == cfn::impact::replace);
    CHECK(change_of(d, "New").change == cfn::change_kind::add);
    CHECK(change_of(d, "New").impact == cfn::impact::create);
    CHECK(change_of(d, "Gone").change == cfn::change_kind::remove);
    CHECK(change_of(d, "Gone").impact == cfn::impact::destroy);
    // A type the program does not use: removed without property details, orphaned by Retain.
    CHECK(change_of(d, "Kept").impact == cfn::impact::orphan);
    CHECK(change_of(d, "Kept").type == "AWS::SQS::Queue");
    CHECK_FALSE(has(d, "Net"));
}

TEST_CASE("diff: a changed Type is a replacement") {
    auto d = cfn::diff_templates(with({{"X", {{"Type", "AWS::SQS::Queue"}}}}),
                                 with({{"X", {{"Type", "AWS::S3::Bucket"}}}}), types);
    CHECK(change_of(d, "X").impact == cfn::impact::replace);
    CHECK(change_of(d, "X").old_type == "AWS::SQS::Queue");
    CHECK(change_of(d, "X").stateful);
}

TEST_CASE("diff: replacement propagates through Ref, GetAtt and Sub") {
    json assoc = {{"Type", "AWS::EC2::SubnetRouteTableAssociation"},
                  {"Properties", {{"RouteTableId", "rtb-1"}, {"SubnetId", {{"Fn::GetAtt", {"Net", "SubnetId"}}}}}}};
    json tagged = instance("subnet-9");
    tagged["Properties"]["Tags"] = json::array({{{"Key", "subnet"}, {"Value", {{"Fn::Sub", "in ${Net.SubnetId}"}}}}});
    auto make = [&](const char* cidr) {
        return with({{"Net", subnet(cidr)},
                     {"ByRef", instance({{"Ref", "Net"}})},
                     {"BySub", instance({{"Fn::Sub", "${Net}"}})},
                     {"ByGetAtt", assoc},
                     {"TagOnly", tagged},
                     {"Second", instance({{"Ref", "ByRef"}})},  // SubnetId from an instance: a chain
                     {"Unrelated", instance("subnet-2")}});
    };
    auto d = cfn::diff_templates(make("10.0.0.0/24"), make("10.0.9.0/24"), types);
    CHECK(change_of(d, "Net").impact == cfn::impact::replace);
    CHECK(change_of(d, "ByRef").impact == cfn::impact::replace);
    CHECK(change_of(d, "ByRef").properties[0].path == "SubnetId");
    CHECK(change_of(d, "ByRef").properties[0].because == "Net is replaced");
    CHECK(change_of(d, "BySub").impact == cfn::impact::replace);
    CHECK(change_of(d, "ByGetAtt").impact == cfn::impact::replace);
    CHECK(change_of(d, "Second").impact == cfn::impact::replace);
    CHECK(change_of(d, "Second").properties[0].because == "ByRef is replaced");
    // Tags do not replace an instance: the reference makes it an update.
    CHECK(change_of(d, "TagOnly").impact == cfn::impact::update);
    CHECK_FALSE(has(d, "Unrelated"));
}

TEST_CASE("diff: a may-replace propagates as may-replace") {
    auto make = [](const char* type) {
        return with({{"A", instance("subnet-1", type)}, {"B", instance({{"Ref", "A"}})}});
    };
    auto d = cfn::diff_templates(make("t2.micro"), make("t3.micro"), types);
    CHECK(change_of(d, "B").impact == cfn::impact::may_replace);
    CHECK(change_of(d, "B").properties[0].because == "A may be replaced");
}

TEST_CASE("diff: stateful resources are flagged when replaced or destroyed") {
    json bucket = {{"Type", "AWS::S3::Bucket"}, {"Properties", {{"BucketName", "data-1"}}}};
    json renamed = {{"Type", "AWS::S3::Bucket"}, {"Properties", {{"BucketName", "data-2"}}}};
    auto d = cfn::diff_templates(with({{"Data", bucket}, {"Old", bucket}}), with({{"Data", renamed}}), types);
    CHECK(change_of(d, "Data").impact == cfn::impact::replace);
    CHECK(change_of(d, "Data").stateful);
    CHECK(change_of(d, "Old").impact == cfn::impact::destroy);
    CHECK(change_of(d, "Old").stateful);
    std::string text = cfn::format_diff(d, false);
    CHECK(text.find("!! STATEFUL: replacing it deletes its data") != std::string::npos);
    CHECK(text.find("!! STATEFUL: its data is deleted") != std::string::npos);
    // An instance is not stateful in the spec.
    auto e = cfn::diff_templates(with({{"I", instance("s")}}), with({{"I", instance("s", "t2.micro", "ami-9")}}), types);
    CHECK_FALSE(change_of(e, "I").stateful);
}

TEST_CASE("diff: IAM statements added and removed") {
    auto role = [](json statements) {
        return json{{"Type", "AWS::IAM::Role"},
                    {"Properties",
                     {{"AssumeRolePolicyDocument",
                       {{"Statement", {{{"Effect", "Allow"}, {"Principal", {{"Service", "ec2.amazonaws.com"}}},
                                        {"Action", "sts:AssumeRole"}}}}}},
                      {"Policies", {{{"PolicyName", "p"}, {"PolicyDocument", {{"Statement", std::move(statements)}}}}}}}}};
    };
    json describe = {{"Effect", "Allow"}, {"Action", {"ec2:Describe*"}}, {"Resource", "*"}};
    json s3 = {{"Effect", "Allow"}, {"Action", "s3:GetObject"}, {"Resource", "arn:aws:s3:::b/*"}};
    auto d = cfn::diff_templates(with({{"Role", role({describe})}}), with({{"Role", role({s3})}}), types);
    REQUIRE(d.iam.size() == 2);
    CHECK(d.iam[0].added);
    CHECK(d.iam[0].resource == "Role");
    CHECK(d.iam[0].effect == "Allow");
    CHECK(d.iam[0].actions == "s3:GetObject");
    CHECK(d.iam[0].resources == "arn:aws:s3:::b/*");
    CHECK(d.iam[0].principal == "Ref Role");
    CHECK_FALSE(d.iam[1].added);
    CHECK(d.iam[1].actions == "ec2:Describe*");
    // The trust policy did not change: not listed. A new role lists it with its principal.
    auto n = cfn::diff_templates("", with({{"Role", role({s3})}}), types);
    bool trust = false;
    for (const auto& c : n.iam) trust = trust || (c.actions == "sts:AssumeRole" && c.principal == "Service:ec2.amazonaws.com");
    CHECK(trust);
}

TEST_CASE("diff: security group rules added and removed") {
    auto group = [](json ingress) {
        return json{{"Type", "AWS::EC2::SecurityGroup"},
                    {"Properties", {{"GroupDescription", "swarm"}, {"SecurityGroupIngress", std::move(ingress)}}}};
    };
    json ssh = {{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"CidrIp", "0.0.0.0/0"}};
    json swarm = {{"IpProtocol", "tcp"}, {"FromPort", 2377}, {"ToPort", 2377}, {"SourceSecurityGroupId", {{"Ref", "Sg"}}}};
    auto d = cfn::diff_templates(with({{"Sg", group({ssh})}}), with({{"Sg", group({ssh, swarm})}}), types);
    REQUIRE(d.security_groups.size() == 1);
    const cfn::rule_change& r = d.security_groups[0];
    CHECK(r.added);
    CHECK(r.group == "Ref Sg");
    CHECK(r.direction == "ingress");
    CHECK(r.protocol == "tcp");
    CHECK(r.ports == "2377");
    CHECK(r.peer == "Ref Sg");
    CHECK(change_of(d, "Sg").impact == cfn::impact::update);
    auto removed = cfn::diff_templates(with({{"Sg", group({ssh, swarm})}}), with({{"Sg", group({swarm})}}), types);
    REQUIRE(removed.security_groups.size() == 1);
    CHECK_FALSE(removed.security_groups[0].added);
    CHECK(removed.security_groups[0].peer == "0.0.0.0/0");
}

TEST_CASE("diff: parameters, mappings, conditions and outputs") {
    json r = {{"Net", subnet("10.0.0.0/24")}};
    std::string old_t = with(r, json::parse(R"({"Parameters": {"Key": {"Type": "String"}, "Gone": {"Type": "String"}},
                                              "Outputs": {"Id": {"Value": {"Ref": "Net"}}}})"));
    std::string new_t = with(r, json::parse(R"({"Parameters": {"Key": {"Type": "String", "Default": "k"}},
                                              "Mappings": {"M": {"a": {"b": "c"}}},
                                              "Conditions": {"C": {"Fn::Equals": ["a", "b"]}},
                                              "Outputs": {"Id": {"Value": {"Ref": "Net"}}}})"));
    auto d = cfn::diff_templates(old_t, new_t, types);
    CHECK(d.resources.empty());
    std::vector<std::string> seen;
    for (const auto& s : d.sections) seen.push_back(s.section + " " + s.name + " " + std::string(cfn::to_string(s.change)));
    CHECK(seen == std::vector<std::string>{"Parameters Gone remove", "Parameters Key modify", "Mappings M add",
                                           "Conditions C add"});
}

TEST_CASE("diff: JSON and colour") {
    auto d = cfn::diff_templates(with({{"Net", subnet("10.0.0.0/24")}}), with({{"Net", subnet("10.0.1.0/24")}}), types);
    json doc = json::parse(cfn::diff_to_json(d));
    REQUIRE(doc["resources"].size() == 1);
    CHECK(doc["resources"][0]["logical_id"] == "Net");
    CHECK(doc["resources"][0]["change"] == "modify");
    CHECK(doc["resources"][0]["impact"] == "replace");
    CHECK(doc["resources"][0]["properties"][0]["path"] == "CidrBlock");
    CHECK(cfn::format_diff(d, false).find('\x1b') == std::string::npos);
    CHECK(cfn::format_diff(d, true).find("\x1b[") != std::string::npos);
}

TEST_CASE("diff: an old template that is not JSON is an error naming it") {
    try {
        cfn::diff_templates("Resources:\n  X: {Type: AWS::SQS::Queue}\n", with(json::object()), types);
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("the deployed (old) template is not JSON (YAML templates are not read") == 0);
    }
}
