// `glassland eval --data FILE --potential P [--forces OUT] --json`: potential energy, volume,
// configurational pressure and (optionally) forces of one configuration.
#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/ForceCompute.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/SimdLevel.hpp"

namespace glassland::bridge {

namespace {

struct EvalOptions {
  std::string data;
  std::string potential;
  std::string forces;
  bool json = false;
};

void write_forces(const std::string& path, const md::System& system) {
  std::vector<std::size_t> order(system.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return system.id[a] < system.id[b]; });
  std::string text;
  for (std::size_t i : order) {
    const md::Vec3& f = system.force[i];
    text += fmt::format("{} {:.17g} {:.17g} {:.17g}\n", system.id[i], f.x(), f.y(), f.z());
  }
  write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

void run_eval(const EvalOptions& options) {
  const md::PotentialSpec spec = md::load_potential(options.potential);
  md::System system = md::read_lammps_data(options.data, spec.units);
  if (system.ntypes() > spec.pair.ntypes())
    throw InputError(options.data + ": atom types",
                     fmt::format("the data file has {} atom types but potential '{}' defines pairs only for types 1..{}",
                                 system.ntypes(), options.potential, spec.pair.ntypes()));
  md::ForceCompute forces(spec.pair, 0.0);
  md::ForceTotals totals;
  try {
    totals = forces.compute(system);
  } catch (const InputError& e) {
    throw InputError(options.data + ": " + e.where(), e.message());
  }
  const double volume = system.box.volume();
  const double pressure = md::virial_pressure(totals, system.box, spec.units);
  if (!options.forces.empty()) write_forces(options.forces, system);
  if (options.json) {
    print_json({{"natoms", system.size()},
                {"volume", volume},
                {"energy", totals.energy},
                {"pressure_virial", pressure},
                {"units", md::unit_name(spec.units)},
                {"simd", md::simd_level_name(forces.kernel_level())}});
  } else {
    std::cout << fmt::format("natoms {}\nvolume {:.17g}\nenergy {:.17g}\npressure_virial {:.17g}\nunits {}\n",
                             system.size(), volume, totals.energy, pressure, md::unit_name(spec.units));
  }
}

}  // namespace

void register_eval_command(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Potential energy, volume, virial pressure (and forces) of one configuration");
  cmd->add_option("--data", options->data,
                  "LAMMPS data file (atom_style atomic), read in the potential's units (lj or metal)")
      ->required();
  cmd->add_option("--potential", options->potential,
                  "preset (wahnstrom, wahnstrom-sf, kob-andersen, kob-andersen-sf) or a TOML potential file")
      ->required();
  cmd->add_option("--forces", options->forces,
                  "write 'id fx fy fz' per atom, sorted by id, %.17g (energy/length), written atomically");
  cmd->add_flag("--json", options->json,
                "print one JSON object: natoms, volume (length^3), energy (energy), pressure_virial "
                "(configurational pressure without the kinetic term; LJ: eps/sigma^3, metal: bar)");
  cmd->callback([options] { run_eval(*options); });
}

}  // namespace glassland::bridge
