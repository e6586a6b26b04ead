#pragma once
// Strict reading of one TOML table: every key read is recorded, finish() rejects the rest, and
// every error names "file: table.key". Numbers must be finite; ranges are checked by callers.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace glassland::model {

class TomlFields {
public:
  /// `file` for messages, `prefix` the table path ("alpha", "step[3]"); table may be null (absent).
  TomlFields(const toml::table* table, std::string file, std::string prefix);

  bool present() const { return table_ != nullptr; }
  bool has(const std::string& key) const;
  std::string where(const std::string& key) const;  ///< "file: prefix.key"

  std::optional<double> optional_number(const std::string& key);
  double number(const std::string& key, double fallback);
  double required_number(const std::string& key);
  /// Number that must be finite and > 0 (or >= 0 when allow_zero).
  double positive(const std::string& key, double fallback, bool allow_zero = false);
  double required_positive(const std::string& key);
  std::int64_t integer(const std::string& key, std::int64_t fallback);
  /// Integer within [lo, hi] (checked before any narrowing: 4294967393 must not become 97).
  std::int64_t integer(const std::string& key, std::int64_t fallback, std::int64_t lo, std::int64_t hi);
  std::string text(const std::string& key, const std::string& fallback);
  std::string required_text(const std::string& key);
  /// Array of finite numbers (a single number is accepted as a one-element list).
  std::vector<double> numbers(const std::string& key, std::vector<double> fallback);
  std::vector<double> required_numbers(const std::string& key);

  /// Throws InputError naming the first key that was never read.
  void finish() const;

private:
  const toml::node* node(const std::string& key);
  const toml::table* table_;
  std::string file_, prefix_;
  std::set<std::string> used_;
};

}  // namespace glassland::model
