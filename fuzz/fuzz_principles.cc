// fuzz_principles.cc — principles.jsonl and base constitutions (JSONL, a
// JSON array, plain text); what parses is written and read back.
#include "fuzz/fuzz_util.h"
#include "merge/principle_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  std::string_view text = fuzz::Bytes(data, size);
  auto p = ParsePrinciplesJsonl(text, "p.jsonl");
  if (p) {
    std::string again = PrinciplesToJsonl(*p);
    auto q = ParsePrinciplesJsonl(again, "again.jsonl");
    if (!q || PrinciplesToJsonl(*q) != again) __builtin_trap();
  }
  auto b = ParseBaseConstitution(text, "base.jsonl");
  if (b) (void)PrinciplesToJsonl(*b);
  return 0;
}
