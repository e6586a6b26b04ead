// Potentials (md/PotentialRegistry.hpp: presets and TOML files) and their evaluation
// (md/ForceCompute.hpp): energy, forces, virial, per-atom energies and virials.
#include <cmath>

#include <pybind11/stl.h>

#include "md/Error.hpp"
#include "python/src/Bindings.hpp"
#include "python/src/PotentialHandle.hpp"

namespace glassland::python {

std::unique_ptr<md::ForceCompute> make_force_compute(const md::PotentialSpec& spec, double skin) {
  return std::make_unique<md::ForceCompute>(spec.pair, skin);
}

PotentialHandle::PotentialHandle(md::PotentialSpec spec, double skin) : spec_(std::move(spec)), skin_(skin) {
  if (!(skin >= 0.0) || !std::isfinite(skin)) throw InputError("skin", "must be finite and >= 0 (length)");
  forces_ = make_force_compute(spec_, skin_);
}

void PotentialHandle::check(const md::System& system) const {
  if (system.units != spec_.units)
    throw InputError("units", std::string("the system is in '") + md::unit_name(system.units) + "' units, potential '" +
                                  spec_.name + "' in '" + md::unit_name(spec_.units) + "'");
  for (const md::Vec3& r : system.position)
    if (!r.allFinite()) throw InputError("positions", "contain NaN or inf");
}

md::ForceTotals PotentialHandle::compute(md::System& system, bool per_atom, std::vector<double>* energies,
                                         std::vector<md::Mat3>* virials) {
  std::lock_guard<std::mutex> lock(mutex_);
  check(system);
  // The list's rebuild rule is geometric; another System (or new types in place of a freed one
  // at the same address) must start from a fresh list.
  if (&system != last_system_ || system.type != last_types_) {
    forces_->invalidate_neighbors();
    last_types_ = system.type;
  }
  last_system_ = &system;
  forces_->set_per_atom(per_atom);
  const md::ForceTotals totals = forces_->compute(system);
  if (per_atom) {
    *energies = forces_->per_atom_energy();
    *virials = forces_->per_atom_virial();
  }
  return totals;
}

namespace {

using namespace pybind11::literals;

py::dict evaluate(PotentialHandle& p, md::System& system, bool per_atom) {
  std::vector<double> energies;
  std::vector<md::Mat3> virials;
  md::ForceTotals totals;
  {
    py::gil_scoped_release release;
    totals = p.compute(system, per_atom, &energies, &virials);
  }
  py::dict out("energy"_a = totals.energy, "virial"_a = matrix_copy(totals.virial),
               "pressure"_a = md::virial_pressure(totals, system.box, system.units));
  if (per_atom) {
    out["energies"] = vector_copy(energies);
    py::array_t<double> w({static_cast<py::ssize_t>(virials.size()), py::ssize_t{3}, py::ssize_t{3}});
    for (std::size_t i = 0; i < virials.size(); ++i)
      for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) w.mutable_at(i, a, b) = virials[i](a, b);
    out["virials"] = w;
  }
  return out;
}

}  // namespace

void bind_potential(py::module_& m) {
  py::class_<PotentialHandle>(m, "Potential",
                              "A glassland potential: a preset name (see Potential.presets()) or a TOML potential "
                              "file (schema in docs/md-core.md). Units: 'lj' (energy epsilon, length sigma) or "
                              "'metal' (eV, Angstrom), see .units. skin: neighbour-list skin (length). One "
                              "neighbour list is cached per Potential (rebuilt when atoms move more than skin/2 or "
                              "another System is evaluated).")
      .def(py::init([](const std::string& name, double skin) {
             return std::make_unique<PotentialHandle>(md::load_potential(name), skin);
           }),
           "name"_a, "skin"_a = 0.3)
      .def_static(
          "from_toml",
          [](const std::string& text, const std::string& source, double skin) {
            return std::make_unique<PotentialHandle>(md::parse_potential_toml(text, source), skin);
          },
          "text"_a, "source"_a = "<string>", "skin"_a = 0.3,
          "Potential from TOML text; errors name `source` and the line/key.")
      .def_static("presets", &md::potential_preset_names, "Names of the built-in presets.")
      .def_property_readonly("name", [](const PotentialHandle& p) { return p.spec().name; })
      .def_property_readonly("units", [](const PotentialHandle& p) { return std::string(md::unit_name(p.spec().units)); },
                             "'lj' or 'metal'.")
      .def_property_readonly("ntypes", [](const PotentialHandle& p) { return p.spec().pair.ntypes(); })
      .def_property_readonly("cutoff", [](const PotentialHandle& p) { return p.spec().pair.max_cutoff(); },
                             "Largest cutoff (length).")
      .def_property_readonly("skin", &PotentialHandle::skin, "Neighbour-list skin (length).")
      .def_property_readonly(
          "masses",
          [](const PotentialHandle& p) {
            const auto& m = p.spec().type_mass;
            return m.empty() ? vector_copy({}) : vector_copy({m.begin() + 1, m.end()});
          },
          "Default mass per type, type 1 first (mass unit; empty if the potential gives none).")
      .def("compute", &evaluate, "system"_a, "per_atom"_a = false,
           "Evaluates `system`: fills system.forces (energy/length, a view) and returns a dict with 'energy' "
           "(energy), 'virial' (3x3, W_ab = sum over pairs r_ij,a f_ij,b, energy; no kinetic part) and "
           "'pressure' (configurational trace(W)/3V: LJ epsilon/sigma^3, metal bar); with per_atom=True also "
           "'energies' (n, energy; half of each pair to each atom) and 'virials' (n, 3, 3, energy). The GIL is "
           "released during the call.")
      .def(
          "energy_and_forces",
          [](PotentialHandle& p, md::System& system) {
            const double e = evaluate(p, system, false)["energy"].cast<double>();
            return py::make_tuple(e, vec3_copy(system.force));
          },
          "system"_a, "(energy (energy), forces (n, 3) copy (energy/length)).")
      .def("__repr__", [](const PotentialHandle& p) {
        return "Potential('" + p.spec().name + "', units='" + md::unit_name(p.spec().units) + "')";
      });
}

}  // namespace glassland::python
