// Integration tests of extraction through the real pipeline (load + segment +
// extract) and the `charter extract` / `charter explain` subcommands. Gold
// scoring as in bench/extract.cc, with looser thresholds; skipped when
// ../shared is absent.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "extract/extract.h"
#include "load/load.h"
#include "segment/segment.h"
#include "test_util.h"
#include "files/files.h"

using namespace charter;

namespace {

struct Gold {
  int principle = 0;
  std::string kind;
};

std::vector<Clause> ExtractFile(const std::string& path, const std::string& lang) {
  auto texts = ReadRuleFolder(charter::testing::RulesDir(), lang);
  REQUIRE(texts);
  auto words = ParseListFile((*texts)[lang + "/stopwords.txt"], "stopwords.txt");
  REQUIRE(words);
  LoadOptions opt;
  opt.lang = lang;
  opt.languages[lang] = *words;
  auto bytes = ReadFile(path);
  REQUIRE(bytes);
  auto doc = LoadDocument(*bytes, path, opt);
  if (!doc) FAIL(doc.error().message);
  auto seg = Segmenter::Create(*texts, lang);
  if (!seg) FAIL(seg.error().message);
  auto units = seg->Segment(*doc);
  if (!units) FAIL(units.error().message);
  auto ex = Extractor::Create(*texts, lang);
  if (!ex) FAIL(ex.error().message);
  return ex->Extract(*units);
}

std::string Run(const std::string& args) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> p(
      popen((std::string(CHARTER_BINARY) + " " + args).c_str(), "r"), pclose);
  REQUIRE(p);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p.get())) > 0) out.append(buf.data(), n);
  return out;
}

}  // namespace

TEST_CASE("extraction through the pipeline reaches the gold figures on the dev set",
          "[cli][extract]") {
  CHARTER_REQUIRE_SHARED();
  const std::string gold_dir = charter::testing::SharedDir() + "/eval/gold";
  int tp = 0, fp = 0, fn = 0, pos = 0, kind_ok = 0;
  for (const auto& e : std::filesystem::directory_iterator(gold_dir)) {
    std::string name = e.path().filename().string();
    if (!EndsWith(name, ".lines.tsv")) continue;
    auto bytes = ReadFile(e.path().string());
    REQUIRE(bytes);
    std::string doc;
    std::map<uint32_t, Gold> gold;
    bool header = true;
    for (std::string_view line : Split(*bytes, '\n')) {
      if (header || line.empty()) {
        header = false;
        continue;
      }
      auto cols = Split(line, '\t');
      REQUIRE(cols.size() >= 4);
      doc = std::string(cols[0]);
      gold[static_cast<uint32_t>(std::stoul(std::string(cols[1])))] = {
          std::stoi(std::string(cols[3])), std::string(cols[2])};
    }
    auto clauses = ExtractFile(charter::testing::CorporaDir() + "/" + doc, "en");
    for (const auto& [line, g] : gold) {
      const Clause* first = nullptr;
      const Clause* principle = nullptr;
      for (const Clause& c : clauses) {
        if (c.unit.line_start > line || c.unit.line_end < line) continue;
        if (!first) first = &c;
        if (c.principle && !principle) principle = &c;
      }
      const Clause* use = principle ? principle : first;
      if (g.principle == 2) {
        ++pos;
        principle ? ++tp : ++fn;
        if (use && g.kind == KindName(use->kind)) ++kind_ok;
      } else if (g.principle == 0 && principle) {
        ++fp;
      }
    }
  }
  REQUIRE(pos > 0);
  double precision = double(tp) / std::max(1, tp + fp);
  double recall = double(tp) / std::max(1, tp + fn);
  double kind_accuracy = double(kind_ok) / pos;
  INFO("precision " << precision << " recall " << recall << " kind accuracy " << kind_accuracy);
  CHECK(precision >= 0.90);
  CHECK(recall >= 0.85);
  CHECK(kind_accuracy >= 0.85);
}

TEST_CASE("the French and Spanish UDHR give the English topics article by article",
          "[cli][extract]") {
  CHARTER_REQUIRE_SHARED();
  auto topics = [](const std::string& lang) {
    std::vector<std::set<std::string>> arts;
    for (const Clause& c :
         ExtractFile(charter::testing::CorporaDir() + "/instruments/udhr/" + lang + ".txt", lang)) {
      if (c.unit.type == "article")
        arts.emplace_back();
      else if (!arts.empty() && c.principle)
        arts.back().insert(c.topics.begin(), c.topics.end());
    }
    return arts;
  };
  auto en = topics("en");
  REQUIRE(en.size() == 30);
  for (const char* lang : {"fr", "es"}) {
    auto other = topics(lang);
    REQUIRE(other.size() == 30);
    int agree = 0;
    for (size_t i = 0; i < 30; ++i) agree += other[i] == en[i];
    INFO(lang);
    CHECK(agree >= 25);
  }
}

TEST_CASE("charter extract prints one JSON object per principle clause with fixed keys",
          "[cli][extract]") {
  std::string path = (std::filesystem::temp_directory_path() / "charter_extract_test.txt").string();
  REQUIRE(WriteFileAtomic(path,
                          "Article 1\n\nNo one shall be subjected to torture.\n\n"
                          "Article 2\n\nParliament shall meet at least once a year.\n"));
  std::string out = Run("extract --lang en " + path);
  auto lines = Split(out, '\n');
  REQUIRE(lines.size() >= 2);
  auto j = nlohmann::ordered_json::parse(lines[0]);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"doc", "id", "cite", "line_start", "line_end", "text",
                                         "kind", "principle", "score", "holder", "topics",
                                         "qualifiers", "rules", "core"});
  CHECK(j["kind"] == "prohibition");
  CHECK(j["principle"] == true);
  CHECK(j["line_start"] == 3);
  CHECK(j["topics"][0] == "torture");
  CHECK(out.find("Parliament") == std::string::npos);
  std::string all = Run("extract --all --lang en " + path);
  CHECK(all.find("\"kind\":\"institutional\"") != std::string::npos);
  std::string why = Run("explain --lang en " + path + ":7");
  CHECK(why.find("kind:       institutional") != std::string::npos);
  CHECK(why.find("principle:  no") != std::string::npos);
  CHECK(why.find("en/holders.tsv:") != std::string::npos);
  std::filesystem::remove(path);
}
