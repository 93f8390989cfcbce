#include "load/lang.h"

#include <unicode/uchar.h>

#include <string>
#include <unordered_map>

#include "load/utf8.h"

namespace charter::load {

std::map<std::string, int> StopwordHits(
    std::string_view text, const std::map<std::string, std::vector<std::string>>& languages) {
  // word -> bit set of the languages listing it (at most 64 candidates count).
  std::unordered_map<std::string, uint64_t> words;
  std::vector<std::string> codes;
  for (const auto& [code, list] : languages) {
    if (codes.size() == 64) break;
    uint64_t bit = uint64_t{1} << codes.size();
    codes.push_back(code);
    for (const std::string& w : list) words[w] |= bit;
  }
  std::vector<int> hits(codes.size(), 0);
  // Cut the sample at a character boundary.
  size_t limit = std::min(text.size(), kLanguageSampleBytes);
  while (limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) ++limit;
  std::string_view sample = text.substr(0, limit);
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    auto it = words.find(token);
    if (it != words.end()) {
      for (size_t b = 0; b < codes.size(); ++b)
        if (it->second >> b & 1) ++hits[b];
    }
    token.clear();
  };
  for (size_t i = 0; i < sample.size();) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    if (c < 0x80) {
      ++i;
      if ((c >= 'a' && c <= 'z')) {
        token.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        token.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        flush();
      }
      continue;
    }
    char32_t cp = NextCodePoint(sample, i);
    if (u_isalpha(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0) {
      AppendUtf8(token, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    } else {
      flush();
    }
  }
  flush();
  std::map<std::string, int> out;
  for (size_t b = 0; b < codes.size(); ++b) out[codes[b]] = hits[b];
  return out;
}

std::string DetectLanguage(std::string_view text,
                           const std::map<std::string, std::vector<std::string>>& languages) {
  if (languages.empty()) return "";
  std::map<std::string, int> hits = StopwordHits(text, languages);
  std::string best = languages.count("en") ? "en" : languages.begin()->first;
  int best_hits = hits[best];
  for (const auto& [code, n] : hits) {
    if (n > best_hits) {
      best = code;
      best_hits = n;
    }
  }
  return best;
}

}  // namespace charter::load
