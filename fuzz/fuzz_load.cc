// fuzz_load.cc — LoadDocument on any bytes (any encoding; text, Markdown or
// HTML). The first byte picks how the format is found: from a .txt, .md or
// .html name, or detected from the content.
#include "fuzz/fuzz_util.h"
#include "load/load.h"
#include "files/files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  static const LoadOptions* options = [] {
    auto* o = new LoadOptions();
    for (const char* lang : {"en", "fr", "es", "de"}) {
      auto rules = ReadRuleFolder(std::string(CHARTER_SOURCE_DIR) + "/rules", lang);
      if (!rules) continue;
      auto it = rules->find(std::string(lang) + "/stopwords.txt");
      if (it == rules->end()) continue;
      o->languages[lang] = fuzz::Must(ParseListFile(it->second, it->first), "stopwords");
    }
    return o;
  }();
  if (size == 0) return 0;
  static const char* const kNames[] = {"f.txt", "f.md", "f.html", "f"};
  Result<Document> doc =
      LoadDocument(fuzz::Bytes(data + 1, size - 1), kNames[data[0] % 4], *options);
  if (doc) {
    // The line map covers the text, in order.
    if (!doc->text.empty() && doc->line_anchors.empty()) __builtin_trap();
  }
  return 0;
}
