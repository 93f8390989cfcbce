// fuzz_decisions.cc — a reviewer's decisions file; what parses is formatted
// and parsed back to the same decisions.
#include "fuzz/fuzz_util.h"
#include "merge/decisions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  auto d = ParseDecisions(fuzz::Bytes(data, size), "d.tsv");
  if (d) {
    std::string again = FormatDecisions(*d);
    auto e = ParseDecisions(again, "again.tsv");
    if (!e || FormatDecisions(*e) != again) __builtin_trap();
  }
  return 0;
}
