// `charter similar` and `charter search` through the real binary: the output
// format, neighbours only from other documents, the topic channel's effect on
// a gold-labelled pair of documents, and search-index round trips and errors.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.h"

namespace fs = std::filesystem;

namespace {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() / ("charter-similar-test-" + name)).string();
}

RunResult Run(const std::string& args) {
  const std::string out = TempPath("stdout"), err = TempPath("stderr");
  const std::string cmd = "'" + std::string(CHARTER_BINARY) + "' " + args + " >'" + out + "' 2>'" +
                          err + "' </dev/null";
  const int status = std::system(cmd.c_str());
  RunResult r;
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

std::vector<nlohmann::json> JsonLines(const std::string& s) {
  std::vector<nlohmann::json> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(nlohmann::json::parse(s.substr(pos, end - pos)));
    pos = end + 1;
  }
  return out;
}

std::string Freedonia() { return charter::testing::SourceDir() + "/corpora/freedonia.txt"; }
std::string Udhr() { return charter::testing::CorporaDir() + "/instruments/en/udhr.txt"; }

}  // namespace

TEST_CASE("charter similar writes one record per clause with neighbours from other documents",
          "[cli][similar]") {
  CHARTER_REQUIRE_SHARED();
  RunResult r = Run("similar --k 3 '" + Freedonia() + "' '" + Udhr() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto recs = JsonLines(r.out);
  REQUIRE(recs.size() > 20);
  for (const auto& j : recs) {
    REQUIRE(j.contains("doc"));
    REQUIRE(j.contains("line_start"));
    REQUIRE(j.contains("line_end"));
    REQUIRE(j.contains("text"));
    REQUIRE(j["neighbors"].is_array());
    CHECK(j["neighbors"].size() <= 3);
    float last = 2.0f;
    for (const auto& n : j["neighbors"]) {
      CHECK(n["doc"] != j["doc"]);
      CHECK(n["score"].get<float>() <= last);
      last = n["score"].get<float>();
      CHECK(n.contains("line_start"));
      CHECK(n.contains("text"));
    }
  }
}

TEST_CASE("charter similar finds the UDHR torture article for a torture clause", "[cli][similar]") {
  CHARTER_REQUIRE_SHARED();
  RunResult r = Run("similar --k 1 '" + Freedonia() + "' '" + Udhr() + "'");
  REQUIRE(r.exit_code == 0);
  bool found = false;
  for (const auto& j : JsonLines(r.out)) {
    const std::string text = j["text"];
    if (text.find("torture") == std::string::npos || j["neighbors"].empty()) continue;
    found = true;
    const std::string nb = j["neighbors"][0]["text"];
    CHECK(nb.find("torture") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("charter similar output is the same byte for byte on a second run", "[cli][similar]") {
  CHARTER_REQUIRE_SHARED();
  RunResult a = Run("similar --k 2 '" + Freedonia() + "' '" + Udhr() + "'");
  RunResult b = Run("similar --k 2 '" + Freedonia() + "' '" + Udhr() + "'");
  REQUIRE(a.exit_code == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("charter search gives the same results from a saved index as from the documents",
          "[cli][search]") {
  CHARTER_REQUIRE_SHARED();
  const std::string idx = TempPath("index.idx");
  RunResult direct = Run("search --jsonl --k 4 'freedom of the press' '" + Freedonia() + "' '" +
                         Udhr() + "' --save-index '" + idx + "'");
  REQUIRE(direct.exit_code == 0);
  RunResult loaded = Run("search --jsonl --k 4 'freedom of the press' '" + idx + "'");
  REQUIRE(loaded.exit_code == 0);
  CHECK(direct.out == loaded.out);
  auto hits = JsonLines(direct.out);
  REQUIRE(hits.size() == 4);
  const std::string best = hits[0]["text"];
  CHECK((best.find("press") != std::string::npos || best.find("expression") != std::string::npos));
  // An index saved with the topic channel does not match --text-only vectors.
  RunResult mismatch = Run("search --text-only 'press' '" + idx + "'");
  CHECK(mismatch.exit_code != 0);
  CHECK(mismatch.err.find("rebuild it with --save-index") != std::string::npos);
  fs::remove(idx);
}

TEST_CASE("charter search refuses a truncated index file with one line naming it",
          "[cli][search]") {
  CHARTER_REQUIRE_SHARED();
  const std::string idx = TempPath("trunc.idx");
  REQUIRE(Run("search 'vote' '" + Freedonia() + "' --save-index '" + idx + "'").exit_code == 0);
  std::string bytes = ReadAll(idx);
  {
    std::ofstream out(idx, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  RunResult r = Run("search 'vote' '" + idx + "'");
  CHECK(r.exit_code != 0);
  CHECK(r.out.empty());
  CHECK(r.err.find(idx) != std::string::npos);
  CHECK(r.err.find("truncated") != std::string::npos);
  fs::remove(idx);
}
