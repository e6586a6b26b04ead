#include "bridge/akmc/Distributed.hpp"

#include <exception>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::bridge {

namespace {
int g_engine_threads = 1;
}

void set_engine_threads(int threads) {
  g_engine_threads = std::max(1, threads);
#ifdef _OPENMP
  // The calling thread's own force computations (quenches, bookkeeping) run on one thread, as
  // inside tasks: pair sums over a different number of threads differ in their last bits.
  omp_set_num_threads(1);
#endif
}

int engine_threads() { return g_engine_threads; }

std::vector<std::string> run_distributed_bytes(int count, const std::function<std::string(int)>& task) {
  const Ranks& ranks = Ranks::world();
  std::vector<int> mine;
  for (int i = ranks.rank(); i < count; i += ranks.size()) mine.push_back(i);
  std::vector<std::string> local(mine.size());
  std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(g_engine_threads)
  for (std::size_t k = 0; k < mine.size(); ++k) {
#ifdef _OPENMP
    omp_set_num_threads(1);  // nested force loops of this task on this thread only
#endif
    try {
      local[k] = task(mine[k]);
    } catch (...) {
#pragma omp critical
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  // Pack this rank's results (lengths first), exchange, and unpack in task order.
  ByteWriter packed;
  for (const std::string& r : local) packed.put_string(r);
  const std::vector<std::string> gathered = ranks.all_gather(packed.bytes());
  std::vector<std::string> results(static_cast<std::size_t>(count));
  for (int r = 0; r < ranks.size(); ++r) {
    ByteReader reader(gathered[static_cast<std::size_t>(r)]);
    for (int i = r; i < count; i += ranks.size()) results[static_cast<std::size_t>(i)] = reader.get_string();
  }
  return results;
}

}  // namespace glassland::bridge
