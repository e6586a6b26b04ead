#include "md/VoronoiIndex.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <voro++/voro++.hh>

#include "md/Error.hpp"

namespace glassland::md {

void VoronoiOptions::validate(int ntypes) const {
  if (!(face_area_fraction >= 0.0 && face_area_fraction < 1.0))
    throw InputError("face_area_fraction", "must be in [0, 1)");
  if (type_radius.empty()) return;
  if (static_cast<int>(type_radius.size()) != ntypes + 1)
    throw InputError("type_radius", "needs one radius per atom type");
  for (std::size_t t = 1; t < type_radius.size(); ++t)
    if (!(type_radius[t] > 0.0) || !std::isfinite(type_radius[t]))
      throw InputError("type_radius", "radii must be positive and finite");
}

namespace {

/// voro++ wants about 5 particles per block; the block grid does not change the cells.
int blocks(double length, double volume_per_atom) {
  return std::max(1, static_cast<int>(length / std::cbrt(5.0 * volume_per_atom)));
}

VoronoiCell describe(voro::voronoicell_neighbor& cell, double face_area_fraction) {
  std::vector<int> orders;
  std::vector<double> areas;
  std::vector<int> neighbors;
  cell.face_orders(orders);
  cell.face_areas(areas);
  cell.neighbors(neighbors);
  const double total = std::accumulate(areas.begin(), areas.end(), 0.0);
  VoronoiCell out;
  out.volume = cell.volume();
  for (std::size_t f = 0; f < orders.size(); ++f) {
    if (areas[f] < face_area_fraction * total) continue;
    ++out.faces;
    out.neighbors.push_back(neighbors[f]);
    if (orders[f] >= 3 && orders[f] <= 6) ++out.index[static_cast<std::size_t>(orders[f] - 3)];
  }
  return out;
}

template <class Container>
std::vector<VoronoiCell> compute(Container& container, const System& system, double face_area_fraction) {
  std::vector<VoronoiCell> cells(system.size());
  std::vector<char> done(system.size(), 0);
  voro::voronoicell_neighbor cell;
  voro::c_loop_all loop(container);
  if (loop.start()) do {
      if (!container.compute_cell(cell, loop)) continue;
      const auto i = static_cast<std::size_t>(loop.pid());
      cells[i] = describe(cell, face_area_fraction);
      done[i] = 1;
    } while (loop.inc());
  if (std::find(done.begin(), done.end(), 0) != done.end())
    throw InputError("voronoi", "voro++ could not compute every cell (overlapping atoms?)");
  return cells;
}

}  // namespace

std::vector<VoronoiCell> voronoi_cells(const System& system, const VoronoiOptions& options) {
  if (system.box.is_triclinic()) throw InputError("voronoi", "triclinic boxes are not supported");
  options.validate(system.ntypes());
  const Vec3 lo = system.box.lo(), hi = system.box.hi(), length = hi - lo;
  const double per_atom = length.prod() / static_cast<double>(std::max<std::size_t>(1, system.size()));
  const int nx = blocks(length.x(), per_atom), ny = blocks(length.y(), per_atom), nz = blocks(length.z(), per_atom);
  // Positions are wrapped into the box first: voro++ drops particles outside it.
  auto wrapped = [&](std::size_t i) {
    Image image{};
    return system.box.wrap(system.position[i], image);
  };
  if (options.type_radius.empty()) {
    voro::container container(lo.x(), hi.x(), lo.y(), hi.y(), lo.z(), hi.z(), nx, ny, nz, true, true, true, 8);
    for (std::size_t i = 0; i < system.size(); ++i) {
      const Vec3 r = wrapped(i);
      container.put(static_cast<int>(i), r.x(), r.y(), r.z());
    }
    return compute(container, system, options.face_area_fraction);
  }
  voro::container_poly container(lo.x(), hi.x(), lo.y(), hi.y(), lo.z(), hi.z(), nx, ny, nz, true, true, true, 8);
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 r = wrapped(i);
    container.put(static_cast<int>(i), r.x(), r.y(), r.z(),
                  options.type_radius[static_cast<std::size_t>(system.type[i])]);
  }
  return compute(container, system, options.face_area_fraction);
}

VoronoiSummary summarize_voronoi(const System& system, const std::vector<VoronoiCell>& cells, int top) {
  VoronoiSummary s;
  std::vector<int> per_type(static_cast<std::size_t>(system.ntypes() + 1), 0);
  std::vector<int> ico_type(per_type.size(), 0);
  std::map<std::array<int, 4>, int> counts;
  int ico = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto t = static_cast<std::size_t>(system.type[i]);
    ++per_type[t];
    s.total_volume += cells[i].volume;
    ++counts[cells[i].index];
    if (cells[i].icosahedral()) {
      ++ico;
      ++ico_type[t];
    }
  }
  s.icosahedral_fraction = cells.empty() ? 0.0 : static_cast<double>(ico) / static_cast<double>(cells.size());
  s.icosahedral_by_type.assign(per_type.size(), 0.0);
  for (std::size_t t = 1; t < per_type.size(); ++t)
    if (per_type[t] > 0) s.icosahedral_by_type[t] = static_cast<double>(ico_type[t]) / per_type[t];
  s.most_common.assign(counts.begin(), counts.end());
  std::stable_sort(s.most_common.begin(), s.most_common.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (static_cast<int>(s.most_common.size()) > top) s.most_common.resize(static_cast<std::size_t>(top));
  return s;
}

}  // namespace glassland::md
