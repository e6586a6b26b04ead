#pragma once
// Strict reading of one number from text, shared by every parser (command-line lists, schedule
// files, stress protocols, CSV targets): the whole text must be the number ("2abc", "", " 2"
// and "nan" are not numbers), and a double must be finite. Callers turn std::nullopt into an
// InputError naming their file:line, key or option.
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

namespace glassland {

/// A finite double written in decimal or scientific notation (an optional leading '+').
inline std::optional<double> parse_finite(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

/// A whole number in the range of long (an optional leading '+').
inline std::optional<long> parse_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace glassland
