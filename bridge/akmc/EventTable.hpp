#pragma once
// The escape events of one state (a minimum): unique first-order saddles with their products,
// barriers and prefactors, plus the search statistics that decide whether the table is
// complete. Two saddles are the same when their energies agree within `energy_tolerance` and no
// atom differs by more than `displacement_tolerance` (minimum image).
// Units: energy, length, prefactors in 1/time.
#include <cstdint>
#include <optional>
#include <vector>

#include <Eigen/Core>

#include "landscape/CatalogRecords.hpp"
#include "landscape/ConfigurationSpace.hpp"
#include "landscape/EventCompleteness.hpp"

namespace glassland::bridge {

/// How an event of a table was first found: a fresh search, or the refinement of a guess
/// recycled from the previous state or transplanted from an atom with the same environment key.
enum class EventOrigin { search = 0, recycled = 1, topology = 2 };

struct Event {
  Eigen::VectorXd saddle, product;   ///< length (product continuous with the state's minimum)
  Eigen::VectorXd mode;              ///< unit unstable mode (guess for reuse)
  double saddle_energy = 0.0, product_energy = 0.0;
  double barrier = 0.0;              ///< saddle_energy - state energy
  double prefactor_forward = 0.0;    ///< state -> product (1/time)
  double prefactor_backward = 0.0;   ///< product -> state (1/time)
  std::vector<int> moved_atoms;      ///< atoms moving more than the moved threshold
  landscape::MinimumId product_id = landscape::kNoMinimum;
  std::size_t catalog_saddle = 0;    ///< index of its saddle in the catalog
  long hits = 1;                     ///< searches that found it
  EventOrigin origin = EventOrigin::search;  ///< how it was first found
  bool reused() const { return origin != EventOrigin::search; }
};

struct EventIdentity {
  double energy_tolerance = 1e-6;       ///< energy
  double displacement_tolerance = 0.1;  ///< length
};

/// Index of the event of `events` with the same saddle (identity above), if any.
std::optional<std::size_t> find_event(const std::vector<Event>& events, const landscape::ConfigurationSpace& space,
                                      const Eigen::VectorXd& saddle, double saddle_energy,
                                      const EventIdentity& identity);

class EventTable {
public:
  EventTable() = default;
  EventTable(landscape::MinimumId state, Eigen::VectorXd minimum, double energy)
      : state_(state), minimum_(std::move(minimum)), energy_(energy) {}

  landscape::MinimumId state() const { return state_; }
  const Eigen::VectorXd& minimum() const { return minimum_; }
  double energy() const { return energy_; }
  const std::vector<Event>& events() const { return events_; }
  std::vector<Event>& events() { return events_; }

  /// Index of an event with the same saddle (identity above), if any.
  std::optional<std::size_t> find(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& saddle,
                                  double saddle_energy, const EventIdentity& identity) const {
    return find_event(events_, space, saddle, saddle_energy, identity);
  }
  /// Adds a new event and returns its index.
  std::size_t add(Event event);
  /// Lowest barrier (energy), +infinity when empty.
  double lowest_barrier() const;
  /// Every search and reuse refinement in order: the event it found (-1: none) and its barrier.
  std::vector<landscape::SearchRecord> history;

  long searches = 0;             ///< searches run from this state (fresh + reuse)
  long successful = 0;           ///< of which ended at a connected first-order saddle
  long force_calls = 0;          ///< searches + prefactors
  long prefactor_force_calls = 0;
  long reused_guesses = 0;       ///< reuse refinements (recycled + topology) that gave a new event
  double confidence = 0.0;       ///< completeness estimate when the search stopped

private:
  landscape::MinimumId state_ = landscape::kNoMinimum;
  Eigen::VectorXd minimum_;
  double energy_ = 0.0;
  std::vector<Event> events_;
};

}  // namespace glassland::bridge
