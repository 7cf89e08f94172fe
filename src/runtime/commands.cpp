// `PROGRAM diff` and `PROGRAM deploy`: the diff engine (diff.hpp) fed by the aws CLI, and
// deployment through a change set. Every AWS call is the user's own `aws` command (their profile,
// region and AWS_ENDPOINT_URL), run through process.hpp.
#include <cfn/commands.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cfn/diff.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/stack.hpp>

#include "diff_document.hpp"
#include "process.hpp"

namespace cfn::detail {

namespace {

using json = nlohmann::ordered_json;

/// CloudFormation's limit for a template passed inline (TemplateBody); larger ones go through S3.
constexpr std::size_t template_body_limit = 51200;

/// An error to report on one line and exit 2 (bad usage, aws CLI missing or failing).
struct command_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct aws_answer {
    bool ok;
    json value;         ///< the parsed standard output
    std::string error;  ///< the CLI's message when !ok
};

/// `aws ARGS... --output json`.
aws_answer aws(std::vector<std::string> args) {
    args.insert(args.begin(), "aws");
    args.insert(args.end(), {"--output", "json"});
    process_result r = run_process(args);
    if (!r.started)
        throw command_error("cannot run the aws CLI (" + r.out_of_reach +
                            "): install it (Debian: apt-get install awscli) and configure a profile or AWS_* variables");
    if (r.exit_code != 0) {
        std::string message = r.err;
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        while (!message.empty() && message.front() == '\n') message.erase(0, 1);
        return {false, {}, message.empty() ? "aws exited with " + std::to_string(r.exit_code) : message};
    }
    json value;
    if (r.out.find_first_not_of(" \r\n\t") != std::string::npos) {
        try {
            value = json::parse(r.out);
        } catch (const json::parse_error&) {
            throw command_error("aws " + args[1] + " " + args[2] + " printed something that is not JSON");
        }
    }
    return {true, std::move(value), {}};
}

json aws_or_throw(std::vector<std::string> args) {
    std::string what = "aws " + args[0] + " " + args[1];
    aws_answer a = aws(std::move(args));
    if (!a.ok) throw command_error(what + ": " + a.error);
    return a.value;
}

bool does_not_exist(const std::string& error) { return error.find("does not exist") != std::string::npos; }

/// The stack's status, or "" when there is no such stack.
std::string stack_status(const std::string& name) {
    aws_answer a = aws({"cloudformation", "describe-stacks", "--stack-name", name});
    if (!a.ok) {
        if (does_not_exist(a.error)) return {};
        throw command_error("aws cloudformation describe-stacks: " + a.error);
    }
    return a.value["Stacks"][0]["StackStatus"].get<std::string>();
}

/// The template deployed as `name` (JSON text), or "" when the stack does not exist.
std::string deployed_template(const std::string& name) {
    aws_answer a = aws({"cloudformation", "get-template", "--stack-name", name, "--template-stage", "Original"});
    if (!a.ok) {
        if (does_not_exist(a.error)) return {};
        throw command_error("aws cloudformation get-template: " + a.error);
    }
    const json& body = a.value["TemplateBody"];
    // The CLI decodes a JSON body into an object; a YAML body stays a string.
    return body.is_string() ? body.get<std::string>() : body.dump();
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw command_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool colour_on(FILE* f) {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(fileno(f)) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
}

/// A temporary file holding `text`, removed when this goes out of scope.
struct temporary_file {
    std::string path;
    explicit temporary_file(const std::string& text, const char* suffix) {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/cfnpp-XXXXXX" + suffix;
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        int fd = mkstemps(name.data(), static_cast<int>(std::string(suffix).size()));
        if (fd < 0) throw command_error("cannot create a temporary file in " + std::string(dir ? dir : "/tmp"));
        path = name.data();
        bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ok = close(fd) == 0 && ok;
        if (!ok) throw command_error("cannot write " + path);
    }
    ~temporary_file() { std::remove(path.c_str()); }
    temporary_file(const temporary_file&) = delete;
    temporary_file& operator=(const temporary_file&) = delete;
};

// diff ------------------------------------------------------------------------------------------------

/// The template a diff compares with: the --against file (or DIR/template.json), or the deployed
/// one; empty, with `found` false, when there is none (every resource is then new).
std::string old_template_of(const command_options& o, bool& found) {
    if (!o.against.empty()) {
        // A directory is what -o DIR wrote: its template.json (a single stack's -o writes a file).
        struct stat st {};
        bool directory = ::stat(o.against.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        found = true;
        return read_file(directory ? o.against + "/template.json" : o.against);
    }
    std::string old_template = deployed_template(o.stack_name);
    found = !old_template.empty();
    return old_template;
}

/// One diff as `diff --json` writes it (diff_document), after the members of `where` (which stack,
/// compared with what).
json located_diff(json where, const template_diff& d) {
    json members = diff_document(d);  // named: items() of a temporary would outlive it in the loop
    for (auto& [key, value] : members.items()) where[key] = std::move(value);
    return where;
}

int diff_command(const stack& s, const std::string& template_json, const command_options& o) {
    bool found = false;
    std::string old_template = old_template_of(o, found);
    if (!found) std::fprintf(stderr, "note: stack %s does not exist: every resource is new\n", o.stack_name.c_str());
    template_diff d = diff_templates(old_template, template_json, resource_types_of(s));
    std::string text = o.json ? diff_to_json(d) : format_diff(d, colour_on(stdout));
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) return 2;
    return d.empty() ? 0 : 1;
}

// deploy ----------------------------------------------------------------------------------------------

/// What CloudFormation must be told the template may do: IAM resources need CAPABILITY_IAM (or
/// CAPABILITY_NAMED_IAM when they set their own names), macros CAPABILITY_AUTO_EXPAND.
std::vector<std::string> capabilities_of(const json& t) {
    bool iam = false, named = false;
    if (t.contains("Resources") && t["Resources"].is_object()) {
        for (const auto& [id, r] : t["Resources"].items()) {
            if (!r.contains("Type") || !r["Type"].is_string()) continue;
            std::string type = r["Type"].get<std::string>();
            if (type.rfind("AWS::IAM::", 0) != 0) continue;
            iam = true;
            if (r.contains("Properties") && r["Properties"].is_object())
                for (const char* name : {"RoleName", "UserName", "GroupName", "ManagedPolicyName", "InstanceProfileName"})
                    named = named || r["Properties"].contains(name);
        }
    }
    std::vector<std::string> caps;
    if (named)
        caps.push_back("CAPABILITY_NAMED_IAM");
    else if (iam)
        caps.push_back("CAPABILITY_IAM");
    if (t.contains("Transform")) caps.push_back("CAPABILITY_AUTO_EXPAND");
    return caps;
}

json parameters_of(const json& new_t, const json& old_t, const std::vector<std::string>& given, bool update) {
    json list = json::array();
    std::set<std::string> set;
    for (const std::string& kv : given) {
        std::size_t eq = kv.find('=');
        std::string key = kv.substr(0, eq);
        if (eq == std::string::npos || key.empty())
            throw command_error("--parameter " + kv + ": expected KEY=VALUE");
        if (!new_t.contains("Parameters") || !new_t["Parameters"].contains(key))
            throw command_error("--parameter " + key + ": the template has no parameter " + key);
        list.push_back({{"ParameterKey", key}, {"ParameterValue", kv.substr(eq + 1)}});
        set.insert(key);
    }
    // An update keeps the values the stack was deployed with, as the console does.
    if (update && new_t.contains("Parameters") && old_t.contains("Parameters"))
        for (const auto& [key, _] : new_t["Parameters"].items())
            if (!set.count(key) && old_t["Parameters"].contains(key))
                list.push_back({{"ParameterKey", key}, {"UsePreviousValue", true}});
    return list;
}

std::string now_utc(const char* format) {
    std::time_t t = std::time(nullptr);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, std::gmtime(&t));
    return buffer;
}

double poll_seconds() {
    const char* v = std::getenv("CFNPP_POLL_SECONDS");
    return v && *v ? std::atof(v) : 2.0;
}

void sleep_poll() { std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(poll_seconds() * 1000))); }

