// NEB, saddle refinement, intermediate-minimum splitting and Vineyard prefactors on analytic
// 2-D surfaces whose stationary points are known; the pseudo-determinants behind Vineyard on
// small random translation-invariant Hessians.
#include <cstdint>
#include <iomanip>
#include <numbers>
#include <random>

#include <catch2/catch.hpp>
#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include "landscape/DenseCholesky.hpp"
#include "landscape/ElementaryTransitions.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/NudgedElasticBand.hpp"
#include "landscape/SaddleRefinement.hpp"
#include "landscape/Vineyard.hpp"
#include "md/BlockHessian.hpp"
#include "md/SimdLevel.hpp"
#include "tests/landscape/MullerBrown.hpp"

using namespace glassland;
using landscape::ConfigurationSpace;

namespace {

// Stationary points of Müller-Brown (literature values, e.g. Bonfanti & Kob, J. Chem. Phys.
// 147, 204104 (2017), Table I), checked below to be stationary with the analytic gradient.
const Eigen::Vector2d kMinA(-0.558223634, 1.441725841), kMinB(0.623499404, 0.028037758),
    kMinC(-0.050010823, 0.466694104);
const Eigen::Vector2d kSaddle1(-0.822001558, 0.624312802), kSaddle2(0.212486582, 0.292988325);
constexpr double kESaddle1 = -40.66484, kESaddle2 = -72.24894;

landscape::NebOptions mb_neb_options() {
  landscape::NebOptions o;
  o.images = 9;
  o.spring = 100.0;  // curvatures ~1e3-1e4: stiff enough to keep images spread
  o.fmax = 1e-4;
  o.max_step = 0.02;
  o.timestep = 0.0005;  // FIRE stability needs dt < ~2/sqrt(max curvature ~ 5e3)
  o.max_iterations = 20000;
  return o;
}

double mb_energy(const Eigen::Vector2d& p) {
  test::MullerBrown mb;
  Eigen::VectorXd g(2);
  return mb.value_and_gradient(p, g);
}

}  // namespace

TEST_CASE("Müller-Brown reference points are stationary", "[neb]") {
  test::MullerBrown mb;
  Eigen::VectorXd g(2);
  for (const Eigen::Vector2d& p : {kMinA, kMinB, kMinC, kSaddle1, kSaddle2}) {
    mb.value_and_gradient(p, g);
    CHECK(g.norm() < 1e-3);  // 9-digit coordinates, curvature <~ 1e4
  }
  CHECK(mb_energy(kSaddle1) == Approx(kESaddle1).margin(1e-4));
  CHECK(mb_energy(kSaddle2) == Approx(kESaddle2).margin(1e-4));
}

TEST_CASE("CI-NEB finds the Müller-Brown saddle between C and B", "[neb]") {
  test::MullerBrown mb;
  const auto space = ConfigurationSpace::free(2);
  landscape::NudgedElasticBand band(mb, space, kMinC, kMinB, mb_neb_options());
  const auto result = band.run();
  INFO("iterations " << result.iterations << " force calls " << result.force_calls);
  REQUIRE(result.converged);
  // Converged to |F| < 1e-4 with curvatures ~1e3: position error ~1e-7, energy error ~1e-11.
  CHECK((result.path[result.saddle_image] - kSaddle2).norm() < 1e-5);
  CHECK(result.saddle_energy == Approx(kESaddle2).margin(1e-4));
  CHECK(result.barrier_forward == Approx(kESaddle2 - mb_energy(kMinC)).margin(1e-4));
  CHECK(result.barrier_reverse == Approx(kESaddle2 - mb_energy(kMinB)).margin(1e-4));
  CHECK(result.energies.size() == 11u);
}

TEST_CASE("Energy-weighted springs find the same saddle", "[neb]") {
  test::MullerBrown mb;
  auto options = mb_neb_options();
  options.energy_weighted = true;
  options.spring_min = 20.0;
  landscape::NudgedElasticBand band(mb, ConfigurationSpace::free(2), kMinA, kMinC, options);
  const auto result = band.run();
  REQUIRE(result.converged);
  CHECK((result.path[result.saddle_image] - kSaddle1).norm() < 1e-5);
  CHECK(result.saddle_energy == Approx(kESaddle1).margin(1e-4));
}

