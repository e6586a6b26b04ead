#pragma once
// The dense Cholesky factorization behind Vineyard's determinants (Hessian.hpp), on the fastest
// path the CPU allows. Eigen picks its vector width when a file is compiled, and the portable
// build targets the x86-64 baseline (SSE2), where a factorization at n ~ 1,500 took 2.5x as long
// as with AVX2+FMA (0.12 s against 0.05 s, best of 8; with AVX-512 0.07 s). So the AVX2 variant
// lives in its own file compiled with -mavx2 -mfma, with Eigen's namespace renamed there (its
// template instances must not merge with the baseline ones at link time), and is chosen at run
// time by md::simd_level() like the pair loops.
#include <Eigen/Core>

namespace glassland::landscape {

/// A = L L^T in place (the lower triangle of `a` becomes L; the upper one is left as is).
/// Returns false when A is not positive definite (a non-positive pivot).
bool cholesky_in_place(Eigen::MatrixXd& a);

namespace detail {
/// The AVX2+FMA variant on raw column-major storage (only called when the CPU has them).
bool cholesky_in_place_avx2(double* a, long n);
}  // namespace detail

}  // namespace glassland::landscape
