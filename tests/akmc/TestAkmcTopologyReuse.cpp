// Topology reuse in the engine (k-ART style) on a vacancy in a small fcc Lennard-Jones crystal
// (force-shifted LJ, rc = 2.5 sigma, 4x4x4 cells, 255 atoms): the 12 neighbours of the vacancy
// have the same environment key, so a hop found by a search around one of them is transplanted
// to the 11 others and refined. The complete event list of this test is known: fresh searches
// are centred on the vacancy's neighbours and only single-atom hops are kept (the stand-in
// searcher below), so the table holds exactly the 12 hops into the vacancy.
//  - with topology reuse, one fresh search gives all 12 hops, the 11 reused ones with the same
//    saddle as the table built by fresh searches alone (energy to 1e-6, positions to 1e-3);
//  - with it switched off, 12 fresh searches (one per neighbour) give the same 12 events;
//  - summary counters: topology guesses = events of topology origin, saved force calls >= 0.
#include <atomic>
#include <memory>
#include <set>

#include <catch2/catch.hpp>

#include "bridge/akmc/StateExplorer.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/support/FccCrystal.hpp"

using namespace glassland;

namespace {

const char* kPotential =
    "style = \"lj/sf\"\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
constexpr double kLattice = 1.55;  // nearest neighbours at 1.096, second shell at 1.55
constexpr int kCells = 4;

/// fcc crystal without site 0; atom i sits on site i + 1.
md::System vacancy_crystal() {
  const auto sites = test::fcc_sites(kCells, kLattice);
  md::System s;
  s.box = test::fcc_box(kCells, kLattice);
  s.type_mass = {0.0, 1.0};
  for (std::size_t i = 1; i < sites.size(); ++i) s.add_atom(static_cast<int>(i), 1, sites[i]);
  return s;
}

/// Atoms at the nearest-neighbour distance of the vacant site (the origin), by index.
std::vector<int> vacancy_neighbours(const md::System& s) {
  std::vector<int> out;
  for (std::size_t a = 0; a < s.size(); ++a) {
    const md::Vec3 d = s.box.minimum_image(s.position[a]);
    if (std::abs(d.norm() - kLattice / std::sqrt(2.0)) < 1e-9) out.push_back(static_cast<int>(a));
  }
  return out;
}

landscape::MinModeSearchOptions search_options() {
  landscape::MinModeSearchOptions o;
  o.fmax = 1e-5;  // |dE| ~ F^2 / |curvature| ~ 1e-10: saddle energies comparable to 1e-6
  o.quench.fmax = 1e-7;
  o.quench.timestep = 0.02;
  o.same = {1e-5, 0.1};
  o.max_energy = 20.0;  // the crystal's local modes are stiff: the basin escape climbs high
  return o;
}

/// Fresh "searches" that each give one hop: call n is centred on the vacancy neighbour n mod 12
/// (an atomic counter: 12 calls cover the 12 neighbours in whatever order threads run them) and
/// runs min-mode searches from seeds seed, seed+1, ... (at most 40) until one ends in a hop of
/// that atom alone. Refinements of guesses are passed through unchanged, so a transplant that
/// refined to anything but a hop would show up in the table.
bridge::SaddleSearcher hops_only(std::vector<int> neighbours) {
  const bridge::SaddleSearcher real = bridge::min_mode_searcher(search_options());
  auto calls = std::make_shared<std::atomic<int>>(0);
  return [real, neighbours, calls](md::Objective& f, const landscape::ConfigurationSpace& space,
                                   const bridge::SearchRequest& r) {
    if (r.guess) return real(f, space, r);
    bridge::SearchRequest at = r;
    at.centre_atom = neighbours[static_cast<std::size_t>(calls->fetch_add(1)) % neighbours.size()];
    bridge::SearchOutcome o;
    for (int attempt = 0; attempt < 40; ++attempt, ++at.seed) {
      o = real(f, space, at);
      if (o.success && o.moved_atoms == std::vector<int>{at.centre_atom}) return o;
    }
    o.success = false;
    o.status = "no_single_hop";
    return o;
  };
}

bridge::ExplorationOptions exploration(bool topology, long searches) {
  bridge::ExplorationOptions o;
  o.seed = 5;
  o.batch_size = static_cast<int>(searches);
  o.min_searches = o.max_searches = o.completeness.fixed_searches = searches;
  o.prefactor.constant = 1.0;  // rates are not under test: no Hessians
  o.topology.enabled = topology;
  // First shell only (1.096 < 1.3 < 1.55): the vacancy's 12 neighbours have 11 neighbours.
  o.topology.transplant.environment.radius = 1.3;
  o.topology.transplant.environment.bond_cutoff = 1.3;
  return o;
}

struct Built {
  landscape::Catalog catalog;
  std::unique_ptr<bridge::StateExplorer> explorer;
  const bridge::EventTable* table = nullptr;
};

void build(Built& b, const md::System& system, const md::PotentialSpec& spec, bool topology, long searches) {
  bridge::Surface surface = bridge::atomic_surface(system, spec.pair, 0.3);
  const auto objective = surface.make_objective();
  const auto minimum = landscape::quench(*objective, landscape::flat_positions(system), search_options().quench);
  b.explorer = std::make_unique<bridge::StateExplorer>(std::move(surface), hops_only(vacancy_neighbours(system)),
                                                       exploration(topology, searches), b.catalog);
  const auto id = b.explorer->add_state(minimum.position, minimum.energy, landscape::kNoMinimum);
  b.table = &b.explorer->explore(id, 0.1, std::nullopt);
}

/// The single atom each event moves (the events are hops: exactly one moved atom).
std::set<int> hopping_atoms(const bridge::EventTable& t) {
  std::set<int> atoms;
  for (const bridge::Event& e : t.events()) {
    REQUIRE(e.moved_atoms.size() == 1u);
    atoms.insert(e.moved_atoms.front());
  }
  return atoms;
}

}  // namespace

