#include "bridge/cli/StrictOptions.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace glassland::bridge {
namespace {

bool all_digits(const std::string& s, std::size_t from) {
  if (from >= s.size()) return false;
  for (std::size_t i = from; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Decimal integer in [INT64_MIN, INT64_MAX] (signed) or [0, UINT64_MAX] (unsigned); leading
// zeros are dropped so CLI11's base-0 strtoll never reads octal.
std::string check_integer(std::string& value, bool is_unsigned) {
  const bool negative = !value.empty() && value[0] == '-';
  const std::size_t first = (!value.empty() && (value[0] == '-' || value[0] == '+')) ? 1 : 0;
  if (!all_digits(value, first)) return "'" + value + "' is not a whole number";
  if (is_unsigned && negative) return "'" + value + "' must not be negative";
  std::string digits = value.substr(first);
  const auto nonzero = digits.find_first_not_of('0');
  digits = nonzero == std::string::npos ? "0" : digits.substr(nonzero);
  const std::string normalized = (negative ? "-" : "") + digits;
  bool in_range;
  if (is_unsigned) {
    std::uint64_t v = 0;
    in_range = std::from_chars(digits.data(), digits.data() + digits.size(), v).ec == std::errc{};
  } else {
    std::int64_t v = 0;
    in_range = std::from_chars(normalized.data(), normalized.data() + normalized.size(), v).ec == std::errc{};
  }
  if (!in_range) return "'" + value + "' is out of range";
  value = normalized;
  return {};
}

std::string check_floating(const std::string& value) {
  char* end = nullptr;
  const double v = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size()) return "'" + value + "' is not a number";
  if (!std::isfinite(v)) return "'" + value + "' is not a finite number";
  return {};
}

CLI::Validator strict_validator(const std::string& type) {
  if (type == "INT" || type == "UINT") {
    const bool is_unsigned = type == "UINT";
    return CLI::Validator([is_unsigned](std::string& v) { return check_integer(v, is_unsigned); }, "", "strict");
  }
  return CLI::Validator([](std::string& v) { return check_floating(v); }, "", "strict");
}

// A validator for numbers that `ok` accepts; `what` completes "must be a number ...".
CLI::Validator number_validator(const std::string& what, bool (*ok)(double)) {
  return CLI::Validator(
      [what, ok](std::string& v) -> std::string {
        char* end = nullptr;
        const double x = std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size() || !ok(x)) return "'" + v + "' must be a number " + what;
        return {};
      },
      "", what);
}

}  // namespace

CLI::Validator non_negative() {
  return number_validator(">= 0", [](double x) { return x >= 0.0; });
}

CLI::Validator positive() {
  return number_validator("> 0", [](double x) { return x > 0.0; });
}

CLI::Validator open_unit_interval() {
  return number_validator("in (0, 1)", [](double x) { return x > 0.0 && x < 1.0; });
}

void require_strict_numbers(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    const std::string type = option->get_type_name();
    // transform, not check: CLI11 keeps a check's edits to the value away from the conversion.
    if (type == "INT" || type == "UINT" || type == "FLOAT") option->transform(strict_validator(type));
  }
  for (CLI::App* sub : app.get_subcommands({})) require_strict_numbers(*sub);
}

}  // namespace glassland::bridge
