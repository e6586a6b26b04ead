#pragma once
// Random numbers for kMC. Each run owns a std::mt19937_64 seeded from (seed, run index, stream)
// so results do not depend on the number of threads. Uniforms are built from the top 53 bits
// (library-independent, unlike std::uniform_real_distribution).
#include <cmath>
#include <cstdint>
#include <random>

namespace glassland::kmc {

using Rng = std::mt19937_64;

/// Generator for run `run` of an ensemble seeded with `seed`; `stream` separates independent
/// streams of one run (0 = trajectory, 1 = bridge samples inside superbasins).
inline Rng make_run_rng(std::uint64_t seed, std::uint64_t run, std::uint64_t stream = 0) {
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(run), static_cast<std::uint32_t>(run >> 32),
                         static_cast<std::uint32_t>(stream)};
  return Rng(sequence);
}

/// Uniform in [0, 1).
inline double uniform01(Rng& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
/// Uniform in (0, 1]: safe for log().
inline double uniform_open0(Rng& rng) { return 1.0 - uniform01(rng); }
/// Exponential with unit mean.
inline double unit_exponential(Rng& rng) { return -std::log(uniform_open0(rng)); }

}  // namespace glassland::kmc
