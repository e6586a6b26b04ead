#pragma once
// The states (minima) an aKMC run has met and the event table of each state it has visited.
// A table is built once, in batches of `batch_size` saddle searches, until it is complete:
// either a fixed number of searches, or a confidence (eOn's estimator,
// landscape/EventCompleteness.hpp) that no event within a thermal window of `window_kT` kT
// above the lowest barrier is missing. Search k of state s draws its centre atom and its seed
// from (seed, s, k), batches have a fixed size, and the results are processed in k order, so a
// table does not depend on the number of MPI ranks or threads.
// Reuse: after an event, the previous state's saddles far from the atoms that moved are
// refined as guesses in the new state (recycling) before any fresh search; and every new event
// found by a search or by recycling is refined as a guess at every atom with the same
// environment key (topology reuse, TopologyReuse.hpp).
// Every minimum and saddle goes into the catalog as it is found (positions exact: the atoms that
// differ from the parent minimum / from-minimum).
// Units: the surface's (energy, length, 1/time).
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/akmc/EventTable.hpp"
#include "bridge/akmc/MinimumHessians.hpp"
#include "bridge/akmc/Prefactors.hpp"
#include "bridge/akmc/SaddleSearcher.hpp"
#include "bridge/akmc/Surface.hpp"
#include "bridge/akmc/TopologyReuse.hpp"
#include "landscape/Catalog.hpp"
#include "landscape/EventCompleteness.hpp"
#include "landscape/InherentStructure.hpp"

namespace glassland::bridge {

struct ExplorationOptions {
  std::uint64_t seed = 1;
  int batch_size = 8;           ///< searches per batch (never depends on ranks or threads)
  long min_searches = 16;       ///< fresh searches before completeness is judged
  long max_searches = 256;      ///< a table stops here even if not confident
  /// Stop rule (kT is set per state from the schedule; fixed_searches > 0: that many searches).
  landscape::CompletenessOptions completeness;
  EventIdentity identity;
  landscape::SameMinimumTolerance same;  ///< identity of minima (products vs known states)
  double moved_threshold = 0.3; ///< atoms moving more than this take part in an event (length)
  PrefactorOptions prefactor;
  bool recycle = true;          ///< refine the previous state's far events as guesses
  double recycle_radius = 3.0;  ///< "far": every atom further than this from the moved atoms (length)
  TopologyReuseOptions topology;  ///< transplant events to atoms with the same environment key
  /// Throws InputError naming the field as a command-line option.
  void validate() const;
};

/// Refinements of one kind of reused guess.
struct ReuseTotals {
  long attempts = 0;           ///< guesses refined
  long guesses = 0;            ///< of which gave a new event of the table
  long force_calls = 0;        ///< spent refining
  long force_calls_saved = 0;  ///< median fresh search cost minus refinement cost, per new event
};

/// Run totals over every table (for summary.json).
struct ExplorationTotals {
  long searches = 0, successful = 0, force_calls = 0, prefactor_force_calls = 0;
  ReuseTotals recycled, topology;
  long reuse_attempts() const { return recycled.attempts + topology.attempts; }
  long reused_guesses() const { return recycled.guesses + topology.guesses; }
  long force_calls_saved() const { return recycled.force_calls_saved + topology.force_calls_saved; }
  std::vector<long> successful_search_calls;  ///< force calls of each successful fresh search
  /// Its saddle search proper (leaving the basin, converging, first-order check), without the
  /// minimizations that test the connection: what eOn's search statistics count.
  std::vector<long> successful_saddle_calls;
  long first_order = 0;        ///< fresh searches that ended at a checked first-order saddle
  /// Force calls of all fresh searches by phase (landscape/MinModeSearch.hpp).
  struct Phases {
    long basin = 0;            ///< from the start to the first point of negative curvature
    long convergence = 0;      ///< from there to the saddle (climb steps and Lanczos)
    long check = 0;            ///< first-order check
    long connection = 0;       ///< minimizations both ways from the saddle
  } phases;
  long saddles = 0;            ///< unique events over all tables
  long tables = 0;             ///< states explored
};

/// The step that led into a state: recycling takes the previous state's other events.
struct ArrivalStep {
  landscape::MinimumId previous = landscape::kNoMinimum;
  std::size_t saddle = 0;        ///< catalog index of the saddle crossed
  std::vector<int> moved_atoms;  ///< atoms that took part in it
};

class StateExplorer {
public:
  StateExplorer(Surface surface, SaddleSearcher searcher, ExplorationOptions options, landscape::Catalog& catalog);

