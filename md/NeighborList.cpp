#include "md/NeighborList.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <Eigen/LU>
#include <fmt/format.h>

#include "md/CellScan.hpp"
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
  const long n = static_cast<long>(system_index_.size());
  bool moved = false;  // a boolean OR: the same answer for any thread count
#pragma omp parallel for num_threads(max_threads()) schedule(static) reduction(|| : moved) if (n > kParallelAtoms)
  for (long k = 0; k < n; ++k) {
    const Vec3 u = system.position[static_cast<std::size_t>(system_index_[k])] - lo + h * offset_[k];
    const Vec3 d = same_box ? Vec3(u - u0_[k]) : Vec3(u - h * s0_[k]);
    moved = moved || !(d.squaredNorm() <= allowed_sq);  // also catches NaN
  }
  return moved;
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
  const long n = static_cast<long>(system_index_.size());
  const long ng = static_cast<long>(ghost_source_.size());
#pragma omp parallel num_threads(max_threads()) if (n > kParallelAtoms)
  {
#pragma omp for schedule(static)
    for (long k = 0; k < n; ++k) {
      const Vec3 u = system.position[static_cast<std::size_t>(system_index_[k])] - lo + h * offset_[k];
      sites_[k].x = u.x();
      sites_[k].y = u.y();
      sites_[k].z = u.z();
    }
#pragma omp for schedule(static)
    for (long g = 0; g < ng; ++g) {
      const Site& s = sites_[static_cast<std::size_t>(ghost_source_[g])];
      const Vec3 u = Vec3(s.x, s.y, s.z) + h * ghost_image_[g];
      Site& ghost = sites_[n + g];
      ghost.x = u.x();
      ghost.y = u.y();
      ghost.z = u.z();
    }
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
  const long count_n = static_cast<long>(n);
  long first_bad = count_n;  // lowest index of a non-finite position (no throw inside OpenMP)
#pragma omp parallel for num_threads(max_threads()) schedule(static) reduction(min : first_bad) if (count_n > kParallelAtoms)
  for (long i = 0; i < count_n; ++i) {
    const Vec3& r = system.position[static_cast<std::size_t>(i)];
    if (!std::isfinite(r.x()) || !std::isfinite(r.y()) || !std::isfinite(r.z())) {
      first_bad = std::min(first_bad, i);
      continue;
    }
    Vec3 t = box.to_fractional(r);
    int c[3];
    for (int d = 0; d < 3; ++d) {
      const double shift = -std::floor(t[d]);
      t[d] += shift;
      offset_[static_cast<std::size_t>(i)][d] = shift;
      c[d] = layers_[d] + std::clamp(static_cast<int>(t[d] * interior_[d]), 0, interior_[d] - 1);
    }
    s[static_cast<std::size_t>(i)] = t;
    cell[static_cast<std::size_t>(i)] = (c[2] * grid_[1] + c[1]) * grid_[0] + c[0];
  }
  if (first_bad < count_n)
    throw InputError("positions", fmt::format("atom {} has a non-finite position", system.id[static_cast<std::size_t>(first_bad)]));
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
#pragma omp parallel for num_threads(max_threads()) schedule(static) if (count_n > kParallelAtoms)
  for (long sorted = 0; sorted < count_n; ++sorted) {
    const std::size_t k = static_cast<std::size_t>(sorted);
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
  const long count_n = static_cast<long>(n);
  int reach[3];
  for (int d = 0; d < 3; ++d) reach[d] = static_cast<int>(std::ceil(halo[d]));
  const double slack = 1.0 + 1e-9;
  // Per atom and dimension, the images that land in the halo form one interval [lo, hi]
  // holding 0 (most atoms are far from every face and have only image 0).
  const auto image_range = [&](std::size_t k, int local_cell[3], int lo[3], int hi[3]) {
    const int ck = cell_of_[k];
    local_cell[0] = ck % grid_[0];
    local_cell[1] = (ck / grid_[0]) % grid_[1];
    local_cell[2] = ck / (grid_[0] * grid_[1]);
    for (int d = 0; d < 3; ++d) {
      lo[d] = 0;
      hi[d] = 0;
      for (int m = -reach[d]; m <= reach[d]; ++m) {
        const double t = s0_[k][d] + m;
        const int c = local_cell[d] + m * interior_[d];
        if (t >= -halo[d] * slack && t < 1.0 + halo[d] * slack && c >= 0 && c < grid_[d]) {
          lo[d] = std::min(lo[d], m);
          hi[d] = std::max(hi[d], m);
        }
      }
    }
  };
  // Two passes (count, then fill at prefix offsets) so that both run in parallel and the
  // ghosts come out in the same order (atom, then image z, y, x) for any thread count.
  std::vector<int> offset(n + 1, 0);
#pragma omp parallel for num_threads(max_threads()) schedule(static) if (count_n > kParallelAtoms)
  for (long atom = 0; atom < count_n; ++atom) {
    int local_cell[3], lo[3], hi[3];
    image_range(static_cast<std::size_t>(atom), local_cell, lo, hi);
    offset[static_cast<std::size_t>(atom) + 1] = (hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) * (hi[2] - lo[2] + 1) - 1;
  }
  for (std::size_t k = 0; k < n; ++k) offset[k + 1] += offset[k];
  const std::size_t ng = static_cast<std::size_t>(offset[n]);
  std::vector<int> source_unsorted(ng), ghost_cell(ng);
  std::vector<Vec3> image_unsorted(ng);
#pragma omp parallel for num_threads(max_threads()) schedule(static) if (count_n > kParallelAtoms)
  for (long atom = 0; atom < count_n; ++atom) {
    const std::size_t k = static_cast<std::size_t>(atom);
    if (offset[k + 1] == offset[k]) continue;
    int local_cell[3], lo[3], hi[3];
    image_range(k, local_cell, lo, hi);
    std::size_t out = static_cast<std::size_t>(offset[k]);
    for (int nz = lo[2]; nz <= hi[2]; ++nz)
      for (int ny = lo[1]; ny <= hi[1]; ++ny)
        for (int nx = lo[0]; nx <= hi[0]; ++nx) {
          if (nx == 0 && ny == 0 && nz == 0) continue;
          // The ghost's cell is the atom's cell shifted by whole boxes (exact integers), which
          // keeps the half-stencil rule in order_by_cell() antisymmetric under images.
          const int c[3] = {local_cell[0] + nx * interior_[0], local_cell[1] + ny * interior_[1],
                            local_cell[2] + nz * interior_[2]};
          source_unsorted[out] = static_cast<int>(k);
          image_unsorted[out] = Vec3(nx, ny, nz);
          ghost_cell[out] = (c[2] * grid_[1] + c[1]) * grid_[0] + c[0];
          ++out;
        }
  }
  // Sort the ghosts by cell too, so that every cell is one contiguous range of sites.
  const std::size_t ncells = static_cast<std::size_t>(grid_[0]) * grid_[1] * grid_[2];
  std::vector<int> start(ncells + 1, 0);
  for (int c : ghost_cell) ++start[static_cast<std::size_t>(c) + 1];
  for (std::size_t c = 0; c < ncells; ++c) start[c + 1] += start[c];
  std::vector<int> order(ng);
  for (std::size_t g = 0; g < ng; ++g) order[static_cast<std::size_t>(start[static_cast<std::size_t>(ghost_cell[g])]++)] = static_cast<int>(g);
  ghost_source_.resize(ng);
  ghost_image_.resize(ng);
  sites_.resize(n + ng);
  cell_of_.resize(n + ng);
  const long count_g = static_cast<long>(ng);
#pragma omp parallel for num_threads(max_threads()) schedule(static) if (count_g > kParallelAtoms)
  for (long sorted = 0; sorted < count_g; ++sorted) {
    const std::size_t m = static_cast<std::size_t>(sorted);
    const std::size_t g = static_cast<std::size_t>(order[m]);
    ghost_source_[m] = source_unsorted[g];
    ghost_image_[m] = image_unsorted[g];
    const std::size_t k = static_cast<std::size_t>(source_unsorted[g]);
    const Vec3 u = u0_[k] + h0_ * image_unsorted[g];
    sites_[n + m] = Site{u.x(), u.y(), u.z(), sites_[k].type, 0};
    cell_of_[n + m] = ghost_cell[g];
  }
}

void NeighborList::order_by_cell() {
  const std::size_t n = s0_.size();
  const std::size_t next = sites_.size();
  const std::size_t ncells = static_cast<std::size_t>(grid_[0]) * grid_[1] * grid_[2];
  // Counting sort by cell. Locals and ghosts are each already sorted by cell and never
  // share a cell, so inside a cell the extended order is kept (the list comes out in the
  // same order as a cell-by-cell scan of the extended array).
  cell_pos_.assign(ncells + 1, 0);
  for (std::size_t a = 0; a < next; ++a) ++cell_pos_[static_cast<std::size_t>(cell_of_[a]) + 1];
  for (std::size_t c = 0; c < ncells; ++c) cell_pos_[c + 1] += cell_pos_[c];
  order_.resize(next);
  xs_.resize(next);
  ys_.resize(next);
  zs_.resize(next);
  local_pos_.resize(n);
  // Each cell's sites are one contiguous run of the extended array (see above).
  for (std::size_t a = 0; a < next;) {
    const std::size_t c = static_cast<std::size_t>(cell_of_[a]);
    int p = cell_pos_[c];
    for (; a < next && static_cast<std::size_t>(cell_of_[a]) == c; ++a, ++p) {
      order_[static_cast<std::size_t>(p)] = static_cast<int>(a);
      xs_[static_cast<std::size_t>(p)] = sites_[a].x;
      ys_[static_cast<std::size_t>(p)] = sites_[a].y;
      zs_[static_cast<std::size_t>(p)] = sites_[a].z;
      if (a < n) local_pos_[a] = p;
    }
  }
  // Half stencil: a pair is kept from the atom whose cell comes first in (z, y, x) order; in
  // the same cell (always two local atoms) from the lower index. Ghost cells are their
  // atom's cell shifted by whole boxes, so exactly one of (i, image of j) and (j, image of i)
  // is kept. The cells after the atom's own form whole rows along x (dz > 0, or dz = 0 and
  // dy > 0) plus the rest of the atom's own row. Locals sit in interior cells, so the
  // stencil never leaves the grid.
  rows_.clear();
  for (int dz = 0; dz <= layers_[2]; ++dz)
    for (int dy = dz == 0 ? 1 : -layers_[1]; dy <= layers_[1]; ++dy) rows_.push_back((dz * grid_[1] + dy) * grid_[0]);
}

// The search of one atom with the run kernel `append` (CellScan.hpp); inlined into the entry
// points per instruction set below, which compile it for their target.
template <class Append>
GLASSLAND_ALWAYS_INLINE std::size_t NeighborList::search_atom(std::size_t i, std::vector<int>& list, std::size_t size,
                                                              Append append) const {
  const int ci = cell_of_[i];
  const int lx = layers_[0];
  const int* pos = cell_pos_.data();
  const int own_from = local_pos_[i] + 1, own_to = pos[ci + lx + 1];
  std::size_t bound = static_cast<std::size_t>(own_to - own_from);
  for (int row : rows_) bound += static_cast<std::size_t>(pos[ci + row + lx + 1] - pos[ci + row - lx]);
  if (size + bound + kCellScanSlack > list.size()) list.resize(std::max(2 * list.size(), size + bound + kCellScanSlack));
  const double range_sq = (cutoff_ + skin_) * (cutoff_ + skin_);
  const Site& si = sites_[i];
  const auto scan = [&](int from, int to) {
    size = append(xs_.data(), ys_.data(), zs_.data(), order_.data(), from, to, si.x, si.y, si.z, range_sq, list.data(), size);
  };
  scan(own_from, own_to);  // same cell after i, then the +x cells of its row
  for (int row : rows_) scan(pos[ci + row - lx], pos[ci + row + lx + 1]);
  return size;
}

// Lists atoms begin..end into `list` from `size` on; first_[i + 1] = count of atom i. The
// vector run kernels carry their own target attribute, so they are passed as functions (a
// direct call per run of cells) rather than inlined into a default-target template.
#define GLASSLAND_SEARCH_BLOCK(NAME, TARGET, KERNEL)                                                      \
  TARGET std::size_t NeighborList::NAME(std::size_t begin, std::size_t end, std::vector<int>& list,      \
                                        std::size_t size) {                                                \
    for (std::size_t i = begin; i < end; ++i) {                                                           \
      const std::size_t before = size;                                                                    \
      size = search_atom(i, list, size, &KERNEL);                                                         \
      first_[i + 1] = static_cast<int>(size - before);                                                    \
    }                                                                                                     \
    return size;                                                                                          \
  }
GLASSLAND_SEARCH_BLOCK(search_block_scalar, , append_in_range_scalar)
#ifdef GLASSLAND_X86_DISPATCH
GLASSLAND_SEARCH_BLOCK(search_block_avx2, GLASSLAND_TARGET_AVX2, append_in_range_avx2)
GLASSLAND_SEARCH_BLOCK(search_block_avx512, GLASSLAND_TARGET_AVX512, append_in_range_avx512)
#else
std::size_t NeighborList::search_block_avx2(std::size_t b, std::size_t e, std::vector<int>& l, std::size_t s) {
  return search_block_scalar(b, e, l, s);
}
std::size_t NeighborList::search_block_avx512(std::size_t b, std::size_t e, std::vector<int>& l, std::size_t s) {
  return search_block_scalar(b, e, l, s);
}
#endif
#undef GLASSLAND_SEARCH_BLOCK

void NeighborList::bin_and_search() {
  const std::size_t n = s0_.size();
  order_by_cell();
  first_.resize(n + 1);
  first_[0] = 0;
  std::vector<std::size_t> begin_of;

  // Each thread lists its own block of atoms into its own buffer, then copies it into place;
  // every atom's row is the same for any thread count.
#pragma omp parallel num_threads(max_threads())
  {
    const std::size_t t = static_cast<std::size_t>(thread_id());
#pragma omp single
    {
      // Split by the team actually running (a nested region may get a single thread).
      const std::size_t nthreads = static_cast<std::size_t>(team_size());
      if (lists_.size() < nthreads) lists_.resize(nthreads);
      begin_of.resize(nthreads + 1);
      for (std::size_t k = 0; k <= nthreads; ++k) begin_of[k] = n * k / nthreads;
    }
    std::vector<int>& list = lists_[t];
    std::size_t size = 0;
    switch (level_) {
      case SimdLevel::avx512: size = search_block_avx512(begin_of[t], begin_of[t + 1], list, size); break;
      case SimdLevel::avx2: size = search_block_avx2(begin_of[t], begin_of[t + 1], list, size); break;
      default: size = search_block_scalar(begin_of[t], begin_of[t + 1], list, size); break;
    }
#pragma omp barrier
#pragma omp single
    {
      for (std::size_t k = 0; k < n; ++k) first_[k + 1] += first_[k];
      neighbors_.resize(static_cast<std::size_t>(first_[n]));
    }
    std::copy(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(size),
              neighbors_.begin() + first_[begin_of[t]]);
  }
}

}  // namespace glassland::md
