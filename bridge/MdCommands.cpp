// The MD command family: `md` (integrate a data file), `quench` (the default job: make a glass
// by a linear quench and estimate Tg) and `analyze` (g(r), MSD, F_s of dumps).
#include <fmt/format.h>

#include "bridge/Commands.hpp"
#include "bridge/MdCommandParts.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::bridge {

void register_md_commands(CLI::App& app) {
  register_md_run_command(app);
  register_quench_command(app);
  register_analyze_command(app);
}

md::System read_system_for(const std::string& data_path, const md::PotentialSpec& spec) {
  md::System system = md::read_lammps_data(data_path, spec.units);
  if (system.ntypes() > spec.pair.ntypes())
    throw InputError(data_path + ": atom types",
                     fmt::format("the data file has {} atom types but potential '{}' defines pairs only for types 1..{}",
                                 system.ntypes(), spec.name, spec.pair.ntypes()));
  if (!spec.type_mass.empty()) {
    md::apply_default_masses(system, spec.type_mass);
  } else {
    for (int t = 1; t <= system.ntypes(); ++t)
      if (!(system.type_mass[static_cast<std::size_t>(t)] > 0.0))
        throw InputError(data_path + ": Masses", fmt::format("no mass for atom type {} (the potential gives none)", t));
  }
  return system;
}

void set_thread_count(int threads) {
  if (threads < 0) throw InputError("--threads", "must be >= 0");
#ifdef _OPENMP
  if (threads > 0) omp_set_num_threads(threads);
#endif
}

double default_skin(md::UnitSystem units, double requested) {
  if (requested > 0.0) return requested;
  return units == md::UnitSystem::metal ? 1.0 : 0.3;
}

}  // namespace glassland::bridge
