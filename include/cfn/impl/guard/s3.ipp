// cfnpp implementation: the S3 guard rails (cfn/guard/builtin.hpp).
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/emit.ipp>  // write_json: comparing two values
#include <cfn/impl/guard/common.ipp>
#include <cfn/stack.hpp>

namespace cfn::guard::detail {

CFN_INLINE void s3_encryption(const resource_view& r, report& found) {
    if (r.type == "AWS::S3::Bucket" && !r.property("BucketEncryption").present())
        found("Properties.BucketEncryption", "the bucket does not say how it is encrypted: set .bucket_encryption (SSE-S3 or SSE-KMS)");
}

CFN_INLINE void s3_public_access_block(const resource_view& r, report& found) {
    if (r.type != "AWS::S3::Bucket") return;
    node block = r.property("PublicAccessBlockConfiguration");
    if (!block.present()) {
        found("Properties.PublicAccessBlockConfiguration", "the bucket does not block public access: set .public_access_block_configuration, all four true");
        return;
    }
    for (const char* key : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
        if (!member(block, key).present() || is_false(member(block, key)))
            found("Properties.PublicAccessBlockConfiguration." + std::string(key),
                  std::string(key) + " is not true: the bucket can be made public");
}

/// Is this policy's Bucket the bucket `r`: a Ref to it, or the same value as its BucketName (AWS's
/// samples often name the bucket with Fn::Sub and write the same Fn::Sub in the policy)?
CFN_INLINE bool policy_of(const resource_view& r, node bucket) {
    if (ref_target(bucket) == r.logical_id) return true;
    node name = r.property("BucketName");
    return name.present() && bucket.present() && write_json(name) == write_json(bucket);
}

/// Does a bucket policy of this stack, for the bucket `r`, deny requests without TLS?
CFN_INLINE bool tls_only(const resource_view& r) {
    for (const auto& e : r.owner->resources()) {
        if (text(member(e.body, "Type")) != "AWS::S3::BucketPolicy") continue;
        node properties = member(e.body, "Properties");
        if (!policy_of(r, member(properties, "Bucket"))) continue;
        for (const statement& s : statements(member(properties, "PolicyDocument"), "")) {
            if (text(member(s.body, "Effect")) != "Deny") continue;
            node secure = member(member(member(s.body, "Condition"), "Bool"), "aws:SecureTransport");
            if (is_false(secure)) return true;
        }
    }
    return false;
}

CFN_INLINE void s3_tls_only(const resource_view& r, report& found) {
    if (r.type == "AWS::S3::Bucket" && !tls_only(r))
        found("", "no bucket policy of the stack denies requests without TLS: add an S3::BucketPolicy with a Deny "
                  "on aws:SecureTransport false");
}

CFN_INLINE void s3_public_read_acl(const resource_view& r, report& found) {
    std::string_view acl = text(r.property("AccessControl"));
    if (r.type == "AWS::S3::Bucket" && (acl == "PublicRead" || acl == "AuthenticatedRead"))
        found("Properties.AccessControl", "the canned ACL " + std::string(acl) +
                                              " lets anyone read the bucket's objects: serve them through CloudFront");
}

CFN_INLINE void s3_public_write_acl(const resource_view& r, report& found) {
    if (r.type == "AWS::S3::Bucket" && text(r.property("AccessControl")) == "PublicReadWrite")
        found("Properties.AccessControl", "the canned ACL PublicReadWrite lets anyone write to the bucket");
}

CFN_INLINE void s3_access_logs(const resource_view& r, report& found) {
    if (r.type == "AWS::S3::Bucket" && !r.property("LoggingConfiguration").present())
        found("Properties.LoggingConfiguration", "the bucket does not log its access: set .logging_configuration to a log bucket");
}

}  // namespace cfn::guard::detail
