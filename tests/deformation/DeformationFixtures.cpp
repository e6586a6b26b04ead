#include "tests/deformation/DeformationFixtures.hpp"

#include <cmath>
#include <fstream>

#include "md/InherentStructure.hpp"
#include "md/RandomLiquid.hpp"

namespace glassland::test {

std::string lj_potential_toml() {
  return "style = \"lj\"\nshift = true\nunits = \"lj\"\nmasses = [1.0]\n"
         "[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
}

std::string write_lj_potential(const std::string& dir) {
  const std::string path = dir + "/lj.toml";
  std::ofstream(path) << lj_potential_toml();
  return path;
}

md::PotentialSpec lj_potential() { return md::parse_potential_toml(lj_potential_toml(), "lj.toml"); }

md::System fcc_crystal(int cells, double density) {
  const double a = std::cbrt(4.0 / density);
  md::System s;
  s.box = md::Box(md::Vec3::Zero(), md::Vec3::Constant(cells * a));
  s.type_mass = {0.0, 1.0};
  const md::Vec3 basis[4] = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
  int id = 1;
  for (int i = 0; i < cells; ++i)
    for (int j = 0; j < cells; ++j)
      for (int k = 0; k < cells; ++k)
        for (const auto& b : basis) s.add_atom(id++, 1, (md::Vec3(i, j, k) + b + md::Vec3::Constant(0.25)) * a);
  return s;
}

md::System lj_liquid(std::size_t n, double density, std::uint64_t seed) {
  const md::System start = md::random_liquid({1.0}, n, density, {0.0, 1.0}, seed);
  md::MinimizerOptions loose = md::inherent_structure_options();
  loose.fmax = 1.0;
  loose.max_iterations = 500;
  return md::inherent_structure(start, lj_potential().pair, 0.3, loose).minimum;
}

}  // namespace glassland::test
