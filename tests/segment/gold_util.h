// gold_util.h — top-level units against ../shared/eval/gold/*.articles.tsv
// (columns doc, unit, label, line), shared by the segment tests and bench.
#pragma once

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/io.h"
#include "core/text.h"
#include "core/types.h"

namespace charter::testing {

struct GoldUnits {
  std::string doc;  // "constitutions/en/zaf.txt", relative to corpora/
  std::set<std::pair<std::string, uint32_t>> units;  // (unit, line)
};

// "Amendment 14" -> "14": the gold may write the label into the unit.
inline std::string NormalizeUnit(std::string unit) {
  for (const char* label : {"Amendment ", "Article ", "Section "}) {
    std::string l = label;
    if (unit.rfind(l, 0) == 0) unit = unit.substr(l.size());
  }
  return unit;
}

// Every gold/*.articles.tsv under `gold_dir`, sorted by file name.
inline std::vector<GoldUnits> ReadGoldArticles(const std::string& gold_dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(gold_dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() > 13 && name.substr(name.size() - 13) == ".articles.tsv")
      files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<GoldUnits> out;
  for (const auto& f : files) {
    auto bytes = ReadFile(f);
    if (!bytes) continue;
    GoldUnits g;
    bool header = true;
    for (std::string_view line : Split(*bytes, '\n')) {
      if (header) {
        header = false;
        continue;
      }
      auto cols = Split(line, '\t');
      if (cols.size() < 4) continue;
      g.doc = std::string(cols[0]);
      g.units.insert({NormalizeUnit(std::string(cols[1])),
                      static_cast<uint32_t>(std::stoul(std::string(Trim(cols[3]))))});
    }
    if (!g.doc.empty()) out.push_back(std::move(g));
  }
  return out;
}

struct PrecisionRecall {
  double precision = 0, recall = 0;
  size_t predicted = 0, gold = 0, correct = 0;
};

inline PrecisionRecall Score(const std::vector<Provision>& units, const GoldUnits& gold) {
  std::set<std::pair<std::string, uint32_t>> predicted;
  for (const auto& u : units)
    if (u.type == "article") predicted.insert({u.unit, u.line_start});
  PrecisionRecall pr;
  pr.predicted = predicted.size();
  pr.gold = gold.units.size();
  for (const auto& p : predicted) pr.correct += gold.units.count(p);
  pr.precision = pr.predicted ? static_cast<double>(pr.correct) / pr.predicted : 0.0;
  pr.recall = pr.gold ? static_cast<double>(pr.correct) / pr.gold : 0.0;
  return pr;
}

}  // namespace charter::testing
