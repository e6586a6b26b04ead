// Force calls of minimum-mode saddle searches on a glass (issue 9 target: median <= 150 per
// successful search, >= 95 % first order on the 500-atom Wahnström glass).
// Usage (one thread: OMP_NUM_THREADS=1 for an honest CPU figure):
//   bench_min_mode_search GLASS.data [POTENTIAL=wahnstrom-sf] [SEARCHES=40] [SEED=1] [KEY=VALUE ...]
// KEY=VALUE overrides a MinModeSearchOptions field for tuning (names as in MinModeSearch.hpp:
// fmax, displacement_magnitude, displacement_radius, basin_step, max_step, 
// max_basin_iterations, max_iterations, max_energy, ...).
// Quenches the glass, runs SEARCHES searches centred on atoms drawn by the seed and prints
// the statistics. "Force calls per search" = the climb + the first-order check, the saddle
// search's own cost as eOn counts it; the two quenches that test the connection are reported
// separately.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>

#include <fmt/format.h>

#include "landscape/InherentStructure.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/SimdLevel.hpp"

using namespace glassland;

namespace {

double median(std::vector<long> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? double(v[n / 2]) : 0.5 * double(v[n / 2 - 1] + v[n / 2]);
}

double mean(const std::vector<long>& v) {
  double s = 0.0;
  for (long x : v) s += double(x);
  return v.empty() ? 0.0 : s / double(v.size());
}

/// Applies one KEY=VALUE override; throws InputError naming an unknown key.
void set_option(landscape::MinModeSearchOptions& o, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos) throw InputError(assignment, "expected KEY=VALUE");
  const std::string key = assignment.substr(0, eq), value = assignment.substr(eq + 1);
  const double v = std::atof(value.c_str());
  const std::map<std::string, std::function<void()>> setters{
      {"fmax", [&] { o.fmax = v; }},
      {"displacement_magnitude", [&] { o.displacement_magnitude = v; }},
      {"displacement_radius", [&] { o.displacement_radius = v; }},
      {"basin_step", [&] { o.basin_step = v; }},
      {"max_step", [&] { o.max_step = v; }},
      {"basin_lanczos_tolerance", [&] { o.basin_lanczos_tolerance = v; }},
      {"basin_relax_force", [&] { o.basin_relax_force = v; }},
      {"max_basin_iterations", [&] { o.max_basin_iterations = long(v); }},
      {"max_iterations", [&] { o.max_iterations = long(v); }},
      {"max_energy", [&] { o.max_energy = v; }},
      {"climb_lanczos_tolerance", [&] { o.climb_lanczos_tolerance = v; }},
      {"climb_lanczos_iterations", [&] { o.climb_lanczos_iterations = int(v); }},
      {"mode_fixed_step", [&] { o.mode_fixed_step = v; }},
      {"skip_relaxing_lanczos", [&] { o.skip_relaxing_lanczos = v != 0.0; }},
      {"initial_lanczos_iterations", [&] { o.initial_lanczos_iterations = int(v); }},
      {"mode_keep_tolerance", [&] { o.mode_keep_tolerance = v; }},
      {"lbfgs_memory", [&] { o.lbfgs_memory = int(v); }},
      {"inverse_curvature", [&] { o.inverse_curvature = v; }},
      {"precondition", [&] { o.precondition = v != 0.0; }},
      {"check_lowest_iterations", [&] { o.check.lowest_iterations = int(v); }},
      {"check_tolerance", [&] { o.check.tolerance = v; }},
      {"check_second_iterations", [&] { o.check.second_iterations = int(v); }},
      {"check_global_weight", [&] { o.check.global_weight = v; }},
      {"quench_minimizer", [&] { o.quench.minimizer = value; }},
      {"quench_fmax", [&] { o.quench.fmax = v; }},
  };
  const auto it = setters.find(key);
  if (it == setters.end()) throw InputError(key, "not a MinModeSearchOptions field this benchmark can set");
  it->second();
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: bench_min_mode_search GLASS.data [POTENTIAL] [SEARCHES] [SEED] [KEY=VALUE ...]\n";
    return 2;
  }
  const std::string potential = argc > 2 ? argv[2] : "wahnstrom-sf";
  const int searches = argc > 3 ? std::atoi(argv[3]) : 40;
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
  landscape::MinModeSearchOptions o;
  for (int a = 5; a < argc; ++a) set_option(o, argv[a]);
  o.validate();
  const md::PotentialSpec spec = md::load_potential(potential);
  const md::System system = md::read_lammps_data(argv[1], spec.units);
  landscape::ObjectivePool pool(system, spec.pair, 0.3, 1);
  const auto space = landscape::ConfigurationSpace::periodic(system.box);
  const landscape::QuenchResult start = landscape::quench(pool[0], landscape::flat_positions(system), o.quench);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> atom(0, static_cast<int>(system.size()) - 1);
  std::map<std::string, int> by_status;
  std::vector<long> saddle_calls_success, quench_calls_success, basin_calls_success, total_calls_success, saddle_calls_all, iterations, check_calls, mode_calls;
  std::vector<double> distinct;  // saddle energies of distinct successful saddles
  int first_order = 0;
  const std::clock_t clock0 = std::clock();
  for (int k = 0; k < searches; ++k) {
    const int centre = atom(rng);
    const auto r = landscape::min_mode_search(pool[0], space, start.position, start.energy, centre, seed * 1000003ULL + k, o);
    ++by_status[landscape::status_name(r.status)];
    saddle_calls_all.push_back(r.saddle_force_calls);
    // Ended at a first-order saddle: passed the check (whether or not it connects the start).
    const bool checked = r.status == landscape::SearchStatus::success || r.status == landscape::SearchStatus::not_connected ||
                         r.status == landscape::SearchStatus::degenerate || r.status == landscape::SearchStatus::failed_quench;
    first_order += checked ? 1 : 0;
    if (r.status == landscape::SearchStatus::success) {
      saddle_calls_success.push_back(r.saddle_force_calls);
      quench_calls_success.push_back(r.force_calls - r.saddle_force_calls);
      basin_calls_success.push_back(r.basin_force_calls);
      total_calls_success.push_back(r.force_calls);
      iterations.push_back(r.iterations);
      check_calls.push_back(r.check_force_calls);
      mode_calls.push_back(r.mode_force_calls);
      const double barrier = r.saddle_energy - start.energy;
      // Distinct: barriers 1e-3 apart (saddle energies converge to ~fmax^2 / |curvature|,
      // 1e-4 at fmax 1e-2: a tighter rule would count one saddle twice).
      if (std::none_of(distinct.begin(), distinct.end(), [&](double e) { return std::abs(e - barrier) < 1e-3; }))
        distinct.push_back(barrier);
    }
    std::cerr << fmt::format("search {:3d} centre {:4d}  {:15s} iterations {:4d} (basin {:3d}) climb+check {:5d} (mode {:4d}, check {:4d}) total {:5d} barrier {:.4f} curvatures {:.3g} {:.3g} moved {}\n",
                             k, centre, landscape::status_name(r.status), r.iterations, r.basin_iterations, r.saddle_force_calls,
                             r.mode_force_calls, r.check_force_calls, r.force_calls, r.saddle_energy - start.energy,
                             r.lowest_curvature, r.second_curvature, r.moved_atoms.size());
  }
  const double cpu = double(std::clock() - clock0) / CLOCKS_PER_SEC;
  std::cout << fmt::format("{} atoms, potential {}, {} searches, seed {}, fmax {}, {:.1f} CPU s; CPU {}, SIMD path {} (run-time dispatch)\n",
                           system.size(), potential, searches, seed, o.fmax, cpu, md::cpu_model_name(), md::simd_level_name(md::simd_level()));
  for (const auto& [name, count] : by_status)
    std::cout << fmt::format("  {:16s} {:4d}  ({:.1f} %)\n", name, count, 100.0 * count / searches);
  const int successes = static_cast<int>(saddle_calls_success.size());
  std::cout << fmt::format("  success fraction {:.3f}; ended at a checked first-order saddle {:.3f}; distinct saddles {} of {}\n",
                           double(successes) / searches, double(first_order) / searches, distinct.size(), successes);
  std::cout << fmt::format("  successful: force calls per search (climb + check) median {:.0f} mean {:.1f} "
                           "(of which mode tracking median {:.0f}, check median {:.0f}); iterations median {:.0f}\n",
                           median(saddle_calls_success), mean(saddle_calls_success), median(mode_calls),
                           median(check_calls), median(iterations));
  std::cout << fmt::format("  successful: of the climb, leaving the basin (to the first negative curvature) median {:.0f}\n",
                           median(basin_calls_success));
  std::cout << fmt::format("  successful: quench calls (both sides, reported separately) median {:.0f} mean {:.1f}\n",
                           median(quench_calls_success), mean(quench_calls_success));
  std::cout << fmt::format("  successful: whole search (climb + check + quenches) median {:.0f} mean {:.1f}\n",
                           median(total_calls_success), mean(total_calls_success));
  std::cout << fmt::format("  all searches: climb + check force calls median {:.0f} mean {:.1f}; per success {:.1f}\n",
                           median(saddle_calls_all), mean(saddle_calls_all),
                           successes ? mean(saddle_calls_all) * searches / successes : 0.0);
  // CPU beside force calls: the Exp preconditioner's solves cost CPU that no force call shows
  // (docs/akmc.md "Search cost"). Without OMP_NUM_THREADS=1 an idle OpenMP thread spins and
  // inflates this figure ~20x on a shared machine.
  std::cout << fmt::format("  CPU s per successful search (all searches incl. quenches / successes): {:.3f}\n",
                           successes ? cpu / successes : 0.0);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_min_mode_search: " << e.what() << "\n";
  return 1;
}
