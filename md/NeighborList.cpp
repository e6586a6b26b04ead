#include "md/NeighborList.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <Eigen/LU>
#include <fmt/format.h>

#include "md/Error.hpp"
#include "md/Threads.hpp"

namespace glassland::md {

NeighborList::NeighborList(double cutoff, double skin) : cutoff_(cutoff), skin_(skin) {
  if (!std::isfinite(cutoff) || cutoff <= 0.0) throw InputError("cutoff", "must be finite and > 0");
  if (!std::isfinite(skin) || skin < 0.0) throw InputError("skin", "must be finite and >= 0");
}

bool NeighborList::needs_rebuild(const System& system) const {
  if (!valid_ || system.size() != system_index_.size()) return true;
  const Mat3& h = system.box.matrix();
  const bool same_box = (h == h0_) && (system.box.lo() == lo0_);
  double sigma_min = 1.0;
  if (!same_box) {
    const Mat3 f = h * h0_.inverse();
    sigma_min = 1.0 - (f - Mat3::Identity()).norm();
  }
  const double range = cutoff_ + skin_;
  const double allowed = 0.5 * (sigma_min * range - cutoff_);
  if (!(allowed > 0.0)) return true;
  const double allowed_sq = allowed * allowed;
  const Vec3 lo = system.box.lo();
  const std::size_t n = system_index_.size();
  for (std::size_t k = 0; k < n; ++k) {
    const Vec3 u = system.position[static_cast<std::size_t>(system_index_[k])] - lo + h * offset_[k];
    const Vec3 d = same_box ? Vec3(u - u0_[k]) : Vec3(u - h * s0_[k]);
    if (!(d.squaredNorm() <= allowed_sq)) return true;  // also catches NaN
  }
  return false;
}

bool NeighborList::update(const System& system) {
  const bool rebuild = needs_rebuild(system);
  if (rebuild)
    build(system);
  else
    refresh(system);
  return rebuild;
}

void NeighborList::refresh(const System& system) {
  const Mat3& h = system.box.matrix();
  const Vec3 lo = system.box.lo();
  const std::size_t n = system_index_.size();
  for (std::size_t k = 0; k < n; ++k) {
    const Vec3 u = system.position[static_cast<std::size_t>(system_index_[k])] - lo + h * offset_[k];
    sites_[k].x = u.x();
    sites_[k].y = u.y();
    sites_[k].z = u.z();
  }
  for (std::size_t g = 0; g < ghost_source_.size(); ++g) {
    const Site& s = sites_[static_cast<std::size_t>(ghost_source_[g])];
    const Vec3 u = Vec3(s.x, s.y, s.z) + h * ghost_image_[g];
    Site& ghost = sites_[n + g];
    ghost.x = u.x();
    ghost.y = u.y();
    ghost.z = u.z();
  }
}

void NeighborList::build(const System& system) {
  const Box& box = system.box;
  const Vec3 widths = box.perpendicular_widths();
  const double min_width = widths.minCoeff();
  if (!(min_width >= 2.0 * cutoff_))
    throw InputError("box", fmt::format("smallest perpendicular box width {:.6g} is below twice the "
                                        "potential cutoff ({:.6g}); use a larger box",
                                        min_width, 2.0 * cutoff_));
  const std::size_t n = system.size();
  const double range = cutoff_ + skin_;
  Vec3 halo;  // ghost region beyond each face, in fractional units
  // Cells at least half the interaction range wide (a stencil of +-2 cells), but never many
  // more cells than atoms (dilute systems, or the tiny range of the overlap check).
  const double max_cells = 4.0 * static_cast<double>(n) + 64.0;
  double total_cells = 1.0;
  for (int d = 0; d < 3; ++d) {
    halo[d] = range / widths[d];
    const double cells = std::floor(2.0 * widths[d] / range);
    interior_[d] = static_cast<int>(std::clamp(cells, 1.0, std::cbrt(max_cells) + 1.0));
    total_cells *= interior_[d];
  }
  while (total_cells > max_cells) {
    total_cells = 1.0;
    for (int d = 0; d < 3; ++d) {
      interior_[d] = std::max(1, (interior_[d] + 1) / 2);
      total_cells *= interior_[d];
    }
  }
  for (int d = 0; d < 3; ++d) {
    // Slack of 1e-9 so that round-off in cell assignment can never hide a neighbour.
    layers_[d] = static_cast<int>(std::ceil(halo[d] * interior_[d] * (1.0 + 1e-9)));
    layers_[d] = std::max(1, layers_[d]);
    grid_[d] = interior_[d] + 2 * layers_[d];
  }

  // Wrap every atom into the primary cell, remembering the image offset used.
  h0_ = box.matrix();
  lo0_ = box.lo();
  std::vector<Vec3> s(n);
  std::vector<int> cell(n);
  offset_.assign(n, Vec3::Zero());
  for (std::size_t i = 0; i < n; ++i) {
    const Vec3& r = system.position[i];
    if (!std::isfinite(r.x()) || !std::isfinite(r.y()) || !std::isfinite(r.z()))
      throw InputError("positions", fmt::format("atom {} has a non-finite position", system.id[i]));
    Vec3 t = box.to_fractional(r);
    int c[3];
    for (int d = 0; d < 3; ++d) {
      const double shift = -std::floor(t[d]);
      t[d] += shift;
      offset_[i][d] = shift;
      c[d] = layers_[d] + std::clamp(static_cast<int>(t[d] * interior_[d]), 0, interior_[d] - 1);
    }
    s[i] = t;
    cell[i] = (c[2] * grid_[1] + c[1]) * grid_[0] + c[0];
  }
  // Spatial sort: counting sort of atoms by cell (stable, so deterministic).
  const std::size_t ncells = static_cast<std::size_t>(grid_[0]) * grid_[1] * grid_[2];
  std::vector<int> count(ncells + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++count[static_cast<std::size_t>(cell[i]) + 1];
  for (std::size_t c = 0; c < ncells; ++c) count[c + 1] += count[c];
  system_index_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) system_index_[static_cast<std::size_t>(count[static_cast<std::size_t>(cell[i])]++)] = static_cast<int>(i);

  std::vector<Vec3> sorted_offset(n);
  u0_.resize(n);
  s0_.resize(n);
  sites_.resize(n);
  cell_of_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = static_cast<std::size_t>(system_index_[k]);
    sorted_offset[k] = offset_[i];
    s0_[k] = s[i];
    u0_[k] = system.position[i] - lo0_ + h0_ * offset_[i];
    sites_[k] = Site{u0_[k].x(), u0_[k].y(), u0_[k].z(), system.type[i], 0};
    cell_of_[k] = cell[i];
  }
  offset_.swap(sorted_offset);
  make_ghosts(halo);
  bin_and_search();
  valid_ = true;
  ++builds_;
}

