// `glassland neb --initial A.data --final B.data --potential P --images N [--climb] --fmax F
// --json`: relaxes both ends to their minima, runs a (climbing-image) nudged elastic band
// between them and prints energies, barriers and force calls. A band that does not converge
// within its budget prints converged:false and exits with status 1.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/NudgedElasticBand.hpp"
#include "landscape/ObjectivePool.hpp"
#include "landscape/SaddleRefinement.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"

namespace glassland::bridge {

namespace {

struct NebCommandOptions {
  std::string initial, final, potential, profile;
  landscape::NebOptions neb;
  double skin = 0.3;
  double quench_fmax = 1e-6;
  double check_radius = -1.0;  // < 0: no Hessian check of the saddle
  bool json = false;
};

md::System read_end(const std::string& path, const md::PotentialSpec& spec) {
  md::System system = md::read_lammps_data(path, spec.units);
  if (!spec.type_mass.empty()) md::apply_default_masses(system, spec.type_mass);
  if (system.ntypes() > spec.pair.ntypes())
    throw InputError(path, fmt::format("has {} atom types, the potential only {}", system.ntypes(), spec.pair.ntypes()));
  return system;
}

landscape::QuenchResult quench_end(md::Objective& objective, const Eigen::VectorXd& x, double fmax,
                                   const std::string& which) {
  landscape::QuenchOptions q;
  q.fmax = fmax;
  try {
    return landscape::quench(objective, x, q);
  } catch (const InputError& e) {
    throw InputError(which, std::string("relaxing the end failed: ") + e.what());
  }
}

void write_profile(const std::string& path, const landscape::NebResult& r) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "# image arc_length energy (length, energy units of the potential)\n";
    for (std::size_t i = 0; i < r.energies.size(); ++i)
      out << fmt::format("{} {:.17g} {:.17g}\n", i, r.arc_length[i], r.energies[i]);
  });
}

void run_neb(const NebCommandOptions& o) {
  o.neb.validate();  // before anything is sized by --images (0 images made an empty pool)
  const md::PotentialSpec spec = md::load_potential(o.potential);
  const md::System a = read_end(o.initial, spec);
  const md::System b = landscape::align_ends(a, read_end(o.final, spec), o.final);
  const auto space = landscape::ConfigurationSpace::periodic(a.box);
  const Eigen::VectorXd xa = landscape::flat_positions(a), xb = landscape::flat_positions(b);
  if (space.max_displacement(xa, xb) < 1e-8) throw InputError("--final", "identical to --initial");

  landscape::ObjectivePool pool(a, spec.pair, o.skin, o.neb.images);
  const auto qa = quench_end(pool[0], xa, o.quench_fmax, "--initial");
  const auto qb = quench_end(pool[0], xb, o.quench_fmax, "--final");
  if (landscape::same_minimum(space, qa.position, qa.energy, qb.position, qb.energy, {1e-6 * (1 + std::abs(qa.energy)), 1e-3}))
    throw InputError("--final", "relaxes to the same minimum as --initial");
  const long quench_calls = pool.evaluations();

  landscape::NudgedElasticBand band(pool.pointers(), space,
                                    landscape::interpolate_path(space, qa.position, qb.position, o.neb.images), o.neb);
  const landscape::NebResult r = band.run();
  nlohmann::json out{{"energy_initial", r.energies.front()}, {"energy_final", r.energies.back()},
                     {"energy_saddle", r.saddle_energy},     {"barrier_forward", r.barrier_forward},
                     {"barrier_reverse", r.barrier_reverse}, {"force_calls", r.force_calls},
                     {"converged", r.converged},             {"iterations", r.iterations},
                     {"end_relaxation_force_calls", quench_calls}, {"max_force", r.max_perpendicular_force},
                     {"units", md::unit_name(spec.units)}};
  if (o.check_radius >= 0.0 && r.converged) {
    landscape::SaddleRefinementOptions check;
    check.local_radius = o.check_radius;
    check.newton_steps = 0;
    const auto ci = static_cast<std::size_t>(r.saddle_image);
    const Eigen::VectorXd tangent = space.difference(r.path[ci + 1], r.path[ci - 1]);
    const auto c = landscape::refine_saddle(pool[0], space, r.path[ci], tangent, check);
    out["negative_modes"] = c.negative_modes;
    out["first_order"] = c.first_order;
  }
  if (!o.profile.empty()) write_profile(o.profile, r);
  if (o.json) {
    print_json(out);
  } else {
    std::cout << fmt::format("E_initial {:.10g}  E_final {:.10g}  E_saddle {:.10g}\nbarrier forward {:.10g}  "
                             "reverse {:.10g}\nforce calls {}  converged {}\n",
                             r.energies.front(), r.energies.back(), r.saddle_energy, r.barrier_forward,
                             r.barrier_reverse, r.force_calls, r.converged);
  }
  if (!r.converged)
    throw InputError("neb", fmt::format("not converged in {} iterations (force {:.3g} > --fmax {:.3g})",
                                        r.iterations, r.max_perpendicular_force, o.neb.fmax));
}

}  // namespace

