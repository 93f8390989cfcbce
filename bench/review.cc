// bench_review — report.html as a review page at scale: a country report with
// 1,000 merge candidates (the base principles of corpora/base-principles.jsonl
// paired with reworded country principles, three sources each) is written,
// then opened in headless Chromium by tests/browser/review.py, which times
// opening it, filtering by similarity and recording one decision (each to the
// next frame). Prints "review.<figure>: value unit"; says why and exits 0 when
// the browser or its driver is absent.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/io.h"
#include "merge/principle_io.h"
#include "report/report.h"

namespace charter {
namespace {

int Run() {
  const std::string source = CHARTER_SOURCE_DIR;
  auto bytes = ReadFile(source + "/corpora/base-principles.jsonl");
  if (!bytes) {
    std::fprintf(stderr, "bench_review: %s\n", bytes.error().message.c_str());
    return 1;
  }
  auto base = ParseBaseConstitution(*bytes, "base-principles.jsonl");
  if (!base || base->empty()) {
    std::fprintf(stderr, "bench_review: no base principles\n");
    return 1;
  }
  const char* topics[] = {"privacy", "expression", "equality", "work", "health", "education"};
  MergePlan plan;
  plan.country = "bench";
  plan.base_name = "base-principles.jsonl";
  plan.base = *base;
  for (size_t k = 0; k < 1000; ++k) {
    MergeCandidate c;
    c.base = (*base)[k % base->size()];
    const Principle& other = (*base)[(k * 7 + 3) % base->size()];
    c.country.text = other.text.substr(0, other.text.size() - 1) + ", and that most respects " +
                     "the rights of group " + std::to_string(k) + ".";
    c.country.id = HashHex(c.country.text);
    c.country.origin = "country";
    c.country.topics = {topics[k % 6], topics[(k / 6) % 6]};
    for (uint32_t s = 0; s < 3; ++s) {
      Source src;
      src.doc = "bench.txt";
      src.cite = "Art. " + std::to_string(k) + "(" + std::to_string(s + 1) + ")";
      src.line_start = src.line_end = static_cast<uint32_t>(k * 3 + s + 1);
      src.text = "Everyone has the right " + std::to_string(s) + " of group " + std::to_string(k) +
                 ", as the law provides.";
      c.country.sources.push_back(src);
    }
    c.id = HashHex(c.base.id + "\n" + c.country.id);
    c.similarity = 0.25f + 0.7f * static_cast<float>(k % 100) / 100.0f;
    c.shared_ideas = {topics[k % 6]};
    c.suggested = c.base;
    c.suggested.text = c.base.text.substr(0, c.base.text.size() - 1) +
                       ", and that most respects the rights of group " + std::to_string(k) + ".";
    plan.candidates.push_back(std::move(c));
  }
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "charter-bench-review";
  fs::create_directories(dir);
  std::string html = ReportHtml(plan);
  std::string path = (dir / "report.html").string();
  if (Status st = WriteFileAtomic(path, html); !st) {
    std::fprintf(stderr, "bench_review: %s\n", st.error().message.c_str());
    return 1;
  }
  std::printf("review.page_bytes: %zu bytes\n", html.size());
  std::fflush(stdout);
  std::string cmd = "/usr/bin/python3 " + source + "/tests/browser/review.py bench " + path;
  int rc = std::system(cmd.c_str());
  fs::remove_all(dir);
  if (WIFEXITED(rc) && WEXITSTATUS(rc) == 77) return 0;  // the browser is absent: said why
  return rc == 0 ? 0 : 1;
}

}  // namespace
}  // namespace charter

int main() { return charter::Run(); }
