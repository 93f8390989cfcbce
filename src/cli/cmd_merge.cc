// cmd_merge.cc — two merges of principle sets that already exist:
//   charter merge --global OUTDIR... [--min-support N|P%] [--decisions D] --out DIR
//       the global constitution over the countries of `convert`/`bulk`
//       output folders (each with a principles.jsonl), with support counts
//       and conflicts across countries (D: a reviewer's decisions on them);
//   charter merge PRINCIPLES.jsonl --base BASE [--decisions D] --out DIR
//       one principle set (e.g. from public input) merged with a base, with
//       the same outputs as `convert`.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "cli/outputs.h"
#include "core/io.h"
#include "merge/principle_io.h"
#include "pipeline/global.h"

namespace charter::cli {

namespace {

namespace fs = std::filesystem;

struct MergeCmdOptions {
  std::vector<std::string> inputs;
  bool global = false;
  std::string min_support = "1";  // a count ("10") or a share of the documents ("25%")
  std::string out;
  std::string name;
  ConvertSettings settings;
};

// OUTDIR/principles.jsonl; a folder without one but with country folders
// below it (a `bulk` output) stands for all of them.
Result<std::vector<std::string>> PrincipleFiles(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    fs::path p(in);
    if (fs::is_regular_file(p)) {
      out.push_back(p.string());
    } else if (fs::is_regular_file(p / "principles.jsonl")) {
      out.push_back((p / "principles.jsonl").string());
    } else if (fs::is_directory(p)) {
      std::vector<std::string> below;
      // Hidden folders are a killed bulk run's half-written ones.
      for (const auto& e : fs::directory_iterator(p))
        if (e.path().filename().string().rfind('.', 0) != 0 &&
            fs::is_regular_file(e.path() / "principles.jsonl"))
          below.push_back((e.path() / "principles.jsonl").string());
      if (below.empty()) return NotFound(in + ": no principles.jsonl in it or in its folders");
      std::sort(below.begin(), below.end());
      out.insert(out.end(), below.begin(), below.end());
    } else {
      return NotFound(in + ": no such file or folder");
    }
  }
  return out;
}

// --min-support as a count of documents ("10"), or as a share of them
// ("25%": at least a quarter of the `documents`, rounded up). Error: one
// line naming the option.
Result<size_t> MinSupport(const std::string& text, size_t documents) {
  const bool share = !text.empty() && text.back() == '%';
  const std::string number = share ? text.substr(0, text.size() - 1) : text;
  char* end = nullptr;
  const double v = std::strtod(number.c_str(), &end);
  if (number.empty() || end != number.c_str() + number.size() || !(v >= 0))
    return InvalidArgument("--min-support: expected a count or a share such as 25%, found '" +
                           text + "'");
  if (share) {
    if (v > 100) return InvalidArgument("--min-support: a share is at most 100%, found " + text);
    return std::max<size_t>(
        1, static_cast<size_t>(std::ceil(v / 100.0 * static_cast<double>(documents) - 1e-9)));
  }
  if (v < 1 || v != std::floor(v))
    return InvalidArgument("--min-support: a count is a whole number of at least 1, found '" +
                           text + "'");
  return static_cast<size_t>(v);
}

// --decisions of a global merge: decisions on its conflicts.
Result<std::vector<Decision>> ConflictDecisions(const std::string& path) {
  if (path.empty()) return std::vector<Decision>{};
  auto bytes = ReadFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  return ParseDecisions(*bytes, path, DecisionOn::kConflicts);
}

// Each file's principle set, named by its folder (or file), with the State's positions of a
// positions.jsonl beside it (a country folder's): no criteria for a response, but sides of
// the conflicts, counted like principles.
Result<std::vector<CountrySet>> ReadSets(const std::vector<std::string>& files) {
  std::vector<CountrySet> sets;
  for (const std::string& f : files) {
    auto bytes = ReadFile(f);
    if (!bytes) return std::unexpected(bytes.error());
    auto ps = ParsePrinciplesJsonl(*bytes, f);
    if (!ps) return std::unexpected(ps.error());
    const fs::path positions = fs::path(f).parent_path() / "positions.jsonl";
    if (fs::path(f).filename() == "principles.jsonl" && fs::is_regular_file(positions)) {
      auto pos_bytes = ReadFile(positions.string());
      if (!pos_bytes) return std::unexpected(pos_bytes.error());
      // An empty file: the document states no position.
      if (pos_bytes->find_first_not_of(" \t\r\n") != std::string::npos) {
        auto pos = ParsePrinciplesJsonl(*pos_bytes, positions.string());
        if (!pos) return std::unexpected(pos.error());
        ps->insert(ps->end(), pos->begin(), pos->end());
      }
    }
    std::string country = fs::path(f).filename() == "principles.jsonl"
                              ? fs::path(f).parent_path().filename().string()
                              : DocumentName(f);
    sets.push_back({country, std::move(*ps)});
  }
  return sets;
}

int RunGlobal(const MergeCmdOptions& o) {
  auto files = PrincipleFiles(o.inputs);
  if (!files) return Fail(files.error().message);
  auto decisions = ConflictDecisions(o.settings.decisions_path);
  if (!decisions) return Fail(decisions.error().message);
  // The context reads decisions on merge candidates; these are on conflicts.
  ConvertSettings settings = o.settings;
  settings.decisions_path.clear();
  auto ctx = OpenConvertContext(settings);
  if (!ctx) return Fail(ctx.error().message);
  auto sets = ReadSets(*files);
  if (!sets) return Fail(sets.error().message);
  auto min_support = MinSupport(o.min_support, sets->size());
  if (!min_support) return Fail(min_support.error().message);
  auto run = MergeCountries(**ctx, *sets, *min_support, std::move(*decisions));
  if (!run) return Fail(run.error().message);
  Status st = WriteOutputs(o.out, run->files);
  if (!st) return Fail(st.error().message);
  const GlobalPlan& plan = run->plan;
  for (const Decision& d : plan.stale)
    std::cerr << "charter: " << d.file << ":" << d.line << ": stale decision: conflict "
              << d.candidate_id << " (" << d.action << ") no longer exists\n";
  std::cerr << "global: " << plan.countries.size() << " countries, " << plan.input_principles
            << " principles -> " << plan.clusters
            << " global principles (one per idea or cluster), " << plan.entries.size()
            << " with support >= " << *min_support << ", " << plan.conflicts.size() << " conflicts";
  if (!plan.applied.empty() || !plan.stale.empty())
    std::cerr << " (" << plan.Pending() << " awaiting review; " << plan.dropped.size()
              << " principles dropped by " << plan.applied.size() << " decisions)";
  std::cerr << " -> " << o.out << "/\n";
  return kExitOk;
}

int RunSet(const MergeCmdOptions& o) {
  if (o.inputs.size() != 1) return Fail("merge: give one principles file (or --global OUTDIR...)");
  auto ctx = OpenConvertContext(o.settings);
  if (!ctx) return Fail(ctx.error().message);
  auto bytes = ReadFile(o.inputs[0]);
  if (!bytes) return Fail(bytes.error().message);
  // Any base-constitution format is accepted for the set as well.
  auto ps = ParseBaseConstitution(*bytes, o.inputs[0]);
  if (!ps) return Fail(ps.error().message);
  for (Principle& p : *ps)
    if (p.origin == "base") p.origin = "country";
  std::string name = o.name.empty() ? DocumentName(o.inputs[0]) : o.name;
  auto merged = (*ctx)->MergeSet(*ps, name, o.settings.lang);
  if (!merged) return Fail(merged.error().message);
  const ConvertRun& run = *merged;
  Status st = WriteOutputs(o.out, run.files);
  if (!st) return Fail(st.error().message);
  for (const Decision& d : run.plan.stale)
    std::cerr << "charter: " << d.file << ":" << d.line << ": stale decision: candidate "
              << d.candidate_id << " (" << d.action << ") no longer exists\n";
  std::cerr << name << ": " << run.plan.duplicates.size() << " duplicates, "
            << run.plan.candidates.size() << " merge candidates, " << run.plan.added.size()
            << " added; constitution: " << run.plan.constitution.size() << " principles -> "
            << o.out << "/\n";
  return kExitOk;
}

}  // namespace

