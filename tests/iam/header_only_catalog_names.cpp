// The one translation unit of header_only_catalog_with_names that carries the IAM action names.
#include <cfn/iam/action_names.hpp>
