#include "tests/validate/AdatomCase.hpp"

#include <cmath>

#include <catch2/catch.hpp>

#include "landscape/CatalogFile.hpp"
#include "landscape/EventAnalysis.hpp"
#include "landscape/Harvester.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/AtomicFile.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/support/Tolerance.hpp"

namespace glassland::test {

namespace {

// Force-shifted LJ (energy and force continuous at rc): quenches and saddles converge tightly.
const char* kPotential =
    "style = \"lj/sf\"\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.3\n";
constexpr double kLattice = 1.55;                          // fcc cube edge (sigma)
const double kNeighbour = kLattice / std::sqrt(2.0);        // in-plane nearest-neighbour distance
const double kLayer = kLattice / std::sqrt(3.0);            // (111) layer spacing
constexpr int kCellsX = 5, kCellsY = 3, kLayers = 3;        // 90 slab atoms, box 5.48 x 5.69 (> 2 rc)

md::Vec3 box_size() { return {kCellsX * kNeighbour, kCellsY * kNeighbour * std::sqrt(3.0), kLayers * kLayer + 8.0}; }

/// In-plane position of stacking site k (0 = A, 1 = B, 2 = C) of hexagonal cell (i, j), basis b.
md::Vec3 stacking_site(int k, int i, int j, int b) {
  const double x = i * kNeighbour + b * 0.5 * kNeighbour + k * 0.5 * kNeighbour;
  const double y = (j + 0.5 * b) * kNeighbour * std::sqrt(3.0) + k * kNeighbour / (2.0 * std::sqrt(3.0));
  return {x, y, 0.0};
}

/// ABC-stacked (111) slab with an adatom at `adatom` (height above the top layer added here).
md::System slab_with_adatom(const md::Vec3& adatom) {
  md::System s;
  const md::Vec3 size = box_size();
  s.box = md::Box(md::Vec3(0.0, 0.0, -4.0), md::Vec3(size.x(), size.y(), size.z() - 4.0));
  s.type_mass = {0.0, 1.0};
  int id = 0;
  for (int l = 0; l < kLayers; ++l)
    for (int i = 0; i < kCellsX; ++i)
      for (int j = 0; j < kCellsY; ++j)
        for (int b = 0; b < 2; ++b) {
          md::Image image{0, 0, 0};
          md::Vec3 r = stacking_site(l % 3, i, j, b);
          r.z() = l * kLayer;
          s.add_atom(++id, 1, s.box.wrap(r, image));
        }
  md::Image image{0, 0, 0};
  s.add_atom(++id, 1, s.box.wrap(adatom + md::Vec3(0.0, 0.0, kLayers * kLayer), image));
  return s;
}

/// The fcc hollow above the top layer (the next ABC stacking position) and its three nearest
/// hcp hollows (above the second layer's atoms), 0.633 sigma away.
md::Vec3 fcc_hollow() { return stacking_site(kLayers % 3, 1, 1, 0); }
std::vector<md::Vec3> hcp_hollows() {
  const md::Vec3 fcc = fcc_hollow();
  std::vector<md::Vec3> out;
  for (int i = 0; i <= 2; ++i)
    for (int j = 0; j <= 2; ++j)
      for (int b = 0; b < 2; ++b) {
        const md::Vec3 r = stacking_site((kLayers - 2) % 3, i, j, b);
        if (std::abs((r - fcc).norm() - kNeighbour / std::sqrt(3.0)) < 1e-9) out.push_back(r);
      }
  return out;
}

/// CI-NEB + refinement on the full Hessian + Vineyard for the hop a -> b.
AdatomHop analyse_hop(landscape::ObjectivePool& pool, const landscape::ConfigurationSpace& space,
                const landscape::QuenchResult& a, const landscape::QuenchResult& b, const md::System& system) {
  landscape::EventAnalysisOptions o;
  o.paths.neb.images = 5;
  o.paths.neb.fmax = 1e-4;
  o.paths.neb.timestep = 0.02;
  o.paths.neb.climb = true;
  o.paths.quench.fmax = 1e-8;
  o.paths.same = {1e-6, 0.1};
  o.refinement.local_radius = 0.0;  // full Hessian: 273 coordinates
  const auto result = landscape::analyse_transition(pool.pointers(), space, a.position, a.energy, b.position, b.energy,
                                                    system, o);
  REQUIRE(result.events.size() == 1);
  const landscape::AnalysedEvent& e = result.events.front();
  REQUIRE(e.converged);
  REQUIRE(e.first_order);
  REQUIRE_FALSE(e.prefactor_failed);
  return {e.energy_saddle - a.energy, e.prefactor_forward, b};
}

landscape::Minimum catalog_minimum(const md::Box& box, const landscape::QuenchResult& q) {
  landscape::Minimum m;
  m.energy = q.energy;
  m.volume = box.volume();
  m.fingerprint = landscape::minimum_fingerprint(box, q.position, q.energy);
  for (Eigen::Index i = 0; i < q.position.size() / 3; ++i) {
    m.coordinates.atoms.push_back(static_cast<std::int32_t>(i));
    m.coordinates.positions.push_back(q.position.segment<3>(3 * i));
  }
  return m;
}

}  // namespace

const AdatomCase& adatom_case() {
  static const AdatomCase built = [] {
    AdatomCase c;
    c.dir = test::scratch_dir("validate_adatom");
    write_file_atomically(c.dir + "/lj.toml", [](std::ostream& o) { o << kPotential; });
    const md::PotentialSpec spec = md::parse_potential_toml(kPotential, "lj.toml");
    const md::System start = slab_with_adatom(fcc_hollow());
    md::write_lammps_data(c.dir + "/adatom.data", start);
    landscape::ObjectivePool pool(start, spec.pair, 0.3, 5);
    const auto space = landscape::ConfigurationSpace::periodic(start.box);
    landscape::QuenchOptions q;
    q.fmax = 1e-8;
    q.timestep = 0.02;
    const auto relax = [&](const md::System& s) { return landscape::quench(pool[0], landscape::flat_positions(s), q); };
    const auto a = relax(start);
    c.start_energy = a.energy;
    const std::vector<md::Vec3> sites = hcp_hollows();
    REQUIRE(sites.size() == 3);
    for (const md::Vec3& site : sites) c.hops.push_back(analyse_hop(pool, space, a, relax(slab_with_adatom(site)), start));
    // The three hops are equivalent by the surface's 3-fold symmetry up to the rectangular
    // periodic cell, whose images are beyond the cutoff of the adatom: equal to ~1e-3.
    for (const AdatomHop& h : c.hops) {
      CHECK(h.barrier == Approx(c.hops[0].barrier).epsilon(1e-2));
      CHECK(h.prefactor == Approx(c.hops[0].prefactor).epsilon(5e-2));
    }
    landscape::Provenance provenance;
    provenance.units = "lj";
    provenance.created_by = "TestValidateAdatom (CI-NEB + Vineyard)";
    landscape::Catalog catalog(provenance);
    const landscape::MinimumId ia = catalog.add_minimum(catalog_minimum(start.box, a));
    for (const AdatomHop& h : c.hops) {
      landscape::Saddle s;
      s.from = ia;
      s.to = catalog.add_minimum(catalog_minimum(start.box, h.product));
      s.energy = a.energy + h.barrier;
      s.prefactor_forward = h.prefactor;
      s.prefactor_backward = h.prefactor;  // not used: validation only leaves the start
      catalog.add_saddle(s);
    }
    landscape::save_catalog(c.dir + "/adatom.glcat", catalog);
    return c;
  }();
  return built;
}

}  // namespace glassland::test