TEST_CASE("The climbing image is a first-order saddle", "[neb][hessian]") {
  test::MullerBrown mb;
  const auto space = ConfigurationSpace::free(2);
  landscape::NudgedElasticBand band(mb, space, kMinC, kMinB, mb_neb_options());
  const auto neb = band.run();
  REQUIRE(neb.converged);
  landscape::SaddleRefinementOptions options;
  options.zero_modes = 0;
  options.hessian_step = 1e-5;
  const auto refined = landscape::refine_saddle(mb, space, neb.path[neb.saddle_image], Eigen::VectorXd(), options);
  CHECK(refined.first_order);
  CHECK(refined.negative_modes == 1);
  CHECK(refined.max_force < 1e-6);
  CHECK((refined.position - kSaddle2).norm() < 1e-6);
  // Finite-difference Hessian against the analytic one (O(h^2) ~ 1e-10 x 1e5 third derivative).
  const Eigen::Matrix2d exact = mb.hessian(refined.position);
  CHECK((refined.hessian - exact).norm() < 1e-3 * exact.norm());
  // And a minimum has none.
  const auto at_minimum = landscape::curvature_spectrum(mb.hessian(kMinB), 0, 1e-8);
  CHECK(at_minimum.negative == 0);
}

TEST_CASE("An intermediate minimum is detected and the path split", "[neb][split]") {
  // The straight path A -> B crosses the basin of C: two elementary transitions.
  test::MullerBrown mb;
  landscape::ElementaryOptions options;
  options.neb = mb_neb_options();
  options.quench.block_size = 2;
  options.quench.timestep = 0.0005;
  options.quench.max_step = 0.02;
  options.quench.fmax = 1e-8;
  options.same = {1e-6, 1e-3};
  const auto result = landscape::find_elementary_transitions(mb, ConfigurationSpace::free(2), kMinA,
                                                             mb_energy(kMinA), kMinB, mb_energy(kMinB), options);
  REQUIRE(result.converged);
  CHECK(result.intermediate_minima == 1);
  REQUIRE(result.transitions.size() == 2u);
  CHECK((result.transitions[0].final - kMinC).norm() < 1e-5);
  CHECK(result.transitions[0].neb.saddle_energy == Approx(kESaddle1).margin(1e-4));
  CHECK(result.transitions[1].neb.saddle_energy == Approx(kESaddle2).margin(1e-4));
}

TEST_CASE("Vineyard prefactor of a 2-D double well equals the analytic value", "[vineyard]") {
  // V = h (x^2-1)^2 + k y^2 / 2 with mass m: omega_min = {sqrt(8h/m), sqrt(k/m)},
  // omega_saddle = {i sqrt(4h/m), sqrt(k/m)}  =>  nu = sqrt(8h/m) / (2 pi)  (y mode cancels).
  const double h = 2.0, k = 7.0, m = 3.0;
  test::DoubleWell well(h, k);
  Eigen::VectorXd minimum(2), saddle(2);
  minimum << 1.0, 0.0;
  saddle << 0.0, 0.0;
  const Eigen::MatrixXd h_min = landscape::finite_difference_hessian(well, minimum, {}, 1e-4, 2);
  const Eigen::MatrixXd h_sad = landscape::finite_difference_hessian(well, saddle, {}, 1e-4, 2);
  const auto result = landscape::vineyard_prefactor(h_min, h_sad, Eigen::VectorXd::Constant(2, m), 0, 1.0);
  // Quartic potential: central differences are exact up to h^2 * V'''' / 12 ~ 1e-8 relative.
  const double expected = std::sqrt(8.0 * h / m) / (2.0 * std::numbers::pi);
  CHECK(result.prefactor == Approx(expected).epsilon(1e-7));
  CHECK(result.imaginary_frequency == Approx(std::sqrt(4.0 * h / m) / (2.0 * std::numbers::pi)).epsilon(1e-7));
  // Metal units: the same Hessian in eV/A^2 and masses in amu give frequencies in 1/ps.
  const double mvv = 1.0364269e-4;
  const auto metal = landscape::vineyard_prefactor(h_min, h_sad, Eigen::VectorXd::Constant(2, m), 0, mvv);
  CHECK(metal.prefactor == Approx(expected / std::sqrt(mvv)).epsilon(1e-7));
  // A minimum given as the "saddle" is rejected.
  CHECK_THROWS(landscape::vineyard_prefactor(h_min, h_min, Eigen::VectorXd::Constant(2, m), 0, 1.0));
}

