// Programs of several stacks (cfn::run of named stacks): the files -o writes, what --stack selects,
// nothing written when one stack or the exports between them have an error; and the graphs of a
// stack with nested stacks and of several stacks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/export.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

namespace ec2 = cfn::aws::ec2;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// `cfn::run(stacks, ...)` with these arguments after the program's name.
int run(const std::vector<cfn::named_stack>& stacks, std::vector<std::string> args) {
    args.insert(args.begin(), "program");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    return cfn::run(stacks, static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("several stacks: -o DIR writes DIR/NAME/ for each, --stack selects, errors write nothing") {
    cfn::stack network, app;
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto vpc_id = cfn::export_value(network, "VpcId", "network-VpcId", vpc.ref());
    auto& data = cfn::nest(app, "Data");
    data.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc_id.import()}});

    fs::path dir = fs::temp_directory_path() / ("cfnpp-program-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    CHECK(run({{"network", network}, {"app", app}}, {"-o", dir.string()}) == 0);
    CHECK(read(dir / "network" / "template.json") == cfn::emit(network));
    CHECK(read(dir / "app" / "template.json") == cfn::emit(cfn::nested_templates(app)[0].stack));
    CHECK(read(dir / "app" / "template.Data.json") == cfn::emit(cfn::nested_templates(app)[1].stack));
    fs::remove_all(dir);

    CHECK(run({{"network", network}, {"app", app}}, {"--stack", "app", "-o", dir.string()}) == 0);
    CHECK(read(dir / "app" / "template.Data.json") == cfn::emit(cfn::nested_templates(app)[1].stack));
    CHECK_FALSE(fs::exists(dir / "network"));  // where -o DIR of every stack writes it, alone
    fs::remove_all(dir);

    CHECK(run({{"network", network}, {"app", app}}, {}) == 2);                          // where to?
    CHECK(run({{"network", network}, {"app", app}}, {"--stack", "web", "-o", dir.string()}) == 2);
    CHECK(run({{"network", network}, {"network", app}}, {"-o", dir.string()}) == 2);    // a name twice
    CHECK(run({{"net work", network}, {"app", app}}, {"-o", dir.string()}) == 2);       // not a stack name
    CHECK(run({{"network", network}, {"app", app}}, {"--check"}) == 0);

    // The same export name in two stacks: an error of the program; no stack is written.
    cfn::stack other;
    cfn::export_value(other, "Again", "network-VpcId", cfn::aws::region);
    CHECK(run({{"network", network}, {"app", app}, {"other", other}}, {"-o", dir.string()}) == 1);
    CHECK_FALSE(fs::exists(dir));
    // An import of a name nobody exports is a warning: written, unless --strict.
    CHECK(run({{"app", app}}, {"-o", dir.string()}) == 0);
    fs::remove_all(dir);
    CHECK(run({{"app", app}}, {"--strict", "-o", dir.string()}) == 1);
    CHECK_FALSE(fs::exists(dir));
    // One stack with an error: the others are not written either.
    auto& broken = cfn::nest(network, "Broken");
    broken.add(cfn::parameter<cfn::str>{"Secret"});  // a nested stack's parameter nobody can set
    CHECK(run({{"network", network}, {"app", app}}, {"-o", dir.string()}) == 1);
    CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("graph: a nested stack is a cluster in its parent's, references drawn as written") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& app = cfn::nest(s, "App");
    auto& db = cfn::nest(app, "Db");
    auto subnet = db.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    s.output("SubnetId", subnet.ref());
    s.add(ec2::vpc{"Other", {.cidr_block = "10.1.0.0/16"}, {.depends_on = subnet}});

    std::string dot = cfn::graph(s, cfn::graph_format::dot);
    CHECK(dot == R"dot(digraph stack {
    graph [rankdir=LR fontname="Helvetica" fontsize=10];
    node [fontname="Helvetica" fontsize=10];
    edge [fontname="Helvetica" fontsize=9];
    s0_r_Vpc [shape=box label="Vpc\nAWS::EC2::VPC"];
    s0_r_App [shape=box label="App\nAWS::CloudFormation::Stack"];
    s0_r_Other [shape=box label="Other\nAWS::EC2::VPC"];
    s0_o_SubnetId [shape=ellipse label="SubnetId\noutput"];
    subgraph "cluster_App (nested stack)/" {
        label="App (nested stack)";
        s1_r_Db [shape=box label="Db\nAWS::CloudFormation::Stack"];
        subgraph "cluster_App (nested stack)/Db (nested stack)/" {
            label="Db (nested stack)";
            s2_r_Subnet [shape=box label="Subnet\nAWS::EC2::Subnet"];
        }
    }
    s0_r_Other -> s2_r_Subnet [label="DependsOn"];
    s0_o_SubnetId -> s2_r_Subnet [label="Ref"];
    s2_r_Subnet -> s0_r_Vpc [label="Ref"];
}
)dot");
    CHECK(cfn::graph(s, cfn::graph_format::dot) == dot);
    std::string mermaid = cfn::graph(s, cfn::graph_format::mermaid);
    CHECK(mermaid.find("    subgraph scope1[\"App (nested stack)\"]\n        s1_r_Db[\"Db<br/>AWS::CloudFormation::Stack\"]\n"
                       "        subgraph scope2[\"Db (nested stack)\"]\n") != std::string::npos);
    CHECK(mermaid.find("    s2_r_Subnet -->|\"Ref\"| s0_r_Vpc\n") != std::string::npos);
}

