// fuzz_segment.cc — the English segmenter on any text that loads.
#include "fuzz/fuzz_util.h"
#include "load/load.h"
#include "segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  static const Segmenter* seg =
      new Segmenter(fuzz::Must(Segmenter::Create(fuzz::EnglishRules(), "en"), "segmenter"));
  LoadOptions o;
  o.lang = "en";
  o.format = "text";
  Result<Document> doc = LoadDocument(fuzz::Bytes(data, size), "f.txt", o);
  if (!doc) return 0;
  auto units = seg->Segment(*doc);
  (void)units;
  return 0;
}
