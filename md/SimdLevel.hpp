#pragma once
// Run-time choice of the vector instruction set of the hot kernels (pair loops, EAM passes,
// neighbour scan). The default build is portable (x86-64 baseline, no -march=native); each
// kernel is additionally compiled for AVX2+FMA and for AVX-512 with GCC target attributes, and
// the best path the CPU supports is chosen once at start-up. GLASSLAND_SIMD=scalar|avx2|avx512
// caps the choice (to measure a lower path on a bigger machine); asking for more than the CPU
// has is an InputError naming the variable.
#include <string>

namespace glassland::md {

enum class SimdLevel { scalar = 0, avx2 = 1, avx512 = 2 };
inline constexpr int kSimdLevels = 3;

/// The path every kernel uses in this process (decided at the first call).
SimdLevel simd_level();
/// "scalar", "avx2" or "avx512".
const char* simd_level_name(SimdLevel level);
/// The best level this CPU supports, ignoring GLASSLAND_SIMD.
SimdLevel cpu_simd_level();
/// CPU model name from /proc/cpuinfo ("unknown" if absent).
std::string cpu_model_name();

}  // namespace glassland::md

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GLASSLAND_X86_DISPATCH 1
#define GLASSLAND_TARGET_AVX2 __attribute__((target("avx2,fma")))
#if defined(__clang__)  // clang has no prefer-vector-width in target() and would drop the attribute
#define GLASSLAND_TARGET_AVX512 __attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx512cd,avx2,fma")))
#else
#define GLASSLAND_TARGET_AVX512 \
  __attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx512cd,avx2,fma,prefer-vector-width=512")))
#endif
#else
#define GLASSLAND_TARGET_AVX2
#define GLASSLAND_TARGET_AVX512
#endif
#define GLASSLAND_ALWAYS_INLINE [[gnu::always_inline]] inline
// For lambdas in kernels: a lambda does not inherit its enclosing function's target attribute,
// so it must be inlined to be compiled (and vectorised) for that target.
#define GLASSLAND_INLINE_LAMBDA __attribute__((always_inline))
