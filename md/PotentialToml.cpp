// TOML potential files (schema in docs/md-core.md). Strict: every key is known, every value
// has the right type and range, every type pair is given exactly once.
#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include <toml++/toml.h>

#include "md/Error.hpp"
#include "md/PotentialRegistry.hpp"

namespace glassland::md {

namespace {

std::string where(const std::string& source, const toml::node& node, const std::string& key) {
  const auto line = node.source().begin.line;
  return (line > 0 ? file_line(source, static_cast<long>(line)) : source) + ": " + key;
}

double number(const std::string& source, const toml::node& node, const std::string& key) {
  if (auto v = node.value<double>()) return *v;
  throw InputError(where(source, node, key), "must be a number");
}

int type_index(const std::string& source, const toml::node& node, const std::string& key) {
  auto v = node.value<int64_t>();
  if (!v || *v < 1 || *v > 1000) throw InputError(where(source, node, key), "must be an atom type 1..1000");
  return static_cast<int>(*v);
}

struct PairEntry {
  int a, b;
  PairCoefficients c;
  std::string where;
};

PairEntry parse_pair(const std::string& source, const toml::table& t, std::size_t index) {
  const std::string prefix = "pair[" + std::to_string(index) + "]";
  PairEntry e{0, 0, {}, where(source, t, prefix)};
  bool has[4] = {false, false, false, false};
  for (const auto& [k, node] : t) {
    const std::string key(k.str());
    const std::string name = prefix + "." + key;
    if (key == "types") {
      const auto* arr = node.as_array();
      if (!arr || arr->size() != 2) throw InputError(where(source, node, name), "must be two atom types [a, b]");
      e.a = type_index(source, (*arr)[0], name);
      e.b = type_index(source, (*arr)[1], name);
      has[0] = true;
    } else if (key == "epsilon") {
      e.c.epsilon = number(source, node, name);
      has[1] = true;
    } else if (key == "sigma") {
      e.c.sigma = number(source, node, name);
      has[2] = true;
    } else if (key == "cutoff") {
      e.c.cutoff = number(source, node, name);
      has[3] = true;
    } else {
      throw InputError(where(source, node, name), "unknown key (known: types, epsilon, sigma, cutoff)");
    }
  }
  const char* names[4] = {"types", "epsilon", "sigma", "cutoff"};
  for (int k = 0; k < 4; ++k)
    if (!has[k]) throw InputError(e.where, std::string("missing key '") + names[k] + "'");
  return e;
}

}  // namespace

PotentialSpec parse_potential_toml(const std::string& text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& err) {
    throw InputError(file_line(source, static_cast<long>(err.source().begin.line)),
                     std::string(err.description()));
  }
  PotentialSpec spec;
  spec.name = source;
  PairStyle style = PairStyle::lj;
  bool shift = false;
  bool has_style = false;
  std::vector<PairEntry> entries;
  std::vector<double> masses;
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    if (key == "style") {
      auto v = node.value<std::string>();
      if (!v) throw InputError(where(source, node, key), "must be a string (\"lj\" or \"lj/sf\")");
      style = parse_pair_style(*v, where(source, node, key));
      has_style = true;
    } else if (key == "shift") {
      auto v = node.value<bool>();
      if (!v) throw InputError(where(source, node, key), "must be true or false");
      shift = *v;
    } else if (key == "units") {
      auto v = node.value<std::string>();
      if (!v || (*v != "lj" && *v != "metal")) throw InputError(where(source, node, key), "must be \"lj\" or \"metal\"");
      spec.units = *v == "metal" ? UnitSystem::metal : UnitSystem::lj;
    } else if (key == "masses") {
      const auto* arr = node.as_array();
      if (!arr || arr->empty()) throw InputError(where(source, node, key), "must be a non-empty array of masses of types 1, 2, ...");
      for (const auto& m : *arr) {
        const double value = number(source, m, key);
        if (!(value > 0.0) || !std::isfinite(value)) throw InputError(where(source, m, key), "masses must be finite and > 0");
        masses.push_back(value);
      }
    } else if (key == "pair") {
      const auto* arr = node.as_array();
      if (!arr || !arr->is_array_of_tables()) throw InputError(where(source, node, key), "must be an array of tables [[pair]]");
      for (std::size_t i = 0; i < arr->size(); ++i) entries.push_back(parse_pair(source, *(*arr)[i].as_table(), i + 1));
    } else {
      throw InputError(where(source, node, key), "unknown key (known: style, shift, units, masses, pair)");
    }
  }
  if (!has_style) throw InputError(source + ": style", "missing key 'style'");
  if (entries.empty()) throw InputError(source + ": pair", "no [[pair]] entries");
  int ntypes = static_cast<int>(masses.size());
  for (const auto& e : entries) ntypes = std::max({ntypes, e.a, e.b});
  spec.pair = PairPotential(style, ntypes, shift);
  std::set<std::pair<int, int>> seen;
  for (const auto& e : entries) {
    if (!seen.insert({std::min(e.a, e.b), std::max(e.a, e.b)}).second)
      throw InputError(e.where, "pair " + std::to_string(e.a) + "-" + std::to_string(e.b) + " given twice");
    spec.pair.set_pair(e.a, e.b, e.c, e.where);
  }
  spec.pair.validate(source);
  if (!masses.empty()) {
    if (static_cast<int>(masses.size()) != ntypes)
      throw InputError(source + ": masses", "gives " + std::to_string(masses.size()) + " masses for " +
                                                std::to_string(ntypes) + " atom types");
    spec.type_mass.push_back(0.0);
    spec.type_mass.insert(spec.type_mass.end(), masses.begin(), masses.end());
  }
  return spec;
}

}  // namespace glassland::md
