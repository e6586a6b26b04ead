#pragma once
// The Python `Potential`: a loaded potential (preset, TOML file or TOML text) plus one cached
// force computation (neighbour list kept between calls on the same System). Every binding
// that needs forces goes through make_force_compute(), the one place that turns a potential
// description into a force loop: a new kind of potential (e.g. EAM) is added there.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "md/ForceCompute.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/System.hpp"

namespace glassland::python {

/// The force loop for `spec` with neighbour skin `skin` (length).
std::unique_ptr<md::ForceCompute> make_force_compute(const md::PotentialSpec& spec, double skin);

class PotentialHandle {
public:
  PotentialHandle(md::PotentialSpec spec, double skin);

  const md::PotentialSpec& spec() const { return spec_; }
  double skin() const { return skin_; }
  /// Checks that `system` can be evaluated (units, types, finite positions); InputError if not.
  void check(const md::System& system) const;
  /// Forces into system.force, energy and virial; per-atom energies/virials when asked. Must be
  /// called without the GIL; serialised by a mutex (one force loop per Potential).
  md::ForceTotals compute(md::System& system, bool per_atom, std::vector<double>* energies,
                          std::vector<md::Mat3>* virials);

private:
  md::PotentialSpec spec_;
  double skin_;
  std::unique_ptr<md::ForceCompute> forces_;
  const md::System* last_system_ = nullptr;  // the list is rebuilt when another System comes
  std::vector<int> last_types_;
  std::mutex mutex_;
};

}  // namespace glassland::python
