// fuzz_model.cc — an embedding model file (charter.emb), as read and with its
// size field and checksum made right.
#include "embed/model.h"
#include "fuzz/fix_checksums.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  std::string bytes(fuzz::Bytes(data, size));
  (void)embed::ParseModel(bytes, "f.emb");
  fuzz::FixModel(&bytes);
  // What parses writes a file that parses (not the same bytes: vectors and
  // confidences are quantised).
  auto m = embed::ParseModel(bytes, "f.emb");
  if (m && !embed::ParseModel(embed::SerializeModel(*m), "again.emb")) __builtin_trap();
  return 0;
}
