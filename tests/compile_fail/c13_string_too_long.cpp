// A name longer than the property allows: an S3 bucket name of 70 characters.
// class: 13
// fix: at most the schema's maxLength (63 for `BucketName`); the message's `cfn::string_rule{...}` shows the limits (min_length, max_length first).
// expect: literal_is_longer_than_the_property_allows
// expect-gcc: AWS::S3::Bucket\.BucketName
#include <cfn/cfn.hpp>
#include <cfn/aws/s3/bucket.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::s3::bucket{"Logs", {.bucket_name = "example-corp-application-logs-for-the-production-environment-eu-west-1"}});  // <- error
#else
    s.add(cfn::aws::s3::bucket{"Logs", {.bucket_name = "example-corp-app-logs-production-eu-west-1"}});
#endif
}
