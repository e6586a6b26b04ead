#pragma once
// Icosahedral short- and medium-range order of a configuration, as used for Cu–Zr glasses by
// Wakeda & Shibutani (Acta Mater. 58 (2010) 3963) and Wakeda & Saida (Intermetallics 2024):
//   I-SRO  the fraction of atoms whose Voronoi cell is <0,0,12,0> (full icosahedron centres);
//   I-MRO  the network of those centres in which two centres are linked when they are Voronoi
//          neighbours of each other (their icosahedra interpenetrate: each centre is one of the
//          other's 12 shell atoms, and the two clusters share 7 atoms).
// Per centre with n linked centres and L links among those n, the clustering coefficient is
// C = 2L / (n(n-1)); C is 0 when n < 2 (networkx' convention), and the mean is reported both
// over all centres and over the centres with n >= 2 (where C is defined). Clusters are the
// connected components of the network (Boost.Graph).
//
// Links use Voronoi neighbours rather than a distance cutoff because the 12 shell atoms of an
// icosahedral centre are exactly its 12 Voronoi neighbours, whatever the species; a cutoff
// would need one value per type pair. Two centres are linked if either lists the other
// (with a face-area threshold a face may count for one cell and not the other).
#include <vector>

#include "md/VoronoiIndex.hpp"

namespace glassland::md {

struct IcosahedralNetwork {
  std::vector<int> centres;         ///< atom indices of the <0,0,12,0> centres, ascending
  std::vector<int> degree;          ///< per centre: linked centres n
  std::vector<double> clustering;   ///< per centre: 2L / (n(n-1)), 0 when n < 2
  double isro_fraction = 0.0;       ///< centres / atoms
  long links = 0;                   ///< links between centres
  double mean_clustering = 0.0;     ///< mean of C over all centres (0 if there are none)
  double mean_clustering_defined = 0.0;  ///< mean of C over centres with n >= 2 (0 if none)
  int centres_with_two_links = 0;   ///< centres with n >= 2
  int clusters = 0;                 ///< connected components (an isolated centre counts as one)
  int largest_cluster = 0;          ///< centres in the largest component
  double mean_degree = 0.0;         ///< mean n over centres
};

/// The network of a graph given as "is a centre" flags and symmetric-or-not neighbour lists
/// (atom indices; self and out-of-range entries are ignored).
IcosahedralNetwork icosahedral_network(const std::vector<char>& is_centre,
                                       const std::vector<std::vector<int>>& neighbors);
/// The network of Voronoi cells (VoronoiCell::icosahedral() centres, VoronoiCell::neighbors).
IcosahedralNetwork icosahedral_network(const std::vector<VoronoiCell>& cells);

}  // namespace glassland::md
