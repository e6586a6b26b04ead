#include "kmc/model/TomlFields.hpp"

#include <cmath>

#include "md/Error.hpp"

namespace glassland::model {

TomlFields::TomlFields(const toml::table* table, std::string file, std::string prefix)
    : table_(table), file_(std::move(file)), prefix_(std::move(prefix)) {}

bool TomlFields::has(const std::string& key) const { return table_ != nullptr && table_->contains(key); }

std::string TomlFields::where(const std::string& key) const {
  return file_ + ": " + (prefix_.empty() ? key : prefix_ + "." + key);
}

const toml::node* TomlFields::node(const std::string& key) {
  used_.insert(key);
  return table_ == nullptr ? nullptr : table_->get(key);
}

std::optional<double> TomlFields::optional_number(const std::string& key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  std::optional<double> value;
  if (auto v = n->value_exact<double>()) value = *v;
  else if (auto i = n->value_exact<std::int64_t>()) value = static_cast<double>(*i);
  else throw InputError(where(key), "must be a number");
  if (!std::isfinite(*value)) throw InputError(where(key), "must be finite (not NaN or inf)");
  return value;
}

double TomlFields::number(const std::string& key, double fallback) { return optional_number(key).value_or(fallback); }

double TomlFields::required_number(const std::string& key) {
  auto v = optional_number(key);
  if (!v) throw InputError(where(key), "is required");
  return *v;
}

double TomlFields::positive(const std::string& key, double fallback, bool allow_zero) {
  const double v = number(key, fallback);
  if (v < 0.0 || (!allow_zero && v == 0.0)) throw InputError(where(key), allow_zero ? "must be >= 0" : "must be > 0");
  return v;
}

double TomlFields::required_positive(const std::string& key) {
  const double v = required_number(key);
  if (!(v > 0.0)) throw InputError(where(key), "must be > 0");
  return v;
}

std::int64_t TomlFields::integer(const std::string& key, std::int64_t fallback) {
  const toml::node* n = node(key);
  if (n == nullptr) return fallback;
  if (auto i = n->value_exact<std::int64_t>()) return *i;
  throw InputError(where(key), "must be an integer");
}

std::int64_t TomlFields::integer(const std::string& key, std::int64_t fallback, std::int64_t lo, std::int64_t hi) {
  const std::int64_t value = integer(key, fallback);
  if (value < lo || value > hi)
    throw InputError(where(key), std::to_string(value) + " is not in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return value;
}

std::string TomlFields::text(const std::string& key, const std::string& fallback) {
  const toml::node* n = node(key);
  if (n == nullptr) return fallback;
  if (auto s = n->value_exact<std::string>()) return *s;
  throw InputError(where(key), "must be a string");
}

std::string TomlFields::required_text(const std::string& key) {
  if (!has(key)) { used_.insert(key); throw InputError(where(key), "is required"); }
  return text(key, "");
}

std::vector<double> TomlFields::numbers(const std::string& key, std::vector<double> fallback) {
  const toml::node* n = node(key);
  if (n == nullptr) return fallback;
  if (!n->is_array()) return {required_number(key)};
  std::vector<double> out;
  for (const auto& item : *n->as_array()) {
    std::optional<double> v;
    if (auto d = item.value_exact<double>()) v = *d;
    else if (auto i = item.value_exact<std::int64_t>()) v = static_cast<double>(*i);
    if (!v || !std::isfinite(*v)) throw InputError(where(key), "must be a list of finite numbers");
    out.push_back(*v);
  }
  if (out.empty()) throw InputError(where(key), "must not be empty");
  return out;
}

std::vector<double> TomlFields::required_numbers(const std::string& key) {
  if (!has(key)) { used_.insert(key); throw InputError(where(key), "is required"); }
  return numbers(key, {});
}

void TomlFields::finish() const {
  if (table_ == nullptr) return;
  for (const auto& [key, value] : *table_)
    if (!used_.count(std::string(key.str()))) throw InputError(where(std::string(key.str())), "unknown key");
}

}  // namespace glassland::model
