// cfnpp implementation: the checker, the state the checks share, and the order they run in.
// Each pass is defined in its own file beside this one; impl/check.ipp includes them all.
#pragma once

#include <cstddef>        // std::size_t
#include <optional>       // std::optional
#include <set>            // std::set
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include <cfn/check.hpp>
#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/facts.hpp>
#include <cfn/impl/emit.ipp>  // emit: measuring the template when it was not written; number_text
#include <cfn/impl/node.ipp>
#include <cfn/impl/utf8.ipp>  // check_utf8: the encoding of every string
#include <cfn/stack.hpp>

namespace cfn::detail {

/// The limits CloudFormation sets (AWS CloudFormation quotas, 2025).
struct limits {
    static constexpr std::size_t resources = 500;
    static constexpr std::size_t parameters = 200;
    static constexpr std::size_t outputs = 200;
    static constexpr std::size_t mappings = 200;
    static constexpr std::size_t mapping_attributes = 200;
    static constexpr std::size_t direct_upload_bytes = 51200;
    static constexpr std::size_t body_bytes = 1024 * 1024;
};

enum class section_kind { parameter, mapping, condition, rule, resource, output };

namespace parameters {
struct mismatch;  // parameters.ipp: what a parameter accepts that a property refuses
}

class checker {
public:
    explicit checker(const stack& s) : s_(s) {
        for (const auto& e : s.parameters()) names_[std::string(e.id)] = section_kind::parameter;
        for (const auto& e : s.mappings()) names_[std::string(e.id)] = section_kind::mapping;
        for (const auto& e : s.conditions()) names_[std::string(e.id)] = section_kind::condition;
        for (const auto& e : s.resources()) names_[std::string(e.id)] = section_kind::resource;
        for (const auto& e : s.resources()) resources_[std::string(e.id)] = &e;
    }

    /// `written`: the template already written in format `f`, if the caller has it (cfn::run);
    /// otherwise the size limits are checked on a template written for the purpose.
    std::vector<diagnostic> run(format f, const std::string_view* written = nullptr,
                                guard::selection rules = guard::selection::all) {
        check_ids();
        check_limits();
        for (diagnostic& d : check_utf8(s_)) found_.push_back(std::move(d));  // utf8.ipp
        for (const auto& e : s_.parameters()) check_parameter(e);
        // The references each entry recorded when it was added (stack::entry::facts), entry by
        // entry in template order, so that the findings come in the order of the template.
        for (const auto& e : s_.mappings()) check_facts(e, section_kind::mapping);
        for (const auto& e : s_.conditions()) check_facts(e, section_kind::condition);
        for (const auto& e : s_.rules()) check_facts(e, section_kind::rule);
        for (const auto& e : s_.resources()) {
            check_raw_properties(e);
            check_facts(e, section_kind::resource);
        }
        for (const auto& e : s_.outputs()) check_facts(e, section_kind::output);
        check_constraints();
        check_parameter_uses();
        check_networks();
        check_iam();
        check_conditional_references();
        check_cycles();
        check_unused();
        check_rules(rules);
        if (!found_error()) check_size(written ? written->size() : emit(s_, f).size());
        return std::move(found_);
    }

private:
    void error(std::string path, std::string message) {
        found_.push_back({diagnostic::level::error, std::move(path), std::move(message)});
    }
    void warning(std::string path, std::string message) {
        found_.push_back({diagnostic::level::warning, std::move(path), std::move(message)});
    }

    // The passes, one concern and one file each (impl/check/<file>.ipp), called in order by run().
    // To add one (value constraints, security rules...): declare it here, define it in a new file
    // under impl/check/ that includes this one, include that file from impl/check.ipp, and call it
    // from run(). A pass reads the stack (s_), each entry's facts (cfn/facts.hpp: what it refers
    // to, with template paths) and what check_facts gathered from them (used_, edges_), and reports
    // with error()/warning() and the template path.
    void check_ids();     // identifiers.ipp
    void check_limits();  // limits.ipp
    void check_size(std::size_t size);

    static std::string scalar_text(const node_data& d) {
        switch (d.kind) {
            case node_kind::string: return d.text;
            case node_kind::integer: return std::to_string(d.integer);
            case node_kind::number: return number_text(d.number);
            case node_kind::boolean: return d.boolean ? "true" : "false";
            default: return {};
        }
    }

    void check_parameter(const stack::entry& e);       // values.ipp
    void check_raw_properties(const stack::entry& e);
    /// A name (Ref, DependsOn, Condition...) made by a handle of another stack.
    bool foreign(const stack_identity* origin) const { return origin && origin != s_.identity(); }

    // references.ipp: each entry's facts, to this stack and to something that exists; cycles.
    void check_facts(const stack::entry& e, section_kind section);
    void reference(const std::string& path, const fact& f, section_kind want, const char* what,
                   const stack::entry* from);
    void ref(const std::string& path, const fact& f, section_kind section, const stack::entry* from);
    void get_att(const std::string& path, const fact& f, const stack::entry* from);
    void depend(const stack::entry* from, std::string_view resource);
    void check_cycles();
    void sub_name(const std::string& path, const fact& f, const stack::entry* from);  // sub.ipp
    void check_unused();                 // unused.ipp
    void check_rules(guard::selection rules);  // rules.ipp: the guard rails (cfn/guard.hpp)
    void check_constraints();            // constraints.ipp: values against the provider schemas
    void check_networks();               // networks.ipp: CIDR blocks, private IPs, ports
    void check_iam();                    // iam.ipp: policy documents' actions and ARNs, against AWS's catalog
    // parameters.ipp: a parameter that accepts values the property it feeds refuses.
    void check_parameter_uses();
    std::optional<parameters::mismatch> parameter_mismatch(const stack::entry& e, const value_constraint& c);
    void check_conditional_references(); // conditions.ipp: what fails when a condition is false
    bool found_error() const {
        for (const auto& d : found_)
            if (d.severity == diagnostic::level::error) return true;
        return false;
    }

    const stack& s_;
    std::unordered_map<std::string, section_kind> names_;
    std::unordered_map<std::string, const stack::entry*> resources_;
    std::set<std::string> used_;
    std::unordered_map<std::string, std::set<std::string>> edges_;
    std::vector<diagnostic> found_;
};

}  // namespace cfn::detail
