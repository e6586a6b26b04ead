// Energy-landscape catalogs (landscape/Catalog.hpp, CatalogFile.hpp, kmc/NetworkImport.hpp):
// load, save, merge, import hand-made networks, build from arrays, and read minima and saddles
// as numpy columns or as dicts. Units are the catalog's (provenance['units']): energy, length,
// 1/time for prefactors, length^3 for activation volumes.
#include <pybind11/stl.h>

#include "kmc/NetworkImport.hpp"
#include "landscape/Catalog.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/Error.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;
using landscape::Catalog;
using landscape::Minimum;
using landscape::MinimumId;
using landscape::Saddle;

py::dict discovery(const landscape::Discovery& d) {
  return py::dict("method"_a = d.method, "temperature"_a = d.temperature, "seed"_a = d.seed, "md_step"_a = d.md_step);
}

py::dict minima_columns(const Catalog& c) {
  const std::size_t n = c.minimum_count();
  py::list fingerprints;
  for (std::size_t i = 0; i < n; ++i) fingerprints.append(c.minimum_at(i).fingerprint);
  return py::dict("id"_a = column<std::int64_t>(n, [&](std::size_t i) { return c.minimum_at(i).id; }),
                  "energy"_a = column<double>(n, [&](std::size_t i) { return c.minimum_at(i).energy; }),
                  "volume"_a = column<double>(n, [&](std::size_t i) { return c.minimum_at(i).volume; }),
                  "fingerprint"_a = fingerprints);
}

py::dict saddle_columns(const Catalog& c) {
  const std::size_t n = c.saddle_count();
  auto col = [&](auto field) { return column<double>(n, [&](std::size_t i) { return c.saddle(i).*field; }); };
  py::array_t<double> location({static_cast<py::ssize_t>(n), py::ssize_t{3}});
  py::list keys;
  for (std::size_t i = 0; i < n; ++i) {
    for (int k = 0; k < 3; ++k) location.mutable_at(i, k) = c.saddle(i).location[k];
    keys.append(c.saddle(i).environment_key);
  }
  return py::dict("from"_a = column<std::int64_t>(n, [&](std::size_t i) { return c.saddle(i).from; }),
                  "to"_a = column<std::int64_t>(n, [&](std::size_t i) { return c.saddle(i).to; }),
                  "energy"_a = col(&Saddle::energy), "barrier_forward"_a = col(&Saddle::barrier_forward),
                  "barrier_backward"_a = col(&Saddle::barrier_backward),
                  "prefactor_forward"_a = col(&Saddle::prefactor_forward),
                  "prefactor_backward"_a = col(&Saddle::prefactor_backward),
                  "max_displacement"_a = col(&Saddle::max_displacement),
                  "total_displacement"_a = col(&Saddle::total_displacement),
                  "activation_volume"_a = col(&Saddle::activation_volume),
                  "activation_strain"_a = col(&Saddle::activation_strain), "location"_a = location,
                  "environment_key"_a = keys);
}

py::dict minimum_record(const Minimum& m) {
  return py::dict("id"_a = m.id, "energy"_a = m.energy, "volume"_a = m.volume, "fingerprint"_a = m.fingerprint,
                  "parent"_a = m.coordinates.parent, "stored_atoms"_a = m.coordinates.atoms.size(),
                  "found"_a = discovery(m.found));
}

py::dict saddle_record(const Saddle& s) {
  return py::dict("from"_a = s.from, "to"_a = s.to, "energy"_a = s.energy, "barrier_forward"_a = s.barrier_forward,
                  "barrier_backward"_a = s.barrier_backward, "prefactor_forward"_a = s.prefactor_forward,
                  "prefactor_backward"_a = s.prefactor_backward, "atoms"_a = s.atoms,
                  "max_displacement"_a = s.max_displacement, "total_displacement"_a = s.total_displacement,
                  "location"_a = vector_copy({s.location.x(), s.location.y(), s.location.z()}),
                  "environment_key"_a = s.environment_key, "activation_volume"_a = s.activation_volume,
                  "activation_strain"_a = s.activation_strain, "found"_a = discovery(s.found));
}

py::dict provenance_dict(const landscape::Provenance& p) {
  return py::dict("potential"_a = p.potential, "units"_a = p.units, "temperature"_a = p.temperature, "seed"_a = p.seed,
                  "program_version"_a = p.program_version, "created_by"_a = p.created_by);
}

