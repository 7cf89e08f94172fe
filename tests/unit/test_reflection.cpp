// The spec's update behaviour, carried into the generated tables: what `diff` reads to say
// whether a change replaces a resource, whether the resource holds data, and which properties
// its security tables look at.
#include <catch2/catch.hpp>

#include <string_view>

#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/iam/policy.hpp>
#include <cfn/aws/s3/bucket.hpp>

namespace {

const cfn::field_info& field(const cfn::struct_info& info, std::string_view name) {
    for (std::size_t i = 0; i < info.field_count; ++i)
        if (info.fields[i].name == name) return info.fields[i];
    FAIL("no field " << name << " in " << info.name);
    throw;
}

}  // namespace

TEST_CASE("field tables carry causesReplacement") {
    const auto& instance = *cfn::aws::ec2::instance::properties::cfn_struct();
    CHECK(field(instance, "ImageId").replacement == cfn::replacement::yes);
    CHECK(field(instance, "InstanceType").replacement == cfn::replacement::maybe);
    CHECK(field(instance, "Tags").replacement == cfn::replacement::no);
    // A nested struct field keeps its own column next to the nested table.
    const auto& cpu = field(instance, "CpuOptions");
    CHECK(cpu.kind == cfn::field_kind::nested);
    CHECK(cpu.replacement == cfn::replacement::yes);
    CHECK(cpu.nested() != nullptr);
}

TEST_CASE("resource descriptors carry isStateful and the scrutinizable marks") {
    CHECK(cfn::aws::s3::bucket::cfn_resource()->traits.stateful);
    CHECK_FALSE(cfn::aws::ec2::instance::cfn_resource()->traits.stateful);
    CHECK(cfn::aws::iam::policy::cfn_resource()->traits.scrutiny == cfn::scrutiny::identity_policy_resource);

    const auto& sg = cfn::aws::ec2::security_group::cfn_resource()->traits;
    CHECK(sg.scrutiny == cfn::scrutiny::none);
    REQUIRE(sg.scrutinized_count == 2);
    CHECK(sg.scrutinized[0].name == "SecurityGroupEgress");
    CHECK(sg.scrutinized[0].scrutiny == cfn::scrutiny::egress_rules);
    CHECK(sg.scrutinized[1].name == "SecurityGroupIngress");
    CHECK(sg.scrutinized[1].scrutiny == cfn::scrutiny::ingress_rules);
}
