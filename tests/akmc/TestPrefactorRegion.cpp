// The atoms of an event's prefactor Hessians (bridge/akmc/PrefactorRegion.hpp, Prefactors.hpp):
//  - on an analytic surface whose event moves one atom (FourWellSurface.hpp: atom 0 hops, atom 1
//    sits in springs that do not couple to it), the region is that atom alone and its prefactor
//    is the exact Vineyard one, sqrt(f''(x_min)) / 2 pi, as is the full Hessian's;
//  - when the moving atoms' own block shows no unstable mode (a collective mode of two coupled
//    atoms, each atom's block stiff), the region grows to the whole system and the prefactor is
//    again the exact one;
//  - on a saddle of a 256-atom glass: a region that is every atom gives the full-Hessian
//    prefactor of landscape::vineyard_prefactor on landscape::finite_difference_hessian (an
//    independent path) to 1e-9; the default rule gives a smaller region whose saddle block has
//    exactly one negative curvature;
//  - forward-difference columns (the default) agree with central ones to O(step);
//  - bad rule parameters are refused with one line naming the command-line option.
#include <cmath>
#include <limits>
#include <numbers>

#include <catch2/catch.hpp>

#include "bridge/akmc/EventTableBuilder.hpp"
#include "bridge/akmc/MinimumHessians.hpp"
#include "bridge/akmc/PrefactorRegion.hpp"
#include "bridge/akmc/Prefactors.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/ObjectivePool.hpp"
#include "landscape/Vineyard.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/akmc/FourWellSurface.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

/// Forward differences (the default) with step h = 1e-6 on these quartics: H error
/// h |f'''| / 2 <= 1e-6 * 30 / 2 = 1.5e-5 against f'' >= 6 at the minima, ~2.5e-6 relative;
/// the square root halves it; 1e-5 leaves room for round-off (1e-16 * |g| / h ~ 1e-9).
constexpr double kExactTolerance = 1e-5;

/// Saddle of the x hop out of the well (+x, +y): x0 at the barrier top, all else at rest.
Eigen::VectorXd four_well_x_saddle() {
  Eigen::VectorXd s = test::four_well_minimum(+1, +1);
  s[0] = test::kWellX.top();
  return s;
}

/// Two atoms in free space whose double well is the collective coordinate u = (q0 + q1)/sqrt 2
/// of their x displacements q_i from rest (3 sigma apart); v = (q0 - q1)/sqrt 2, y and z sit in
/// stiff springs K. At the saddle (u = 0) the Hessian block of either atom alone is
/// (f''(0) + K)/2 > 0 in x: stable; the pair's has f''(0) < 0 along u.
class CollectiveWell : public md::Objective {
public:
  static constexpr double kSpring = 20.0;
  Eigen::Index dimension() const override { return 6; }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& g) override {
    ++evaluations_;
    const double q0 = x[0], q1 = x[3] - 3.0, r = std::sqrt(0.5);
    const double u = r * (q0 + q1), v = r * (q0 - q1);
    g.setZero(6);
    const double du = test::kWellX.slope(u), dv = kSpring * v;
    g[0] = r * (du + dv);
    g[3] = r * (du - dv);
    for (int k : {1, 2, 4, 5}) g[k] = kSpring * x[k];
    double e = test::kWellX.value(u) + 0.5 * kSpring * v * v;
    for (int k : {1, 2, 4, 5}) e += 0.5 * kSpring * x[k] * x[k];
    return e;
  }
};

bridge::Surface collective_surface() {
  bridge::Surface s = test::four_well_surface();
  s.make_objective = [] { return std::make_unique<CollectiveWell>(); };
  return s;
}

/// Configuration of the collective surface at u (v = 0, springs at rest).
Eigen::VectorXd collective_at(double u) {
  Eigen::VectorXd x = Eigen::VectorXd::Zero(6);
  x[0] = u * std::sqrt(0.5);
  x[3] = 3.0 + u * std::sqrt(0.5);
  return x;
}

bridge::PrefactorOptions analytic_rule(double fraction, double radius) {
  bridge::PrefactorOptions o;
  o.displacement_fraction = fraction;
  o.refinement.local_radius = radius;
  o.refinement.zero_modes = 0;  // no translation invariance on these surfaces
  return o;
}

}  // namespace

