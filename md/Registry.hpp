#pragma once
// The one shape of every extension point (potential presets, integrators, minimizers, saddle
// searches, model solvers, protocol steps): a name -> entry table built once by one explicit
// `register_*` function of the module, looked up by name. An unknown name is a user error
// naming the field the name came from and listing what is known; aliases live in the table.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "md/Error.hpp"

namespace glassland {

template <class Entry>
class Registry {
public:
  /// `what` names the kind in messages ("minimizer"); `field` is where a name comes from
  /// (a TOML key or the option that carries it, e.g. "minimizer", "ensemble").
  Registry(std::string what, std::string field) : what_(std::move(what)), field_(std::move(field)) {}

  /// Registers `name`; registering a name twice is a programming error.
  void add(const std::string& name, Entry entry) {
    if (!entries_.emplace(name, std::move(entry)).second) throw InternalError(what_ + " '" + name + "' registered twice");
  }
  /// Another name for an entry already registered (it is not listed among the names).
  void alias(const std::string& alias_name, const std::string& name) { aliases_[alias_name] = name; }

  /// The entry registered as `name` (or an alias of it), or nullptr.
  const Entry* find(const std::string& name) const {
    const auto a = aliases_.find(name);
    const auto it = entries_.find(a == aliases_.end() ? name : a->second);
    return it == entries_.end() ? nullptr : &it->second;
  }
  /// The entry registered as `name`; throws InputError(field, "unknown <what> 'name' (known: ...)").
  const Entry& at(const std::string& name) const {
    if (const Entry* e = find(name)) return *e;
    throw InputError(field_, "unknown " + what_ + " '" + name + "' (known: " + known() + ")");
  }
  bool contains(const std::string& name) const { return find(name) != nullptr; }

  /// Registered names, sorted (aliases excluded).
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [name, entry] : entries_) out.push_back(name);
    return out;
  }
  /// "a, b, c, x (= a)": the names (and aliases) for messages.
  std::string known() const {
    std::string out;
    for (const auto& [name, entry] : entries_) out += (out.empty() ? "" : ", ") + name;
    for (const auto& [alias_name, name] : aliases_) out += ", " + alias_name + " (= " + name + ")";
    return out;
  }

private:
  std::string what_, field_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, std::string> aliases_;
};

}  // namespace glassland
