// cfnpp: everything a generated resource header needs, and nothing more.
//
// Generated headers include only this, so including `cfn/aws/ec2/subnet.hpp` costs the core
// value model plus that one resource: no emitter, no JSON library, no other resource.
#pragma once

#include <cstddef>   // offsetof
#include <string_view>

#include <cfn/policies.hpp>
#include <cfn/reflection.hpp>
#include <cfn/resource.hpp>
#include <cfn/types.hpp>
#include <cfn/value.hpp>
