#pragma once
// What the engine asks of a saddle search, as one function: from a minimum, either a fresh
// search around a centre atom (min-mode following, landscape/MinModeSearch.hpp) or the
// refinement of a guess (a recycled or transplanted saddle). The engine never searches itself;
// tests can put a stand-in with a known event list behind the same signature.
// Units: the surface's (energy, length).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "landscape/MinModeSearch.hpp"
#include "md/Objective.hpp"

namespace glassland::bridge {

struct SearchRequest {
  const Eigen::VectorXd* minimum = nullptr;  ///< the state's minimum (length)
  double minimum_energy = 0.0;
  int centre_atom = 0;                       ///< fresh search: displace atoms around this one
  std::uint64_t seed = 0;                    ///< every random choice of the search
  /// Refinement instead of a fresh search when both are set: saddle guess and its mode guess.
  const Eigen::VectorXd* guess = nullptr;
  const Eigen::VectorXd* mode_guess = nullptr;
};

struct SearchOutcome {
  bool success = false;       ///< a first-order saddle connected to the minimum
  std::string status;         ///< "success", "not_converged", "not_first_order", ...
  Eigen::VectorXd saddle;     ///< length
  double saddle_energy = 0.0;
  Eigen::VectorXd mode;       ///< unit unstable mode at the saddle
  double lowest_curvature = 0.0;  ///< energy/length^2
  Eigen::VectorXd product;    ///< minimum on the other side (continuous with `minimum`)
  double product_energy = 0.0;
  long force_calls = 0;
  // Phases of force_calls (landscape/MinModeSearch.hpp): leaving the basin, the saddle search
  // proper (leaving the basin, converging on the saddle, first-order check), of which the
  // check; the rest minimizes both ways from the saddle to test the connection.
  long basin_force_calls = 0;
  long saddle_force_calls = 0;
  long check_force_calls = 0;
  bool first_order = false;   ///< ended at a checked first-order saddle (connected or not)
  std::vector<int> moved_atoms;
};

using SaddleSearcher =
    std::function<SearchOutcome(md::Objective&, const landscape::ConfigurationSpace&, const SearchRequest&)>;

/// The engine's search: landscape::min_mode_search for fresh searches and
/// landscape::refine_saddle_guess for guesses (options validated here).
SaddleSearcher min_mode_searcher(const landscape::MinModeSearchOptions& options);

}  // namespace glassland::bridge
