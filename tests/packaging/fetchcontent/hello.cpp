// A small stack built with cfnpp from FetchContent: a bucket, and a script embedded at build time
// whose ${...} placeholders cfn::sub checks when this file compiles.
#include <cfn/cfn.hpp>
#include <cfn/aws/s3/bucket.hpp>

#include "hello_embedded.hpp"  // embedded::greeting

int main(int argc, char** argv) {
    cfn::stack s{"cfnpp through FetchContent"};
    auto bucket = s.add(cfn::aws::s3::bucket{"Bucket", {}});
    s.output("Greeting", cfn::sub(embedded::greeting, {{"BucketName", bucket.ref()}}));
    return cfn::run(s, argc, argv);
}
