#pragma once
// Sets the OpenMP thread count for one test scope and restores the previous count when the
// scope ends, also when a REQUIRE throws: Catch2 runs test cases in random order, so a count
// left behind would change the next test's summation order.
#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::test {

class ScopedThreadCount {
public:
  ScopedThreadCount() = default;  ///< only restores (use set() inside the scope)
  explicit ScopedThreadCount(int threads) { set(threads); }
  ~ScopedThreadCount() {
#ifdef _OPENMP
    omp_set_num_threads(saved_);
#endif
  }
  ScopedThreadCount(const ScopedThreadCount&) = delete;
  ScopedThreadCount& operator=(const ScopedThreadCount&) = delete;

  void set(int threads) {
#ifdef _OPENMP
    omp_set_num_threads(threads);
#else
    (void)threads;
#endif
  }

private:
#ifdef _OPENMP
  int saved_ = omp_get_max_threads();
#endif
};

}  // namespace glassland::test
