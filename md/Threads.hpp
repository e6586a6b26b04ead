#pragma once
// OpenMP queries that also compile without OpenMP (then everything is one thread).
#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::md {

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

}  // namespace glassland::md