  /// The id of the known minimum equal to (x, energy), or a new catalog minimum stored relative
  /// to `parent` (kNoMinimum: stored whole).
  landscape::MinimumId add_state(const Eigen::VectorXd& x, double energy, landscape::MinimumId parent);
  const Eigen::VectorXd& positions(landscape::MinimumId id) const;
  double energy(landscape::MinimumId id) const;
  std::size_t state_count() const { return states_.size(); }

  bool explored(landscape::MinimumId id) const { return tables_.count(id) != 0; }
  const EventTable& table(landscape::MinimumId id) const;
  /// Builds the table of `id` at thermal energy kT (energy) unless it exists.
  const EventTable& explore(landscape::MinimumId id, double kT, const std::optional<ArrivalStep>& arrival);

  const ExplorationTotals& totals() const { return totals_; }
  const Surface& surface() const { return surface_; }
  const ExplorationOptions& options() const { return options_; }
  landscape::Catalog& catalog() { return catalog_; }

  /// Tables and totals as JSON (with the catalog, enough to resume), and the inverse.
  nlohmann::json to_json() const;
  void restore(const nlohmann::json& saved);

private:
  /// Topology reuse while one table is built: environment keys of its atoms (computed once),
  /// the first event not yet transplanted, guesses refined so far (their seed index).
  struct TopologyProgress {
    std::vector<std::string> keys;
    std::size_t next_event = 0;
    long attempts = 0;
  };
  void run_reuse(EventTable& table, const ArrivalStep& arrival);
  void run_topology(EventTable& table, TopologyProgress& progress);
  void run_batch(EventTable& table);
  bool complete(const EventTable& table, double kT) const;
  void absorb(EventTable& table, std::vector<SearchOutcome>& outcomes, EventOrigin origin);
  /// Prefactors of new events (in parallel), then products, catalog saddles and table entries.
  /// Returns the table index each pending event ended at (-1: rejected).
  std::vector<long> finish_pending(EventTable& table, std::vector<Event>& pending,
                                   const std::vector<long>& search_calls);
  /// Prefactors of pending events; the columns computed for products that are no state yet.
  struct PendingPrefactors {
    std::vector<PrefactorResult> results;
    std::vector<HessianColumns> products;  ///< empty where the product is a known state
    long column_calls = 0;                 ///< force calls of the minima's Hessian columns
  };
  PendingPrefactors pending_prefactors(const EventTable& table, const std::vector<Event>& pending);
  /// The known state equal to (x, energy), if any.
  std::optional<landscape::MinimumId> find_state(const Eigen::VectorXd& x, double energy) const;
  std::size_t add_saddle(const EventTable& table, const Event& e);
  Event event_from(const EventTable& table, SearchOutcome& outcome) const;
  Event event_from_catalog(landscape::MinimumId state, std::size_t saddle_index) const;

  Surface surface_;
  SaddleSearcher searcher_;
  ExplorationOptions options_;
  landscape::Catalog& catalog_;
  struct KnownState {
    Eigen::VectorXd x;
    double energy;
  };
  std::unordered_map<landscape::MinimumId, KnownState> states_;
  std::multimap<double, landscape::MinimumId> by_energy_;
  std::map<landscape::MinimumId, EventTable> tables_;
  std::unordered_map<landscape::MinimumId, long> fresh_searches_;
  ExplorationTotals totals_;
  MinimumHessianCache hessians_;  // minima's Hessian columns, reused by every saddle of a state
  double kT_ = 0.0;  // of the table being built (catalog discovery records)
};

/// Median of the values (0 when empty).
double median(std::vector<long> values);

}  // namespace glassland::bridge
