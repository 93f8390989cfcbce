// fuzz_search_index.cc — a vector index file (index.h) and a search-index
// file (`charter search --save-index`: units as JSON, then a vector index),
// as read and with sizes and checksums made right; a loaded index is
// searched. The first byte picks which.
#include <vector>

#include "embed/index.h"
#include "embed/search_index.h"
#include "fuzz/fix_checksums.h"
#include "fuzz/fuzz_util.h"

namespace {

void Use(const charter::VectorIndex& idx) {
  if (idx.size() == 0 || idx.dim() > 4096) return;
  std::vector<float> q(static_cast<size_t>(idx.dim()), 0.0f);
  q[0] = 1.0f;
  (void)idx.Search(q, 3);
  (void)idx.RangeSearch(q, 0.5f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  if (size == 0) return 0;
  std::string bytes(fuzz::Bytes(data + 1, size - 1));
  if (data[0] % 2 == 0) {
    if (auto idx = VectorIndex::Load(bytes, "f.idx")) Use(*idx);
    fuzz::FixIndex(&bytes, 0);
    if (auto idx = VectorIndex::Load(bytes, "f.idx")) Use(*idx);
    return 0;
  }
  if (auto si = charter::LoadSearchIndex(bytes, "f.search")) Use(si->index);
  if (bytes.size() >= 24) {
    uint64_t len;
    std::memcpy(&len, bytes.data() + 16, 8);
    if (len <= bytes.size() - 24) fuzz::FixIndex(&bytes, 24 + len);
  }
  if (auto si = charter::LoadSearchIndex(bytes, "f.search")) Use(si->index);
  return 0;
}
