// fuzz_decisions.cc — a reviewer's decisions file, on merge candidates and on
// a global merge's conflicts; what parses is formatted and parsed back to the
// same decisions.
#include "fuzz/fuzz_util.h"
#include "merge/decisions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  for (DecisionOn on : {DecisionOn::kCandidates, DecisionOn::kConflicts}) {
    auto d = ParseDecisions(fuzz::Bytes(data, size), "d.tsv", on);
    if (d) {
      std::string again = FormatDecisions(*d);
      auto e = ParseDecisions(again, "again.tsv", on);
      if (!e || FormatDecisions(*e) != again) __builtin_trap();
    }
  }
  return 0;
}
