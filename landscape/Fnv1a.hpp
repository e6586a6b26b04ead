#pragma once
// FNV-1a 64-bit hash: a stable, platform-independent digest used for catalog checksums and
// environment keys (both are stored on disk, so the function must never change).
#include <cstdint>
#include <string_view>

namespace glassland::landscape {

inline std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64 offset basis
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;  // FNV-1a 64 prime
  }
  return h;
}

}  // namespace glassland::landscape
