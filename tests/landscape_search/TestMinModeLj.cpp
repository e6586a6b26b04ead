// Minimum-mode searches, recycling and topology transplant on vacancy hops in a small fcc
// Lennard-Jones crystal (shifted LJ, rc = 2.5 sigma, 4x4x4 cells): every saddle returned is
// checked with the full finite-difference Hessian (exactly one negative eigenvalue) and
// against an independent climbing-image NEB between the same minima; reused saddles must
// equal the fresh search's saddle.
#include <memory>

#include <catch2/catch.hpp>

#include "landscape/Hessian.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/ObjectivePool.hpp"
#include "landscape/SaddleReuse.hpp"
#include "landscape/SaddleSearchRegistry.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/support/FccCrystal.hpp"

using namespace glassland;

namespace {

const char* kPotential =
    "style = \"lj\"\nshift = true\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
constexpr double kLattice = 1.55;  // nearest neighbours at 1.096, second shell at 1.55
constexpr int kCells = 4;

/// The crystal without the sites in `vacant` (sorted); atom i is the i-th remaining site.
md::System crystal(const std::vector<int>& vacant) {
  md::System s;
  s.box = test::fcc_box(kCells, kLattice);
  s.type_mass = {0.0, 1.0};
  const auto sites = test::fcc_sites(kCells, kLattice);
  int id = 1;
  for (std::size_t i = 0; i < sites.size(); ++i)
    if (std::find(vacant.begin(), vacant.end(), static_cast<int>(i)) == vacant.end()) s.add_atom(id++, 1, sites[i]);
  return s;
}

struct Lattice {
  md::PotentialSpec spec = md::parse_potential_toml(kPotential, "min-mode-test");
  md::System system;
  std::unique_ptr<landscape::ObjectivePool> pool;
  landscape::ConfigurationSpace space;
  landscape::QuenchResult minimum;
  explicit Lattice(const std::vector<int>& vacant)
      : system(crystal(vacant)), pool(std::make_unique<landscape::ObjectivePool>(system, spec.pair, 0.3, 5)),
        space(landscape::ConfigurationSpace::periodic(system.box)) {
    minimum = landscape::quench((*pool)[0], landscape::flat_positions(system), options().quench);
  }
  md::Objective& objective() { return (*pool)[0]; }
  std::vector<int> types() const { return system.type; }
  /// Atoms within `radius` of `atom` in the minimum.
  std::vector<int> neighbours(int atom, double radius) const {
    std::vector<int> out;
    for (int b : landscape::atoms_within(space, minimum.position, minimum.position.segment<3>(3 * atom), radius))
      if (b != atom) out.push_back(b);
    return out;
  }
  static landscape::MinModeSearchOptions options() {
    landscape::MinModeSearchOptions o;
    o.fmax = 1e-5;  // |dE| ~ F^2 / |curvature| ~ 1e-10: energies comparable to 1e-6
    o.quench.fmax = 1e-7;
    o.quench.timestep = 0.02;
    o.same = {1e-5, 0.1};
    o.max_energy = 20.0;  // the crystal's local modes are stiff: the basin escape climbs high
    // The basin walk these hops were written with: converged Lanczos from the random start,
    // 0.1 sigma pushes (the defaults are tuned for glasses; with them the searches centred
    // on a vacancy neighbour mostly find its neighbours' hops instead of its own).
    o.initial_lanczos_iterations = 0;
    o.skip_relaxing_lanczos = false;
    o.basin_step = 0.1;
    o.mode_fixed_step = 0.0;
    return o;
  }
  /// A successful search centred on `centre` whose only moved atom is `centre` (a hop of
  /// that atom into the vacancy), trying seeds 1..20.
  landscape::SaddleSearchResult hop_of(int centre) {
    std::string seen;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
      auto r = landscape::min_mode_search(objective(), space, minimum.position, minimum.energy, centre, seed, options());
      if (r.status == landscape::SearchStatus::success && r.moved_atoms == std::vector<int>{centre}) return r;
      seen += " " + landscape::status_name(r.status) + "(" + std::to_string(r.moved_atoms.size()) + ")";
    }
    FAIL("no hop of atom " << centre << " in 40 seeds:" << seen);
    return {};
  }
};

