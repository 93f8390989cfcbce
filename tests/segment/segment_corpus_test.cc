// Integration tests on ../shared/corpora: every file segments, the top-level
// units of the named documents are exact, and precision/recall of top-level
// units against every ../shared/eval/gold/*.articles.tsv is 1.00/1.00.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "gold_util.h"
#include "segment_test_util.h"

using namespace charter;
using namespace charter::testing;

namespace {

std::vector<Provision> SegmentCorpusFile(const std::string& rel, const std::string& lang) {
  auto bytes = ReadFile(CorporaDir() + "/" + rel);
  if (!bytes) throw std::runtime_error(bytes.error().message);
  auto units = SegmenterFor(lang).Segment(MakeDoc(*bytes, rel, lang));
  if (!units) throw std::runtime_error(units.error().message);
  return *units;
}

std::vector<std::string> Articles(const std::vector<Provision>& units) {
  std::vector<std::string> out;
  for (const auto& u : units)
    if (u.type == "article") out.push_back(u.unit);
  return out;
}

// The language whose rules a corpus file is segmented with: its folder name
// when there are rules for it, else English.
std::string LangOf(const std::filesystem::path& rel) {
  std::string folder = rel.parent_path().filename().string();
  if (folder == "udhr") folder = rel.stem().string().substr(0, 2);
  static const std::set<std::string> have = {"en", "fr", "es", "de", "it", "pt", "nl"};
  return have.count(folder) ? folder : "en";
}

}  // namespace

TEST_CASE("treaties have exactly their articles", "[segment][corpus]") {
  CHARTER_REQUIRE_SHARED();
  const std::map<std::string, size_t> expected = {
      {"instruments/en/udhr.txt", 30},   {"instruments/en/iccpr.txt", 53},
      {"instruments/en/icescr.txt", 31}, {"instruments/en/crc.txt", 54},
      {"instruments/en/cedaw.txt", 30},
  };
  for (const auto& [doc, count] : expected) {
    INFO(doc);
    auto units = SegmentCorpusFile(doc, "en");
    auto arts = Articles(units);
    CHECK(arts.size() == count);
    for (size_t i = 0; i < arts.size(); ++i) CHECK(arts[i] == std::to_string(i + 1));
  }
}

TEST_CASE("Japan has 103 articles and Kenya 264", "[segment][corpus]") {
  CHARTER_REQUIRE_SHARED();
  CHECK(Articles(SegmentCorpusFile("constitutions/en/jpn.txt", "en")).size() == 103);
  auto ken = Articles(SegmentCorpusFile("constitutions/en/ken.txt", "en"));
  REQUIRE(ken.size() == 264);
  for (size_t i = 0; i < ken.size(); ++i) CHECK(ken[i] == std::to_string(i + 1));
}

TEST_CASE("the US constitution has 7 articles and 27 amendments numbered 1 to 27",
          "[segment][corpus]") {
  CHARTER_REQUIRE_SHARED();
  auto units = SegmentCorpusFile("constitutions/en/usa.txt", "en");
  std::vector<std::string> amendments;
  size_t articles = 0;
  for (const auto& u : units) {
    if (u.type != "article") continue;
    if (u.label == "Amendment") amendments.push_back(u.unit);
    if (u.label == "Article") ++articles;
  }
  CHECK(articles == 7);
  REQUIRE(amendments.size() == 27);
  CHECK(amendments[13] == "14");
}

TEST_CASE("India has every article number in the file, lettered ones included",
          "[segment][corpus]") {
  CHARTER_REQUIRE_SHARED();
  auto bytes = ReadFile(CorporaDir() + "/constitutions/en/ind.txt");
  REQUIRE(bytes);
  auto arts = Articles(SegmentCorpusFile("constitutions/en/ind.txt", "en"));
  std::set<std::string> got(arts.begin(), arts.end());
  CHECK(got.size() == arts.size());  // no number twice
  for (const char* unit : {"1", "2A", "21A", "31A", "31B", "31C", "51A", "243ZG", "395"})
    CHECK(got.count(unit) == 1);
}

TEST_CASE("top-level units match every gold articles file", "[segment][corpus][gold]") {
  CHARTER_REQUIRE_SHARED();
  auto golds = ReadGoldArticles(SharedDir() + "/eval/gold");
  REQUIRE(!golds.empty());
  for (const auto& gold : golds) {
    auto units = SegmentCorpusFile(gold.doc, LangOf(gold.doc));
    PrecisionRecall pr = Score(units, gold);
    INFO(gold.doc << ": precision " << pr.precision << " recall " << pr.recall << " (" << pr.correct
                  << " of " << pr.predicted << " predicted, " << pr.gold << " gold)");
    CHECK(pr.precision == 1.0);
    CHECK(pr.recall == 1.0);
  }
}

TEST_CASE("every corpus file segments with sensible top-level units", "[segment][corpus]") {
  CHARTER_REQUIRE_SHARED();
  std::vector<std::string> files;
  for (const char* dir : {"constitutions", "instruments"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(CorporaDir() + "/" + dir))
      if (e.is_regular_file() && e.path().extension() == ".txt")
        files.push_back(std::filesystem::relative(e.path(), CorporaDir()).string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 100);
  for (const auto& rel : files) {
    INFO(rel);
    auto units = SegmentCorpusFile(rel, LangOf(rel));
    CHECK(!units.empty());
    std::set<std::string> ids;
    for (const auto& u : units) {
      CHECK(ids.insert(u.id).second);  // ids are unique
      CHECK(u.line_start >= 1);
      CHECK(u.line_end >= u.line_start);
    }
    // A constitution or treaty has top-level units (UDHR translations may
    // use words other than "Article" in languages without rules).
    if (rel.find("/udhr/") == std::string::npos) CHECK(Articles(units).size() >= 5);
  }
}