MinimumId add_minimum(Catalog& c, double energy, MinimumId id, double volume, const std::string& fingerprint,
                      const py::object& positions) {
  Minimum m;
  m.id = id;
  m.energy = energy;
  m.volume = volume;
  m.fingerprint = fingerprint;
  m.found.method = "python";
  if (!positions.is_none()) {
    const auto r = xyz_array(positions, "positions");
    for (py::ssize_t i = 0; i < r.shape(0); ++i) {
      m.coordinates.atoms.push_back(static_cast<std::int32_t>(i));
      m.coordinates.positions.emplace_back(r.at(i, 0), r.at(i, 1), r.at(i, 2));
    }
  }
  return c.add_minimum(std::move(m));
}

std::size_t add_saddle(Catalog& c, MinimumId from, MinimumId to, double energy, double prefactor_forward,
                       double prefactor_backward, double activation_volume, double activation_strain) {
  Saddle s;
  s.from = from;
  s.to = to;
  s.energy = energy;
  s.prefactor_forward = prefactor_forward;
  s.prefactor_backward = prefactor_backward;
  s.activation_volume = activation_volume;
  s.activation_strain = activation_strain;
  s.found.method = "python";
  return c.add_saddle(std::move(s));
}

/// Optional column `name` of `table` (a dict of arrays) as doubles, `fallback` if absent.
std::vector<double> optional_column(const py::dict& table, const char* name, std::size_t n, double fallback) {
  if (!table.contains(name)) return std::vector<double>(n, fallback);
  const auto a = vector_array(table[name], std::string("saddles['") + name + "']", static_cast<long>(n));
  return {a.data(), a.data() + n};
}

Catalog from_arrays(const py::dict& minima, const py::dict& saddles, const std::string& units) {
  landscape::Provenance p;
  p.units = units;
  p.created_by = "glassland python Catalog.from_arrays";
  Catalog c(p);
  if (!minima.contains("energy")) throw InputError("minima", "needs an 'energy' column");
  const auto energy = vector_array(minima["energy"], "minima['energy']");
  const auto n = static_cast<std::size_t>(energy.shape(0));
  const bool has_id = minima.contains("id");
  const auto id = has_id ? vector_array(minima["id"], "minima['id']", static_cast<long>(n)) : energy;
  const auto volume = optional_column(minima, "volume", n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    add_minimum(c, energy.at(i), has_id ? static_cast<MinimumId>(id.at(i)) : landscape::kNoMinimum, volume[i], "",
                py::none());
  if (saddles.empty()) return c;
  for (const char* key : {"from", "to", "energy"})
    if (!saddles.contains(key)) throw InputError("saddles", std::string("needs a '") + key + "' column");
  const auto e = vector_array(saddles["energy"], "saddles['energy']");
  const auto m = static_cast<std::size_t>(e.shape(0));
  const auto from = vector_array(saddles["from"], "saddles['from']", static_cast<long>(m));
  const auto to = vector_array(saddles["to"], "saddles['to']", static_cast<long>(m));
  const auto nu_f = optional_column(saddles, "prefactor_forward", m, 1.0);
  const auto nu_b = optional_column(saddles, "prefactor_backward", m, 1.0);
  const auto volume_s = optional_column(saddles, "activation_volume", m, 0.0);
  const auto strain = optional_column(saddles, "activation_strain", m, 0.0);
  for (std::size_t k = 0; k < m; ++k)
    add_saddle(c, static_cast<MinimumId>(from.at(k)), static_cast<MinimumId>(to.at(k)), e.at(k), nu_f[k], nu_b[k],
               volume_s[k], strain[k]);
  return c;
}

}  // namespace