/// Vacancy neighbours: atoms at the first-shell distance of the vacant site 0 (atom i is
/// site i + 1 when site 0 is the only vacancy).
std::vector<int> vacancy_neighbours(const std::vector<md::Vec3>& sites, int vacant_site, const std::vector<int>& vacant) {
  std::vector<int> out;
  for (std::size_t s = 0; s < sites.size(); ++s) {
    md::Vec3 d = sites[s] - sites[std::size_t(vacant_site)];
    for (int c = 0; c < 3; ++c) d[c] -= kCells * kLattice * std::round(d[c] / (kCells * kLattice));
    if (std::abs(d.norm() - kLattice / std::sqrt(2.0)) < 1e-9) {
      int below = 0;
      for (int v : vacant) below += v < static_cast<int>(s) ? 1 : 0;
      out.push_back(static_cast<int>(s) - below);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Min-mode saddles of a vacancy crystal are first order, connected, and equal NEB's", "[minmode][lj]") {
  Lattice lattice({0});
  const auto o = Lattice::options();
  int checked = 0, successes = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const int centre = vacancy_neighbours(test::fcc_sites(kCells, kLattice), 0, {0})[seed % 12];
    const auto r = landscape::min_mode_search(lattice.objective(), lattice.space, lattice.minimum.position,
                                              lattice.minimum.energy, centre, seed, o);
    INFO("seed " << seed << " status " << landscape::status_name(r.status));
    if (r.status != landscape::SearchStatus::success) continue;
    ++successes;
    CHECK(r.saddle_energy > std::max(lattice.minimum.energy, r.product_energy));
    CHECK_FALSE(landscape::same_minimum(lattice.space, r.product, r.product_energy, lattice.minimum.position,
                                        lattice.minimum.energy, o.same));
    if (checked >= 2) continue;  // the full Hessian costs 2 x 762 force calls: two saddles suffice
    ++checked;
    // Full Hessian: 3 translation zero modes (|numerical zero| ~ 1e-4), one negative
    // curvature well below -1e-3, the rest positive.
    const Eigen::MatrixXd h = landscape::finite_difference_hessian(lattice.objective(), r.saddle, {}, 1e-4);
    const auto spectrum = landscape::curvature_spectrum(h, 3, 1e-3, false);
    CHECK(spectrum.negative == 1);
    CHECK(r.lowest_curvature == Approx(spectrum.eigenvalues[0]).epsilon(2e-2));
    // An independent double-ended search between the same minima, through the registry.
    landscape::SaddleSearchSettings settings;
    settings.neb.images = 5;
    settings.neb.fmax = 1e-5;
    settings.neb.timestep = 0.02;
    settings.neb.max_iterations = 20000;
    landscape::SaddleSearchRequest request;
    request.minimum = lattice.minimum.position;
    request.minimum_energy = lattice.minimum.energy;
    request.final = r.product;
    request.final_energy = r.product_energy;
    const auto neb = landscape::make_saddle_search("neb", settings)->search(lattice.objective(), lattice.space, request);
    REQUIRE(neb.status == landscape::SearchStatus::success);
    // Both stationary to 1e-5 at curvatures O(1): energies agree to ~1e-9; 1e-6 leaves room.
    CHECK(neb.saddle_energy == Approx(r.saddle_energy).margin(1e-6));
    CHECK(lattice.space.max_displacement(neb.saddle, r.saddle) < 1e-3);
  }
  CHECK(checked == 2);
  CHECK(successes >= 2);
}

TEST_CASE("A recycled saddle refines to the fresh search's saddle in the new state", "[minmode][reuse][lj]") {
  // Two vacancies far apart (sites 0 and the body centre of the box, 5.4 sigma away): the hop
  // at the second vacancy, found before a hop at the first is executed, is recycled after it.
  const auto sites = test::fcc_sites(kCells, kLattice);
  int far_site = -1;
  for (std::size_t s = 0; s < sites.size(); ++s)
    if ((sites[s] - md::Vec3::Constant(2 * kLattice)).norm() < 1e-9) far_site = static_cast<int>(s);
  REQUIRE(far_site > 0);
  const std::vector<int> vacant{0, far_site};
  Lattice before(vacant);
  const int near_atom = vacancy_neighbours(sites, 0, vacant)[0];
  const int far_atom = vacancy_neighbours(sites, far_site, vacant)[0];
  const auto far_hop = before.hop_of(far_atom);
  const auto executed = before.hop_of(near_atom);
  // The new state: the product of the executed hop.
  const Eigen::VectorXd& after = executed.product;
  const double after_energy = executed.product_energy;
  landscape::RecycleOptions recycle;
  recycle.radius = 2.5;
  const auto guess = landscape::recycle_saddle_guess(before.space, before.minimum.position, far_hop.saddle, after,
                                                     executed.moved_atoms, recycle);
  REQUIRE(guess.has_value());
  // Not recyclable: the executed hop itself is next to its own moved atom.
  CHECK_FALSE(landscape::recycle_saddle_guess(before.space, before.minimum.position, executed.saddle, after,
                                              executed.moved_atoms, recycle)
                  .has_value());
  const auto o = Lattice::options();
  const auto recycled = landscape::refine_saddle_guess(before.objective(), before.space, after, after_energy, *guess,
                                                       far_hop.mode, 7, o);
  REQUIRE(recycled.status == landscape::SearchStatus::success);
  CHECK(recycled.moved_atoms == std::vector<int>{far_atom});
  // The fresh search in the new state: a double-ended NEB (registry "neb") between the new
  // minimum and the recycled event's product -- an independent method on the same event.
  landscape::SaddleSearchSettings settings;
  settings.neb.images = 5;
  settings.neb.fmax = 1e-5;
  settings.neb.timestep = 0.02;
  settings.neb.max_iterations = 20000;
  landscape::SaddleSearchRequest request;
  request.minimum = after;
  request.minimum_energy = after_energy;
  request.final = recycled.product;
  request.final_energy = recycled.product_energy;
  const auto fresh = landscape::make_saddle_search("neb", settings)->search(before.objective(), before.space, request);
  REQUIRE(fresh.status == landscape::SearchStatus::success);
  // Both converged to fmax 1e-5: energies to 1e-6 (the criterion), same geometry.
  CHECK(recycled.saddle_energy == Approx(fresh.saddle_energy).margin(1e-6));
  CHECK(before.space.max_displacement(recycled.saddle, fresh.saddle) < 1e-3);
  // The executed hop changed the far event's surroundings a little: not the old saddle.
  CHECK(std::abs(recycled.saddle_energy - far_hop.saddle_energy) > 1e-9);
  WARN("recycled saddle: " << recycled.saddle_force_calls << " climb+check force calls, fresh search "
                           << fresh.saddle_force_calls);
}

TEST_CASE("A hop transplanted to an atom with the same environment key equals a fresh search there", "[minmode][reuse][lj]") {
  Lattice lattice({0});
  const auto neighbours = vacancy_neighbours(test::fcc_sites(kCells, kLattice), 0, {0});
  const int from = neighbours[0];
  landscape::TransplantOptions transplant;
  transplant.environment.radius = 1.3;       // the first shell (1.096), not the second (1.55)
  transplant.environment.bond_cutoff = 1.3;
  const auto same = landscape::equivalent_atoms(lattice.space, lattice.minimum.position, lattice.types(), from,
                                                transplant.environment);
  // Exactly the other 11 neighbours of the vacancy share the key (all others have 12 neighbours).
  REQUIRE(same.size() == 11u);
  for (int b : same) CHECK(std::find(neighbours.begin(), neighbours.end(), b) != neighbours.end());
  const auto hop = lattice.hop_of(from);
  const auto o = Lattice::options();
  for (int to : {same.front(), same.back()}) {
    const auto guess = landscape::transplant_saddle_guess(lattice.space, lattice.minimum.position, lattice.types(), from,
                                                          hop.saddle, hop.mode, to, transplant);
    REQUIRE(guess.has_value());
    CHECK(guess->rmsd < 1e-6);  // a lattice symmetry maps one environment onto the other exactly
    const auto refined = landscape::refine_saddle_guess(lattice.objective(), lattice.space, lattice.minimum.position,
                                                        lattice.minimum.energy, guess->guess, guess->mode, 3, o);
    REQUIRE(refined.status == landscape::SearchStatus::success);
    CHECK(refined.moved_atoms == std::vector<int>{to});
    const auto fresh = lattice.hop_of(to);
    CHECK(refined.saddle_energy == Approx(fresh.saddle_energy).margin(1e-6));
    CHECK(lattice.space.max_displacement(refined.saddle, fresh.saddle) < 1e-3);
    WARN("transplanted saddle: " << refined.saddle_force_calls << " climb+check force calls, fresh search "
                                 << fresh.saddle_force_calls);
  }
  // An atom with another environment gets no guess.
  const int bulk = static_cast<int>(lattice.system.size()) - 1;
  CHECK_FALSE(landscape::transplant_saddle_guess(lattice.space, lattice.minimum.position, lattice.types(), from,
                                                 hop.saddle, hop.mode, bulk, transplant)
                  .has_value());
}