Command MergeCommand() {
  return {"merge", "Global constitution over countries, or a principle set with a base",
          [](CLI::App* sub) -> std::function<int()> {
            auto o = std::make_shared<MergeCmdOptions>();
            sub->add_option("INPUT", o->inputs,
                            "With --global: convert/bulk output folders (or a bulk output root); "
                            "else one principles file")
                ->required();
            sub->add_flag("--global", o->global, "Merge countries into one global constitution");
            sub->add_option("--min-support", o->min_support,
                            "Keep principles supported by at least N documents, or by a share "
                            "of them (25%)")
                ->capture_default_str();
            sub->add_option("--threshold", o->settings.global_threshold,
                            "Average-linkage cosine for clustering across countries" +
                                ThresholdDefault("global.threshold"))
                ->check(CLI::Range(0.0f, 1.0f));
            sub->add_option("--base", o->settings.base_path,
                            "Base constitution (not with --global)");
            sub->add_option("--decisions", o->settings.decisions_path,
                            "Reviewer decisions (with --global: on its conflicts, as "
                            "report.html exports them)");
            sub->add_option("--name", o->name, "Name of the set in the outputs");
            sub->add_option("--out", o->out, "Output folder")->required();
            sub->add_option("--lang", o->settings.lang, "Language of the rules (default: en)");
            sub->add_option("--rules", o->settings.rules_root, "Rules folder");
            sub->add_option("--models", o->settings.models_root, "Models folder");
            sub->footer(
                "--global writes constitution.jsonl (each principle with support and countries,\n"
                "by support), constitution.md, report.md/.html/.json (conflicts across\n"
                "countries, a review page in report.html), cai.json and langchain.json;\n"
                "--decisions FILE applies what report.html exported (<conflict id> keep-a|\n"
                "keep-b|keep-both|drop-both): a dropped side's principle leaves the\n"
                "constitution and is listed in the report.\n"
                "Example: charter merge --global out/ken out/zaf out/ind --min-support 2 --out "
                "out/global");
            return [o] { return o->global ? RunGlobal(*o) : RunSet(*o); };
          }};
}

}  // namespace charter::cli
