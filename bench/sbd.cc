// bench/sbd.cc — sentence boundaries of Charter's splitter (ICU's sentence
// BreakIterator with the abbreviations of rules/<lang>/abbreviations.txt, see
// src/segment/sentences.h) against the public legal SBD gold sets in
// ../shared/eval/public/sbd:
//   savelka2017-us-adjudicatory/*.json  80 US court decisions (en)
//   multilegalsbd-constitutions/*.jsonl es, fr, it, pt constitutions
//
// A boundary is the end of a sentence span, in code points (the gold's
// offsets). Precision, recall and F1 of the predicted ends against the gold
// ends, per file, as the published tables report them (README of eval/public:
// e.g. SCOTUS, best F1 0.817).
//
// Only the splitter is measured, on each gold text as given: the segmenter's
// own structure rules (headings, numbered clauses) are not involved.
//
//   ./build/ci/bench_sbd | grep '^sbd\.'
//   sbd.savelka2017.scotus.precision: 0.8xx
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "segment/sentences.h"
#include "files/files.h"

using namespace charter;
namespace fs = std::filesystem;

namespace {

struct Score {
  size_t tp = 0, predicted = 0, gold = 0;
  void Add(const Score& o) {
    tp += o.tp;
    predicted += o.predicted;
    gold += o.gold;
  }
  void Print(const std::string& name) const {
    const double p = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : 0;
    const double r = gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("sbd.%s.gold_sentences: %zu\n", name.c_str(), gold);
    std::printf("sbd.%s.precision: %.3f\n", name.c_str(), p);
    std::printf("sbd.%s.recall: %.3f\n", name.c_str(), r);
    std::printf("sbd.%s.f1: %.3f\n", name.c_str(), f);
  }
};

// Per byte offset of `s` (and its end), the number of code points before it:
// a span's byte end is the gold's code-point end.
std::vector<size_t> CodePointIndex(const std::string& s) {
  std::vector<size_t> cp(s.size() + 1, 0);
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    cp[i] = n;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  cp[s.size()] = n;
  return cp;
}

// Adds one text's predicted and gold ends to `score`.
void ScoreText(SentenceCursor& cursor, const std::string& text, const std::set<size_t>& gold,
               Score* score) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  if (!cursor.Split(text, &spans)) return;
  const std::vector<size_t> cp = CodePointIndex(text);
  std::set<size_t> ends;
  for (const auto& span : spans) ends.insert(cp[span.second]);
  score->predicted += ends.size();
  score->gold += gold.size();
  for (size_t e : ends) score->tp += gold.count(e);
}

Result<SentenceSplitter> SplitterFor(const std::string& lang) {
  std::vector<std::string> abbreviations;
  auto rules = ReadRuleFolder(DefaultRulesRoot(), lang);
  if (rules) {
    auto it = rules->find(lang + "/abbreviations.txt");
    if (it != rules->end()) {
      auto list = ParseListFile(it->second, it->first);
      if (!list) return std::unexpected(list.error());
      abbreviations = std::move(*list);
    }
  }
  return SentenceSplitter::Create(lang, abbreviations);
}

}  // namespace

int main() {
  const fs::path root = fs::path(CHARTER_SHARED_DIR) / "eval" / "public" / "sbd";
  if (!fs::is_directory(root)) {
    std::printf("sbd.skipped: %s not found\n", root.string().c_str());
    return 0;
  }
  int status = 0;
  // Savelka et al. 2017: {"<doc>": {"text": ..., "annotations": [{"start", "end"}]}}.
  {
    auto splitter = SplitterFor("en");
    if (!splitter) {
      std::fprintf(stderr, "bench_sbd: %s\n", splitter.error().message.c_str());
      return 1;
    }
    SentenceCursor cursor = splitter->Cursor();
    Score all;
    for (const char* name : {"bva", "cyber_crime", "intellectual_property", "scotus"}) {
      const fs::path file = root / "savelka2017-us-adjudicatory" / (std::string(name) + ".json");
      auto bytes = ReadFile(file.string());
      if (!bytes) {
        std::printf("sbd.savelka2017.%s.skipped: %s\n", name, bytes.error().message.c_str());
        continue;
      }
      auto json = nlohmann::json::parse(*bytes, nullptr, false);
      if (json.is_discarded() || !json.is_object()) {
        std::fprintf(stderr, "bench_sbd: %s: not a JSON object\n", file.string().c_str());
        status = 1;
        continue;
      }
      Score score;
      for (const auto& [doc, v] : json.items()) {
        std::set<size_t> gold;
        try {
          for (const auto& a : v.at("annotations")) gold.insert(a.at("end").get<size_t>());
          ScoreText(cursor, v.at("text").get<std::string>(), gold, &score);
        } catch (const nlohmann::json::exception& e) {
          std::fprintf(stderr, "bench_sbd: %s: document %s: %s\n", file.string().c_str(),
                       doc.c_str(), e.what());
          status = 1;
        }
      }
      score.Print(std::string("savelka2017.") + name);
      all.Add(score);
    }
    all.Print("savelka2017.all");
  }
  // MultiLegalSBD constitutions: one {"text", "spans": [{"start", "end"}]} per line.
  for (const char* lang : {"es", "fr", "it", "pt"}) {
    const fs::path file =
        root / "multilegalsbd-constitutions" / (std::string(lang) + "_Constitution.jsonl");
    auto bytes = ReadFile(file.string());
    if (!bytes) {
      std::printf("sbd.multilegalsbd.%s.skipped: %s\n", lang, bytes.error().message.c_str());
      continue;
    }
    auto splitter = SplitterFor(lang);
    if (!splitter) {
      std::fprintf(stderr, "bench_sbd: %s\n", splitter.error().message.c_str());
      return 1;
    }
    SentenceCursor cursor = splitter->Cursor();
    Score score;
    size_t pos = 0, line = 0;
    while (pos < bytes->size()) {
      size_t nl = bytes->find('\n', pos);
      if (nl == std::string::npos) nl = bytes->size();
      std::string_view l(bytes->data() + pos, nl - pos);
      pos = nl + 1;
      ++line;
      if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      auto json = nlohmann::json::parse(l, nullptr, false);
      if (json.is_discarded() || !json.contains("text") || !json.contains("spans")) {
        std::fprintf(stderr, "bench_sbd: %s:%zu: not a span record\n", file.string().c_str(), line);
        status = 1;
        continue;
      }
      std::set<size_t> gold;
      try {
        for (const auto& s : json.at("spans")) gold.insert(s.at("end").get<size_t>());
        ScoreText(cursor, json.at("text").get<std::string>(), gold, &score);
      } catch (const nlohmann::json::exception& e) {
        std::fprintf(stderr, "bench_sbd: %s:%zu: %s\n", file.string().c_str(), line, e.what());
        status = 1;
      }
    }
    score.Print(std::string("multilegalsbd.") + lang);
  }
  return status;
}
