// cfn::check's catalog of IAM actions in a header-only program (impl/iam_catalog.ipp): this
// translation unit includes <cfn/cfn.hpp> only, which leaves the 511 KB of names out. Built with
// CFNPP_WITH_NAMES, the program also compiles header_only_catalog_names.cpp (which includes
// <cfn/iam/action_names.hpp>): the misspelled action of a plain Json policy is then reported, as
// with the compiled runtime. Built without it, the catalog is not in the program: the action's
// shape is still judged, its name is not (and nothing dereferences the missing catalog).
// Exit status 0 when cfn::check reports what the build promises.
#include <cstdio>
#include <string>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/iam/role.hpp>

int main() {
    cfn::stack s;
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = cfn::json_value{
        {"Version", "2012-10-17"},
        {"Statement", cfn::json_value::array({cfn::json_value{
            {"Effect", "Allow"}, {"Principal", cfn::json_value{{"Service", "ec2.amazonaws.com"}}},
            {"Action", cfn::json_value::array({"sts:AssumeRole", "s3:GetObjekt", "nocolon"})}}})}}}});
    std::vector<std::string> found;
    for (const cfn::diagnostic& d : cfn::check(s, cfn::format::json, cfn::guard::selection::none))
        found.push_back(d.path + ": " + d.message);
    const std::string at = "Resources.Role.Properties.AssumeRolePolicyDocument.Statement[0].Action";
    std::vector<std::string> expected;
#ifdef CFNPP_WITH_NAMES
    expected.push_back(at + "[1]: 's3:GetObjekt' is not an action of 's3' in AWS's catalog of IAM actions");
#endif
    expected.push_back(at + "[2]: 'nocolon' is not an IAM action: expected '*' or 'service:Action'");
    if (found == expected) return 0;
    for (const std::string& f : found) std::fprintf(stderr, "found:    %s\n", f.c_str());
    for (const std::string& e : expected) std::fprintf(stderr, "expected: %s\n", e.c_str());
    return 1;
}
