// A stack whose guard-rail findings are suppressed on a resource, on a scope and on the whole
// stack: its template, with the Metadata the suppressions write for cfn_nag, checkov and cdk-nag,
// must pass cfn-lint (lint_test_stacks), and the program must report no finding (cli test).
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/s3/bucket.hpp>

namespace ec2 = cfn::aws::ec2;
namespace guard = cfn::guard;
namespace s3 = cfn::aws::s3;

int main(int argc, char** argv) {
    cfn::stack s{"Guard-rail suppressions written to Metadata"};
    // On one resource, beside the user's own Metadata.
    s.add(ec2::security_group{"Bastion", {
        .group_description = "operators' way in",
        .security_group_ingress = {{.cidr_ip = "0.0.0.0/0", .description = "SSH", .from_port = 22, .ip_protocol = "tcp", .to_port = 22}},
    }, {.metadata = cfn::json_value{{"Owner", "platform team"}},
        .suppress = {{guard::ec2_admin_ingress_world, "the bastion is how operators get in"}}}});

    // On a scope: everything added through it (here a public website's bucket).
    cfn::scope site{s, "Site", {
        {guard::s3_public_access_block, "a public website: the bucket is read by everyone"},
        {guard::s3_public_read_acl, "a public website: the bucket is read by everyone"},
        {guard::s3_access_logs, "a demonstration website, nobody reads its logs"},
    }};
    site.add(s3::bucket{"Content", {
        .access_control = s3::bucket::access_control::PublicRead,
        .website_configuration = {.index_document = "index.html"},
    }});

    // On the stack: written on the resources of the rules' types only (the bucket, not the group).
    s.suppress({
        {guard::s3_encryption, "S3 encrypts new objects with SSE-S3 by default"},
        {guard::s3_tls_only, "a website served over HTTP too, on purpose"},
    });
    return cfn::run(s, argc, argv);
}
