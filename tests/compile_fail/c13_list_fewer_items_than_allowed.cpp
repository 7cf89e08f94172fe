// A list literal with fewer items than the property requires: an RDS proxy in one subnet (the schema's minItems is 2: two Availability Zones).
// class: 13
// fix: at least the schema's minItems, shown as `min_items` in the message's `cfn::list_rule{min_items, max_items}` (`{2, ...}`: subnets in two Availability Zones). A list held in a `std::vector` or given as a parameter is counted by `cfn::check` or at deploy time.
// expect: list_has_fewer_items_than_the_property_allows
// expect-gcc: AWS::RDS::DBProxy\.VpcSubnetIds.*cfn::list_rule\{2, 4294967295\}, 1>
// expect-clang: \{2, 4294967295\}, 1
#include <cfn/cfn.hpp>
#include <cfn/aws/rds/db_proxy.hpp>

void build(cfn::stack& s, cfn::expr<cfn::str> role_arn, cfn::expr<cfn::str> subnet_a, cfn::expr<cfn::str> subnet_b) {
    using cfn::aws::rds::db_proxy;
    s.add(db_proxy{"Proxy", {
        .db_proxy_name = "orders",
        .engine_family = db_proxy::engine_family::POSTGRESQL,
        .role_arn = role_arn,
#ifdef CFN_MISTAKE
        .vpc_subnet_ids = {subnet_a}}});  // <- error
#else
        .vpc_subnet_ids = {subnet_a, subnet_b}}});
#endif
}
