// fix_checksums.h — the fuzz targets of checksummed files (model, index,
// search index) rewrite the size fields and checksums of their input, so
// the fuzzer's mutations reach the section parsers instead of all ending at
// "checksum mismatch". (The raw input is parsed too, as read.)
#pragma once

#include <cstring>
#include <string>

#include "core/hash.h"

namespace charter::fuzz {

// charter.emb: u64 file size at byte 24, FNV-1a of everything before the
// last 8 bytes in them.
inline void FixModel(std::string* b) {
  if (b->size() < 48 || b->compare(0, 8, "CHAREMB\n") != 0) return;
  uint64_t size = b->size();
  std::memcpy(b->data() + 24, &size, 8);
  uint64_t sum = Fnv1a64(std::string_view(*b).substr(0, b->size() - 8));
  std::memcpy(b->data() + b->size() - 8, &sum, 8);
}

// A VectorIndex file from byte `at`: header of 48 bytes (payload size at
// +32, checksum at +40 over the header's first 40 bytes, then the payload).
inline void FixIndex(std::string* b, size_t at) {
  constexpr size_t kHeader = 48;
  if (b->size() < at + kHeader || b->compare(at, 8, "CHARIDX\n") != 0) return;
  uint64_t payload = b->size() - at - kHeader;
  std::memcpy(b->data() + at + 32, &payload, 8);
  std::string_view v(*b);
  uint64_t sum = Fnv1a64(v.substr(at + kHeader), Fnv1a64(v.substr(at, kHeader - 8)));
  std::memcpy(b->data() + at + 40, &sum, 8);
}

}  // namespace charter::fuzz