std::string replacement_impact(const json& change) {
    const json& r = change["ResourceChange"];
    std::string action = r.value("Action", "");
    if (action == "Add") return "create";
    if (action == "Remove") return "destroy";
    if (!r.contains("Replacement")) return "";
    std::string replacement = r["Replacement"].get<std::string>();
    return replacement == "True" ? "replace" : replacement == "Conditional" ? "may-replace" : "update";
}

/// Prints CloudFormation's change set next to cfnpp's own impact for each resource.
void show_change_set(const json& changes, const template_diff& d) {
    std::printf("CloudFormation change set:\n");
    bool any_replacement = false, any_modify = false;
    std::size_t width = 0;
    for (const json& c : changes) width = std::max(width, c["ResourceChange"].value("LogicalResourceId", "").size());
    for (const json& c : changes) {
        const json& r = c["ResourceChange"];
        std::string id = r.value("LogicalResourceId", "");
        std::string ours;
        for (const resource_change& rc : d.resources)
            if (rc.logical_id == id) ours = std::string(to_string(rc.impact));
        std::string theirs = replacement_impact(c);
        any_replacement = any_replacement || r.contains("Replacement");
        any_modify = any_modify || r.value("Action", "") == "Modify";
        std::printf("  %-7s %-*s  %-40s cloudformation: %-12s cfnpp: %s\n", r.value("Action", "").c_str(),
                    static_cast<int>(width), id.c_str(), r.value("ResourceType", "").c_str(),
                    theirs.empty() ? "(no answer)" : theirs.c_str(), ours.empty() ? "(no change seen)" : ours.c_str());
    }
    if (any_modify && !any_replacement)
        std::printf("  (CloudFormation's change set gives no Replacement answer here: the impacts are cfnpp's, from the spec)\n");
}

