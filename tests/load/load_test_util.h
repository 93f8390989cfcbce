// load_test_util.h — helpers for the load stage's tests.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "load/load.h"
#include "test_util.h"

namespace charter::testing {

// The stopword lists of rules/<lang>/ for the given languages.
inline std::map<std::string, std::vector<std::string>> Stopwords(
    const std::vector<std::string>& langs) {
  std::map<std::string, std::vector<std::string>> out;
  for (const std::string& lang : langs) {
    std::string file = RulesDir() + "/" + lang + "/stopwords.txt";
    auto bytes = ReadFile(file);
    if (!bytes) continue;
    auto words = ParseListFile(*bytes, file);
    if (words) out[lang] = *words;
  }
  return out;
}

inline const std::vector<std::string>& AllTestLanguages() {
  static const std::vector<std::string> kLangs = {"de", "en", "es", "fr", "it", "nl", "pt"};
  return kLangs;
}

// Source line of the first occurrence of `needle` in the loaded text (0 if absent).
inline uint32_t LineOf(const Document& doc, std::string_view needle) {
  size_t at = doc.text.find(needle);
  if (at == std::string::npos) return 0;
  return doc.SourceLine(at);
}

}  // namespace charter::testing
