// TOML potential files (schema in docs/md-core.md). Strict: every key is known, every value
// has the right type and range, every type pair is given exactly once.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <utility>

#include <toml++/toml.h>

#include "md/Error.hpp"
#include "md/PairStyleTable.hpp"
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
  // value_exact: value<int64_t>() would convert a float such as 3e48 to an integer (undefined).
  auto v = node.value_exact<int64_t>();
  if (!v || *v < 1 || *v > 1000) throw InputError(where(source, node, key), "must be an integer atom type 1..1000");
  return static_cast<int>(*v);
}

std::vector<double> parse_masses(const std::string& source, const toml::node& node, const std::string& key) {
  const auto* arr = node.as_array();
  if (!arr || arr->empty()) throw InputError(where(source, node, key), "must be a non-empty array of masses of types 1, 2, ...");
  std::vector<double> masses;
  for (const auto& m : *arr) {
    const double value = number(source, m, key);
    if (!(value > 0.0) || !std::isfinite(value)) throw InputError(where(source, m, key), "masses must be finite and > 0");
    masses.push_back(value);
  }
  return masses;
}

struct PairEntry {
  int a, b;
  PairCoefficients c;
  std::string where;
};

// One [[pair]] table: "types" plus the style's parameters (PairEvaluators.hpp), all required.
PairEntry parse_pair(const std::string& source, const toml::table& t, std::size_t index, const PairStyleInfo& style) {
  const std::string prefix = "pair[" + std::to_string(index) + "]";
  PairEntry e{0, 0, {}, where(source, t, prefix)};
  std::string known = "types";
  for (const auto& p : style.parameters) known += std::string(", ") + p.key;
  std::vector<bool> has(style.parameters.size(), false);
  bool has_types = false;
  for (const auto& [k, node] : t) {
    const std::string key(k.str());
    const std::string name = prefix + "." + key;
    if (key == "types") {
      const auto* arr = node.as_array();
      if (!arr || arr->size() != 2) throw InputError(where(source, node, name), "must be two atom types [a, b]");
      e.a = type_index(source, (*arr)[0], name);
      e.b = type_index(source, (*arr)[1], name);
      has_types = true;
      continue;
    }
    std::size_t p = 0;
    while (p < style.parameters.size() && key != style.parameters[p].key) ++p;
    if (p == style.parameters.size())
      throw InputError(where(source, node, name), "unknown key for style " + std::string(style.name) + " (known: " + known + ")");
    e.c.*(style.parameters[p].field) = number(source, node, name);
    has[p] = true;
  }
  if (!has_types) throw InputError(e.where, "missing key 'types'");
  for (std::size_t p = 0; p < has.size(); ++p)
    if (!has[p]) throw InputError(e.where, std::string("missing key '") + style.parameters[p].key + "'");
  return e;
}

// The setfl path of an EAM TOML: absolute as given; relative to the TOML file's directory,
// else to the working directory, else a file shipped with LAMMPS.
std::string resolve_setfl(const std::string& source, const toml::node& node, const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> candidates;
  if (fs::path(file).is_absolute()) {
    candidates.emplace_back(file);
  } else {
    candidates.push_back(fs::path(source).parent_path() / file);
    candidates.emplace_back(file);
    candidates.emplace_back(lammps_potential_file(file));
  }
  for (const auto& c : candidates)
    if (fs::is_regular_file(c, ec)) return c.string();
  std::string tried;
  for (const auto& c : candidates) tried += (tried.empty() ? "" : ", ") + c.string();
  throw InputError(where(source, node, "file"), "EAM file '" + file + "' not found (looked for " + tried + ")");
}

PotentialSpec parse_eam(const std::string& source, const toml::table& root, PairStyle style) {
  const toml::node* file_node = nullptr;
  const toml::node* elements_node = nullptr;
  std::vector<std::string> elements;
  std::vector<double> masses;
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    if (key == "style") continue;
    if (key == "file") {
      if (!node.value<std::string>()) throw InputError(where(source, node, key), "must be a string (path of a setfl file)");
      file_node = &node;
    } else if (key == "elements") {
      const auto* arr = node.as_array();
      if (!arr || arr->empty()) throw InputError(where(source, node, key), "must be a non-empty array of element names of types 1, 2, ...");
      for (std::size_t i = 0; i < arr->size(); ++i) {
        auto v = (*arr)[i].value<std::string>();
        if (!v) throw InputError(where(source, (*arr)[i], key + "[" + std::to_string(i + 1) + "]"), "must be an element name");
        elements.push_back(*v);
      }
      elements_node = &node;
    } else if (key == "units") {
      auto v = node.value<std::string>();
      if (!v || *v != "metal") throw InputError(where(source, node, key), "must be \"metal\" for an EAM file");
    } else if (key == "masses") {
      masses = parse_masses(source, node, key);
    } else {
      throw InputError(where(source, node, key), "unknown key for an EAM style (known: style, file, elements, units, masses)");
    }
  }
  if (!file_node) throw InputError(source + ": file", "missing key 'file'");
  if (!elements_node) throw InputError(source + ": elements", "missing key 'elements'");
  const std::string path = resolve_setfl(source, *file_node, *file_node->value<std::string>());
  PotentialSpec spec = eam_potential_spec(source, path, style, elements, where(source, *elements_node, "elements"));
  if (!masses.empty()) {
    if (masses.size() != elements.size())
      throw InputError(source + ": masses", "gives " + std::to_string(masses.size()) + " masses for " +
                                                std::to_string(elements.size()) + " elements");
    std::copy(masses.begin(), masses.end(), spec.type_mass.begin() + 1);
  }
  return spec;
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
  const toml::node* style_node = root.get("style");
  if (!style_node) throw InputError(source + ": style", "missing key 'style'");
  const auto style_name = style_node->value<std::string>();
  if (!style_name) throw InputError(where(source, *style_node, "style"), "must be a string (e.g. \"lj\", \"eam/fs\")");
  const PairStyle style = parse_pair_style(*style_name, where(source, *style_node, "style"));
  if (style.is_eam()) return parse_eam(source, root, style);
  const PairStyleInfo& info = *find_pair_style(style.name());
  bool shift = false;
  std::vector<PairEntry> entries;
  std::vector<double> masses;
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    if (key == "style") {
      continue;
    } else if (key == "shift") {
      auto v = node.value_exact<bool>();  // value<bool>() would read 1 as true
      if (!v) throw InputError(where(source, node, key), "must be true or false");
      shift = *v;
    } else if (key == "units") {
      auto v = node.value<std::string>();
      if (!v || (*v != "lj" && *v != "metal")) throw InputError(where(source, node, key), "must be \"lj\" or \"metal\"");
      spec.units = *v == "metal" ? UnitSystem::metal : UnitSystem::lj;
    } else if (key == "masses") {
      masses = parse_masses(source, node, key);
    } else if (key == "pair") {
      const auto* arr = node.as_array();
      if (!arr || !arr->is_array_of_tables()) throw InputError(where(source, node, key), "must be an array of tables [[pair]]");
      for (std::size_t i = 0; i < arr->size(); ++i) entries.push_back(parse_pair(source, *(*arr)[i].as_table(), i + 1, info));
    } else {
      throw InputError(where(source, node, key), "unknown key (known: style, shift, units, masses, pair)");
    }
  }
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
