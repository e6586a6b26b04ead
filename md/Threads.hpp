#pragma once
// OpenMP queries that also compile without OpenMP (then everything is one thread).
#include <ctime>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::md {

/// Below this many atoms an element-wise loop over atoms (kick, drift, position refresh,
/// rebuild check) is not worth a parallel region; above it, it must be parallel or it caps the
/// thread scaling (at 4,000 atoms these loops are ~6 % of a serial Wahnstrom step).
inline constexpr long kParallelAtoms = 2048;

/// Threads a new parallel region would get.
inline int max_threads() {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

/// Index of the calling thread in its team.
inline int thread_id() {
#ifdef _OPENMP
  return omp_get_thread_num();
#else
  return 0;
#endif
}

/// Size of the current team. Work is split by the team actually running: inside another
/// parallel region (e.g. NEB images evaluated in parallel) a nested region may get 1 thread.
inline int team_size() {
#ifdef _OPENMP
  return omp_get_num_threads();
#else
  return 1;
#endif
}

/// CPU time (s) used so far by each thread of a max_threads() team (OpenMP reuses the same
/// threads for every team of that size). Differences over a run give each thread's busy time,
/// which does not depend on how loaded the machine is: T(1 thread) / max over threads of
/// T(n threads) is the speed-up the work split allows (serial parts included, waiting excluded).
inline std::vector<double> thread_cpu_seconds() {
  std::vector<double> seconds(static_cast<std::size_t>(max_threads()), 0.0);
#pragma omp parallel num_threads(max_threads())
  {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    seconds[static_cast<std::size_t>(thread_id())] =
        static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
  return seconds;
}

}  // namespace glassland::md
