// bench/convert.cc — where the time of one `charter convert` goes: India's
// constitution (the largest English document of ../shared/corpora, 600 KB)
// with Anthropic's 2023 constitution as the base.
//
// Each stage is timed on its own, best of R runs (a fresh object each run,
// so a compile is a compile): reading the rules and the models, compiling
// each language object, loading the embedder, the context (all of those as
// ConvertContext::Create runs them, threads included), then the document's
// load, segment, extract, rewrite, merge and render with the context's
// objects. The first run of a document stage is its cold one: the sets'
// DFA states are built and the patterns compiled on first use then. Last,
// the real binary (next to this one, or $CHARTER_BIN) end to end as a child
// process: min and median wall and user CPU of R runs.
//
//   bench_convert [--runs R] [--doc PATH]     (default: 5 runs, ind.txt)
// prints, per stage, "convert.<stage>_ms: N" (best wall), "..._cpu_ms: N"
// (best CPU of all threads), "..._first_ms: N" (the first run's wall), and
//   convert.cli_wall_ms.min: 412        convert.cli_wall_ms.median: 430
//   convert.cli_user_ms.min: 380        convert.cli_user_ms.median: 395
#include "pipeline/convert.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench_util.h"
#include "core/io.h"
#include "embed/embedder.h"
#include "files/files.h"
#include "merge/conflict.h"
#include "merge/principle_io.h"
#include "rewrite/rewrite.h"

namespace fs = std::filesystem;
using namespace charter;

namespace {

struct Ms {
  double wall = 1e18, cpu = 1e18;  // milliseconds; cpu: every thread of the process
  double first_wall = 0;           // of the first run
};

double CpuMs() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Best wall time and best CPU time of `runs` calls of `f`.
Ms BestMs(int runs, const std::function<void()>& f) {
  Ms best;
  for (int r = 0; r < runs; ++r) {
    const double cpu = CpuMs();
    auto start = std::chrono::steady_clock::now();
    f();
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (r == 0) best.first_wall = ms;
    best.wall = std::min(best.wall, ms);
    best.cpu = std::min(best.cpu, CpuMs() - cpu);
  }
  return best;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

void Print(const char* stage, Ms ms) {
  std::printf("convert.%s_ms: %.1f\n", stage, ms.wall);
  std::printf("convert.%s_cpu_ms: %.1f\n", stage, ms.cpu);
  std::printf("convert.%s_first_ms: %.1f\n", stage, ms.first_wall);
}

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "bench_convert: %s: %s\n", what, r.error().message.c_str());
    std::exit(1);
  }
  return std::move(*r);
}