TEST_CASE("graph: several stacks, one cluster each, an import drawn to the exporting output") {
    cfn::stack network, app;
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto vpc_id = cfn::export_value(network, "VpcId", "network-VpcId", vpc.ref());
    app.add(ec2::subnet{"Vpc", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc_id.import()}});  // the same logical ID

    std::string dot = cfn::graph({{"network", network}, {"app", app}}, cfn::graph_format::dot);
    CHECK(dot.find("    subgraph \"cluster_network (stack)/\" {\n        label=\"network (stack)\";\n"
                   "        s0_r_Vpc [shape=box label=\"Vpc\\nAWS::EC2::VPC\"];\n") != std::string::npos);
    CHECK(dot.find("        s1_r_Vpc [shape=box label=\"Vpc\\nAWS::EC2::Subnet\"];\n") != std::string::npos);
    CHECK(dot.find("    s1_r_Vpc -> s0_o_VpcId [label=\"ImportValue\"];\n") != std::string::npos);
    CHECK(dot.find("    s0_o_VpcId -> s0_r_Vpc [label=\"Ref\"];\n") != std::string::npos);
    // One stack alone keeps the IDs of cfn::graph(stack).
    CHECK(cfn::graph({{"network", network}}, cfn::graph_format::dot).find("r_Vpc [") != std::string::npos);
}

TEST_CASE("diff --against a template file or its directory compares the nested templates beside it") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& app = cfn::nest(s, "App");
    app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    fs::path dir = fs::temp_directory_path() / ("cfnpp-against-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto run_one = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "stack");
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        return cfn::run(s, static_cast<int>(argv.size()), argv.data());
    };
    REQUIRE(run_one({"-o", dir.string()}) == 0);
    CHECK(run_one({"diff", "--against", dir.string()}) == 0);
    CHECK(run_one({"diff", "--against", (dir / "template.json").string()}) == 0);
    // Only the nested template differs: the top one is the same.
    std::string nested = read(dir / "template.App.json");
    std::ofstream(dir / "template.App.json") << R"({"Resources": {}})";
    CHECK(run_one({"diff", "--against", dir.string()}) == 1);
    CHECK(run_one({"diff", "--against", (dir / "template.json").string()}) == 1);
    fs::remove(dir / "template.App.json");  // not there: all new
    CHECK(run_one({"diff", "--against", dir.string()}) == 1);
    std::ofstream(dir / "template.App.json") << nested;
    CHECK(run_one({"diff", "--against", dir.string()}) == 0);
    fs::remove_all(dir);
}
