#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "tests/support/Tolerance.hpp"

using glassland::test::close;
using glassland::test::within_standard_errors;

TEST_CASE("close() honours relative and absolute tolerances") {
  CHECK(close(1.0, 1.0 + 1e-10, 1e-9));
  CHECK_FALSE(close(1.0, 1.0 + 1e-8, 1e-9));
  CHECK(close(0.0, 1e-13, 0.0, 1e-12));
  CHECK_FALSE(close(0.0, 1e-11, 0.0, 1e-12));
  CHECK_FALSE(close(std::nan(""), std::nan(""), 1.0, 1.0));
}

TEST_CASE("within_standard_errors() bounds a sample mean") {
  CHECK(within_standard_errors(10.2, 10.0, 0.1, 3.0));
  CHECK_FALSE(within_standard_errors(10.4, 10.0, 0.1, 3.0));
  CHECK_FALSE(within_standard_errors(10.0, 10.0, std::numeric_limits<double>::infinity(), 3.0));
}
