// Minimum Hessians computed once per state and reused for every saddle (MinimumHessians.hpp)
// give what recomputing them gives:
//  - a region's block assembled from cached atom columns equals
//    landscape::finite_difference_hessian over the same atoms (finite-difference columns), and
//    analytic columns (the pair potential's own second derivatives, no force call) agree with it
//    to the central differences' truncation error;
//  - columns are a pure function of (minimum, atom): recomputed in another task layout they are
//    bit-identical, and asking again for cached columns costs no force call;
//  - on a real saddle of a glass, the engine's prefactors (saddle Hessian + cached minima)
//    equal event_prefactors, which recomputes both minima's Hessians on the spot;
//  - analytic prefactors equal finite-difference ones (central and the forward ones that were
//    the engine's default) to the differences' truncation error.
#include <iomanip>
#include <memory>
#include <tuple>

#include <catch2/catch.hpp>
#include <Eigen/Cholesky>

#include "bridge/akmc/EventTableBuilder.hpp"
#include "bridge/akmc/MinimumHessians.hpp"
#include "bridge/akmc/Prefactors.hpp"
#include "bridge/akmc/SearchCodec.hpp"
#include "landscape/ObjectivePool.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/Vineyard.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

bridge::Surface glass_surface(Eigen::VectorXd& x) {
  const md::PotentialSpec spec = md::load_potential("wahnstrom-sf");
  md::System system =
      md::read_lammps_data(std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data", spec.units);
  md::apply_default_masses(system, spec.type_mass);
  x = landscape::flat_positions(system);
  return bridge::atomic_surface(system, spec.pair, 0.3);
}

bridge::PrefactorOptions engine_prefactors() {
  bridge::PrefactorOptions o;  // what `glassland akmc` uses
  o.refinement.local_radius = 2.5;
  return o;
}

/// The glass's minimum (relaxed from `start`) and the first successful min-mode search from it
/// over a fixed list of seeds (deterministic; status not success if none of 20 succeeds).
std::tuple<Eigen::VectorXd, double, landscape::SaddleSearchResult> first_saddle(const bridge::Surface& surface,
                                                                                const Eigen::VectorXd& start) {
  const landscape::MinModeSearchOptions search;
  const auto [x, energy] = bridge::relax_start(surface, start, search.quench, 1e4, "test");
  landscape::SaddleSearchResult found;
  for (std::uint64_t seed = 1; seed <= 20 && found.status != landscape::SearchStatus::success; ++seed) {
    const std::unique_ptr<md::Objective> objective = surface.make_objective();
    found = landscape::min_mode_search(*objective, surface.space, x, energy, static_cast<int>(seed * 37 % 256), seed,
                                       search);
  }
  return {x, energy, found};
}

}  // namespace

TEST_CASE("cached Hessian columns assemble the finite-difference Hessian of any region", "[akmc][hessian]") {
  Eigen::VectorXd x;
  const bridge::Surface analytic = glass_surface(x);
  const bridge::Surface surface = bridge::finite_difference_surface(analytic);
  const std::vector<int> region =
      landscape::atoms_within(surface.space, x, x.segment<3>(3 * 17), 1.6);  // atom 17 and its first shell
  REQUIRE(region.size() >= 8);
  const double step = 1e-4;
  bridge::HessianColumns cached(x, 3);
  const long calls = bridge::fill_columns(surface, {{&cached, region}}, step);
  // One evaluation at x per task of 8 atoms, then 6 per atom.
  CHECK(calls == 6 * static_cast<long>(region.size()) + static_cast<long>((region.size() + 7) / 8));
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  const Eigen::MatrixXd reference = landscape::finite_difference_hessian(*objective, x, region, step);
  const Eigen::MatrixXd assembled = cached.block(region);
  REQUIRE(assembled.rows() == reference.rows());
  // The same central differences of the same gradients; only the order of the pair sums differs
  // (neighbour lists built at other points): |g| <= ~1e3 here, so ~1e-16 * 1e3 / 2e-4 ~ 5e-10.
  CHECK((assembled - reference).cwiseAbs().maxCoeff() < 1e-7);
  CHECK(reference.cwiseAbs().maxCoeff() > 10.0);  // a real, stiff block (not zeros)

  SECTION("a second request computes nothing and a recomputation is bit-identical") {
    CHECK(bridge::fill_columns(surface, {{&cached, region}}, step) == 0);
    bridge::HessianColumns again(x, 3);
    // Another task layout (chunks of 3 atoms, the region requested twice in one call).
    bridge::fill_columns(surface, {{&again, region}, {&again, region}}, step, 3);
    CHECK(Eigen::MatrixXd(again.block(region)) == assembled);
  }
  SECTION("a sub-region is the sub-block") {
    const std::vector<int> part(region.begin(), region.begin() + 4);
    const Eigen::MatrixXd sub = cached.block(part);
    CHECK(sub == assembled.topLeftCorner(12, 12));
  }
  SECTION("analytic columns: no force call, the central-difference block to its truncation error") {
    bridge::HessianColumns exact(x, 3);
    CHECK(bridge::fill_columns(analytic, {{&exact, region}}, step) == 0);
    const Eigen::MatrixXd block = exact.block(region);
    INFO("largest entry " << reference.cwiseAbs().maxCoeff() << ", largest difference "
                          << (block - reference).cwiseAbs().maxCoeff());
    // Central differences with h = 1e-4 err by h^2/6 |E''''| ~ 1e-8/6 * ~1e6 ~ 2e-3 at the closest
    // pairs of this glass, against entries of ~1e2-1e3: 1e-5 of the largest entry.
    CHECK((block - reference).cwiseAbs().maxCoeff() < 1e-5 * reference.cwiseAbs().maxCoeff());
    bridge::HessianColumns again(x, 3);
    bridge::fill_columns(analytic, {{&again, region}, {&again, region}}, step, 3);
    CHECK(Eigen::MatrixXd(again.block(region)) == block);  // a pure function of the configuration
  }
}

