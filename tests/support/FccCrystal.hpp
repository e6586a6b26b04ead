#pragma once
// The fcc crystal several tests hop a vacancy in: cells³ cubic cells of edge `lattice`, the
// sites cell by cell (cell i, j, k nested, then the 4 basis sites), in a periodic cubic box.
// Units: lengths in the caller's (σ for the LJ tests).
#include <array>
#include <vector>

#include "md/Box.hpp"

namespace glassland::test {

inline std::vector<md::Vec3> fcc_sites(int cells, double lattice) {
  const std::array<md::Vec3, 4> basis{md::Vec3(0, 0, 0), md::Vec3(0.5, 0.5, 0), md::Vec3(0.5, 0, 0.5),
                                      md::Vec3(0, 0.5, 0.5)};
  std::vector<md::Vec3> sites;
  for (int i = 0; i < cells; ++i)
    for (int j = 0; j < cells; ++j)
      for (int k = 0; k < cells; ++k)
        for (const auto& b : basis) sites.push_back((md::Vec3(i, j, k) + b) * lattice);
  return sites;
}

/// The periodic box of that crystal (origin 0, edge cells·lattice).
inline md::Box fcc_box(int cells, double lattice) {
  return md::Box(md::Vec3::Zero(), md::Vec3::Constant(cells * lattice));
}

}  // namespace glassland::test
