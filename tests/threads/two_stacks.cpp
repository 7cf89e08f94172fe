// Who owns the values: stacks built on two threads at once, each in its own arena, and an arena
// freed with the last stack holding it. Built with -fsanitize=thread by tests/CMakeLists.txt when
// the compiler supports it: a data race between the two threads fails the test.
#include <cstdio>    // std::fprintf
#include <optional>  // std::optional
#include <string>    // std::string
#include <thread>    // std::thread

#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/cfn.hpp>

namespace ec2 = cfn::aws::ec2;

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what);
        ++failures;
    }
}

/// A stack with a scope, references between resources, a parameter and an output.
std::string build_and_emit(const std::string& name, int subnets) {
    cfn::stack s{name};
    auto cidr = s.add(cfn::parameter<cfn::str>{"Cidr", {.default_value = "10.0.0.0/16"}});
    cfn::scope network{s, "Network"};
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = cidr.ref()}});
    for (int i = 0; i < subnets; ++i)
        network.add(ec2::subnet{"Subnet" + std::to_string(i),
                                {.availability_zone = cfn::select(i % 2, {"a", "b"}),
                                 .cidr_block = cfn::sub("10.0.${N}.0/24", {{"N", std::to_string(i)}}),
                                 .vpc_id = vpc.ref()}});
    s.output("VpcId", vpc.ref());
    std::string found;
    for (const cfn::diagnostic& d : cfn::check(s))
        if (d.severity == cfn::diagnostic::level::error) found += d.to_string() + "\n";
    if (!found.empty()) return found;
    return cfn::emit(s, cfn::format::json) + cfn::emit(s, cfn::format::yaml);
}

}  // namespace

int main() {
    // The same stacks built on this thread, then on two threads at once, give the same templates.
    const std::string expected_a = build_and_emit("A", 60), expected_b = build_and_emit("B", 50);
    std::string a, b;
    std::thread first([&] { a = build_and_emit("A", 60); });
    std::thread second([&] { b = build_and_emit("B", 50); });
    first.join();
    second.join();
    expect(a == expected_a, "the stack built on the first thread is the one built alone");
    expect(b == expected_b, "the stack built on the second thread is the one built alone");
    expect(a.find("NetworkSubnet59") != std::string::npos, "the scope's prefix is on every resource");

    // The arena goes with the last stack that holds it: the next stack starts from an empty one.
    cfn::node first_value, again;
    {
        cfn::stack s;
        first_value = cfn::detail::make_string("x");
        for (int i = 0; i < 1000; ++i) cfn::detail::make_string("filler");
    }
    {
        cfn::stack s;
        again = cfn::detail::make_string("x");
    }
    expect(first_value == again, "a new stack's values start where the freed arena's did");

    // Stacks alive together on one thread share the arena, and their handles stay told apart.
    {
        cfn::stack other;
        auto foreign = other.add(ec2::vpc{"Foreign", {.cidr_block = "10.1.0.0/16"}});
        cfn::stack s;
        s.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = foreign.ref()}});
        auto found = cfn::check(s);
        expect(found.size() == 1 && found[0].message.find("belongs to another stack") != std::string::npos,
               "a Ref to another stack's resource is reported");
    }

    // A handle from a stack built on another thread is another stack's too.
    {
        std::optional<cfn::stack> elsewhere;
        std::optional<ec2::vpc::handle> foreign;
        std::thread([&] {
            elsewhere.emplace();
            foreign = elsewhere->add(ec2::vpc{"Foreign", {.cidr_block = "10.1.0.0/16"}});
        }).join();
        cfn::stack s;
        s.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = foreign->ref()}});
        auto found = cfn::check(s);
        expect(found.size() == 1 && found[0].message.find("belongs to another stack") != std::string::npos,
               "a Ref to a stack of another thread is reported");
    }

    // The pseudo parameters are compile-time constants, valid in every arena.
    {
        constexpr auto region = cfn::aws::region;
        cfn::stack s;
        s.add(ec2::subnet{"Subnet", {.availability_zone = region, .cidr_block = "10.0.0.0/24", .vpc_id = "vpc-1"}});
        expect(cfn::emit(s, cfn::format::json).find(R"("Ref": "AWS::Region")") != std::string::npos,
               "cfn::aws::region is {\"Ref\": \"AWS::Region\"}");
    }

    if (failures == 0) std::printf("two_stacks: all checks passed\n");
    return failures == 0 ? 0 : 1;
}