void NeighborList::make_ghosts(const Vec3& halo) {
  const std::size_t n = s0_.size();
  ghost_source_.clear();
  ghost_image_.clear();
  std::vector<int> ghost_cell;
  int reach[3];
  for (int d = 0; d < 3; ++d) reach[d] = static_cast<int>(std::ceil(halo[d]));
  for (std::size_t k = 0; k < n; ++k) {
    const int ck = cell_of_[k];
    const int local_cell[3] = {ck % grid_[0], (ck / grid_[0]) % grid_[1], ck / (grid_[0] * grid_[1])};
    for (int nz = -reach[2]; nz <= reach[2]; ++nz)
      for (int ny = -reach[1]; ny <= reach[1]; ++ny)
        for (int nx = -reach[0]; nx <= reach[0]; ++nx) {
          if (nx == 0 && ny == 0 && nz == 0) continue;
          const int image[3] = {nx, ny, nz};
          // The ghost's cell is the atom's cell shifted by whole boxes (exact integers), which
          // keeps the half-stencil rule in bin_and_search() antisymmetric under images.
          int c[3];
          bool inside = true;
          for (int d = 0; d < 3 && inside; ++d) {
            const double t = s0_[k][d] + image[d];
            c[d] = local_cell[d] + image[d] * interior_[d];
            inside = t >= -halo[d] * (1.0 + 1e-9) && t < 1.0 + halo[d] * (1.0 + 1e-9) && c[d] >= 0 && c[d] < grid_[d];
          }
          if (!inside) continue;
          ghost_source_.push_back(static_cast<int>(k));
          ghost_image_.push_back(Vec3(nx, ny, nz));
          ghost_cell.push_back((c[2] * grid_[1] + c[1]) * grid_[0] + c[0]);
        }
  }
  // Sort the ghosts by cell too, so that every cell is one contiguous range of sites.
  const std::size_t ng = ghost_source_.size();
  const std::size_t ncells = static_cast<std::size_t>(grid_[0]) * grid_[1] * grid_[2];
  std::vector<int> start(ncells + 1, 0);
  for (int c : ghost_cell) ++start[static_cast<std::size_t>(c) + 1];
  for (std::size_t c = 0; c < ncells; ++c) start[c + 1] += start[c];
  std::vector<int> order(ng);
  for (std::size_t g = 0; g < ng; ++g) order[static_cast<std::size_t>(start[static_cast<std::size_t>(ghost_cell[g])]++)] = static_cast<int>(g);
  std::vector<int> source(ng);
  std::vector<Vec3> image(ng);
  sites_.resize(n + ng);
  cell_of_.resize(n + ng);
  for (std::size_t m = 0; m < ng; ++m) {
    const std::size_t g = static_cast<std::size_t>(order[m]);
    source[m] = ghost_source_[g];
    image[m] = ghost_image_[g];
    const std::size_t k = static_cast<std::size_t>(source[m]);
    const Vec3 u = u0_[k] + h0_ * image[m];
    sites_[n + m] = Site{u.x(), u.y(), u.z(), sites_[k].type, 0};
    cell_of_[n + m] = ghost_cell[g];
  }
  ghost_source_.swap(source);
  ghost_image_.swap(image);
}

