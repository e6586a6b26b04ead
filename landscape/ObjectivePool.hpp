#pragma once
// Independent copies of one atomic model (System + ForceCompute + SystemObjective), one per
// NEB image or parallel task, so that each keeps its own neighbour list between evaluations
// (evaluating far-apart images through one list would rebuild it every call).
// Units: those of the System (md/Units.hpp).
#include <memory>
#include <vector>

#include <Eigen/Core>

#include "md/ForceCompute.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"
#include "md/SystemObjective.hpp"

namespace glassland::landscape {

class ObjectivePool {
public:
  /// `count` copies of `prototype` under `pair`; skin in length units.
  ObjectivePool(const md::System& prototype, const md::PairPotential& pair, double skin, int count);

  int size() const { return static_cast<int>(members_.size()); }
  md::SystemObjective& operator[](int k) { return members_[static_cast<std::size_t>(k)]->objective; }
  std::vector<md::Objective*> pointers();
  /// Force calls made through all members.
  long evaluations() const;

private:
  struct Member {
    Member(const md::System& s, const md::PairPotential& pair, double skin)
        : system(s), forces(pair, skin), objective(system, forces) {}
    md::System system;
    md::ForceCompute forces;
    md::SystemObjective objective;
  };
  std::vector<std::unique_ptr<Member>> members_;  // unique_ptr: members hold references
};

/// Flat positions (x0 y0 z0 x1 ...) of a System (length).
Eigen::VectorXd flat_positions(const md::System& system);
/// Writes flat positions back (no wrapping; image flags unchanged).
void set_flat_positions(md::System& system, const Eigen::VectorXd& x);

/// Checks that two end configurations describe the same atoms in the same box and returns
/// `b` reordered to `a`'s atom order (matched by atom id). Throws InputError naming
/// `where_b` for different atom counts, ids, types or boxes.
md::System align_ends(const md::System& a, const md::System& b, const std::string& where_b);

}  // namespace glassland::landscape
