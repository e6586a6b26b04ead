// `glassland analyze --data FILE --potential P [--rdf OUT] [--inherent] [--json]`: structure
// and energy of one configuration: total and partial g(r), thermodynamic observables, and
// the inherent-structure energy (FIRE quench of a copy).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "bridge/CommandSupport.hpp"
#include "bridge/MdCommandParts.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/ForceCompute.hpp"
#include "md/InherentStructure.hpp"
#include "md/PairDistribution.hpp"
#include "md/Thermo.hpp"

namespace glassland::bridge {

namespace {

struct AnalyzeOptions {
  std::string data, potential, rdf, write_inherent;
  double r_max = 0.0;
  int bins = 200;
  bool inherent = false, json = false;
  int threads = 0;
};

void write_rdf(const AnalyzeOptions& o, const md::System& system) {
  const double half_width = 0.5 * system.box.perpendicular_widths().minCoeff();
  const double r_max = o.r_max > 0.0 ? o.r_max : half_width;
  md::PairDistribution rdf(r_max, o.bins, system.ntypes());
  rdf.add_frame(system);
  std::string text = "r,g_total";
  for (int a = 1; a <= system.ntypes(); ++a)
    for (int b = a; b <= system.ntypes(); ++b) text += fmt::format(",g_{}{}", a, b);
  text += "\n";
  for (int k = 0; k < rdf.bins(); ++k) {
    text += fmt::format("{},{}", rdf.r(k), rdf.total(k));
    for (int a = 1; a <= system.ntypes(); ++a)
      for (int b = a; b <= system.ntypes(); ++b) text += fmt::format(",{}", rdf.partial(a, b, k));
    text += "\n";
  }
  write_file_atomically(o.rdf, [&](std::ostream& out) { out << text; });
}

void run_analyze(const AnalyzeOptions& o) {
  set_thread_count(o.threads);
  const md::PotentialSpec spec = md::load_potential(o.potential);
  md::System system = read_system_for(o.data, spec);
  if (o.bins < 1) throw InputError("--bins", "must be >= 1");
  md::ForceCompute forces(spec.pair, default_skin(spec.units, 0.0));
  const md::ForceTotals totals = forces.compute(system);
  const md::Thermo t = md::compute_thermo(system, totals.energy, totals.virial, md::momentum_conserving_dof(system));
  nlohmann::json j = {{"natoms", system.size()},
                      {"volume", t.volume},
                      {"energy_potential", t.potential_energy},
                      {"energy_kinetic", t.kinetic_energy},
                      {"temperature", t.temperature},
                      {"pressure", t.pressure}};
  if (!o.rdf.empty()) write_rdf(o, system);
  if (o.inherent) {
    const md::InherentStructureResult is = md::inherent_structure(system, spec.pair, default_skin(spec.units, 0.0));
    j["inherent_structure_energy"] = is.energy;
    j["inherent_structure_energy_per_atom"] = is.energy_per_atom;
    j["inherent_structure_converged"] = is.converged;
    j["inherent_structure_max_force"] = is.max_force;
  }
  if (o.json) {
    print_json(j);
  } else {
    for (const auto& [key, value] : j.items()) std::cout << key << " " << value.dump() << "\n";
  }
}

}  // namespace

void register_analyze_command(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "g(r), energies, pressure and inherent-structure energy of a configuration");
  cmd->add_option("--data", o->data, "LAMMPS data file")->required();
  cmd->add_option("--potential", o->potential, "preset or TOML potential")->required();
  cmd->add_option("--rdf", o->rdf, "CSV r,g_total,g_11,g_12,... (minimum image, r in length units)");
  cmd->add_option("--rmax", o->r_max, "largest r of g(r) (length; default half the smallest box width)");
  cmd->add_option("--bins", o->bins, "g(r) bins")->capture_default_str();
  cmd->add_flag("--inherent", o->inherent, "quench a copy with FIRE and report the inherent-structure energy");
  cmd->add_flag("--json", o->json, "print one JSON object");
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: default)");
  cmd->callback([o] { run_analyze(*o); });
}

}  // namespace glassland::bridge
