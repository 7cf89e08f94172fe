// A misspelled dotted attribute: RDS's Endpoint.Address.
// class: 5
// fix: dotted attribute names become underscores: `Endpoint.Address` is `attr_endpoint_address()`.
// expect: rds::db_instance::handle
// expect: attr_endpoint_adress
#include <cfn/cfn.hpp>
#include <cfn/aws/rds/db_instance.hpp>

void build(cfn::stack& s) {
    auto db = s.add(cfn::aws::rds::db_instance{"Database", {}});
#ifdef CFN_MISTAKE
    s.output("DatabaseHost", db.attr_endpoint_adress());  // <- error
#else
    s.output("DatabaseHost", db.attr_endpoint_address());
#endif
}
