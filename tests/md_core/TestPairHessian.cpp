// The analytic Hessian of the pair styles (ForceCompute::hessian, md/BlockHessian.hpp) against
// central finite differences of the forces, for every registered pair potential (LJ, lj/sf,
// Wahnström, Kob–Andersen, lj84) on small random clusters in free space and on periodic liquids
// in orthorhombic and triclinic boxes (minimum image through the ghost atoms, mixed types);
// exact symmetry and translation invariance (every row sums to zero); EAM reports no analytic
// Hessian, so callers fall back to finite differences.
//
// Tolerance of the comparison: a central difference of the gradient with step h has truncation
// error h^2/6 |d^3 g| ~ h^2/6 |E''''(r)| per pair. At the closest approach allowed here (0.85
// sigma) |E''''| of the LJ pair is ~2e6 epsilon/sigma^4, so with h = 1e-4 sigma the error is
// <= 1e-8 / 6 * 2e6 * (a few pairs per entry) ~ 1e-2 epsilon/sigma^2; round-off adds
// ~1e-16 |g| / h ~ 1e-9. Against the largest entry (~1e3-1e4 epsilon/sigma^2 at 0.85 sigma)
// that is <= 1e-5 relative, which is the bound used. A wrong second derivative (e.g. 155 for 156
// in E'' of LJ, or the tangential term E'/r dropped) gives errors of ~1e-2 to 1 relative.
#include <random>

#include <catch2/catch.hpp>

#include "landscape/Hessian.hpp"
#include "md/ForceCompute.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/SystemObjective.hpp"
#include "tests/md_core/Helpers.hpp"

using namespace glassland;
using namespace glassland::md;

namespace {

/// `n` atoms placed at random in a cube of side `side` with no two closer than 0.85 sigma,
/// types alternating, in a periodic box so large that no image interacts (a free cluster).
System random_cluster(const PotentialSpec& spec, int n, double side, std::uint64_t seed) {
  const double sigma = length_scale(spec), rc = spec.pair.max_cutoff();
  const double width = side + 2.0 * rc + 1.0;
  System s;
  s.units = spec.units;
  s.box = Box(Vec3::Zero(), Vec3::Constant(width));
  s.type_mass = spec.type_mass.empty() ? std::vector<double>(static_cast<std::size_t>(spec.pair.ntypes()) + 1, 1.0)
                                       : spec.type_mass;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, side);
  while (static_cast<int>(s.size()) < n) {
    const Vec3 r(u(rng), u(rng), u(rng));
    bool clear = true;
    for (const Vec3& p : s.position) clear = clear && (p - r).norm() >= 0.85 * sigma;
    if (clear) s.add_atom(static_cast<int>(s.size()) + 1, 1 + static_cast<int>(s.size()) % spec.pair.ntypes(), r);
  }
  return s;
}

/// Central differences of the gradient over the coordinates of `atoms`: columns only (rows are
/// all coordinates), not symmetrized, so asymmetry of the analytic result would show.
Eigen::MatrixXd central_columns(SystemObjective& objective, const std::vector<int>& atoms, double h) {
  const Eigen::VectorXd x = objective.positions();
  Eigen::MatrixXd columns(x.size(), static_cast<Eigen::Index>(3 * atoms.size()));
  Eigen::VectorXd plus(x.size()), minus(x.size()), shifted = x;
  for (std::size_t k = 0; k < atoms.size(); ++k)
    for (int c = 0; c < 3; ++c) {
      const Eigen::Index q = 3 * atoms[k] + c;
      shifted[q] = x[q] + h;
      objective.value_and_gradient(shifted, plus);
      shifted[q] = x[q] - h;
      objective.value_and_gradient(shifted, minus);
      shifted[q] = x[q];
      columns.col(static_cast<Eigen::Index>(3 * k) + c) = (plus - minus) / (2.0 * h);
    }
  objective.value_and_gradient(x, plus);
  return columns;
}

