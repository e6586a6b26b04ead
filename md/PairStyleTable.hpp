#pragma once
// The table of pair styles: for each registered evaluator, its name, TOML parameters,
// validation, coefficient precomputation, reference evaluation and the instantiated pair loops.
// Styles are added in one place, register_pair_styles() in PotentialRegistry.cpp.
#include <map>
#include <span>
#include <string>
#include <vector>

#include "md/PairLoop.hpp"

namespace glassland::md {

struct PairStyleInfo {
  const char* name = nullptr;
  std::span<const PairParameter> parameters;
  void (*validate)(const PairCoefficients&, const std::string& where) = nullptr;
  PairTerm (*term)(const PairCoefficients&, bool shift) = nullptr;
  void (*evaluate)(const PairTerm&, double rsq, double& fpair, double& epair) = nullptr;
  /// fpair = -E'(r)/r and d2 = E''(r); null when the style has no analytic second derivative.
  void (*curvature)(const PairTerm&, double rsq, double& fpair, double& d2) = nullptr;
  PairLoops loops[kSimdLevels];  ///< instantiated pair loops per instruction set (SimdLevel)
};

using PairStyleTable = std::map<std::string, PairStyleInfo>;

template <class Evaluator>
concept HasCurvature = requires(const PairTerm& t, double v, double& a, double& b) { Evaluator::curvature(t, v, a, b); };

template <class Evaluator>
void add_pair_style(PairStyleTable& table) {
  PairStyleInfo info;
  info.name = Evaluator::name;
  info.parameters = std::span<const PairParameter>(Evaluator::parameters);
  info.validate = &Evaluator::validate;
  info.term = &Evaluator::term;
  info.evaluate = &Evaluator::evaluate;
  if constexpr (HasCurvature<Evaluator>) info.curvature = &Evaluator::curvature;
  for (int level = 0; level < kSimdLevels; ++level) info.loops[level] = pair_loops<Evaluator>(static_cast<SimdLevel>(level));
  table[Evaluator::name] = info;
}

/// Adds every pair style (lj, lj/sf, lj84, ...): the one registration point.
void register_pair_styles(PairStyleTable& table);

/// The registered style of that name, or null (EAM styles are not pair styles).
const PairStyleInfo* find_pair_style(std::string_view name);
/// Registered pair style names, sorted.
std::vector<std::string> pair_style_names();

}  // namespace glassland::md
