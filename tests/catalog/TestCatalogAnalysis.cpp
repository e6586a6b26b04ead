// Metabasins, spectra and disconnectivity trees on small catalogs worked out by hand.
#include <catch2/catch.hpp>

#include "landscape/Disconnectivity.hpp"
#include "landscape/Metabasins.hpp"
#include "landscape/Spectra.hpp"

using namespace glassland::landscape;

namespace {

// Minima A(0)=0, B(1)=0.1, C(2)=-0.5, D(3)=0.4; saddles A-B at 0.3, B-C at 1.0, C-D at 0.6.
// Barriers (fwd/bwd): A-B 0.3/0.2, B-C 0.9/1.5, C-D 1.1/0.2.
Catalog four_minima() {
  Catalog c;
  const double energies[] = {0.0, 0.1, -0.5, 0.4};
  for (int i = 0; i < 4; ++i) {
    Minimum m;
    m.id = i;
    m.energy = energies[i];
    c.add_minimum(m);
  }
  const auto saddle = [&](MinimumId a, MinimumId b, double e) {
    Saddle s;
    s.from = a;
    s.to = b;
    s.energy = e;
    s.prefactor_forward = s.prefactor_backward = 1.0;
    c.add_saddle(s);
  };
  saddle(0, 1, 0.3);
  saddle(1, 2, 1.0);
  saddle(2, 3, 0.6);
  return c;
}

}  // namespace

TEST_CASE("metabasins join minima whose saddle is fast both ways", "[catalog][analysis]") {
  const Catalog c = four_minima();
  const auto p = find_metabasins(c, 0.35);  // A-B joins (max barrier 0.3); C-D does not (1.1)
  REQUIRE(p.basins.size() == 3);
  CHECK(p.basins[0].lowest == 2);  // ordered by lowest energy: {C}, {A,B}, {D}
  CHECK(p.basins[1].members == std::vector<MinimumId>{0, 1});
  CHECK(p.basin_of[0] == p.basin_of[1]);
  CHECK(find_metabasins(c, 2.0).basins.size() == 1);
  CHECK(find_metabasins(c, 0.1).basins.size() == 4);
}

TEST_CASE("spectra histogram both barriers of each saddle", "[catalog][analysis]") {
  const auto s = compute_spectra(four_minima(), 4);
  REQUIRE(s.barriers.size() == 6);
  // Barriers 0.2 0.2 0.3 0.9 1.1 1.5 on [0.2, 1.5], width 0.325: bins 3,0,2,1 (max in last bin).
  CHECK(s.barrier_histogram.lower == Approx(0.2));
  CHECK(s.barrier_histogram.width == Approx(0.325));
  CHECK(s.barrier_histogram.counts == std::vector<std::size_t>{3, 0, 2, 1});
  REQUIRE(s.asymmetries.size() == 3);
  CHECK(s.asymmetries[0] == Approx(0.1));
  CHECK(s.asymmetries[1] == Approx(0.6));
  CHECK(s.asymmetries[2] == Approx(0.9));
}

TEST_CASE("disconnectivity tree merges in order of saddle energy", "[catalog][analysis]") {
  const auto tree = disconnectivity_tree(four_minima());
  // Exact tree: (A,B) at 0.3, (C,D) at 0.6, all at 1.0.
  REQUIRE(tree.roots.size() == 1);
  const auto& root = tree.nodes[tree.roots[0]];
  CHECK(root.energy == 1.0);
  CHECK(root.size == 4);
  CHECK(root.lowest_energy == -0.5);
  REQUIRE(root.children.size() == 2);
  const double e0 = tree.nodes[root.children[0]].energy, e1 = tree.nodes[root.children[1]].energy;
  CHECK(std::min(e0, e1) == 0.3);
  CHECK(std::max(e0, e1) == 0.6);
  // Levels 2.0 apart from E_min = -0.5: every merge lands on level 1.5 -> one node, 4 leaves.
  const auto coarse = disconnectivity_tree(four_minima(), 2.0);
  const auto& top = coarse.nodes[coarse.roots[0]];
  CHECK(top.energy == 1.5);
  CHECK(top.children.size() == 4);
  CHECK(top.size == 4);
}