// The real binary, end to end, `runs` times: wall and user CPU, min and median.
void TimeCli(const std::string& bin, const std::string& doc, const std::string& base, int runs) {
  fs::path out =
      fs::temp_directory_path() / ("charter-bench-convert-" + std::to_string(::getpid()));
  std::vector<double> wall, user;
  int failed = 0;
  for (int r = 0; r < runs; ++r) {
    charter::bench::ChildRun run =
        charter::bench::RunQuiet(bin, {"convert", doc, "--base", base, "--out", out.string()});
    if (!run.ok) ++failed;
    wall.push_back(run.wall_s * 1000);
    user.push_back(run.user_s * 1000);
  }
  fs::remove_all(out);
  std::printf("convert.cli_failed_runs: %d\n", failed);
  std::printf("convert.cli_wall_ms.min: %.0f\n", *std::min_element(wall.begin(), wall.end()));
  std::printf("convert.cli_wall_ms.median: %.0f\n", Median(wall));
  std::printf("convert.cli_user_ms.min: %.0f\n", *std::min_element(user.begin(), user.end()));
  std::printf("convert.cli_user_ms.median: %.0f\n", Median(user));
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::string shared = CHARTER_SHARED_DIR;
  std::string doc_path = shared + "/corpora/constitutions/en/ind.txt";
  for (int i = 1; i + 1 < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs")
      runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--doc")
      doc_path = argv[++i];
  }
  const std::string base_path = shared + "/corpora/principles/claude-constitution-2023.jsonl";
  if (!fs::exists(doc_path) || !fs::exists(base_path)) {
    std::fprintf(stderr, "bench_convert: skipped: %s not found\n", doc_path.c_str());
    return 0;
  }
  const std::string rules_root = DefaultRulesRoot(), models_root = DefaultModelsRoot();

  RuleTexts rules;
  Print("read_rules",
        BestMs(runs, [&] { rules = Must(ReadRuleFolder(rules_root, "en"), "rules"); }));
  ModelFiles model;
  Print("read_models", BestMs(runs, [&] { model = Must(ReadModelFiles(models_root), "models"); }));
  std::vector<Principle> base;
  Print("read_base", BestMs(runs, [&] {
          base = Must(ParseBaseConstitution(Must(ReadFile(base_path), "base"), base_path), "base");
        }));
  Print("embedder_load", BestMs(runs, [&] { (void)Must(Embedder::Load(model), "embedder"); }));
  Print("segmenter_create",
        BestMs(runs, [&] { (void)Must(Segmenter::Create(rules, "en"), "segmenter"); }));
  Print("extractor_create",
        BestMs(runs, [&] { (void)Must(Extractor::Create(rules, "en"), "extractor"); }));
  Print("rewriter_create",
        BestMs(runs, [&] { (void)Must(Rewriter::Create(rules, "en"), "rewriter"); }));
  Print("conflicts_create",
        BestMs(runs, [&] { (void)Must(ConflictRules::Create(rules, "en"), "conflicts"); }));

  ConvertInputs inputs;
  inputs.rules = RuleFolder(rules_root);
  inputs.model = model;
  inputs.base = base;
  inputs.base_name = fs::path(base_path).filename().string();
  inputs.thresholds = Must(ReadThresholds(rules_root), "thresholds");
  std::shared_ptr<ConvertContext> ctx;
  Print("context_create",
        BestMs(runs, [&] { ctx = Must(ConvertContext::Create(inputs), "context"); }));

  // The document, stage by stage, with the context's compiled objects.
  const std::string bytes = Must(ReadFile(doc_path), "document");
  Pipeline& p = ctx->pipeline();
  Document doc;
  Print("load", BestMs(runs, [&] { doc = Must(p.Load(bytes, doc_path), "load"); }));
  std::vector<Provision> units;
  Print("segment", BestMs(runs, [&] { units = Must(p.Segment(doc), "segment"); }));
  std::vector<Clause> clauses;
  Print("extract", BestMs(runs, [&] { clauses = Must(p.Extract(units, doc.lang), "extract"); }));
  auto rewriter = Must(Rewriter::Create(rules, "en"), "rewriter");
  Conversion conversion;
  Print("rewrite", BestMs(runs, [&] { conversion = rewriter.Convert(clauses); }));
  MergePlan plan;
  Print("merge", BestMs(runs, [&] {
          plan = Must(ctx->Merge(conversion.principles, "ind", doc.lang), "merge");
        }));
  plan.unconverted = conversion.unconverted;
  std::map<std::string, std::string> files;
  Print("render", BestMs(runs, [&] {
          files = RenderCountryOutputs(
              plan, "",
              {ThresholdList(inputs.thresholds, "country"), {}, rewriter.WordClass("not_verb")});
        }));
  std::printf("convert.principles: %zu\n", conversion.principles.size());

  std::string bin = std::getenv("CHARTER_BIN")
                        ? std::getenv("CHARTER_BIN")
                        : (fs::path(argv[0]).parent_path() / "charter").string();
  if (!fs::exists(bin)) {
    std::fprintf(stderr, "bench_convert: %s not found (build the charter target)\n", bin.c_str());
    return 1;
  }
  std::fflush(stdout);  // the child would write what is buffered again
  TimeCli(bin, doc_path, base_path, runs);
  return 0;
}
