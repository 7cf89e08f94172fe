// Fn::If whose branches are condition functions.
// class: 7
// fix: Fn::If chooses between values; combine conditions with `cfn::and_`, `cfn::or_` and `cfn::not_`.
// expect: Fn::If: a branch is a condition function
#include <cfn/cfn.hpp>

void build(cfn::stack& s) {
    auto env = s.add(cfn::parameter<cfn::str>{"Env"});
    auto strict = s.add(cfn::condition{"Strict", cfn::equals(env.ref(), "audit")});
#ifdef CFN_MISTAKE
    s.add(cfn::condition{"Prod", cfn::if_(strict, cfn::equals(env.ref(), "prod"), cfn::equals(env.ref(), "audit"))});  // <- error
#else
    s.add(cfn::condition{"Prod", cfn::or_({strict, cfn::equals(env.ref(), "prod")})});
#endif
}
