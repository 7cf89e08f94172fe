// The Catch2 main of cfnpp's unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
