#pragma once
// The kMC view of a catalog: states (minima) and directed transitions (each saddle gives one
// transition each way) in flat CSR arrays, with no atoms. Energies in the catalog's energy unit,
// prefactors in 1/time, activation volumes in volume units (stress * volume = energy).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "landscape/Catalog.hpp"

namespace glassland::kmc {

using StateIndex = std::uint32_t;

class RateNetwork {
public:
  /// Builds the network; throws InputError if the catalog has no minima or a record has a
  /// negative or non-finite barrier (catalogs validate this already; hand-built ones may not).
  static RateNetwork from_catalog(const landscape::Catalog& catalog);

  std::size_t state_count() const { return energy_.size(); }
  std::size_t transition_count() const { return target_.size(); }
  /// Catalog id of a state, and the state of a catalog id (nullopt if unknown).
  landscape::MinimumId id_of(StateIndex s) const { return id_[s]; }
  std::optional<StateIndex> state_of(landscape::MinimumId id) const;
  /// Like state_of, but throws InputError(option, "unknown state <id>").
  StateIndex require_state(landscape::MinimumId id, const std::string& option) const;

  double energy(StateIndex s) const { return energy_[s]; }
  /// Transitions out of s are first(s) .. first(s+1)-1.
  std::uint32_t first(StateIndex s) const { return offset_[s]; }
  std::uint32_t degree(StateIndex s) const { return offset_[s + 1] - offset_[s]; }
  StateIndex target(std::uint32_t e) const { return target_[e]; }
  double barrier(std::uint32_t e) const { return barrier_[e]; }
  double prefactor(std::uint32_t e) const { return prefactor_[e]; }
  /// Activation volume of the transition in its direction (backward = -forward).
  double activation_volume(std::uint32_t e) const { return activation_volume_[e]; }
  /// Shear strain carried by the transition in its direction (backward = -forward).
  double activation_strain(std::uint32_t e) const { return activation_strain_[e]; }
  /// Index of the reverse transition of e.
  std::uint32_t reverse(std::uint32_t e) const { return reverse_[e]; }

  /// True if `to` can be reached from `from` (all transitions have positive rates at kT > 0).
  bool reachable(StateIndex from, StateIndex to) const;
  /// Bytes of the CSR arrays (for the memory report).
  std::size_t memory_bytes() const;

private:
  std::vector<landscape::MinimumId> id_;
  std::vector<double> energy_;
  std::vector<std::uint32_t> offset_;
  std::vector<StateIndex> target_;
  std::vector<double> barrier_, prefactor_, activation_volume_, activation_strain_;
  std::vector<std::uint32_t> reverse_;
  std::vector<std::pair<landscape::MinimumId, StateIndex>> sorted_ids_;
};

}  // namespace glassland::kmc