namespace {

/// A random translation-invariant Hessian of `atoms` atoms, every pair coupled: pair blocks
/// K = R R^T + 0.1 I (positive definite: H is positive semi-definite with exactly the 3
/// translations as null space), `unstable` of them with e^T K e = -8 along a random e (one
/// negative curvature each, mostly).
md::BlockHessian random_pair_hessian(int atoms, int unstable, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<md::BlockHessian::Pair> pairs;
  for (int i = 0; i < atoms; ++i)
    for (int j = i + 1; j < atoms; ++j) {
      Eigen::Matrix3d r;
      for (int k = 0; k < 9; ++k) r(k / 3, k % 3) = u(random);
      Eigen::Matrix3d k = r * r.transpose() + 0.1 * Eigen::Matrix3d::Identity();
      if (static_cast<int>(pairs.size()) < unstable) {  // strongly unstable along one direction e
        const Eigen::Vector3d e = Eigen::Vector3d(u(random), u(random), u(random)).normalized();
        k -= (e.dot(k * e) + 8.0) * e * e.transpose();
      }
      md::BlockHessian::Pair p{i, j, {}};
      Eigen::Map<Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(p.k) = k;
      pairs.push_back(p);
    }
  return md::BlockHessian(atoms, pairs);
}

}  // namespace

