// A vacancy hop in an fcc Lennard-Jones crystal: symmetric CI-NEB path, barrier checked
// against an independent program (ASE's NEB with ASE's LennardJones calculator), the climbing
// image a first-order saddle (one negative Hessian eigenvalue), and a two-hop path split at
// its intermediate minimum.
#include <array>
#include <cstdio>
#include <memory>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "landscape/ElementaryTransitions.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/NudgedElasticBand.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/support/FccCrystal.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

// Shifted 12-6 LJ, rc = 2.5: the same model as ASE's LennardJones(rc=2.5, smooth=False).
const char* kPotential =
    "style = \"lj\"\nshift = true\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
constexpr double kLattice = 1.55;
constexpr int kCells = 4;

/// Crystal with site 0 vacant; `moves` puts the atom of site `from` onto site `to`.
md::System crystal(const std::vector<std::pair<int, int>>& moves) {
  const auto sites = test::fcc_sites(kCells, kLattice);
  md::System s;
  s.box = test::fcc_box(kCells, kLattice);
  s.type_mass = {0.0, 1.0};
  for (std::size_t i = 1; i < sites.size(); ++i) {
    md::Vec3 r = sites[i];
    for (const auto& [from, to] : moves)
      if (static_cast<int>(i) == from) r = sites[static_cast<std::size_t>(to)];
    s.add_atom(static_cast<int>(i), 1, r);
  }
  return s;
}

struct Setup {
  md::PotentialSpec spec = md::parse_potential_toml(kPotential, "vacancy-test");
  md::System initial = crystal({});
  std::unique_ptr<landscape::ObjectivePool> pool;
  landscape::ConfigurationSpace space = landscape::ConfigurationSpace::periodic(initial.box);
  explicit Setup(int images) : pool(std::make_unique<landscape::ObjectivePool>(initial, spec.pair, 0.3, images)) {}
  landscape::QuenchResult relax(const md::System& s) {
    landscape::QuenchOptions q;
    q.fmax = 1e-7;
    q.timestep = 0.02;
    return landscape::quench((*pool)[0], landscape::flat_positions(s), q);
  }
};

landscape::NebOptions neb_options(int images) {
  landscape::NebOptions o;
  o.images = images;
  o.fmax = 1e-4;
  o.spring = 5.0;
  o.timestep = 0.02;
  return o;
}

nlohmann::json run_ase(const std::string& dir, int images, double fmax) {
  const std::string command = "/usr/bin/python3 " + std::string(GLASSLAND_SOURCE_DIR) +
                              "/tests/landscape/ase_neb.py --initial " + dir + "/A.data --final " + dir +
                              "/B.data --images " + std::to_string(images) + " --fmax " + std::to_string(fmax) +
                              " --quench-fmax 1e-6 --optimizer fire";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
  return nlohmann::json::parse(out);
}

}  // namespace

TEST_CASE("Vacancy hop in fcc LJ: symmetric CI-NEB path, first-order saddle, barrier as ASE", "[neb][vacancy]") {
  const int images = 5;
  Setup setup(images);
  const md::System final = crystal({{1, 0}});  // nearest neighbour of the vacancy hops into it
  const auto a = setup.relax(setup.initial);
  const auto b = setup.relax(final);
  // The two ends are images of each other under a lattice symmetry: equal energies.
  CHECK(a.energy == Approx(b.energy).margin(1e-8));

  landscape::NudgedElasticBand band(setup.pool->pointers(), setup.space,
                                    landscape::interpolate_path(setup.space, a.position, b.position, images),
                                    neb_options(images));
  const auto neb = band.run();
  REQUIRE(neb.converged);
  // Symmetric path: the saddle is the middle image and the profile is mirror-symmetric
  // (forces converged to 1e-4, curvatures O(10-100): energies agree to ~1e-6).
  CHECK(neb.saddle_image == 3);
  CHECK(neb.barrier_forward == Approx(neb.barrier_reverse).margin(1e-6));
  for (int i = 0; i <= images + 1; ++i)
    CHECK(neb.energies[static_cast<std::size_t>(i)] ==
          Approx(neb.energies[static_cast<std::size_t>(images + 1 - i)]).margin(1e-5));
  CHECK(neb.barrier_forward > 0.1);

  SECTION("the climbing image has exactly one negative curvature") {
    const Eigen::VectorXd saddle = neb.path[static_cast<std::size_t>(neb.saddle_image)];
    const Eigen::MatrixXd h = landscape::finite_difference_hessian((*setup.pool)[0], saddle, {}, 1e-4);
    // 3 zero modes (translations); |numerical zero| ~ 1e-4, real curvatures >~ 0.1.
    const auto spectrum = landscape::curvature_spectrum(h, 3, 1e-3);
    CHECK(spectrum.negative == 1);
    CHECK(spectrum.eigenvalues[0] < -0.1);
  }

  SECTION("the barrier equals ASE's CI-NEB on the same model") {
    const std::string dir = test::scratch_dir("vacancy_hop");
    md::write_lammps_data(dir + "/A.data", setup.initial);
    md::write_lammps_data(dir + "/B.data", final);
    const auto ase = run_ase(dir, images, 1e-4);
    REQUIRE(ase["converged"].get<bool>());
    // Both converged to 1e-4 on the same model and images: 1e-3 epsilon is the project's
    // accuracy target for barriers.
    CHECK(ase["barrier_forward"].get<double>() == Approx(neb.barrier_forward).margin(1e-3));
    CHECK(ase["energy_initial"].get<double>() == Approx(a.energy).margin(1e-6));
  }
}

TEST_CASE("A two-hop vacancy path is split at its intermediate minimum", "[neb][split]") {
  // Site 1 hops into the vacancy at 0, then a neighbour of site 1 that is not a neighbour of
  // site 0 hops into 1: two elementary hops through one intermediate minimum.
  const auto sites = test::fcc_sites(kCells, kLattice);
  int second = -1;
  for (std::size_t j = 2; j < sites.size() && second < 0; ++j) {
    const double d1 = (sites[j] - sites[1]).norm(), d0 = (sites[j] - sites[0]).norm();
    if (std::abs(d1 - kLattice / std::sqrt(2.0)) < 1e-9 && d0 > 1.3 * kLattice) second = static_cast<int>(j);
  }
  REQUIRE(second > 0);
  const int images = 9;
  Setup setup(images);
  const auto a = setup.relax(setup.initial);
  const auto b = setup.relax(crystal({{1, 0}, {second, 1}}));
  landscape::ElementaryOptions options;
  options.neb = neb_options(images);
  options.neb.fmax = 1e-3;
  options.quench.fmax = 1e-7;
  options.quench.timestep = 0.02;
  options.same = {1e-5, 0.1};
  const auto result = landscape::find_elementary_transitions(setup.pool->pointers(), setup.space, a.position,
                                                             a.energy, b.position, b.energy, options);
  REQUIRE(result.converged);
  CHECK(result.intermediate_minima == 1);
  REQUIRE(result.transitions.size() == 2u);
  // Each elementary hop is a single vacancy hop: same barrier up to the different
  // surroundings (equivalent by symmetry here, so equal to ~1e-4).
  CHECK(result.transitions[0].neb.barrier_forward ==
        Approx(result.transitions[1].neb.barrier_forward).margin(2e-3));
}