TEST_CASE("the region of a one-atom hop is that atom, with the exact Vineyard prefactor", "[akmc][prefactor]") {
  const bridge::Surface surface = test::four_well_surface();
  const Eigen::VectorXd minimum = test::four_well_minimum(+1, +1), product = test::four_well_minimum(-1, +1);
  const Eigen::VectorXd saddle = four_well_x_saddle();
  // Atom 1 never moves: the core is atom 0 for any fraction, and atom 1 (1.0 from atom 0's
  // saddle position) stays out of a 0.5 radius.
  CHECK(bridge::displacement_core(surface.space, minimum, saddle, product, 1.0) == std::vector<int>{0});
  const double exact_forward = test::kWellX.prefactor(+1), exact_backward = test::kWellX.prefactor(-1);
  for (const double radius : {0.5, 0.0}) {  // the one-atom region, then the full Hessian
    INFO("radius " << radius);
    const bridge::PrefactorOptions o = analytic_rule(0.9, radius);
    const bridge::SaddleHessian h = bridge::event_saddle_hessian(surface, minimum, saddle, 0.0, product, o);
    REQUIRE(h.first_order);
    CHECK(h.growths == 0);
    CHECK(h.atoms == (radius > 0.0 ? std::vector<int>{0} : std::vector<int>{}));
    // 3 coordinates x 1 forward difference per atom, +1 evaluation at the saddle.
    CHECK(h.force_calls == 1 + 3 * (radius > 0.0 ? 1 : 2));
    const bridge::PrefactorResult p = bridge::event_prefactors(surface, minimum, saddle, 0.0, product, o);
    REQUIRE(p.valid);
    CHECK(test::close(p.forward, exact_forward, kExactTolerance));
    CHECK(test::close(p.backward, exact_backward, kExactTolerance));
  }
}

TEST_CASE("a region whose block has no unstable mode grows until it has one", "[akmc][prefactor]") {
  const bridge::Surface surface = collective_surface();
  const double u_min = test::kWellX.minimum(+1), u_product = test::kWellX.minimum(-1), u_top = test::kWellX.top();
  const Eigen::VectorXd minimum = collective_at(u_min), saddle = collective_at(u_top), product = collective_at(u_product);
  // Both atoms move alike: a fraction below 1/2 keeps the first of them only (ties by index).
  REQUIRE(bridge::displacement_core(surface.space, minimum, saddle, product, 0.4) == std::vector<int>{0});
  const bridge::PrefactorOptions o = analytic_rule(0.4, 0.5);  // the other atom is 3 away
  const bridge::SaddleHessian h = bridge::event_saddle_hessian(surface, minimum, saddle, 0.0, product, o);
  REQUIRE(h.first_order);
  CHECK(h.growths == 1);
  CHECK(h.atoms.empty());  // the whole system (a shell of 0.5 adds nobody: jump to all)
  const bridge::PrefactorResult p = bridge::event_prefactors(surface, minimum, saddle, 0.0, product, o);
  REQUIRE(p.valid);
  // Every mode but u is the same at minimum and saddle: nu = sqrt(f''(u_min)) / 2 pi (unit mass).
  CHECK(test::close(p.forward, test::kWellX.prefactor(+1), kExactTolerance));
  CHECK(test::close(p.backward, test::kWellX.prefactor(-1), kExactTolerance));
}

