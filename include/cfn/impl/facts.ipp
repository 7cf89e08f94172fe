// cfnpp implementation: recording an entry's facts (cfn/facts.hpp) when it is added to a stack:
// the one pass over its body that finds what it refers to.
#pragma once

#include <cstddef>      // std::size_t
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/facts.hpp>
#include <cfn/impl/node.ipp>
#include <cfn/node.hpp>
#include <cfn/vocabulary.hpp>

namespace cfn::detail {

/// Walks one entry's body once, keeping the template path of where it is in one buffer and
/// interning it only for the facts it records.
class fact_finder {
public:
    fact_finder(std::vector<fact>& found, std::string path) : found_(found), path_(std::move(path)) {}

    /// The whole entry. `depends_on` and `condition` are the nodes of the resource's or output's
    /// options, which the body holds as members: they are recorded from the options' own shapes
    /// (a resource name or a list of them; a condition name), and only the other members are read.
    void entry(node body, node depends_on, node condition) {
        const node_data& d = read(body);
        if (d.kind != node_kind::object) return walk(body);
        for (std::size_t i = 0; i < d.items.size(); ++i) {
            std::size_t back = enter(d.keys[i]);
            if (!d.items[i].present()) record(fact::kind::unset_member);
            if (depends_on.present() && d.items[i] == depends_on)
                dependencies(read(depends_on));
            else if (condition.present() && d.items[i] == condition)
                name_of(fact::kind::condition, read(condition));
            else
                walk(d.items[i]);
            leave(back);
        }
    }

private:
    void walk(node n) {
        const node_data& d = read(n);
        switch (d.kind) {
            case node_kind::list:
                for (std::size_t i = 0; i < d.items.size(); ++i) {
                    std::size_t back = enter(i);
                    // A value that was never set (`cfn::value<cfn::str>{}`, an unset optional
                    // copied into a vector) would be written as null.
                    if (!d.items[i].present()) record(fact::kind::unset_element);
                    walk(d.items[i]);
                    leave(back);
                }
                return;
            case node_kind::object:
                for (std::size_t i = 0; i < d.items.size(); ++i) {
                    std::size_t back = enter(d.keys[i]);
                    if (!d.items[i].present()) record(fact::kind::unset_member);
                    walk(d.items[i]);
                    leave(back);
                }
                return;
            case node_kind::call: {
                std::size_t back = enter(d.text);
                call(d);
                leave(back);
                return;
            }
            default: return;
        }
    }

    /// An intrinsic function: its references, and a walk over the arguments that may hold more.
    void call(const node_data& d) {
        const node_data& arg = read(d.items[0]);
        auto argument = [&](std::size_t i) -> const node_data& { return read(arg.items[i]); };
        bool list = arg.kind == node_kind::list;
        if (d.text == "Ref") {
            // Ref of a computed name: nothing to record.
            if (arg.kind == node_kind::string) record(fact::kind::ref, arg.text, {}, d.origin);
        } else if (d.text == "Condition") {
            name_of(fact::kind::condition, arg);
        } else if (d.text == "Fn::GetAtt" && list && arg.items.size() == 2 &&
                   argument(0).kind == node_kind::string) {
            if (argument(1).kind == node_kind::string) {
                record(fact::kind::get_att, argument(0).text, argument(1).text, d.origin);
            } else {
                std::size_t back = enter(1);  // a computed attribute name
                walk(arg.items[1]);
                leave(back);
            }
        } else if (d.text == "Fn::Sub") {
            if (arg.kind == node_kind::string) {
                sub(arg, nullptr);
            } else if (list && arg.items.size() == 2) {
                std::size_t back = enter(0);
                sub(argument(0), &argument(1));
                leave(back);
                back = enter(1);
                walk(arg.items[1]);
                leave(back);
            }
        } else if (d.text == "Fn::If" && list && arg.items.size() == 3) {
            std::size_t back = enter(0);
            name_of(fact::kind::condition, argument(0));
            leave(back);
            ++branches_;
            for (std::size_t i = 1; i < 3; ++i) {
                back = enter(i);
                walk(arg.items[i]);
                leave(back);
            }
            --branches_;
        } else if (d.text == "Fn::FindInMap" && list && !arg.items.empty()) {
            std::size_t back = enter(0);
            if (argument(0).kind == node_kind::string) name_of(fact::kind::find_in_map, argument(0));
            leave(back);
            for (std::size_t i = 1; i < arg.items.size(); ++i) {
                back = enter(i);
                walk(arg.items[i]);
                leave(back);
            }
        } else if (d.text == "Fn::ValueOf" && list && arg.items.size() == 2) {
            std::size_t back = enter(0);
            name_of(fact::kind::value_of, argument(0));
            leave(back);
        } else {
            walk(d.items[0]);
        }
    }

