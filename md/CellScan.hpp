#pragma once
// The inner kernel of the neighbour search: one contiguous run of sites (a row of cells in
// cell order, stored as separate x, y, z arrays) tested against one atom.
//
// Why a separate kernel: the search spends nearly all its time here, on ~145 candidates per
// atom of which ~40 are kept. With AVX-512 eight candidates are tested per instruction and
// the kept indices are packed with one compress (no branch per candidate, no loop-carried
// dependence per candidate); the tail of a run uses masked loads, so every candidate goes
// through the same arithmetic and the result never depends on where a run starts.
// Without AVX-512 a branch-free scalar loop does the same.
#include <cstddef>

#if defined(__AVX512F__) && defined(__AVX512VL__)
#include <immintrin.h>
#define GLASSLAND_CELLSCAN_AVX512 1
#endif

namespace glassland::md {

/// Extra int slots a caller must leave after `out + size + (to - from)`: the vector path
/// stores whole 8-lane vectors.
inline constexpr std::size_t kCellScanSlack = 8;

/// Appends to out[size...] order[p] for every p in [from, to) with
/// |(x, y, z) - (xs[p], ys[p], zs[p])|^2 < range_sq (length units); returns the new size.
inline std::size_t append_in_range(const double* xs, const double* ys, const double* zs,
                                   const int* order, int from, int to, double x, double y,
                                   double z, double range_sq, int* out, std::size_t size) {
#ifdef GLASSLAND_CELLSCAN_AVX512
  const __m512d vx = _mm512_set1_pd(x), vy = _mm512_set1_pd(y), vz = _mm512_set1_pd(z);
  const __m512d vr = _mm512_set1_pd(range_sq);
  for (int p = from; p < to; p += 8) {
    const int left = to - p;
    const __mmask8 live = left >= 8 ? static_cast<__mmask8>(0xFF) : static_cast<__mmask8>((1u << left) - 1u);
    const __m512d dx = _mm512_sub_pd(vx, _mm512_maskz_loadu_pd(live, xs + p));
    const __m512d dy = _mm512_sub_pd(vy, _mm512_maskz_loadu_pd(live, ys + p));
    const __m512d dz = _mm512_sub_pd(vz, _mm512_maskz_loadu_pd(live, zs + p));
    const __m512d rsq = _mm512_fmadd_pd(dz, dz, _mm512_fmadd_pd(dy, dy, _mm512_mul_pd(dx, dx)));
    const __mmask8 keep = _mm512_mask_cmp_pd_mask(live, rsq, vr, _CMP_LT_OQ);
    const __m256i index = _mm256_maskz_loadu_epi32(live, order + p);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + size), _mm256_maskz_compress_epi32(keep, index));
    size += static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(keep)));
  }
#else
  for (int p = from; p < to; ++p) {
    const double dx = x - xs[p], dy = y - ys[p], dz = z - zs[p];
    out[size] = order[p];
    size += (dx * dx + dy * dy + dz * dz < range_sq) ? 1 : 0;
  }
#endif
  return size;
}

}  // namespace glassland::md