bool confirmed(const command_options& o, const std::string& stack_name) {
    if (o.yes) return true;
    if (!isatty(0)) {
        std::fprintf(stderr, "error: refusing to deploy without --yes: standard input is not a terminal\n");
        return false;
    }
    std::fprintf(stderr, "Deploy these changes to stack %s? [y/N] ", stack_name.c_str());
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

bool settled(const std::string& status) {
    return !status.empty() && status.find("_IN_PROGRESS") == std::string::npos;
}

/// Prints the stack's events that are not in `seen`, oldest first, and adds them to it.
void print_new_events(const std::string& stack_name, std::set<std::string>& seen, std::vector<json>& failures) {
    aws_answer a = aws({"cloudformation", "describe-stack-events", "--stack-name", stack_name, "--max-items", "100"});
    if (!a.ok) return;  // the next poll tries again
    std::vector<json> fresh;
    for (const json& e : a.value["StackEvents"])
        if (seen.insert(e.value("EventId", "")).second) fresh.push_back(e);
    for (auto it = fresh.rbegin(); it != fresh.rend(); ++it) {
        const json& e = *it;
        std::string time = e.value("Timestamp", "");
        if (time.size() >= 19) time = time.substr(11, 8);
        std::string reason = e.value("ResourceStatusReason", "");
        std::string status = e.value("ResourceStatus", "");
        std::printf("  %s  %-32s %-38s %-20s %s\n", time.c_str(), e.value("LogicalResourceId", "").c_str(),
                    e.value("ResourceType", "").c_str(), status.c_str(), reason.c_str());
        std::fflush(stdout);
        if (status.find("FAILED") != std::string::npos) failures.push_back(e);
    }
}

int deploy_command(const stack& s, const std::string& template_json, const command_options& o,
                   const std::vector<std::string>& nested_templates = {}) {
    const std::string& name = o.stack_name;
    std::string status = stack_status(name);
    if (status == "ROLLBACK_COMPLETE" || status == "ROLLBACK_FAILED" || status == "DELETE_FAILED")
        throw command_error("stack " + name + " is " + status + ": it cannot be updated; delete it first");
    if (!status.empty() && !settled(status))
        throw command_error("stack " + name + " is " + status + ": wait until it settles");
    bool create = status.empty() || status == "REVIEW_IN_PROGRESS";
    std::string old_template = create ? std::string() : deployed_template(name);

    template_diff d = diff_templates(old_template, template_json, resource_types_of(s));
    json new_t = json::parse(template_json);
    json old_t = old_template.empty() ? json::object() : json::parse(old_template, nullptr, false);
    if (old_t.is_discarded()) old_t = json::object();

    std::vector<std::string> args = {"cloudformation", "create-change-set", "--stack-name", name,
                                     "--change-set-name", "cfnpp-" + now_utc("%Y%m%d%H%M%S"),
                                     "--change-set-type", create ? "CREATE" : "UPDATE"};
    temporary_file body(template_json, ".json");
    if (template_json.size() > template_body_limit) {
        if (o.s3_bucket.empty())
            throw command_error("the template is " + std::to_string(template_json.size()) +
                                " bytes, over CloudFormation's 51,200 for a template passed inline: give --s3-bucket BUCKET "
                                "to upload it");
        std::string key = "cfnpp/" + name + "-" + now_utc("%Y%m%dT%H%M%SZ") + ".template.json";
        aws_or_throw({"s3", "cp", body.path, "s3://" + o.s3_bucket + "/" + key, "--only-show-errors"});
        args.insert(args.end(), {"--template-url", "https://" + o.s3_bucket + ".s3.amazonaws.com/" + key});
        std::printf("Uploaded the template (%zu bytes) to s3://%s/%s\n", template_json.size(), o.s3_bucket.c_str(), key.c_str());
    } else {
        args.insert(args.end(), {"--template-body", "file://" + body.path});
    }
    json parameters = parameters_of(new_t, old_t, o.parameters, !create);
    temporary_file parameter_file(parameters.dump(), ".json");
    if (!parameters.empty()) args.insert(args.end(), {"--parameters", "file://" + parameter_file.path});
    std::vector<std::string> caps = capabilities_of(new_t);
    for (const std::string& nested : nested_templates)  // the parent is given what its nested stacks need
        for (const std::string& c : capabilities_of(json::parse(nested)))
            if (std::find(caps.begin(), caps.end(), c) == caps.end()) caps.push_back(c);
    if (!caps.empty()) {
        args.push_back("--capabilities");
        args.insert(args.end(), caps.begin(), caps.end());
    }

    std::printf("%s stack %s: changes computed by cfnpp\n", create ? "Creating" : "Updating", name.c_str());
    std::string table = format_diff(d, colour_on(stdout));
    std::fwrite(table.data(), 1, table.size(), stdout);
    if (!caps.empty()) {
        std::string joined;
        for (const std::string& c : caps) joined += (joined.empty() ? "" : " ") + c;
        std::printf("Capabilities (from the template): %s\n", joined.c_str());
    }

    aws_answer create_answer = aws(args);
    if (!create_answer.ok) {
        // CloudFormation (and moto) may refuse an empty update at once instead of failing the change set.
        if (create_answer.error.find("No updates are to be performed") != std::string::npos) {
            std::printf("No changes to deploy: stack %s is up to date.\n", name.c_str());
            return 0;
        }
        throw command_error("aws cloudformation create-change-set: " + create_answer.error);
    }
    const json& created = create_answer.value;
    std::string change_set = created.value("Id", "");
    auto delete_change_set = [&] {
        aws({"cloudformation", "delete-change-set", "--change-set-name", change_set, "--stack-name", name});
    };
    json described;
    for (;;) {
        described = aws_or_throw({"cloudformation", "describe-change-set", "--change-set-name", change_set,
                                  "--stack-name", name});
        std::string cs = described.value("Status", "");
        if (cs == "CREATE_COMPLETE") break;
        if (cs == "FAILED") {
            std::string reason = described.value("StatusReason", "");
            delete_change_set();
            if (reason.find("didn't contain changes") != std::string::npos ||
                reason.find("No updates are to be performed") != std::string::npos) {
                std::printf("No changes to deploy: stack %s is up to date (the empty change set was deleted).\n",
                            name.c_str());
                return 0;
            }
            std::fprintf(stderr, "error: the change set failed: %s\n", reason.c_str());
            return 1;
        }
        sleep_poll();
    }
    const json& changes = described.contains("Changes") ? described["Changes"] : json::array();
    if (changes.empty()) {
        delete_change_set();
        std::printf("No changes to deploy: stack %s is up to date (the empty change set was deleted).\n", name.c_str());
        return 0;
    }
    show_change_set(changes, d);

    if (!confirmed(o, name)) {
        delete_change_set();
        if (o.yes || isatty(0)) std::printf("Not deployed (the change set was deleted).\n");
        return isatty(0) ? 1 : 2;
    }

    std::set<std::string> seen;  // what happened before this deployment is not news
    {
        aws_answer before = aws({"cloudformation", "describe-stack-events", "--stack-name", name, "--max-items", "100"});
        if (before.ok)
            for (const json& e : before.value["StackEvents"]) seen.insert(e.value("EventId", ""));
    }
    aws_answer executed = aws({"cloudformation", "execute-change-set", "--change-set-name", change_set, "--stack-name", name});
    std::printf("Executing change set %s\n", created.value("Id", "").c_str());
    std::vector<json> failures;
    if (!executed.ok) {
        print_new_events(name, seen, failures);
        std::fprintf(stderr, "error: aws cloudformation execute-change-set: %s\n", executed.error.c_str());
        return 1;
    }
    std::string final_status;
    for (;;) {
        print_new_events(name, seen, failures);
        final_status = stack_status(name);
        if (settled(final_status)) break;
        sleep_poll();
    }
    print_new_events(name, seen, failures);
    std::printf("Stack %s: %s\n", name.c_str(), final_status.c_str());
    if (final_status == "CREATE_COMPLETE" || final_status == "UPDATE_COMPLETE") return 0;
    std::fprintf(stderr, "error: stack %s is %s\n", name.c_str(), final_status.c_str());
    for (const json& e : failures)
        std::fprintf(stderr, "  %s: %s\n", e.value("LogicalResourceId", "").c_str(),
                     e.value("ResourceStatusReason", "(no reason given)").c_str());
    return 1;
}

}  // namespace

