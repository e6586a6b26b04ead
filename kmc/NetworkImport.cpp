#include "kmc/NetworkImport.hpp"

#include "kmc/JsonMessage.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "glassland/Version.hpp"
#include "md/Error.hpp"

namespace glassland::kmc {

namespace {

using nlohmann::json;

double number(const json& object, const char* key, const std::string& where, bool required = true,
              double fallback = 0.0) {
  if (!object.contains(key)) {
    if (required) throw InputError(where + "." + key, "missing");
    return fallback;
  }
  const json& v = object.at(key);
  if (!v.is_number()) throw InputError(where + "." + key, "must be a number");
  const double x = v.get<double>();
  if (!std::isfinite(x)) throw InputError(where + "." + key, "must be finite");
  return x;
}

landscape::MinimumId integer_id(const json& object, const char* key, const std::string& where) {
  if (!object.contains(key)) throw InputError(where + "." + key, "missing");
  const json& v = object.at(key);
  if (!v.is_number_integer()) throw InputError(where + "." + key, "must be an integer id");
  return v.get<landscape::MinimumId>();
}

// A misspelt optional field (activation_volum) must not be dropped silently.
void require_known_fields(const json& object, std::initializer_list<const char*> known, const std::string& where) {
  if (!object.is_object()) throw InputError(where, "must be a JSON object");
  for (const auto& item : object.items()) {  // not a structured binding: clang 14 cannot capture one
    const std::string& key = item.key();
    if (std::find_if(known.begin(), known.end(), [&](const char* k) { return key == k; }) == known.end())
      throw InputError(where + "." + key, "unknown field");
  }
}

const json& array_field(const json& root, const char* key, const std::string& where) {
  if (!root.contains(key) || !root.at(key).is_array()) throw InputError(where + ": " + key, "missing or not an array");
  return root.at(key);
}

}  // namespace

landscape::Catalog catalog_from_network_json(const std::string& text, const std::string& where) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {  // parse errors and numbers out of range (1e400)
    throw InputError(where, "corrupt JSON: " + json_error_text(e));
  }
  if (!root.is_object()) throw InputError(where, "expected a JSON object with minima and saddles");
  landscape::Provenance provenance;
  // Found by fuzz_network: a units value that is not a string escaped as a raw nlohmann error.
  const bool units_text = !root.contains("units") || root.at("units").is_string();
  provenance.units = units_text ? root.value("units", std::string("reduced")) : std::string();
  if (provenance.units != "reduced" && provenance.units != "lj" && provenance.units != "metal")
    throw InputError(where + ": units", "must be reduced, lj or metal");
  provenance.program_version = kVersion;
  provenance.created_by = "glassland catalog import";
  landscape::Catalog catalog(provenance);
  const json& minima = array_field(root, "minima", where);
  for (std::size_t i = 0; i < minima.size(); ++i) {
    const std::string at = where + ": minima[" + std::to_string(i) + "]";
    require_known_fields(minima[i], {"id", "energy"}, at);
    landscape::Minimum m;
    m.id = integer_id(minima[i], "id", at);
    if (m.id < 0) throw InputError(at + ".id", "must be >= 0");
    if (catalog.has_minimum(m.id)) throw InputError(at + ".id", "duplicate id " + std::to_string(m.id));
    m.energy = number(minima[i], "energy", at);
    m.fingerprint = "id:" + std::to_string(m.id);
    m.found.method = "import";
    catalog.add_minimum(std::move(m));
  }
  const json& saddles = array_field(root, "saddles", where);
  for (std::size_t k = 0; k < saddles.size(); ++k) {
    const std::string at = where + ": saddles[" + std::to_string(k) + "]";
    const json& j = saddles[k];
    require_known_fields(j, {"from", "to", "energy", "prefactor_forward", "prefactor_backward", "activation_volume",
                             "activation_strain"}, at);
    landscape::Saddle s;
    s.from = integer_id(j, "from", at);
    s.to = integer_id(j, "to", at);
    if (!catalog.has_minimum(s.from)) throw InputError(at + ".from", "unknown minimum " + std::to_string(s.from));
    if (!catalog.has_minimum(s.to)) throw InputError(at + ".to", "unknown minimum " + std::to_string(s.to));
    s.energy = number(j, "energy", at);
    s.prefactor_forward = number(j, "prefactor_forward", at);
    s.prefactor_backward = number(j, "prefactor_backward", at);
    s.activation_volume = number(j, "activation_volume", at, false);
    s.activation_strain = number(j, "activation_strain", at, false);
    s.found.method = "import";
    try {
      catalog.add_saddle(std::move(s));
    } catch (const InputError& e) {
      throw InputError(at, e.what());
    }
  }
  return catalog;
}

landscape::Catalog import_network_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open network file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return catalog_from_network_json(buffer.str(), path);
}

}  // namespace glassland::kmc