TEST_CASE("pseudo-determinant and inertia with one atom removed equal those of the whole Hessian",
          "[vineyard][hessian]") {
  // pdet(A) = det(A_KK) / det(U_R)^2 and inertia(A_KK) = inertia(A on its range) for every removed
  // atom (Hessian.hpp), against the eigenvalues of the dense A and the lifted determinant
  // det(A + a T T^T) / a^3 that the code used before. Exact identities: only rounding of n = 21
  // terms (~1e-15 each) separates them, so 1e-10 in log|pdet| (= relative in pdet) is generous.
  const int atoms = 7;
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> mass(1.0, 3.0);
  for (const int unstable : {0, 1, 2, 4}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const landscape::SparseHessian h = random_pair_hessian(atoms, unstable, seed).sparse();
      Eigen::VectorXd masses(3 * atoms);
      for (int a = 0; a < atoms; ++a) masses.segment<3>(3 * a).setConstant(mass(random));
      const Eigen::VectorXd scale = masses.cwiseSqrt().cwiseInverse();
      const Eigen::MatrixXd w = scale.asDiagonal() * Eigen::MatrixXd(h) * scale.asDiagonal();
      // Reference 1: the spectrum, the 3 translations (smallest |lambda|) dropped.
      const landscape::CurvatureSpectrum spectrum = landscape::curvature_spectrum(w, 3, 0.0, false);
      const double log_pdet = spectrum.eigenvalues.cwiseAbs().array().log().sum();
      REQUIRE(spectrum.eigenvalues.cwiseAbs().minCoeff() > 1e-3);  // well separated from the null space
      // Reference 2: the lifted determinant.
      Eigen::MatrixXd lifted = w;
      double lift = 0.0;
      INFO("unstable pairs " << unstable << ", seed " << seed << ", negative " << spectrum.negative);
      if (landscape::lift_translations(lifted, masses.cwiseSqrt(), lift)) {  // needs trace(W) > 0
        const double log_lifted = Eigen::LDLT<Eigen::MatrixXd>(lifted).vectorD().cwiseAbs().array().log().sum() -
                                  3.0 * std::log(lift);
        CHECK(std::abs(log_lifted - log_pdet) < 1e-10);
      }
      if (unstable == 0) CHECK(spectrum.negative == 0);
      if (unstable > 0) CHECK(spectrum.negative > 0);
      const double total_mass = masses.sum() / 3.0;
      for (int i = 0; i < atoms; ++i) {
        const Eigen::MatrixXd reduced = landscape::reduced_dense(h, scale, i);
        REQUIRE(reduced.rows() == 3 * atoms - 3);
        const Eigen::VectorXd values = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(reduced).eigenvalues();
        // det(U_R)^2 = (m_i / sum m)^3.
        const double log_minor = 3.0 * std::log(masses[3 * i] / total_mass);
        CHECK(std::abs(values.cwiseAbs().array().log().sum() - log_minor - log_pdet) < 1e-10);
        CHECK((values.array() < 0.0).count() == spectrum.negative);
      }
      for (const bool definite : {false, true}) {
        const landscape::ReducedFactorization f = landscape::reduced_factorization(h, scale, 3, definite);
        CHECK(f.factorized == (!definite || spectrum.negative == 0));  // a Cholesky proves a minimum
        if (!f.factorized) continue;
        CHECK(f.negative == spectrum.negative);
        CHECK(std::abs(f.log_abs_pdet - log_pdet) < 1e-10);
      }
      // The saddle's shortcut (Lanczos, then one Cholesky of W_KK + 2|lambda_0| y y^T and the
      // determinant lemma) or its LDLT fallback: the same inertia and pseudo-determinant.
      const landscape::SaddleFactorization saddle =
          landscape::factorize_saddle(h, masses, 3, 1.0, 1e-8, Eigen::VectorXd());
      REQUIRE(saddle.conclusive);
      CHECK(saddle.negative == spectrum.negative);
      CHECK(std::abs(saddle.log_abs_pdet - log_pdet) < 1e-10);
      if (spectrum.negative > 0) CHECK(std::abs(saddle.unstable - spectrum.eigenvalues[0]) < 1e-9 * std::abs(spectrum.eigenvalues[0]));
      // Unweighted (scale 1): the inertia that negative_curvatures counts.
      const Eigen::MatrixXd plain(h);
      CHECK(landscape::negative_curvatures(h, 3, 1e-8) == landscape::curvature_spectrum(plain, 3, 1e-8, false).negative);
      // No zero modes: a non-singular block (atom 0 held fixed) is factorized whole.
      const landscape::SparseHessian pinned = Eigen::MatrixXd(plain.bottomRightCorner(18, 18)).sparseView();
      const landscape::ReducedFactorization whole =
          landscape::reduced_factorization(pinned, Eigen::VectorXd::Ones(18), 0, false);
      const Eigen::VectorXd pinned_values =
          Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(plain.bottomRightCorner(18, 18)).eigenvalues();
      CHECK(std::abs(whole.log_abs_pdet - pinned_values.cwiseAbs().array().log().sum()) < 1e-10);
      CHECK(whole.negative == (pinned_values.array() < 0.0).count());
    }
  }
  SECTION("rows that do not sum to zero (finite differences): the translations projected out") {
    // H + E, E symmetric with entries up to 1e-6 of H's (a finite-difference error). The
    // spectrum without its 3 smallest eigenvalues (vineyard_prefactor) and the projected,
    // reduced determinant agree to O(|E|^2) (measured 2e-12 in log); the lifted determinant of
    // the earlier code keeps the translations' O(|E|) coupling to the rest (9e-8), and holding
    // an atom fixed without the projection amplifies it (4e-6).
    const landscape::SparseHessian exact = random_pair_hessian(atoms, 1, 7).sparse();
    Eigen::MatrixXd e = Eigen::MatrixXd::Zero(exact.rows(), exact.cols());
    std::uniform_real_distribution<double> noise(-1e-6, 1e-6);
    for (Eigen::Index j = 0; j < e.cols(); ++j)
      for (Eigen::Index i = 0; i <= j; ++i) e(i, j) = e(j, i) = noise(random) * std::abs(Eigen::MatrixXd(exact)(i, j));
    const Eigen::MatrixXd perturbed_dense = Eigen::MatrixXd(exact) + e;
    const landscape::SparseHessian perturbed = perturbed_dense.sparseView();
    Eigen::VectorXd masses(3 * atoms);
    for (int a = 0; a < atoms; ++a) masses.segment<3>(3 * a).setConstant(1.0 + a % 3);
    const Eigen::VectorXd scale = masses.cwiseSqrt().cwiseInverse();
    const Eigen::MatrixXd w = scale.asDiagonal() * perturbed_dense * scale.asDiagonal();
    const double log_spectrum = landscape::curvature_spectrum(w, 3, 0.0, false).eigenvalues.cwiseAbs().array().log().sum();
    Eigen::MatrixXd lifted = w;
    double lift = 0.0;
    REQUIRE(landscape::lift_translations(lifted, masses.cwiseSqrt(), lift));
    const double log_lifted =
        Eigen::LDLT<Eigen::MatrixXd>(lifted).vectorD().cwiseAbs().array().log().sum() - 3.0 * std::log(lift);
    const landscape::ReducedFactorization f = landscape::reduced_factorization(perturbed, scale, 3, false);
    REQUIRE(f.factorized);
    const landscape::HeldAtom held = landscape::held_atom(scale, 3);
    const double log_unprojected =
        Eigen::LDLT<Eigen::MatrixXd>(landscape::reduced_dense(perturbed, scale, held.atom, false))
            .vectorD().cwiseAbs().array().log().sum() - held.log_minor;
    INFO(std::setprecision(15) << "spectrum " << log_spectrum << ", lifted " << log_lifted << ", projected "
                               << f.log_abs_pdet << ", unprojected " << log_unprojected);
    CHECK(std::abs(f.log_abs_pdet - log_spectrum) < 1e-10);
    CHECK(std::abs(log_lifted - log_spectrum) < 1e-6);
    CHECK(std::abs(log_unprojected - log_spectrum) > 1e-7);  // what the projection is for
  }
  SECTION("Lanczos on the sparse matrix finds the lowest eigenvalue") {
    const landscape::SparseHessian h = random_pair_hessian(atoms, 2, 5).sparse();
    const Eigen::VectorXd values = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(Eigen::MatrixXd(h)).eigenvalues();
    const double lowest = landscape::lowest_eigenvalue(h, 1e-10 * h.diagonal().cwiseAbs().maxCoeff());
    CHECK(std::abs(lowest - values[0]) < 1e-9 * std::abs(values[0]));
    CHECK(landscape::lowest_eigenvalue(Eigen::MatrixXd(h), 1e-10 * h.diagonal().cwiseAbs().maxCoeff()) ==
          Approx(values[0]).epsilon(1e-9));
  }
}