void NeighborList::bin_and_search() {
  const std::size_t n = s0_.size();
  const std::size_t next = sites_.size();
  const std::size_t ncells = static_cast<std::size_t>(grid_[0]) * grid_[1] * grid_[2];
  // Every cell is one contiguous range of sites (locals and ghosts are each sorted by cell
  // and never share a cell).
  cell_start_.assign(ncells, 0);
  cell_end_.assign(ncells, 0);
  for (std::size_t a = next; a-- > 0;) cell_start_[static_cast<std::size_t>(cell_of_[a])] = static_cast<int>(a);
  for (std::size_t a = 0; a < next; ++a) cell_end_[static_cast<std::size_t>(cell_of_[a])] = static_cast<int>(a + 1);
  const double range_sq = (cutoff_ + skin_) * (cutoff_ + skin_);
  std::vector<std::size_t> used;
  std::vector<std::vector<int>> counts;
  std::vector<std::size_t> begin_of;

  // Half stencil: a pair is kept from the atom whose cell comes first in (z, y, x) order; in
  // the same cell (always two local atoms) from the lower index. Ghost cells are their
  // atom's cell shifted by whole boxes, so exactly one of (i, image of j) and (j, image of i)
  // is kept. Locals sit in interior cells, so the stencil never leaves the grid.
  std::vector<int> stencil;
  for (int dz = -layers_[2]; dz <= layers_[2]; ++dz)
    for (int dy = -layers_[1]; dy <= layers_[1]; ++dy)
      for (int dx = -layers_[0]; dx <= layers_[0]; ++dx) {
        const int offset = (dz * grid_[1] + dy) * grid_[0] + dx;
        if (offset > 0) stencil.push_back(offset);
      }

#pragma omp parallel num_threads(max_threads())
  {
    const int t = thread_id();
#pragma omp single
    {
      // Split by the team actually running (a nested region may get a single thread).
      const std::size_t nthreads = static_cast<std::size_t>(team_size());
      lists_.resize(nthreads);
      used.assign(nthreads, 0);
      counts.assign(nthreads, {});
      begin_of.resize(nthreads + 1);
      for (std::size_t k = 0; k <= nthreads; ++k) begin_of[k] = n * k / nthreads;
    }
    std::vector<int>& list = lists_[static_cast<std::size_t>(t)];
    std::vector<int>& cnt = counts[static_cast<std::size_t>(t)];
    std::size_t size = 0;
    const Site* sites = sites_.data();
    const int* cs = cell_start_.data();
    const int* ce = cell_end_.data();
    for (std::size_t i = begin_of[static_cast<std::size_t>(t)]; i < begin_of[static_cast<std::size_t>(t) + 1]; ++i) {
      const std::size_t before = size;
      const Site si = sites[i];
      const int ci = cell_of_[i];
      std::size_t bound = static_cast<std::size_t>(ce[ci] - cs[ci]);
      for (int offset : stencil) bound += static_cast<std::size_t>(ce[ci + offset] - cs[ci + offset]);
      if (size + bound > list.size()) list.resize(std::max(2 * list.size(), size + bound));
      int* out = list.data();
      // Branch-free append: write every candidate, advance only for those in range.
      const auto scan = [&](int from, int to) {
        for (int j = from; j < to; ++j) {
          const double ddx = si.x - sites[j].x, ddy = si.y - sites[j].y, ddz = si.z - sites[j].z;
          out[size] = j;
          size += (ddx * ddx + ddy * ddy + ddz * ddz < range_sq) ? 1 : 0;
        }
      };
      scan(static_cast<int>(i) + 1, ce[ci]);  // same cell: only j > i
      for (int offset : stencil) scan(cs[ci + offset], ce[ci + offset]);
      cnt.push_back(static_cast<int>(size - before));
    }
    used[static_cast<std::size_t>(t)] = size;
  }
  first_.assign(n + 1, 0);
  std::size_t k = 0;
  for (const auto& cnt : counts)
    for (int c : cnt) {
      first_[k + 1] = first_[k] + c;
      ++k;
    }
  neighbors_.resize(static_cast<std::size_t>(first_[n]));
  std::size_t pos = 0;
  for (std::size_t t = 0; t < used.size(); ++t) {
    std::copy(lists_[t].begin(), lists_[t].begin() + static_cast<std::ptrdiff_t>(used[t]),
              neighbors_.begin() + static_cast<std::ptrdiff_t>(pos));
    pos += used[t];
  }
}

}  // namespace glassland::md
