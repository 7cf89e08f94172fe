// The main of the generated all-services programs (tests/services/*.cpp, generators/README.md).
//
// Their placeholder values ("example", 1) break many of the provider schemas' patterns, lengths,
// bounds and conditional requirements on purpose, so a program writes its template whatever
// cfn::check finds about values, and prints those findings, one per line, to FILE.cfnpp: the
// cross-check with cfn-lint (tests/tools/crosscheck-values) compares them with cfn-lint's. Any
// other finding (a reference, an identifier, a limit) fails the program as it fails cfn::run.
// The guard rails are not run: placeholders are not a design to judge (the rules have their own
// tests, tests/unit/test_guard.cpp).
//
//     service_ec2 -o FILE
#pragma once

#include <cstdio>   // std::fprintf
#include <fstream>  // std::ofstream
#include <string>   // std::string

#include <cfn/cfn.hpp>

namespace service_test {

/// A finding of the value-constraint pass: its message starts with the CloudFormation name of
/// the property or struct it judges ("AWS::EC2::VPC.CidrBlock: ...", "Alexa::ASK::Skill: ...").
inline bool is_value_finding(const cfn::diagnostic& d) {
    const std::string& m = d.message;
    std::size_t colon = m.find(": ");
    return colon != std::string::npos && m.find("::") < colon && m.find(' ') > colon;
}

inline int main(const cfn::stack& s, int argc, char** argv) {
    if (argc != 3 || std::string(argv[1]) != "-o") {
        std::fprintf(stderr, "usage: %s -o FILE\n", argv[0]);
        return 2;
    }
    std::string path = argv[2];
    std::ofstream findings(path + ".cfnpp");
    int status = 0;
    for (const cfn::diagnostic& d : cfn::check(s, cfn::format::json, cfn::guard::selection::none)) {
        if (d.severity == cfn::diagnostic::level::error && is_value_finding(d)) {
            findings << d.to_string() << '\n';
        } else if (d.severity == cfn::diagnostic::level::error) {
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
            status = 1;
        }
    }
    if (status != 0) return status;
    std::ofstream(path) << cfn::emit(s, cfn::format::json);
    return 0;
}

}  // namespace service_test