TEST_CASE("the dense Cholesky factorization gives the same factor on every vector path", "[vineyard][hessian]") {
  // The AVX2+FMA variant (its own Eigen instances) against Eigen's baseline LLT: the same
  // arithmetic in another order, so the same factor to rounding (n = 300, condition ~1e2).
  std::mt19937_64 random(3);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const Eigen::Index n = 300;
  Eigen::MatrixXd r(n, n);
  for (Eigen::Index k = 0; k < r.size(); ++k) r.data()[k] = u(random);
  const Eigen::MatrixXd a = r * r.transpose() / static_cast<double>(n) + Eigen::MatrixXd::Identity(n, n);
  const Eigen::LLT<Eigen::MatrixXd> reference(a);
  const Eigen::MatrixXd l = reference.matrixL();
  Eigen::MatrixXd chosen = a;
  REQUIRE(landscape::cholesky_in_place(chosen));
  CHECK((Eigen::MatrixXd(chosen.triangularView<Eigen::Lower>()) - l).cwiseAbs().maxCoeff() < 1e-12);
  Eigen::MatrixXd indefinite = a;
  indefinite(n / 2, n / 2) = -1.0;
  CHECK_FALSE(landscape::cholesky_in_place(indefinite));
  if (md::cpu_simd_level() >= md::SimdLevel::avx2) {
    Eigen::MatrixXd wide = a;
    REQUIRE(landscape::detail::cholesky_in_place_avx2(wide.data(), n));
    CHECK((Eigen::MatrixXd(wide.triangularView<Eigen::Lower>()) - l).cwiseAbs().maxCoeff() < 1e-12);
    indefinite = a;
    indefinite(n / 2, n / 2) = -1.0;
    CHECK_FALSE(landscape::detail::cholesky_in_place_avx2(indefinite.data(), n));
  }
}
