#pragma once
// The inner kernel of the neighbour search: one contiguous run of sites (a row of cells in
// cell order, stored as separate x, y, z arrays) tested against one atom.
//
// Why a separate kernel: the search spends nearly all its time here, on ~145 candidates per
// atom of which ~40 are kept. Three versions, chosen at run time (SimdLevel.hpp):
//   avx512  eight candidates per instruction, the kept indices packed with one compress,
//           masked loads for the tail (no branch per candidate);
//   avx2    four candidates per instruction, the kept indices packed by a byte shuffle from a
//           16-entry table indexed by the comparison mask, a scalar tail;
//   scalar  a branch-free loop.
// All keep candidates in the order of the run. The vector paths compute r^2 with FMAs, the
// scalar one without (a software fma would be slow on CPUs without FMA), so a candidate within
// rounding of cutoff + skin may be kept by one path and not another: harmless, such a pair is
// beyond the cutoff and contributes nothing.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "md/SimdLevel.hpp"

#ifdef GLASSLAND_X86_DISPATCH
#include <immintrin.h>
#endif

namespace glassland::md {

/// Extra int slots a caller must leave after `out + size + (to - from)`: the vector paths
/// store whole vectors.
inline constexpr std::size_t kCellScanSlack = 8;

/// Appends to out[size...] order[p] for every p in [from, to) with
/// |(x, y, z) - (xs[p], ys[p], zs[p])|^2 < range_sq (length units); returns the new size.
GLASSLAND_ALWAYS_INLINE std::size_t append_in_range_scalar(const double* xs, const double* ys, const double* zs,
                                                           const int* order, int from, int to, double x, double y,
                                                           double z, double range_sq, int* out, std::size_t size) {
  for (int p = from; p < to; ++p) {
    const double dx = x - xs[p], dy = y - ys[p], dz = z - zs[p];
    out[size] = order[p];
    size += (dx * dx + dy * dy + dz * dz < range_sq) ? 1 : 0;
  }
  return size;
}

#ifdef GLASSLAND_X86_DISPATCH

namespace cellscan_detail {
// Byte shuffles that move the 32-bit lanes selected by a 4-bit mask to the front.
struct CompressTable {
  alignas(16) std::uint8_t bytes[16][16];
  constexpr CompressTable() : bytes{} {
    for (int mask = 0; mask < 16; ++mask) {
      int out = 0;
      for (int lane = 0; lane < 4; ++lane)
        if (mask & (1 << lane)) {
          for (int b = 0; b < 4; ++b) bytes[mask][4 * out + b] = static_cast<std::uint8_t>(4 * lane + b);
          ++out;
        }
      for (; out < 4; ++out)
        for (int b = 0; b < 4; ++b) bytes[mask][4 * out + b] = 0x80;
    }
  }
};
inline constexpr CompressTable kCompress{};
}  // namespace cellscan_detail

GLASSLAND_TARGET_AVX2 inline std::size_t append_in_range_avx2(
    const double* xs, const double* ys, const double* zs, const int* order, int from, int to, double x, double y,
    double z, double range_sq, int* out, std::size_t size) {
  const __m256d vx = _mm256_set1_pd(x), vy = _mm256_set1_pd(y), vz = _mm256_set1_pd(z);
  const __m256d vr = _mm256_set1_pd(range_sq);
  int p = from;
  for (; p + 4 <= to; p += 4) {
    const __m256d dx = _mm256_sub_pd(vx, _mm256_loadu_pd(xs + p));
    const __m256d dy = _mm256_sub_pd(vy, _mm256_loadu_pd(ys + p));
    const __m256d dz = _mm256_sub_pd(vz, _mm256_loadu_pd(zs + p));
    const __m256d rsq = _mm256_fmadd_pd(dz, dz, _mm256_fmadd_pd(dy, dy, _mm256_mul_pd(dx, dx)));
    const int keep = _mm256_movemask_pd(_mm256_cmp_pd(rsq, vr, _CMP_LT_OQ));
    const __m128i index = _mm_loadu_si128(reinterpret_cast<const __m128i*>(order + p));
    const __m128i shuffle = _mm_load_si128(reinterpret_cast<const __m128i*>(cellscan_detail::kCompress.bytes[keep]));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + size), _mm_shuffle_epi8(index, shuffle));
    size += static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(keep)));
  }
  return append_in_range_scalar(xs, ys, zs, order, p, to, x, y, z, range_sq, out, size);
}

GLASSLAND_TARGET_AVX512 inline std::size_t append_in_range_avx512(
    const double* xs, const double* ys, const double* zs, const int* order, int from, int to, double x, double y,
    double z, double range_sq, int* out, std::size_t size) {
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
  return size;
}

#endif

}  // namespace glassland::md