TEST_CASE("prefactors from cached minimum Hessians equal recomputed ones on a glass saddle", "[akmc][hessian]") {
  Eigen::VectorXd start;
  const bridge::Surface surface = glass_surface(start);
  const auto [x, energy, found] = first_saddle(surface, start);
  REQUIRE(found.status == landscape::SearchStatus::success);
  const bridge::PrefactorOptions options = engine_prefactors();

  // Reference: the region's saddle block, then both minima's Hessians over it recomputed.
  const bridge::PrefactorResult reference =
      bridge::event_prefactors(surface, x, found.saddle, found.saddle_energy, found.product, options);
  REQUIRE(reference.valid);
  // The engine: the same saddle block (a fresh objective, the same evaluations: identical bits),
  // the minima from cached columns.
  const bridge::SaddleHessian saddle =
      bridge::event_saddle_hessian(surface, x, found.saddle, found.saddle_energy, found.product, options);
  REQUIRE(saddle.first_order);
  CHECK(saddle.saddle == reference.saddle);
  bridge::HessianColumns minimum(x, 3), product(found.product, 3);
  const long calls = bridge::fill_columns(surface, {{&minimum, saddle.atoms}, {&product, saddle.atoms}},
                                          options.column_step(), 8, options.forward_differences);
  CHECK(calls == 0);  // analytic pair Hessians: no force call
  CHECK(saddle.force_calls == 0);
  const bridge::PrefactorResult cached =
      bridge::vineyard_pair(surface, saddle, minimum.block(saddle.atoms), product.block(saddle.atoms), options);
  REQUIRE(cached.valid);
  INFO("forward " << cached.forward << " vs " << reference.forward << ", backward " << cached.backward << " vs "
                  << reference.backward << ", " << saddle.atoms.size() << " Hessian atoms");
  // Hessian entries agree to ~1e-9 (previous test); a relative perturbation eps of the entries
  // moves each of the ~3n frequencies by ~eps * |H| / (2 lambda), lambda >= ~0.1 for the softest
  // real modes here, so the product of ratios moves by < 1e-6 relative.
  CHECK(test::close(cached.forward, reference.forward, 1e-6));
  CHECK(test::close(cached.backward, reference.backward, 1e-6));
  CHECK(cached.forward > 0.0);
  // The engine's path: each minimum's factorization once per region, kept with its columns;
  // the same arithmetic, so the same bits, computed or remembered.
  for (int pass = 0; pass < 2; ++pass) {
    const bridge::PrefactorResult memo = bridge::vineyard_pair_from_columns(surface, saddle, minimum, product, options);
    REQUIRE(memo.valid);
    CHECK(memo.forward == cached.forward);
    CHECK(memo.backward == cached.backward);
  }
  // What travels between ranks and threads: the sparse block and its factorization, exactly.
  bridge::ByteWriter writer;
  bridge::encode_saddle_hessian(writer, saddle);
  bridge::ByteReader reader(writer.bytes());
  const bridge::SaddleHessian decoded = bridge::decode_saddle_hessian(reader);
  CHECK(reader.done());
  CHECK(decoded.hessian.nonZeros() == saddle.hessian.nonZeros());
  CHECK(Eigen::MatrixXd(decoded.hessian) == Eigen::MatrixXd(saddle.hessian));
  CHECK(decoded.factorization.conclusive == saddle.factorization.conclusive);
  CHECK(decoded.factorization.log_abs_pdet == saddle.factorization.log_abs_pdet);
  CHECK(decoded.factorization.unstable == saddle.factorization.unstable);
  // A second saddle of the same minimum over the same atoms needs no new column of it.
  CHECK(bridge::fill_columns(surface, {{&minimum, saddle.atoms}}, options.column_step(), 8,
                             options.forward_differences) == 0);
}

