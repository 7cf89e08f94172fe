// A string literal that does not match the property's pattern: an upper-case S3 bucket name.
// class: 13
// fix: a literal the pattern matches; g++ names the pattern (`bucket::bucket_name_pattern`, its text in the resource header), clang shows it (`in call to 'literal_does_not_match(&"^([a-z0-9]...$"[0])'`). Patterns beyond the compile-time subset (lookahead, backreferences, `\b`) are checked by `cfn::check` before the template is written.
// expect: literal_does_not_match_the_property_pattern
// expect-gcc: AWS::S3::Bucket\.BucketName.*bucket_name_pattern
// expect-clang: \^\(\[a-z0-9\]\[a-z0-9\.-\]\*\[a-z0-9\]\)\?\$
#include <cfn/cfn.hpp>
#include <cfn/aws/s3/bucket.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::s3::bucket{"Logs", {.bucket_name = "Swarm-Logs"}});  // <- error
#else
    s.add(cfn::aws::s3::bucket{"Logs", {.bucket_name = "swarm-logs"}});
#endif
}