namespace {

/// The physical ID (the stack ID) of the nested stack `logical_id` of the deployed stack `parent`,
/// or "" when either does not exist yet.
std::string nested_stack_id(const std::string& parent, const std::string& logical_id) {
    if (parent.empty()) return {};
    aws_answer a = aws({"cloudformation", "describe-stack-resource", "--stack-name", parent, "--logical-resource-id",
                        logical_id});
    if (!a.ok) {
        if (does_not_exist(a.error)) return {};
        throw command_error("aws cloudformation describe-stack-resource: " + a.error);
    }
    return a.value["StackResourceDetail"].value("PhysicalResourceId", "");
}

/// deploy, or diff, of a stack and its nested stacks. With --json the diff is one document, the top
/// stack's with its nested stacks' under "nested_stacks"; it is printed, or left in `*collected`
/// when several stacks make one document (program_command).
int nested_command(const std::vector<nested_template>& templates, const std::vector<std::string>& texts,
                   const command_options& o, json* collected = nullptr) {
    if (o.command == "deploy") {
        std::string base = nested_template_url_base(o.s3_bucket, o.stack_name);
        std::string prefix = "https://" + o.s3_bucket + ".s3.amazonaws.com/";
        for (std::size_t i = 1; i < templates.size(); ++i) {
            std::string key = base.substr(prefix.size()) + templates[i].file;
            temporary_file body(texts[i], ".json");
            aws_or_throw({"s3", "cp", body.path, "s3://" + o.s3_bucket + "/" + key, "--only-show-errors"});
            std::printf("Uploaded nested stack %s (%s, %zu bytes) to s3://%s/%s\n", templates[i].path.c_str(),
                        templates[i].file.c_str(), texts[i].size(), o.s3_bucket.c_str(), key.c_str());
        }
        return deploy_command(templates[0].stack, texts[0], o,
                              std::vector<std::string>(texts.begin() + 1, texts.end()));
    }
    // diff: the top stack, then each nested stack against what is deployed under its parent, or
    // against the same-named file in the --against directory (or beside the --against file).
    std::string against_dir;
    command_options top = o;
    if (!o.against.empty()) {
        struct stat st {};
        if (::stat(o.against.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            against_dir = o.against;
            top.against = against_dir + "/" + templates[0].file;
        } else {
            std::size_t slash = o.against.rfind('/');
            against_dir = slash == std::string::npos ? "." : o.against.substr(0, slash);
        }
    }
    bool found = false;
    std::string old_top = old_template_of(top, found);
    template_diff d = diff_templates(old_top, texts[0], resource_types_of(templates[0].stack));
    int result = d.empty() ? 0 : 1;
    json document;
    if (!found) std::fprintf(stderr, "note: stack %s does not exist: every resource is new\n", o.stack_name.c_str());
    if (o.json) {
        json extra = collected ? std::move(*collected) : json::object();
        if (collected) extra["exists"] = found;
        document = located_diff(std::move(extra), d);
        if (templates.size() > 1) document["nested_stacks"] = json::array();
    } else {
        std::string text = format_diff(d, colour_on(stdout));
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    std::map<std::string, std::string> deployed = {{"", o.stack_name}};  // stack ID by nested path
    for (std::size_t i = 1; i < templates.size(); ++i) {
        const std::string& path = templates[i].path;
        std::size_t slash = path.rfind('/');
        std::string parent = slash == std::string::npos ? "" : path.substr(0, slash);
        json where = {{"path", path}, {"file", templates[i].file}, {"parent", parent}};
        std::string old_template, heading, missing;
        if (!o.against.empty()) {
            std::string file = against_dir + "/" + templates[i].file;
            struct stat st {};
            found = ::stat(file.c_str(), &st) == 0;
            if (found) old_template = read_file(file);
            heading = parent.empty() ? "the top stack" : parent;
            missing = "(no " + file + ": every resource is new)";
            where["against"] = file;
        } else {
            std::string logical = slash == std::string::npos ? path : path.substr(slash + 1);
            std::string id = deployed[path] = nested_stack_id(deployed[parent], logical);
            found = !id.empty();
            if (found) old_template = deployed_template(id);
            heading = parent.empty() ? o.stack_name : parent;
            missing = "(not deployed yet: every resource is new)";
            where["stack_id"] = id;
        }
        template_diff nested = diff_templates(old_template, texts[i], resource_types_of(templates[i].stack));
        if (!nested.empty()) result = 1;
        if (o.json) {
            where["exists"] = found;
            document["nested_stacks"].push_back(located_diff(std::move(where), nested));
            continue;
        }
        std::printf("\nNested stack %s (%s), in %s:\n", path.c_str(), templates[i].file.c_str(), heading.c_str());
        if (!found) std::printf("%s\n", missing.c_str());
        std::string text = format_diff(nested, colour_on(stdout));
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    if (collected) {
        *collected = std::move(document);
    } else if (o.json) {
        std::string text = document.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return std::fflush(stdout) != 0 ? 2 : result;
}

}  // namespace

int run_nested_command(const std::vector<nested_template>& templates, const std::vector<std::string>& texts,
                       const command_options& o) {
    try {
        return nested_command(templates, texts, o);
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    }
}

// several stacks ----------------------------------------------------------------------------------

namespace {

/// The literal Export.Names of a template's outputs.
std::set<std::string> exports_of(const json& t) {
    std::set<std::string> names;
    if (!t.is_object() || !t.contains("Outputs") || !t["Outputs"].is_object()) return names;
    for (const auto& item : t["Outputs"].items()) {
        const json& o = item.value();
        if (o.is_object() && o.contains("Export") && o["Export"].is_object() && o["Export"].contains("Name") &&
            o["Export"]["Name"].is_string())
            names.insert(o["Export"]["Name"].get<std::string>());
    }
    return names;
}

/// The literal names of every Fn::ImportValue under `n`, each with the first template path it is at.
void imports_of(const json& n, const std::string& path, std::map<std::string, std::string>& found) {
    if (n.is_object()) {
        if (n.size() == 1 && n.contains("Fn::ImportValue") && n["Fn::ImportValue"].is_string()) {
            found.emplace(n["Fn::ImportValue"].get<std::string>(), path);
            return;
        }
        for (const auto& item : n.items()) imports_of(item.value(), path.empty() ? item.key() : path + "." + item.key(), found);
    } else if (n.is_array()) {
        for (std::size_t i = 0; i < n.size(); ++i) imports_of(n[i], path + "." + std::to_string(i), found);
    }
}

/// What a deployed stack and its nested stacks export and import (literal names), with where.
struct deployed_stack {
    std::set<std::string> exports;
    std::map<std::string, std::string> imports;  ///< name -> "Resources.X.Properties.Y" (in nested stack N)
};

/// Reads the deployed stack `name` (a stack name or a nested stack's ID) and its nested stacks into
/// `d`; nothing when it does not exist. `where` names a nested stack in the paths: " in nested stack App".
void read_deployed(const std::string& name, const std::string& where, deployed_stack& d) {
    std::string text = deployed_template(name);
    if (text.empty()) return;
    json t = json::parse(text, nullptr, false);
    if (t.is_discarded()) return;
    for (const std::string& e : exports_of(t)) d.exports.insert(e);
    std::map<std::string, std::string> found;
    imports_of(t, "", found);
    for (const auto& [import, path] : found) d.imports.emplace(import, path + where);
    if (!t.contains("Resources") || !t["Resources"].is_object()) return;
    for (const auto& item : t["Resources"].items())
        if (item.value().is_object() && item.value().value("Type", "") == "AWS::CloudFormation::Stack") {
            std::string id = nested_stack_id(name, item.key());
            if (!id.empty())
                read_deployed(id, (where.empty() ? " in nested stack " : where + "/") + item.key(), d);
        }
}

int program_command(const std::vector<program_stack>& stacks, const command_options& o) {
    const std::size_t n = stacks.size();
    // What each stack's new templates export and import (nested templates count with their top).
    std::vector<std::set<std::string>> exports(n);
    std::vector<std::map<std::string, std::string>> imports(n);
    for (std::size_t i = 0; i < n; ++i)
        for (const std::string& text : stacks[i].texts) {
            json t = json::parse(text);
            for (const std::string& name : exports_of(t)) exports[i].insert(name);
            imports_of(t, "", imports[i]);
        }
    // before[i]: the stacks to deploy before stack i. An exporter goes before its importers.
    std::vector<std::set<std::size_t>> before(n);
    std::vector<std::map<std::size_t, std::string>> why(n);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [name, path] : imports[i])
            for (std::size_t j = 0; j < n; ++j)
                if (j != i && exports[j].count(name)) {
                    before[i].insert(j);
                    why[i].emplace(j, stacks[i].name + " imports '" + name + "' from " + stacks[j].name);
                }

    // Against AWS: an export that a selected stack removes while a deployed stack of the program
    // imports it. CloudFormation refuses to update the exporter then ("export in use"). Who
    // imports what is read from the deployed templates of the program's stacks, nested ones
    // included (not from list-imports: it would also see other programs' stacks, but moto does
    // not have it).
    std::vector<std::string> in_use, notes, released;  // released: what `notes` explain, in one line each
    if (o.against.empty()) {
        std::map<std::size_t, deployed_stack> deployed;  // read once each
        auto deployed_of = [&](std::size_t i) -> const deployed_stack& {
            auto found = deployed.find(i);
            if (found != deployed.end()) return found->second;
            deployed_stack d;
            read_deployed(stacks[i].deployed_name, "", d);
            return deployed[i] = std::move(d);
        };
        for (std::size_t e = 0; e < n; ++e) {
            if (!stacks[e].selected) continue;
            for (const std::string& name : deployed_of(e).exports) {
                if (exports[e].count(name)) continue;
                for (std::size_t i = 0; i < n; ++i) {
                    if (i == e) continue;
                    auto at = deployed_of(i).imports.find(name);
                    if (at == deployed_of(i).imports.end()) continue;
                    const std::string& exporter = stacks[e].deployed_name;
                    const std::string& importer = stacks[i].deployed_name;
                    std::string line = "export in use: stack " + exporter + " no longer exports '" + name +
                                       "', which deployed stack " + importer + " imports (" + at->second + ")";
                    if (!imports[i].count(name) && stacks[i].selected) {
                        // The new importer does without it: deployed first, it releases the export.
                        before[e].insert(i);
                        why[e].emplace(i, stacks[e].name + " removes '" + name + "', which " + stacks[i].name +
                                              " stops importing");
                        released.push_back(line + ": " + importer + " must be deployed first to release it, and after "
                                           + exporter + " to import what it exports now");
                        notes.push_back(line + "; " + importer + " no longer imports it, so it is " +
                                        (o.command == "deploy" ? "deployed" : "to be deployed") + " first");
                    } else if (!imports[i].count(name)) {
                        in_use.push_back(line + ": CloudFormation refuses to update " + exporter + " while " +
                                         importer + " imports it; deploy " + stacks[i].name + " first (--stack " +
                                         stacks[i].name + "): its new template no longer imports it");
                    } else {
                        in_use.push_back(line + ": CloudFormation refuses to update " + exporter + " while " +
                                         importer + " imports it; remove the import from " + stacks[i].name +
                                         " and deploy it first, then " + stacks[e].name);
                    }
                }
            }
        }
    }

    // The selected stacks in dependency order; the program's order among the independent ones.
    std::vector<std::size_t> order;
    std::vector<bool> placed(n, false);
    while (true) {
        bool progress = false, left = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (placed[i] || !stacks[i].selected) continue;
            left = true;
            bool ready = true;
            for (std::size_t j : before[i]) ready = ready && (placed[j] || !stacks[j].selected);
            if (!ready) continue;
            placed[i] = progress = true;
            order.push_back(i);
            break;  // again from the first: the program's order wins among the ready ones
        }
        if (!left) break;
        if (progress) continue;
        // A cycle: an importer must go first to release an export, and after, to import a new
        // one (a renamed export: the CDK's deadlock). No order deploys it in one go.
        std::string cycle;
        for (std::size_t i = 0; i < n; ++i)
            if (!placed[i] && stacks[i].selected)
                for (const auto& [j, reason] : why[i])
                    if (!placed[j] && stacks[j].selected) cycle += (cycle.empty() ? "" : "; ") + reason;
        in_use.insert(in_use.end(), released.begin(), released.end());
        in_use.push_back("no order of the stacks deploys this (" + cycle + "): deploy in two steps, first with the "
                         "old export kept beside the new one (both exported), then without it");
        notes.clear();
        order.clear();
        for (std::size_t i = 0; i < n; ++i)
            if (stacks[i].selected) order.push_back(i);
        break;
    }
    // diff --json: one document, {"stacks": [...], "notes": [...], "warnings": [...]}.
    const bool one_document = o.command == "diff" && o.json;
    json document = {{"stacks", json::array()}, {"notes", notes}, {"warnings", in_use}};
    if (!one_document)
        for (const std::string& line : notes) std::printf("note: %s\n", line.c_str());
    for (const std::string& line : in_use)
        std::fprintf(stderr, "%s: %s\n", o.command == "deploy" && !o.force ? "error" : "warning", line.c_str());
    if (o.command == "deploy" && !in_use.empty() && !o.force) {
        std::fprintf(stderr, "error: nothing deployed (with --force it is, in the program's order, and CloudFormation "
                             "refuses the exporter's update)\n");
        return 1;
    }
    std::fflush(stdout);

    for (std::size_t i : order) {
        struct stat st {};
        std::string dir = o.against + "/" + stacks[i].name;
        if (!o.against.empty() && (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)))
            throw command_error("no directory " + dir + " (diff --against DIR reads what -o DIR wrote)");
    }
    int result = 0;
    bool first = true;
    for (std::size_t i : order) {
        const program_stack& p = stacks[i];
        command_options one = o;
        one.stack_name = p.deployed_name;
        if (!o.against.empty()) one.against = o.against + "/" + p.name;
        if (one_document) {
            json entry = {{"stack", p.name}};
            if (o.against.empty()) entry["deployed_as"] = p.deployed_name;
            else entry["against"] = one.against;
            int r = nested_command(p.templates, p.texts, one, &entry);
            document["stacks"].push_back(std::move(entry));
            result = std::max(result, r);
            continue;
        }
        std::printf("%s== stack %s (%s) ==\n", first ? "" : "\n", p.name.c_str(),
                    o.against.empty() ? ("deployed as " + p.deployed_name).c_str() : one.against.c_str());
        std::fflush(stdout);
        first = false;
        int r = nested_command(p.templates, p.texts, one);
        if (o.command == "deploy" && r != 0) {
            std::fprintf(stderr, "error: stack %s was not deployed; the stacks after it were not either\n",
                         p.deployed_name.c_str());
            return r;
        }
        result = std::max(result, r);
    }
    if (one_document) {
        std::string text = document.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (std::fflush(stdout) != 0) return 2;
    }
    return result;
}

}  // namespace

int run_program_command(const std::vector<program_stack>& stacks, const command_options& o) {
    try {
        return program_command(stacks, o);
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    }
}

int run_command(const stack& s, const std::string& template_json, const command_options& o) {
    try {
        if (o.command == "diff") return diff_command(s, template_json, o);
        return deploy_command(s, template_json, o);
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    }
}

}  // namespace cfn::detail
