// segment_test_util.h — helpers for the segment tests: a Document built
// straight from a string (one line anchor per line, as LoadDocument makes for
// clean UTF-8 text) and a Segmenter over the repository's rules.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "core/types.h"
#include "segment/segment.h"
#include "test_util.h"
#include "files/files.h"

namespace charter::testing {

inline Document MakeDoc(std::string text, std::string path = "doc.txt", std::string lang = "en") {
  Document d;
  d.path = std::move(path);
  d.lang = std::move(lang);
  d.format = "text";
  d.encoding = "UTF-8";
  d.text = std::move(text);
  uint32_t line = 1;
  d.line_anchors.push_back({0, 1});
  for (size_t i = 0; i < d.text.size(); ++i) {
    if (d.text[i] == '\n' && i + 1 < d.text.size())
      d.line_anchors.push_back({static_cast<uint32_t>(i + 1), ++line});
  }
  return d;
}

inline const Segmenter& SegmenterFor(const std::string& lang) {
  static std::map<std::string, Segmenter>* cache = new std::map<std::string, Segmenter>();
  auto it = cache->find(lang);
  if (it == cache->end()) {
    auto rules = ReadRuleFolder(RulesDir(), lang);
    if (!rules) throw std::runtime_error(rules.error().message);
    auto seg = Segmenter::Create(*rules, lang);
    if (!seg) throw std::runtime_error(seg.error().message);
    it = cache->emplace(lang, std::move(*seg)).first;
  }
  return it->second;
}

inline std::vector<Provision> SegmentText(const std::string& text, const std::string& lang = "en",
                                          const std::string& path = "doc.txt") {
  auto units = SegmenterFor(lang).Segment(MakeDoc(text, path, lang));
  if (!units) throw std::runtime_error(units.error().message);
  return *units;
}

inline std::vector<Provision> OfType(const std::vector<Provision>& units, const std::string& type) {
  std::vector<Provision> out;
  for (const auto& u : units)
    if (u.type == type) out.push_back(u);
  return out;
}

}  // namespace charter::testing
