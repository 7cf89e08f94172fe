// A condition function (Fn::Equals) inside a `cfn::json_value` document.
// class: 7
// fix: a document holds values; to put one of two values in it, add the condition to the stack and use `cfn::if_(condition, a, b)`.
// expect: condition_value
// expect: json_value
#include <cfn/cfn.hpp>

void build(cfn::stack& s) {
    auto env = s.add(cfn::parameter<cfn::str>{"Env"});
#ifdef CFN_MISTAKE
    s.set_metadata(cfn::json_value{{"Production", cfn::equals(env.ref(), "prod")}});  // <- error
#else
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(env.ref(), "prod")});
    s.set_metadata(cfn::json_value{{"Production", cfn::if_(prod, "yes", "no")}});
#endif
}
