#include "tests/support/Tolerance.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace glassland::test {

bool close(double a, double b, double relative, double absolute) {
  if (std::isnan(a) || std::isnan(b)) return false;
  return std::abs(a - b) <= absolute + relative * std::max(std::abs(a), std::abs(b));
}

bool within_standard_errors(double mean, double expected, double standard_error, double sigmas) {
  if (!std::isfinite(mean) || !std::isfinite(standard_error)) return false;
  return std::abs(mean - expected) <= sigmas * standard_error;
}

std::string scratch_dir(const std::string& name) {
  // The process id keeps concurrent test runs (two build trees, ctest -j) out of each other's way.
  const auto dir = std::filesystem::temp_directory_path() / ("glassland-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace glassland::test