TEST_CASE("analytic prefactors equal finite-difference ones on glass saddles", "[akmc][hessian]") {
  Eigen::VectorXd start;
  const bridge::Surface analytic = glass_surface(start);
  const bridge::Surface differences = bridge::finite_difference_surface(analytic);
  const landscape::MinModeSearchOptions search;
  const auto [x, energy] = bridge::relax_start(analytic, start, search.quench, 1e4, "test");
  // The first two successful searches from a fixed list of seeds (deterministic).
  std::vector<landscape::SaddleSearchResult> saddles;
  for (std::uint64_t seed = 1; seed <= 30 && saddles.size() < 2; ++seed) {
    const std::unique_ptr<md::Objective> objective = analytic.make_objective();
    auto found = landscape::min_mode_search(*objective, analytic.space, x, energy,
                                            static_cast<int>(seed * 53 % 256), seed, search);
    if (found.status == landscape::SearchStatus::success) saddles.push_back(std::move(found));
  }
  REQUIRE(saddles.size() == 2);
  bridge::PrefactorOptions central = engine_prefactors();
  central.forward_differences = false;
  central.refinement.hessian_step = 1e-5;  // truncation h^2: 100x below the default 1e-4
  const bridge::PrefactorOptions forward = engine_prefactors();  // step 1e-6, the old default
  for (const auto& found : saddles) {
    const bridge::PrefactorResult exact =
        bridge::event_prefactors(analytic, x, found.saddle, found.saddle_energy, found.product, forward);
    const bridge::PrefactorResult c =
        bridge::event_prefactors(differences, x, found.saddle, found.saddle_energy, found.product, central);
    const bridge::PrefactorResult f =
        bridge::event_prefactors(differences, x, found.saddle, found.saddle_energy, found.product, forward);
    REQUIRE(exact.valid);
    REQUIRE(c.valid);
    REQUIRE(f.valid);
    CHECK(exact.force_calls == 0);
    CHECK(c.force_calls > 0);
    INFO(std::setprecision(9) << "forward: analytic " << exact.forward << ", central " << c.forward << ", forward differences " << f.forward
                              << "; backward: " << exact.backward << ", " << c.backward << ", " << f.backward);
    // Central differences err by h^2/6 |E''''| per entry; with the default h = 1e-4 that moved nu
    // by ~5e-4 relative on these saddles (systematic over ~750 log-frequencies), with h = 1e-5
    // by 100x less: 2e-5 bounds it, while a wrong term (1 % in E'') moves nu by percent.
    CHECK(test::close(exact.forward, c.forward, 2e-5));
    CHECK(test::close(exact.backward, c.backward, 2e-5));
    // Forward differences (h = 1e-6, the engine's former default) err by h |E'''| / 2 per entry:
    // measured <= 7e-5 relative in nu here (docs/akmc.md: <= 0.001 in log10 nu on 500 atoms).
    CHECK(test::close(exact.forward, f.forward, 1e-3));
    CHECK(test::close(exact.backward, f.backward, 1e-3));
  }
}

