#pragma once
// Comparison helpers with explicit tolerances. Every physics test states its tolerance and why.
#include <string>

namespace glassland::test {

/// |a - b| <= absolute + relative * max(|a|, |b|); NaN never compares close.
bool close(double a, double b, double relative, double absolute = 0.0);

/// Bound for a sample mean: |mean - expected| <= sigmas * stderr.
bool within_standard_errors(double mean, double expected, double standard_error, double sigmas);

/// Directory for a test's scratch files (created, unique per name, under the build tree).
std::string scratch_dir(const std::string& name);

}  // namespace glassland::test
