#include "md/IcosahedralNetwork.hpp"

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/clustering_coefficient.hpp>
#include <boost/graph/connected_components.hpp>

namespace glassland::md {

namespace {

// setS out-edges: a link listed by both centres is stored once, and edge lookups (which the
// clustering coefficient does for every pair of neighbours) are O(log n).
using CentreGraph = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS>;

CentreGraph centre_graph(const std::vector<int>& centres, const std::vector<int>& vertex_of,
                         const std::vector<std::vector<int>>& neighbors) {
  CentreGraph graph(centres.size());
  for (std::size_t v = 0; v < centres.size(); ++v)
    for (int j : neighbors[static_cast<std::size_t>(centres[v])]) {
      if (j < 0 || j >= static_cast<int>(vertex_of.size())) continue;
      const int w = vertex_of[static_cast<std::size_t>(j)];
      if (w >= 0 && static_cast<std::size_t>(w) != v) boost::add_edge(v, static_cast<std::size_t>(w), graph);
    }
  return graph;
}

void summarize_clusters(const CentreGraph& graph, IcosahedralNetwork& out) {
  std::vector<int> component(boost::num_vertices(graph));
  out.clusters = component.empty() ? 0 : boost::connected_components(graph, component.data());
  std::vector<int> sizes(static_cast<std::size_t>(out.clusters), 0);
  for (int c : component) ++sizes[static_cast<std::size_t>(c)];
  out.largest_cluster = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

}  // namespace

IcosahedralNetwork icosahedral_network(const std::vector<char>& is_centre,
                                       const std::vector<std::vector<int>>& neighbors) {
  IcosahedralNetwork out;
  std::vector<int> vertex_of(is_centre.size(), -1);
  for (std::size_t i = 0; i < is_centre.size(); ++i)
    if (is_centre[i]) {
      vertex_of[i] = static_cast<int>(out.centres.size());
      out.centres.push_back(static_cast<int>(i));
    }
  if (!is_centre.empty()) out.isro_fraction = static_cast<double>(out.centres.size()) / static_cast<double>(is_centre.size());
  const CentreGraph graph = centre_graph(out.centres, vertex_of, neighbors);
  out.links = static_cast<long>(boost::num_edges(graph));
  double sum_all = 0.0, sum_degree = 0.0;
  for (std::size_t v = 0; v < out.centres.size(); ++v) {
    const int n = static_cast<int>(boost::out_degree(v, graph));
    // Boost returns 0 for n < 2 (no possible links), the convention documented above.
    const double c = boost::clustering_coefficient(graph, v);
    out.degree.push_back(n);
    out.clustering.push_back(c);
    sum_all += c;
    sum_degree += n;
    if (n >= 2) ++out.centres_with_two_links;
  }
  if (!out.centres.empty()) {
    out.mean_clustering = sum_all / static_cast<double>(out.centres.size());
    out.mean_degree = sum_degree / static_cast<double>(out.centres.size());
  }
  if (out.centres_with_two_links > 0) out.mean_clustering_defined = sum_all / out.centres_with_two_links;
  summarize_clusters(graph, out);
  return out;
}

IcosahedralNetwork icosahedral_network(const std::vector<VoronoiCell>& cells) {
  std::vector<char> is_centre(cells.size());
  std::vector<std::vector<int>> neighbors(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    is_centre[i] = cells[i].icosahedral() ? 1 : 0;
    neighbors[i] = cells[i].neighbors;
  }
  // centre_graph() links i and j if either lists the other, so the lists need not be symmetric.
  return icosahedral_network(is_centre, neighbors);
}

}  // namespace glassland::md
