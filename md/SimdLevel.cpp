#include "md/SimdLevel.hpp"

#include <cstdlib>
#include <fstream>

#include "md/Error.hpp"

namespace glassland::md {

const char* simd_level_name(SimdLevel level) {
  switch (level) {
    case SimdLevel::avx512: return "avx512";
    case SimdLevel::avx2: return "avx2";
    default: return "scalar";
  }
}

SimdLevel cpu_simd_level() {
#ifdef GLASSLAND_X86_DISPATCH
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512cd"))
    return SimdLevel::avx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return SimdLevel::avx2;
#endif
  return SimdLevel::scalar;
}

namespace {
SimdLevel choose_level() {
  const SimdLevel cpu = cpu_simd_level();
  const char* requested = std::getenv("GLASSLAND_SIMD");
  if (!requested || !*requested) return cpu;
  const std::string text(requested);
  SimdLevel level;
  if (text == "scalar") level = SimdLevel::scalar;
  else if (text == "avx2") level = SimdLevel::avx2;
  else if (text == "avx512") level = SimdLevel::avx512;
  else throw InputError("GLASSLAND_SIMD", "'" + text + "' is not one of scalar, avx2, avx512");
  if (static_cast<int>(level) > static_cast<int>(cpu))
    throw InputError("GLASSLAND_SIMD", "'" + text + "' is not supported by this CPU (best: " + simd_level_name(cpu) + ")");
  return level;
}
}  // namespace

SimdLevel simd_level() {
  static const SimdLevel level = choose_level();
  return level;
}

std::string cpu_model_name() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  return "unknown";
}

}  // namespace glassland::md