TEST_CASE("on a glass saddle the region rule reduces to the full Hessian and keeps one unstable mode",
          "[akmc][prefactor]") {
  const md::PotentialSpec spec = md::load_potential("wahnstrom-sf");
  md::System system =
      md::read_lammps_data(std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data", spec.units);
  md::apply_default_masses(system, spec.type_mass);
  const bridge::Surface surface = bridge::atomic_surface(system, spec.pair, 0.3);
  const landscape::MinModeSearchOptions search;
  const auto [x, energy] = bridge::relax_start(surface, landscape::flat_positions(system), search.quench, 1e4, "test");
  landscape::SaddleSearchResult found;  // the first success from a fixed list of seeds
  for (std::uint64_t seed = 1; seed <= 20 && found.status != landscape::SearchStatus::success; ++seed) {
    const std::unique_ptr<md::Objective> objective = surface.make_objective();
    found = landscape::min_mode_search(*objective, surface.space, x, energy, static_cast<int>(seed * 37 % 256), seed,
                                       search);
  }
  REQUIRE(found.status == landscape::SearchStatus::success);

  // Independent reference: full finite-difference Hessians, 3 translations removed.
  const double step = 1e-4;
  const auto full_hessian = [&](const Eigen::VectorXd& at) {
    const std::unique_ptr<md::Objective> objective = surface.make_objective();
    return landscape::finite_difference_hessian(*objective, at, {}, step);
  };
  const Eigen::MatrixXd h_saddle = full_hessian(found.saddle);
  // The engine's own finite-difference path (the surface hiding its analytic Hessian).
  const bridge::Surface differences = bridge::finite_difference_surface(surface);
  const Eigen::Index n = x.size();  // clang 14 cannot capture the structured binding x
  const Eigen::VectorXd masses = [&] {
    Eigen::VectorXd m(n);
    for (Eigen::Index k = 0; k < m.size(); ++k) m[k] = surface.masses[static_cast<std::size_t>(k / 3)];
    return m;
  }();
  const double forward = landscape::vineyard_prefactor(full_hessian(x), h_saddle, masses, 3, 1.0).prefactor;
  const double backward = landscape::vineyard_prefactor(full_hessian(found.product), h_saddle, masses, 3, 1.0).prefactor;

  bridge::PrefactorOptions everything;  // the whole glass: all atoms carry the displacement
  everything.displacement_fraction = 1.0;
  everything.forward_differences = false;  // the reference's central differences, step 1e-4
  everything.refinement.local_radius = 1.0;
  const bridge::PrefactorResult all =
      bridge::event_prefactors(differences, x, found.saddle, found.saddle_energy, found.product, everything);
  REQUIRE(all.valid);
  INFO("forward " << all.forward << " vs " << forward << ", backward " << all.backward << " vs " << backward);
  // The same central differences of the same gradients; only the pair-sum order differs (per-atom
  // columns vs one loop), ~1e-12 relative in the entries; through ~750 log-frequencies that is
  // far below 1e-9 relative in nu.
  CHECK(test::close(all.forward, forward, 1e-9));
  CHECK(test::close(all.backward, backward, 1e-9));

  SECTION("forward-difference columns agree with central ones to O(step)") {
    const bridge::PrefactorOptions forward;  // default: forward, step 1e-6
    bridge::HessianColumns f(found.saddle, 3);
    const long calls = bridge::fill_columns(differences, {{&f, {}}}, forward.column_step(), 8, true);
    CHECK(calls == 3 * 256 + 32);  // 3 per atom, +1 evaluation at x per task of 8 atoms
    const Eigen::MatrixXd difference = Eigen::MatrixXd(f.block({})) - h_saddle;
    INFO("largest entry " << h_saddle.cwiseAbs().maxCoeff() << ", largest difference "
                          << difference.cwiseAbs().maxCoeff());
    // Error step * |V'''| / 2: |V'''| of the Wahnstrom pairs at their closest approach here is
    // ~1e4 epsilon/sigma^3, so ~5e-3 epsilon/sigma^2, against entries of ~1e2-1e3: 1e-4 of the
    // largest entry bounds it (the central reference's own error, ~1e-8 V'''', is far smaller).
    CHECK(difference.cwiseAbs().maxCoeff() < 1e-4 * h_saddle.cwiseAbs().maxCoeff());
  }

  bridge::PrefactorOptions rule;  // the engine's default rule
  rule.refinement.local_radius = 1.5;
  const bridge::SaddleHessian h =
      bridge::event_saddle_hessian(surface, x, found.saddle, found.saddle_energy, found.product, rule);
  REQUIRE(h.first_order);
  CHECK_FALSE(h.atoms.empty());
  CHECK(h.atoms.size() < 256u);
  CHECK(landscape::curvature_spectrum(Eigen::MatrixXd(h.hessian), 0, rule.refinement.negative_tolerance, false).negative ==
        1);
}

TEST_CASE("bad prefactor region parameters are refused with one line naming the option", "[akmc][prefactor]") {
  const auto refused = [](double fraction, double radius) {
    bridge::PrefactorOptions o;
    o.displacement_fraction = fraction;
    o.refinement.local_radius = radius;
    try {
      o.validate();
    } catch (const InputError& e) {
      const std::string what = e.what();
      CHECK(what.find('\n') == std::string::npos);
      return what;
    }
    return std::string();
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double bad : {nan, 0.0, -0.5, 1.5, std::numeric_limits<double>::infinity()})
    CHECK(refused(bad, 1.5).find("--hessian-fraction") != std::string::npos);
  for (const double bad : {nan, -1.0, std::numeric_limits<double>::infinity()})
    CHECK(refused(0.9, bad).find("--hessian-radius") != std::string::npos);
  CHECK(refused(1.0, 0.0).empty());  // the whole fraction, full Hessian: valid
  CHECK(refused(1e-3, 2.5).empty());
}