void register_neb_command(CLI::App& app) {
  auto o = std::make_shared<NebCommandOptions>();
  o->neb.climb = false;
  CLI::App* cmd = app.add_subcommand("neb", "Nudged elastic band between two configurations (ends relaxed first)");
  cmd->add_option("--initial", o->initial, "LAMMPS data file of the initial state")->required();
  cmd->add_option("--final", o->final, "LAMMPS data file of the final state (same atoms, ids, types, box)")->required();
  cmd->add_option("--potential", o->potential,
                  "preset or TOML potential; prefer a smooth (-sf) variant for tight convergence")->required();
  cmd->add_option("--images", o->neb.images, "number of interior images")->default_val(7);
  cmd->add_flag("--climb", o->neb.climb, "climbing image (the highest image converges to the saddle)");
  cmd->add_option("--fmax", o->neb.fmax,
                  "convergence: max per-atom perpendicular force of all images and the climbing image's "
                  "force (energy/length)")->default_val(1e-3);
  cmd->add_option("--spring", o->neb.spring, "spring constant (energy/length^2); k_max if energy-weighted")
      ->default_val(5.0)
      ->check(positive());
  cmd->add_flag("--energy-weighted", o->neb.energy_weighted, "energy-weighted springs between --spring-min and --spring");
  cmd->add_option("--spring-min", o->neb.spring_min, "k_min of energy-weighted springs")->default_val(1.0)
      ->check(positive());
  cmd->add_option("--climb-start", o->neb.climb_start_fmax,
                  "start climbing when the perpendicular force is below this (0: at once)")->default_val(0.0)
      ->check(non_negative());
  cmd->add_option("--max-iterations", o->neb.max_iterations, "minimizer iterations on the band")->default_val(5000)
      ->check(positive());
  cmd->add_option("--minimizer", o->neb.minimizer, "band minimizer: lbfgs or fire")->default_val("lbfgs");
  cmd->add_option("--fallback-minimizer", o->neb.fallback_minimizer,
                  "continue with this minimizer if the first stops unconverged (\"\" for none)")
      ->default_val("fire");
  cmd->add_option("--max-step", o->neb.max_step, "largest per-atom move per iteration (length)")->default_val(0.1)
      ->check(positive());
  cmd->add_option("--timestep", o->neb.timestep,
                  "FIRE initial time step / L-BFGS initial inverse curvature")->default_val(0.05)
      ->check(positive());
  cmd->add_option("--quench-fmax", o->quench_fmax, "force threshold for relaxing the ends")->default_val(1e-6)
      ->check(positive());
  cmd->add_option("--skin", o->skin, "neighbour-list skin (length)")->default_val(0.3)
      ->check(non_negative());
  cmd->add_option("--check-saddle", o->check_radius,
                  "check the saddle (adds negative_modes, first_order): 0 = full Hessian; > 0 = Lanczos lowest "
                  "curvatures of the whole system, local Hessian within this radius of the unstable mode's atoms")
      ->check(non_negative());
  cmd->add_option("--profile", o->profile, "write the energy profile (image, arc length, energy) to this file");
  cmd->add_flag("--json", o->json, "print one JSON object");
  cmd->callback([o] { run_neb(*o); });
}

}  // namespace glassland::bridge
