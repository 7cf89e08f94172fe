// cfnpp implementation: the guard rails on secrets (cfn/guard/builtin.hpp): passwords written in
// the template, and parameters that hold one without NoEcho.
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/guard/common.ipp>
#include <cfn/stack.hpp>

namespace cfn::guard::detail {

/// A property that holds a secret, by its name: MasterUserPassword, Password, AuthToken... but not
/// the ones that only name or configure one (PasswordPolicy, MasterUserPasswordSecretArn...).
CFN_INLINE bool secret_name(std::string_view key) {
    for (std::string_view not_secret : {"Policy", "Arn", "Id", "Length", "Reset", "Required", "Enabled", "Version",
                                        "Parameter", "Name", "Type", "Config", "Configuration", "Secret"})
        if (key.size() > not_secret.size() && key.substr(key.size() - not_secret.size()) == not_secret &&
            key.find("Password") != std::string_view::npos)
            return false;
    for (std::string_view name : {"Password", "AuthToken", "SecretAccessKey", "ClientSecret", "Passphrase"})
        if (key.size() >= name.size() && key.substr(key.size() - name.size()) == name) return true;
    return false;
}

/// Each secret-named member at any depth of `n`, with its path.
template <class F>
void for_each_secret(node n, const std::string& path, F&& f) {
    const node_data& d = cfn::detail::read(n);
    if (d.kind == node_kind::object) {
        for (std::size_t i = 0; i < d.keys.size(); ++i) {
            std::string at = path + "." + d.keys[i];
            if (secret_name(d.keys[i])) f(d.items[i], at, d.keys[i]);
            else for_each_secret(d.items[i], at, f);
        }
    } else if (d.kind == node_kind::list) {
        for (std::size_t i = 0; i < d.items.size(); ++i) for_each_secret(d.items[i], item_path(path, i), f);
    }
}

CFN_INLINE void secret_plaintext(const resource_view& r, report& found) {
    for_each_secret(member(r.body, "Properties"), "Properties", [&](node value, const std::string& path, const std::string& key) {
        std::string_view secret = text(value);
        if (secret.empty() || secret.substr(0, 10) == "{{resolve:") return;  // dynamic references are fine
        found(path, key + " is written in the template in plain text: take it from Secrets Manager "
                          "({{resolve:secretsmanager:...}}) or a NoEcho parameter");
    });
}

CFN_INLINE void secret_parameter_echo(const resource_view& r, report& found) {
    for_each_secret(member(r.body, "Properties"), "Properties", [&](node value, const std::string& path, const std::string& key) {
        std::string_view parameter = ref_target(value);
        if (parameter.empty()) return;
        for (const auto& p : r.owner->parameters()) {
            if (p.id != parameter) continue;
            if (!is_true(member(p.body, "NoEcho")))
                found(path, key + " comes from parameter '" + std::string(parameter) +
                                "', which is not NoEcho: its value shows in the console and API");
            else if (member(p.body, "Default").present())
                found(path, key + " comes from parameter '" + std::string(parameter) +
                                "', whose Default is written in the template: remove the Default");
        }
    });
}

}  // namespace cfn::guard::detail
