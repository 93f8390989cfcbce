// bench_rewrite — rewrite throughput and template coverage over the English
// corpus (../shared/corpora/constitutions/en + instruments/en): every document
// is loaded, segmented and extracted first (not timed), then all principle-
// worthy clauses are rewritten (timed, one thread).
//
//   bench_rewrite            # prints "rewrite.<figure>: <value> <unit>" lines
#include "rewrite/rewrite.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>

#include "bench_util.h"
#include "core/io.h"
#include "core/rule_file.h"
#include "extract/extract.h"
#include "load/load.h"
#include "segment/segment.h"
#include "files/files.h"

namespace fs = std::filesystem;
using namespace charter;

int main() {
  std::string corpora = std::string(CHARTER_SHARED_DIR) + "/corpora";
  std::vector<std::string> files = bench::EnglishDocuments(corpora);
  if (files.empty()) {
    std::cerr << "bench_rewrite: no documents under " << corpora << "\n";
    return 1;
  }
  Result<RuleTexts> texts = ReadRuleFolder(DefaultRulesRoot(), "en");
  if (!texts) {
    std::cerr << texts.error().message << "\n";
    return 1;
  }
  auto t_create = std::chrono::steady_clock::now();
  Result<Rewriter> rw = Rewriter::Create(*texts, "en");
  double create_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_create)
          .count();
  Result<Segmenter> seg = Segmenter::Create(*texts, "en");
  Result<Extractor> ex = Extractor::Create(*texts, "en");
  if (!rw || !seg || !ex) {
    std::cerr << "bench_rewrite: cannot compile the en rules\n";
    return 1;
  }
  std::vector<Clause> clauses;
  for (const std::string& f : files) {
    for (Clause& c : bench::EnglishClauses(f, *seg, *ex))
      if (c.principle) clauses.push_back(std::move(c));
  }
  std::clock_t c0 = std::clock();
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Principle> ps = rw->Rewrite(clauses);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  std::map<std::string, int> by_template;
  size_t fallback = 0, least = 0, later = 0;
  for (const Principle& p : ps) {
    ++by_template[p.template_id];
    // A later sentence that added its part records a second template rule.
    size_t templates = 0;
    for (const std::string& r : p.rules) templates += r.rfind("en/rewrite.tsv:", 0) == 0;
    if (templates > 1) ++later;
    if (p.template_id.rfind("fallback", 0) == 0 || p.template_id == "builtin") ++fallback;
    if (p.polarity == "least") ++least;
  }
  std::cout << "rewrite.documents: " << files.size() << " docs\n";
  std::cout << "rewrite.clauses: " << clauses.size() << " clauses\n";
  std::cout << "rewrite.create_ms: " << create_ms << " ms\n";
  std::cout << "rewrite.wall_s: " << wall << " s\n";
  std::cout << "rewrite.cpu_s: " << cpu << " s\n";
  std::cout << "rewrite.clauses_per_cpu_s: " << (cpu > 0 ? clauses.size() / cpu : 0)
            << " clauses/s\n";
  std::cout << "rewrite.specific_template_share: "
            << (ps.empty() ? 0 : 100.0 * (ps.size() - fallback) / ps.size()) << " %\n";
  std::cout << "rewrite.least_share: " << (ps.empty() ? 0 : 100.0 * least / ps.size()) << " %\n";
  std::cout << "rewrite.later_sentence_parts: " << later << " principles\n";
  for (const auto& [id, n] : by_template)
    std::cout << "rewrite.template." << id << ": " << n << " principles\n";
  return 0;
}