void bind_catalog(py::module_& m) {
  py::class_<Catalog>(m, "Catalog",
                      "Energy-landscape catalog: minima (graph vertices) and saddles (edges). Units are the "
                      "catalog's, provenance['units'] ('lj', 'metal' or 'reduced'): energies (energy), prefactors "
                      "(1/time), lengths (length), activation volumes (length^3).")
      .def(py::init([](const std::string& units, const std::string& potential) {
             landscape::Provenance p;
             p.units = units;
             p.potential = potential;
             p.created_by = "glassland python";
             return Catalog(p);
           }),
           "units"_a = "reduced", "potential"_a = "", "An empty catalog.")
      .def_static("load", &landscape::load_catalog, "path"_a, "Reads a .glcat file (errors name the path).")
      .def("save", [](const Catalog& c, const std::string& path) { landscape::save_catalog(path, c); }, "path"_a,
           "Writes a .glcat file atomically.")
      .def_static("import_network", &kmc::import_network_file, "path"_a,
                  "Hand-made network from a JSON file (schema: docs/catalog-kmc.md).")
      .def_static("from_network_json", &kmc::catalog_from_network_json, "text"_a, "source"_a = "<string>",
                  "Hand-made network from JSON text.")
      .def_static("from_arrays", &from_arrays, "minima"_a, "saddles"_a = py::dict(), "units"_a = "reduced",
                  "Catalog from numpy columns: minima {'energy', optional 'id', 'volume'}; saddles {'from', 'to', "
                  "'energy', optional 'prefactor_forward', 'prefactor_backward' (default 1/time unit), "
                  "'activation_volume', 'activation_strain'} (the columns minima() and saddles() return).")
      .def("merge",
           [](Catalog& into, const Catalog& from, double energy_tolerance) {
             landscape::DedupTolerance t;
             t.energy = energy_tolerance;
             return merge_catalog(into, from, t);
           },
           "other"_a, "energy_tolerance"_a = 1e-6,
           "Adds `other` in place with deduplication (same fingerprint/endpoints and energies within "
           "energy_tolerance, energy). Returns (minima added, saddles added).")
      .def("add_minimum", &add_minimum, "energy"_a, "id"_a = landscape::kNoMinimum, "volume"_a = 0.0,
           "fingerprint"_a = "", "positions"_a = py::none(),
           "Adds a minimum (energy; volume length^3; positions (n, 3) length); returns its id.")
      .def("add_saddle", &add_saddle, "from_id"_a, "to_id"_a, "energy"_a, "prefactor_forward"_a = 1.0,
           "prefactor_backward"_a = 1.0, "activation_volume"_a = 0.0, "activation_strain"_a = 0.0,
           "Adds a saddle between two minima (energy; prefactors 1/time); returns its index.")
      .def_property_readonly("n_minima", &Catalog::minimum_count)
      .def_property_readonly("n_saddles", &Catalog::saddle_count)
      .def_property_readonly("schema_version", &Catalog::schema_version)
      .def_property_readonly("provenance", [](const Catalog& c) { return provenance_dict(c.provenance()); })
      .def_property_readonly("units", [](const Catalog& c) { return c.provenance().units; })
      .def("minima", &minima_columns,
           "Minima as numpy columns (insertion order): id, energy (energy), volume (length^3), fingerprint (list).")
      .def("saddles", &saddle_columns,
           "Saddles as numpy columns (insertion order): from, to (minimum ids), energy, barrier_forward, "
           "barrier_backward (energy), prefactor_forward, prefactor_backward (1/time), max_displacement, "
           "total_displacement (length), activation_volume (length^3), activation_strain, location (n, 3) "
           "(length), environment_key (list).")
      .def("minimum", [](const Catalog& c, MinimumId id) { return minimum_record(c.minimum(id)); }, "id"_a,
           "One minimum as a dict.")
      .def("saddle",
           [](const Catalog& c, std::size_t index) {
             if (index >= c.saddle_count()) throw InputError("index", "no saddle " + std::to_string(index));
             return saddle_record(c.saddle(index));
           },
           "index"_a, "One saddle as a dict.")
      .def("minimum_records",
           [](const Catalog& c) {
             py::list out;
             for (std::size_t i = 0; i < c.minimum_count(); ++i) out.append(minimum_record(c.minimum_at(i)));
             return out;
           })
      .def("saddle_records",
           [](const Catalog& c) {
             py::list out;
             for (std::size_t i = 0; i < c.saddle_count(); ++i) out.append(saddle_record(c.saddle(i)));
             return out;
           })
      .def("positions", [](const Catalog& c, MinimumId id) { return vec3_copy(c.positions(id)); }, "id"_a,
           "Full positions of a minimum (n, 3) (length), rebuilt through its parents.")
      .def("copy", [](const Catalog& c) { return Catalog(c); })
      .def("__eq__", [](const Catalog& a, const Catalog& b) { return a == b; })
      .def("__repr__", [](const Catalog& c) {
        return "Catalog(" + std::to_string(c.minimum_count()) + " minima, " + std::to_string(c.saddle_count()) +
               " saddles, units='" + c.provenance().units + "')";
      });
}

}  // namespace glassland::python
