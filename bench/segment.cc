// bench/segment.cc — load+segment throughput and top-level unit quality over
// the whole shared corpus (../shared/corpora/constitutions/** and
// instruments/**), on one core.
//
// Reads every .txt file into memory first (not timed), then loads (language
// detected among the rules/ languages, as the CLI does) and segments them
// all, repeatedly for at least a second of this thread's CPU time. Prints one
// summary line per file, then stable greppable figures, and precision/recall
// of top-level units (unit + line) against every ../shared/eval/gold/*.articles.tsv.
//
//   ./build/release/bench_segment | grep '^segment\.'
//   segment.files: 124
//   segment.throughput_mb_s: 61.0
#include "segment/segment.h"

#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../tests/segment/gold_util.h"
#include "core/io.h"
#include "core/rule_file.h"
#include "load/load.h"
#include "files/files.h"

using namespace charter;

namespace {

struct Input {
  std::string rel;  // relative to corpora/
  std::string bytes;
};

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main() {
  const std::string corpora = std::string(CHARTER_SHARED_DIR) + "/corpora";
  if (!std::filesystem::is_directory(corpora)) {
    std::printf("segment.skipped: %s not found\n", corpora.c_str());
    return 0;
  }
  const std::string rules_root = DefaultRulesRoot();

  // Inputs, sorted for a stable report.
  std::vector<Input> inputs;
  for (const char* dir : {"constitutions", "instruments"}) {
    auto files = ListFiles(corpora + "/" + dir, {".txt"});
    if (!files) continue;
    for (const std::string& f : *files) {
      auto bytes = ReadFile(f);
      if (!bytes) continue;
      inputs.push_back({std::filesystem::relative(f, corpora).string(), std::move(*bytes)});
    }
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.rel < b.rel; });

  // One Segmenter per language, built once (not timed), as the CLI caches them.
  LoadOptions load_options;
  std::map<std::string, Segmenter> segmenters;
  for (const std::string& lang : AvailableLanguages(rules_root)) {
    auto texts = ReadRuleFolder(rules_root, lang);
    if (!texts || !texts->count(lang + "/stopwords.txt") || !texts->count(lang + "/headings.tsv"))
      continue;
    auto words = ParseListFile(texts->at(lang + "/stopwords.txt"), lang + "/stopwords.txt");
    auto seg = Segmenter::Create(*texts, lang);
    if (!words || !seg) {
      std::fprintf(stderr, "segment: rules for %s: %s\n", lang.c_str(),
                   (!words ? words.error() : seg.error()).message.c_str());
      return 1;
    }
    load_options.languages[lang] = std::move(*words);
    segmenters.emplace(lang, std::move(*seg));
  }

  size_t bytes = 0;
  for (const Input& in : inputs) bytes += in.bytes.size();

  // Timed rounds; the first round's results are kept for the report.
  std::map<std::string, std::vector<Provision>> results;
  std::map<std::string, std::string> errors;
  size_t rounds = 0;
  double start = ThreadCpuSeconds(), secs = 0;
  do {
    for (const Input& in : inputs) {
      Result<Document> doc = LoadDocument(in.bytes, in.rel, load_options);
      Result<std::vector<Provision>> units =
          doc ? (segmenters.count(doc->lang) ? segmenters.at(doc->lang).Segment(*doc)
                                             : Result<std::vector<Provision>>(NotFound(
                                                   in.rel + ": no segmenter for " + doc->lang)))
              : Result<std::vector<Provision>>(std::unexpected(doc.error()));
      if (rounds == 0) {
        if (units)
          results[in.rel] = std::move(*units);
        else
          errors[in.rel] = units.error().message;
      }
    }
    ++rounds;
    secs = ThreadCpuSeconds() - start;
  } while (secs < 1.0);
  double mb_s = static_cast<double>(bytes) * static_cast<double>(rounds) / secs / 1e6;

  // The segment stage alone, on documents loaded beforehand.
  std::vector<Document> docs;
  for (const Input& in : inputs) {
    auto doc = LoadDocument(in.bytes, in.rel, load_options);
    if (doc && segmenters.count(doc->lang)) docs.push_back(std::move(*doc));
  }
  size_t seg_rounds = 0;
  double seg_start = ThreadCpuSeconds(), seg_secs = 0;
  do {
    for (const Document& d : docs) (void)segmenters.at(d.lang).Segment(d);
    ++seg_rounds;
    seg_secs = ThreadCpuSeconds() - seg_start;
  } while (seg_secs < 1.0);
  double seg_mb_s = static_cast<double>(bytes) * static_cast<double>(seg_rounds) / seg_secs / 1e6;

  for (const Input& in : inputs) {
    auto e = errors.find(in.rel);
    if (e != errors.end()) {
      std::printf("segment.file: %s error: %s\n", in.rel.c_str(), e->second.c_str());
      continue;
    }
    const auto& units = results[in.rel];
    size_t articles = 0, texts = 0, headings = 0;
    std::string first, last, label;
    for (const Provision& u : units) {
      if (u.type == "article") {
        if (articles++ == 0) first = u.unit, label = u.label;
        last = u.unit;
      } else if (u.type == "text") {
        ++texts;
      } else {
        ++headings;
      }
    }
    std::printf("segment.file: %s units=%zu headings=%zu articles=%zu texts=%zu range=%s%s%s%s\n",
                in.rel.c_str(), units.size(), headings, articles, texts, label.c_str(),
                label.empty() ? "" : " ", first.c_str(), articles ? (".." + last).c_str() : "");
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("segment.files: %zu\n", inputs.size());
  std::printf("segment.errors: %zu\n", errors.size());
  std::printf("segment.bytes: %zu\n", bytes);
  std::printf("segment.rounds: %zu\n", rounds);
  std::printf("segment.throughput_mb_s: %.1f\n", mb_s);
  std::printf("segment.segment_only_mb_s: %.1f\n", seg_mb_s);
  std::printf("segment.peak_rss_mb: %.1f\n", static_cast<double>(ru.ru_maxrss) / 1024.0);

  for (const auto& gold :
       testing::ReadGoldArticles(std::string(CHARTER_SHARED_DIR) + "/eval/gold")) {
    std::string name = gold.doc;
    for (char& c : name)
      if (c == '/') c = '_';
    if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") name.resize(name.size() - 4);
    auto it = results.find(gold.doc);
    testing::PrecisionRecall pr;
    if (it != results.end()) pr = testing::Score(it->second, gold);
    std::printf("segment.gold.%s.precision: %.4f\n", name.c_str(), pr.precision);
    std::printf("segment.gold.%s.recall: %.4f\n", name.c_str(), pr.recall);
  }
  return errors.empty() ? 0 : 1;
}
