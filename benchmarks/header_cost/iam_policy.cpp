// Header cost: the core and the typed IAM policy document, with AWS's catalog of actions (the
// hashes its literals are looked up in at compile time, cfn/iam/catalog.hpp) and one lookup.
#include <cfn/cfn.hpp>
#include <cfn/iam/policy.hpp>
cfn::iam::action read_objects() { return "s3:GetObject"; }
int main() {}