TEST_CASE("Vineyard by determinants and Lanczos equals Vineyard by spectra", "[akmc][hessian][vineyard]") {
  Eigen::VectorXd start;
  const bridge::Surface surface = glass_surface(start);
  const auto [x, energy, found] = first_saddle(surface, start);
  REQUIRE(found.status == landscape::SearchStatus::success);
  const auto full = [&](const Eigen::VectorXd& at) { return surface.make_objective()->hessian(at).sparse(); };
  const landscape::SparseHessian h_min = full(x), h_saddle = full(found.saddle), h_product = full(found.product);
  Eigen::VectorXd masses(x.size());
  for (Eigen::Index k = 0; k < masses.size(); ++k) masses[k] = surface.masses[static_cast<std::size_t>(k / 3)];
  // The whole periodic box (3 translations lifted out) and a region of it (no zero modes).
  const std::vector<int> region = landscape::atoms_within(surface.space, found.saddle, found.saddle.segment<3>(0), 4.0);
  const std::vector<Eigen::Index> c = landscape::coordinates_of(region, x.size(), 3);
  const auto sub = [&](const landscape::SparseHessian& h) {
    return landscape::SparseHessian(Eigen::MatrixXd(Eigen::MatrixXd(h)(c, c)).sparseView());
  };
  const Eigen::VectorXd sub_masses = masses(c);
  struct Case {
    const char* name;
    landscape::SparseHessian minimum, saddle, product;
    Eigen::VectorXd m;
    int zero;
  };
  for (const Case& k : {Case{"whole box", h_min, h_saddle, h_product, masses, 3},
                        Case{"region", sub(h_min), sub(h_saddle), sub(h_product), sub_masses, 0}}) {
    DYNAMIC_SECTION(k.name) {
      const int spectrum_negative =
          landscape::curvature_spectrum(Eigen::MatrixXd(k.saddle), k.zero, 1e-6, false).negative;
      CHECK(landscape::negative_curvatures(k.saddle, k.zero, 1e-6) == spectrum_negative);
      CHECK(landscape::negative_curvatures(k.minimum, k.zero, 1e-6) == 0);
      if (spectrum_negative != 1) continue;  // a region may cut the unstable mode: nothing to compare
      const auto [forward, backward] =
          landscape::vineyard_prefactor_pair(k.minimum, k.product, k.saddle, k.m, k.zero, 1.0);
      const Eigen::MatrixXd saddle(k.saddle);
      const double f = landscape::vineyard_prefactor(Eigen::MatrixXd(k.minimum), saddle, k.m, k.zero, 1.0).prefactor;
      const double b = landscape::vineyard_prefactor(Eigen::MatrixXd(k.product), saddle, k.m, k.zero, 1.0).prefactor;
      INFO(std::setprecision(12) << "forward " << forward << " vs " << f << ", backward " << backward << " vs " << b);
      // The same numbers summed as log-determinants instead of log-eigenvalues: rounding of
      // ~n log terms (n ~ 800) and of the factorizations, ~1e-12 relative per term.
      CHECK(test::close(forward, f, 1e-8));
      CHECK(test::close(backward, b, 1e-8));
      if (k.zero != 3) continue;
      // Against the lifted dense determinants the code used before (det(W + a T T^T) / a^3):
      // the same pseudo-determinants, one atom held fixed instead; both exact up to rounding of
      // ~750 log-pivots of factorizations with condition ~1e5, so 1e-9 in log det (relative).
      const Eigen::VectorXd weights = k.m.cwiseSqrt(), scale = weights.cwiseInverse();
      for (const auto* h : {&k.minimum, &k.saddle, &k.product}) {
        Eigen::MatrixXd lifted = scale.asDiagonal() * Eigen::MatrixXd(*h) * scale.asDiagonal();
        double lift = 0.0;
        REQUIRE(landscape::lift_translations(lifted, weights, lift));
        const double log_lifted = Eigen::LDLT<Eigen::MatrixXd>(lifted).vectorD().cwiseAbs().array().log().sum() -
                                  3.0 * std::log(lift);
        const landscape::ReducedFactorization reduced = landscape::reduced_factorization(*h, scale, 3, false);
        REQUIRE(reduced.factorized);
        CHECK(reduced.negative == (h == &k.saddle ? 1 : 0));
        CHECK(std::abs(reduced.log_abs_pdet - log_lifted) < 1e-9);
        // The saddle's shortcut (one Cholesky of W_KK + 2|lambda_0| y y^T) gives the same.
        const landscape::SaddleFactorization f = landscape::factorize_saddle(*h, k.m, 3, 1.0, 1e-8);
        REQUIRE(f.conclusive);
        CHECK(f.negative == reduced.negative);
        CHECK(std::abs(f.log_abs_pdet - log_lifted) < 1e-9);
      }
    }
  }
  SECTION("two negative curvatures are counted as two") {
    Eigen::MatrixXd two(h_saddle);
    two.block<3, 3>(30, 30) -= 1e3 * Eigen::Matrix3d::Identity();  // a strongly unstable atom
    CHECK(landscape::negative_curvatures(two.sparseView(), 3, 1e-6) ==
          landscape::curvature_spectrum(two, 3, 1e-6, false).negative);
    CHECK(landscape::negative_curvatures(two.sparseView(), 3, 1e-6) >= 2);
  }
  SECTION("Lanczos finds the lowest eigenvalue") {
    const Eigen::VectorXd all = landscape::curvature_spectrum(Eigen::MatrixXd(h_saddle), 0, 0.0, false).eigenvalues;
    CHECK(test::close(landscape::lowest_eigenvalue(h_saddle, 1e-9 * h_saddle.diagonal().maxCoeff()), all[0], 1e-9));
  }
}