TEST_CASE("topology-reused hops equal fresh-search hops and complete the table", "[akmc][reuse]") {
  const md::System system = vacancy_crystal();
  const md::PotentialSpec spec = md::parse_potential_toml(kPotential, "topology-reuse-test");
  const std::vector<int> neighbours = vacancy_neighbours(system);
  REQUIRE(neighbours.size() == 12u);
  const std::set<int> all(neighbours.begin(), neighbours.end());

  Built fresh, reused;
  build(fresh, system, spec, false, 12);
  build(reused, system, spec, true, 1);
  const bridge::EventTable& f = *fresh.table;
  const bridge::EventTable& r = *reused.table;

  // Both tables are complete: exactly the 12 hops into the vacancy.
  CHECK(hopping_atoms(f) == all);
  CHECK(hopping_atoms(r) == all);
  CHECK(f.events().size() == 12u);
  CHECK(r.events().size() == 12u);
  long from_topology = 0;
  for (const bridge::Event& e : f.events()) CHECK(e.origin == bridge::EventOrigin::search);
  for (const bridge::Event& e : r.events()) {
    from_topology += e.origin == bridge::EventOrigin::topology ? 1 : 0;
    // The same hop in the fresh-search table: same moved atom, saddle energy to 1e-6 (both
    // converged to |F| < 1e-5), saddle positions to 1e-3 (length).
    const bridge::Event* same = nullptr;
    for (const bridge::Event& g : f.events())
      if (g.moved_atoms == e.moved_atoms) same = &g;
    REQUIRE(same != nullptr);
    CHECK(std::abs(e.saddle_energy - same->saddle_energy) < 1e-6);
    CHECK(reused.explorer->surface().space.max_displacement(e.saddle, same->saddle) < 1e-3);
  }
  // One fresh search found one hop; the other 11 came from transplants.
  CHECK(from_topology == 11);
  const bridge::ExplorationTotals& t = reused.explorer->totals();
  CHECK(t.topology.guesses == from_topology);
  CHECK(t.topology.attempts >= t.topology.guesses);
  CHECK(t.topology.force_calls_saved >= 0);
  CHECK(t.searches == 1);
  CHECK(fresh.explorer->totals().topology.attempts == 0);
  WARN("topology reuse: " << t.topology.attempts << " refinements, " << t.topology.force_calls
                          << " force calls for " << t.topology.guesses << " hops; fresh table: "
                          << fresh.explorer->totals().searches << " searches, "
                          << fresh.explorer->totals().force_calls << " force calls");
}
