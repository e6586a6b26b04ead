#pragma once
// Runs independent tasks 0..count-1 over MPI ranks (task i on rank i % size) and OpenMP threads
// inside each rank, and returns every result on every rank in task order. Each task's result
// must depend only on its index (fresh objective, seed derived from the index), so the outcome
// is the same for any number of ranks and threads.
#include <functional>
#include <string>
#include <vector>

#include "bridge/akmc/Bytes.hpp"
#include "bridge/akmc/Ranks.hpp"

namespace glassland::bridge {

/// Threads used by the OpenMP loops of the engine (set once by the command; >= 1).
void set_engine_threads(int threads);
int engine_threads();

/// Runs `task(i)` for the tasks this rank owns in parallel (force computations inside a task
/// run on one thread), encodes each result, exchanges them and decodes all of them in order.
template <class T>
std::vector<T> run_distributed(int count, const std::function<T(int)>& task,
                               const std::function<void(ByteWriter&, const T&)>& encode,
                               const std::function<T(ByteReader&)>& decode);

/// Untyped core of run_distributed: returns the encoded result of every task, in order.
std::vector<std::string> run_distributed_bytes(int count, const std::function<std::string(int)>& task);

template <class T>
std::vector<T> run_distributed(int count, const std::function<T(int)>& task,
                               const std::function<void(ByteWriter&, const T&)>& encode,
                               const std::function<T(ByteReader&)>& decode) {
  const std::vector<std::string> encoded = run_distributed_bytes(count, [&](int i) {
    ByteWriter w;
    encode(w, task(i));
    return w.bytes();
  });
  std::vector<T> results;
  results.reserve(encoded.size());
  for (const std::string& bytes : encoded) {
    ByteReader r(bytes);
    results.push_back(decode(r));
  }
  return results;
}

}  // namespace glassland::bridge
