#pragma once
// The MPI processes of a run (OpenMPI from Debian; one rank without mpirun or without MPI in the
// build). MPI is initialised on first use, so commands other than akmc never touch it.
// Work is split by index (item i goes to rank i % size) and results are exchanged as bytes, so
// every rank ends with the same results in the same order whatever the number of ranks.
#include <string>
#include <vector>

namespace glassland::bridge {

class Ranks {
public:
  /// The world communicator (initialises MPI on first call, finalised at exit).
  static const Ranks& world();
  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  /// Every rank's `mine`, indexed by rank, on every rank (collective).
  std::vector<std::string> all_gather(const std::string& mine) const;
  /// Stops every rank after a fatal error on one of them (no-op with one rank).
  void abort(int code) const;

private:
  Ranks(int rank, int size) : rank_(rank), size_(size) {}
  int rank_ = 0, size_ = 1;
};

}  // namespace glassland::bridge