void check_against_differences(const PotentialSpec& spec, System system) {
  ForceCompute forces(spec.pair, 0.3);
  SystemObjective objective(system, forces);
  REQUIRE(objective.has_hessian());
  const BlockHessian h = objective.hessian(objective.positions());
  const Eigen::MatrixXd dense = h.dense();
  const int n = static_cast<int>(system.size());
  REQUIRE(h.atoms() == n);
  // Every atom's column of the first and last few atoms, and some in between.
  std::vector<int> atoms;
  for (int a = 0; a < n; a += std::max(1, n / 12)) atoms.push_back(a);
  const Eigen::MatrixXd reference = central_columns(objective, atoms, 1e-4);
  double largest = 0.0, error = 0.0;
  for (std::size_t k = 0; k < atoms.size(); ++k) {
    const auto analytic = dense.middleCols(3 * atoms[k], 3);
    const auto numeric = reference.middleCols(static_cast<Eigen::Index>(3 * k), 3);
    largest = std::max(largest, numeric.cwiseAbs().maxCoeff());
    error = std::max(error, (analytic - numeric).cwiseAbs().maxCoeff());
  }
  INFO(spec.name << ": largest entry " << largest << ", largest difference " << error);
  CHECK(largest > 1.0);  // the columns are real, stiff ones (epsilon/sigma^2 or eV/A^2)
  CHECK(error <= 1e-5 * largest);
  // Exactly symmetric: each pair's block is stored for (i, j) and (j, i) from the same numbers.
  CHECK(dense == dense.transpose());
  // Translation invariance: moving every atom alike changes no force, so every row sums to zero
  // (up to the round-off of summing ~40 blocks of size ~|H|).
  Eigen::MatrixXd rows = Eigen::MatrixXd::Zero(3 * n, 3);
  for (int a = 0; a < n; ++a) rows += dense.middleCols(3 * a, 3);
  CHECK(rows.cwiseAbs().maxCoeff() <= 1e-12 * dense.cwiseAbs().maxCoeff());
  // A Hessian-vector product is the dense product.
  const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(3 * n, -1.0, 2.0);
  CHECK((h.multiply(v) - dense * v).cwiseAbs().maxCoeff() <= 1e-12 * dense.cwiseAbs().maxCoeff() * 3 * n);
}

std::vector<PotentialSpec> pair_potentials() {
  std::vector<PotentialSpec> specs;
  for (const PotentialSpec& spec : every_style_potential())
    if (!spec.pair.eam()) specs.push_back(spec);
  return specs;
}

}  // namespace

TEST_CASE("analytic pair Hessians match central differences on random clusters", "[md][hessian]") {
  for (const PotentialSpec& spec : pair_potentials()) {
    DYNAMIC_SECTION(spec.name) { check_against_differences(spec, random_cluster(spec, 24, 3.2 * length_scale(spec), 5)); }
  }
}

TEST_CASE("analytic pair Hessians match central differences in periodic and triclinic boxes", "[md][hessian]") {
  // Smooth styles only: in a liquid of a few hundred atoms some pair sits within the difference
  // step of the cutoff, where the force of plain truncated LJ jumps and central differences see
  // the jump (the analytic Hessian, like the forces, ignores it).
  for (const PotentialSpec& spec : {load_potential("wahnstrom-sf"), load_potential("kob-andersen-sf"), test_lj84()}) {
    for (bool triclinic : {false, true}) {
      DYNAMIC_SECTION(spec.name << (triclinic ? " triclinic" : " orthorhombic")) {
        check_against_differences(spec, test_liquid(spec, 200, triclinic, 13));
      }
    }
  }
}

TEST_CASE("EAM has no analytic Hessian: landscape::hessian falls back to finite differences", "[md][hessian]") {
  const PotentialSpec spec = every_style_potential().back();  // cu-ni-alloy
  REQUIRE(spec.pair.eam());
  System system = test_liquid(spec, 400, false, 3);
  ForceCompute forces(spec.pair, 0.5);
  SystemObjective objective(system, forces);
  CHECK_FALSE(objective.has_hessian());
  CHECK_THROWS_AS(objective.hessian(objective.positions()), InternalError);
  const Eigen::VectorXd x = objective.positions();
  const std::vector<int> atoms{3, 17};
  const Eigen::MatrixXd fallback = landscape::hessian(objective, x, atoms, 1e-4);
  const Eigen::MatrixXd reference = landscape::finite_difference_hessian(objective, x, atoms, 1e-4);
  CHECK(fallback == reference);
  CHECK(objective.hessian_evaluations() == 0);
}

TEST_CASE("landscape::hessian is the analytic block when the objective has one", "[md][hessian]") {
  const PotentialSpec spec = load_potential("wahnstrom-sf");
  System system = test_liquid(spec, 200, true, 21);
  ForceCompute forces(spec.pair, 0.3);
  SystemObjective objective(system, forces);
  const Eigen::VectorXd x = objective.positions();
  const std::vector<int> atoms{5, 2, 40};
  const long calls = objective.force_calls();
  const Eigen::MatrixXd block = landscape::hessian(objective, x, atoms, 1e-4);
  CHECK(objective.force_calls() == calls);  // no force call
  CHECK(objective.hessian_evaluations() == 1);
  const Eigen::MatrixXd full = objective.hessian(x).dense();
  for (std::size_t a = 0; a < atoms.size(); ++a)
    for (std::size_t b = 0; b < atoms.size(); ++b)
      CHECK(block.block<3, 3>(static_cast<Eigen::Index>(3 * a), static_cast<Eigen::Index>(3 * b)) ==
            full.block<3, 3>(3 * atoms[a], 3 * atoms[b]));
}
