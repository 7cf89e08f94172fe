// A stack whose guard-rail findings are suppressed on a resource, on a scope and on the whole
// stack: its template, with the Metadata the suppressions write for cfn_nag, checkov and cdk-nag,
// must pass cfn-lint (lint_test_stacks), and the program must report no finding (cli test).
// With --unsuppressed it builds the same stack without the suppressions (warnings only), and with
// --public-uploads it adds a bucket anyone may write to (an error): the command line's --rules and
// --strict are tested on those (tests/cli/test_rules_cli.py).
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/s3/bucket.hpp>

#include <string_view>

namespace ec2 = cfn::aws::ec2;
namespace guard = cfn::guard;
namespace s3 = cfn::aws::s3;

int main(int argc, char** argv) {
    // The program's own options, taken out of argv before cfn::run.
    bool suppressed = true, public_uploads = false;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--unsuppressed") suppressed = false;
        else if (arg == "--public-uploads") public_uploads = true;
        else argv[kept++] = argv[i];
    }
    argc = kept;
    auto when = [&](cfn::guard::suppressions list) { return suppressed ? list : cfn::guard::suppressions{}; };
    cfn::stack s{"Guard-rail suppressions written to Metadata"};
    // On one resource, beside the user's own Metadata.
    s.add(ec2::security_group{"Bastion", {
        .group_description = "the way in for operators",
        .security_group_ingress = {{.cidr_ip = "0.0.0.0/0", .description = "SSH", .from_port = 22, .ip_protocol = "tcp", .to_port = 22}},
    }, {.metadata = cfn::json_value{{"Owner", "platform team"}},
        .suppress = when({{guard::ec2_admin_ingress_world, "the bastion is how operators get in"}})}});

    // On a scope: everything added through it (here a public website's bucket).
    cfn::scope site{s, "Site", when({
        {guard::s3_public_access_block, "a public website: the bucket is read by everyone"},
        {guard::s3_public_read_acl, "a public website: the bucket is read by everyone"},
        {guard::s3_access_logs, "a demonstration website, nobody reads its logs"},
    })};
    site.add(s3::bucket{"Content", {
        .access_control = s3::bucket::access_control::PublicRead,
        .ownership_controls = {.rules = {{.object_ownership = s3::bucket::ownership_controls_rule_object_ownership::ObjectWriter}}},
        .website_configuration = {.index_document = "index.html"},
    }});

    // On the stack: written on the resources of the rules' types only (the bucket, not the group).
    s.suppress(when({
        {guard::s3_encryption, "S3 encrypts new objects with SSE-S3 by default"},
        {guard::s3_tls_only, "a website served over HTTP too, on purpose"},
    }));
    if (public_uploads) site.add(s3::bucket{"Uploads", {
        .access_control = s3::bucket::access_control::PublicReadWrite,
        .ownership_controls = {.rules = {{.object_ownership = s3::bucket::ownership_controls_rule_object_ownership::ObjectWriter}}}}});
    return cfn::run(s, argc, argv, "  --unsuppressed      the same stack without its suppressions\n"
                               "  --public-uploads    add a bucket anyone may write to\n");
}
