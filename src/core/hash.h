// hash.h — stable content hashes for IDs (principles, merge candidates).
// FNV-1a 64-bit: the same bytes give the same ID on every machine and run, so
// reviewer decisions recorded against an ID survive re-runs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace charter {

inline uint64_t Fnv1a64(std::string_view data, uint64_t seed = 1469598103934665603ull) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// 16 lowercase hex digits.
inline std::string HashHex(std::string_view data) {
  static const char kHex[] = "0123456789abcdef";
  uint64_t h = Fnv1a64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 0xf];
    h >>= 4;
  }
  return out;
}

}  // namespace charter
