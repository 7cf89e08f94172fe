// Values beyond ASCII against the schemas' patterns with Unicode property classes (\p{L}, \P{C},
// \p{Graph}; issue 15), for the cross-check with cfn-lint (crosscheck/unicode_test.py): letters,
// marks, digits and symbols of other scripts, emoji, spaces, controls, format and private-use
// characters, in a tag pattern, a "no control characters" pattern and a "graphic or space" one.
// Written as tests/services/*.cpp are: `unicode_values -o FILE` writes FILE and FILE.cfnpp.
#include <cfn/cfn.hpp>
#include <cfn/aws/codeartifact/package_group.hpp>
#include <cfn/aws/iot/security_profile.hpp>
#include <cfn/aws/resourcegroups/tag_sync_task.hpp>

#include "../tools/service_main.hpp"

#include <string>

int main(int argc, char** argv) {
    namespace rg = cfn::aws::resourcegroups;
    namespace ca = cfn::aws::codeartifact;
    namespace iot = cfn::aws::iot;
    cfn::stack s{"unicode"};
    int n = 0;
    for (std::string v : {"\u00e9quipe donn\u00e9es", "a#b", "a\tb", "\U0001F600", "\u65e5\u672c \u0663", "e\u0301",
                          "a\u00a0b", "x\u2028y", "caf\u00e9:prod/1", "\u00a9", "a\u200bb"}) {
        s.add(rg::tag_sync_task{"Task" + std::to_string(++n),
                                {.group = "my-group/abcdefghijklm0123456789abc",
                                 .role_arn = "arn:aws:iam::123456789012:role/tagger",
                                 .tag_key = std::string(v),
                                 .tag_value = std::string(v)}});
    }
    for (std::string v : {"multi\nline", "ok \u00fcn\u00efcode \U0001F600", "zero\u200bwidth", "private\ue000",
                          "tab\there", "\u0085next", "ctl\x01"}) {
        s.add(ca::package_group{"Group" + std::to_string(++n),
                                {.contact_info = std::string(v), .description = std::string(v),
                                 .domain_name = "my-domain", .pattern = "/npm/*"}});
        s.add(iot::security_profile{"Profile" + std::to_string(++n), {.security_profile_description = std::string(v)}});
    }
    s.add(iot::security_profile{"ProfileNbsp", {.security_profile_description = std::string("nbsp\u00a0x")}});
    s.add(iot::security_profile{"ProfileSpace", {.security_profile_description = std::string("a b\u3000c")}});
    return service_test::main(s, argc, argv);
}
