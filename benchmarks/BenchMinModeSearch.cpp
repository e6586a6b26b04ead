// Force calls of minimum-mode saddle searches on a glass (issue 9 target: median <= 150 per
// successful search, >= 95 % first order on the 500-atom Wahnström glass).
// Usage: bench_min_mode_search GLASS.data [POTENTIAL=wahnstrom-sf] [SEARCHES=40] [SEED=1]
//        [DISPLACEMENT_MAGNITUDE] [DISPLACEMENT_RADIUS] [BASIN_STEP] [INVERSE_CURVATURE]
//        [CLIMB_LANCZOS_TOLERANCE] [CLIMB_LANCZOS_ITERATIONS] [LBFGS_MEMORY] [MAX_STEP] [PRECONDITION 0/1]
//        [BASIN_RELAX_FORCE] [QUENCH_MINIMIZER]
//        [CHECK_RELATIVE_TOLERANCE] [BASIN_LANCZOS_TOLERANCE]   (tuning overrides of MinModeSearchOptions, in this order)
// Quenches the glass, runs SEARCHES searches centred on atoms drawn by the seed and prints
// the statistics (force calls of the climb + first-order check, and including both quenches).
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <random>

#include <fmt/format.h>

#include "landscape/InherentStructure.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"

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

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: bench_min_mode_search GLASS.data [POTENTIAL] [SEARCHES] [SEED]\n";
    return 2;
  }
  const std::string potential = argc > 2 ? argv[2] : "wahnstrom-sf";
  const int searches = argc > 3 ? std::atoi(argv[3]) : 40;
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
  const md::PotentialSpec spec = md::load_potential(potential);
  const md::System system = md::read_lammps_data(argv[1], spec.units);
  landscape::ObjectivePool pool(system, spec.pair, 0.3, 1);
  const auto space = landscape::ConfigurationSpace::periodic(system.box);
  landscape::MinModeSearchOptions o;
  if (argc > 5) o.displacement_magnitude = std::atof(argv[5]);
  if (argc > 6) o.displacement_radius = std::atof(argv[6]);
  if (argc > 7) o.basin_step = std::atof(argv[7]);
  if (argc > 8) o.inverse_curvature = std::atof(argv[8]);
  if (argc > 9) o.climb_lanczos_tolerance = std::atof(argv[9]);
  if (argc > 10) o.climb_lanczos_iterations = std::atoi(argv[10]);
  if (argc > 11) o.lbfgs_memory = std::atoi(argv[11]);
  if (argc > 12) o.max_step = std::atof(argv[12]);
  if (argc > 13) o.precondition = std::atoi(argv[13]) != 0;
  if (argc > 14) o.basin_relax_force = std::atof(argv[14]);
  if (argc > 15) o.quench.minimizer = argv[15];
  if (argc > 16) o.lowest.relative_tolerance = std::atof(argv[16]);
  if (argc > 17) o.basin_lanczos_tolerance = std::atof(argv[17]);
  const landscape::QuenchResult start = landscape::quench(pool[0], landscape::flat_positions(system), o.quench);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> atom(0, static_cast<int>(system.size()) - 1);
  std::map<std::string, int> by_status;
  std::vector<long> saddle_calls_success, total_calls_success, saddle_calls_all, iterations;
  std::vector<double> barriers;
  const std::clock_t clock0 = std::clock();
  for (int k = 0; k < searches; ++k) {
    const int centre = atom(rng);
    const auto r = landscape::min_mode_search(pool[0], space, start.position, start.energy, centre, seed * 1000003ULL + k, o);
    ++by_status[landscape::status_name(r.status)];
    saddle_calls_all.push_back(r.saddle_force_calls);
    if (r.status == landscape::SearchStatus::success) {
      saddle_calls_success.push_back(r.saddle_force_calls);
      total_calls_success.push_back(r.force_calls);
      iterations.push_back(r.iterations);
      barriers.push_back(r.saddle_energy - start.energy);
    }
    std::cerr << fmt::format("search {:3d} centre {:4d}  {:15s} iterations {:4d} (basin {:3d}) climb+check calls {:5d} (check {:4d}) total {:5d} barrier {:.4f} moved {}\n",
                             k, centre, landscape::status_name(r.status), r.iterations, r.basin_iterations, r.saddle_force_calls,
                             r.check_force_calls, r.force_calls, r.saddle_energy - start.energy, r.moved_atoms.size());
  }
  const double cpu = double(std::clock() - clock0) / CLOCKS_PER_SEC;
  std::cout << fmt::format("{} atoms, potential {}, {} searches, seed {}, {:.1f} CPU s\n", system.size(), potential,
                           searches, seed, cpu);
  for (const auto& [name, count] : by_status)
    std::cout << fmt::format("  {:16s} {:4d}  ({:.1f} %)\n", name, count, 100.0 * count / searches);
  std::cout << fmt::format("  successful: force calls climb+check median {:.0f} mean {:.1f}; incl. quenches median {:.0f} mean {:.1f}; iterations median {:.0f}\n",
                           median(saddle_calls_success), mean(saddle_calls_success), median(total_calls_success),
                           mean(total_calls_success), median(iterations));
  std::cout << fmt::format("  all searches: climb+check force calls median {:.0f} mean {:.1f}\n", median(saddle_calls_all),
                           mean(saddle_calls_all));
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_min_mode_search: " << e.what() << "\n";
  return 1;
}