    /// Fn::Sub's placeholders, except `${!Literal}` and the variables given beside the text.
    void sub(const node_data& text, const node_data* variables) {
        if (text.kind != node_kind::string) return;
        if (!vocabulary::valid_sub_syntax(text.text)) return record(fact::kind::sub_syntax);
        using vocabulary::sub_placeholder;
        for (sub_placeholder p = vocabulary::next_sub_placeholder(text.text, 0); p.state != sub_placeholder::none;
             p = vocabulary::next_sub_placeholder(text.text, p.end)) {
            if (p.literal() || (variables && has_key(*variables, p.name))) continue;
            std::size_t dot = p.name.find('.');
            if (p.name.rfind("AWS::", 0) == 0 || dot == std::string_view::npos)
                record(fact::kind::sub_name, p.name);
            else
                record(fact::kind::sub_get_att, p.name.substr(0, dot), p.name.substr(dot + 1));
        }
    }

    /// DependsOn: one resource (CloudFormation's string form) or a list of them.
    void dependencies(const node_data& d) {
        if (d.kind == node_kind::string) name_of(fact::kind::depends_on, d);
        for (std::size_t i = 0; i < d.items.size(); ++i) {
            std::size_t back = enter(i);
            name_of(fact::kind::depends_on, read(d.items[i]));
            leave(back);
        }
    }

    /// A name node (make_name): its text, and the stack whose handle made it.
    void name_of(fact::kind what, const node_data& name) { record(what, name.text, {}, name.origin); }

    void record(fact::kind what, std::string_view name = {}, std::string_view attribute = {},
                const stack_identity* origin = nullptr) {
        // Facts found at one place (an Fn::Sub's placeholders) share the interned path.
        if (found_.empty() || found_.back().path != path_) interned_ = intern(path_);
        found_.push_back(fact{what, name, attribute, origin, interned_, branches_ > 0});
    }

    std::size_t enter(std::string_view key) {
        std::size_t back = path_.size();
        path_ += '.';
        path_ += key;
        return back;
    }
    std::size_t enter(std::size_t index) {
        std::size_t back = path_.size();
        path_ += '[';
        path_ += std::to_string(index);
        path_ += ']';
        return back;
    }
    void leave(std::size_t back) { path_.resize(back); }

    static bool has_key(const node_data& object, std::string_view key) {
        for (const auto& k : object.keys)
            if (k == key) return true;
        return false;
    }

    std::vector<fact>& found_;
    std::string path_;
    std::string_view interned_;
    int branches_ = 0;  // how many Fn::If branches the walk is inside
};

/// The facts of the entry `id` of `section` ("Resources"), whose body is `body`; `depends_on` and
/// `condition` are its options' nodes (resources and outputs).
CFN_INLINE std::vector<fact> find_facts(std::string_view section, std::string_view id, node body, node depends_on,
                                        node condition) {
    std::vector<fact> found;
    std::string path;
    path.reserve(section.size() + 1 + id.size() + 64);
    path.append(section).append(".").append(id);
    fact_finder(found, std::move(path)).entry(body, depends_on, condition);
    return found;
}

}  // namespace cfn::detail
