// cmd_polis.cc — `charter polis EXPORT_DIR --out DIR [--base BASE] [--decisions D]`:
// a Polis conversation export -> public-input principles, merged with a base
// exactly as `convert` does, with the same reports plus a Polis section.
//
// Reads the export (raw comments.csv + participants-votes.csv/votes.csv
// + ids-to-toss.csv, or CCAI's clean_comments.csv + clean_votes.csv), the
// base, the decisions, the rules, the models and the dictionary; the
// pipeline (pipeline/polis.h) does the rest.
//
// Writes, all built in memory first and only then written (WriteFileAtomic),
// so a failure leaves DIR as it was:
//   principles.jsonl   the public principles after combining; every source is
//                      a statement ("comment:<id>", line in the comments file)
//                      with its vote figures in "note"
//   constitution.jsonl, constitution.md, cai.json, langchain.json,
//   decisions.template.tsv   as `convert` writes them (RenderCountryOutputs)
//   report.md, report.html, report.json   convert's report + the Polis section
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "cli/outputs.h"
#include "files/files.h"
#include "pipeline/polis.h"

namespace charter::cli {

namespace {

namespace fs = std::filesystem;

struct PolisCliOptions {
  std::string dir;
  std::string out;
  std::string base;
  std::string decisions;
  std::string layout = "auto";
  bool keep_unmoderated = false;
  bool no_toss = false;
  bool vote_log = false;
  bool compute_groups = false;
  bool no_compare = false;
  // Overrides of rules/thresholds.tsv's polis.* values; unset: the file's.
  std::optional<double> min_group_agree;
  std::optional<int> min_group_seen;
  std::optional<double> divisive_gap;
  std::optional<double> divisive_high;
  std::string select = "auto";
  std::optional<int> top;
  std::optional<int> min_selected;
  std::optional<float> combine;
  std::string rules;
  std::string models;
};

// The export's folder name: "ccai-2023" from "public-input/ccai-2023/".
std::string ConversationName(const std::string& dir) {
  std::string n = fs::path(dir).lexically_normal().filename().string();
  if (n.empty()) n = fs::path(dir).lexically_normal().parent_path().filename().string();
  return n.empty() ? dir : n;
}

PolisOptions PolisLoad(const PolisCliOptions& o) {
  PolisOptions po;
  po.load.layout = o.layout == "raw"     ? PolisLoadOptions::Layout::kRaw
                   : o.layout == "clean" ? PolisLoadOptions::Layout::kClean
                                         : PolisLoadOptions::Layout::kAuto;
  po.load.keep_unmoderated = o.keep_unmoderated;
  po.load.use_ids_to_toss = !o.no_toss;
  po.load.prefer_vote_log = o.vote_log;
  po.compute_groups = o.compute_groups;
  return po;
}

// rules/thresholds.tsv with the command line's overrides.
Result<Thresholds> PolisThresholds(const PolisCliOptions& o, const std::string& rules_root) {
  Result<Thresholds> t = ReadThresholds(rules_root);
  if (!t) return t;
  SelectionOptions& s = t->polis_select;
  if (o.min_group_agree) s.min_group_agree = *o.min_group_agree;
  if (o.min_group_seen) s.min_group_seen = *o.min_group_seen;
  if (o.divisive_gap) s.divisive_gap = *o.divisive_gap;
  if (o.divisive_high) s.divisive_high = *o.divisive_high;
  s.mode = o.select == "threshold" ? SelectionOptions::Mode::kThreshold
           : o.select == "top"     ? SelectionOptions::Mode::kTop
                                   : SelectionOptions::Mode::kAuto;
  if (o.top) s.top = *o.top;
  if (o.min_selected) s.min_selected = *o.min_selected;
  if (o.combine) t->polis_combine = *o.combine;
  return t;
}

// Everything the pipeline needs, read. Errors name the file (and line).
Result<PolisInputs> ReadPolisInputs(const PolisCliOptions& o) {
  PolisInputs in;
  Result<PolisExport> files = ReadPolisExport(o.dir);
  if (!files) return std::unexpected(files.error());
  in.files = std::move(*files);
  in.name = ConversationName(o.dir);
  in.options = PolisLoad(o);
  in.compare_raw = !o.no_compare;
  const std::string rules_root = RulesRoot(o.rules);
  in.rules = RuleFolder(rules_root);
  in.model = ReadModelFiles(ModelsRoot(o.models));
  if (!o.base.empty()) {
    auto base = ReadBase(o.base);
    if (!base) return std::unexpected(base.error());
    in.base = std::move(*base);
    in.base_name = fs::path(o.base).filename().string();
  }
  if (!o.decisions.empty()) {
    auto d = ReadDecisions(o.decisions);
    if (!d) return std::unexpected(d.error());
    in.decisions = std::move(*d);
  }
  // Spelling mistakes are corrected where the dictionary is sure
  // (spelling.h); without the dictionary the report says "not checked".
  if (Result<SpellChecker> sc = SpellChecker::Open(SpellChecker::kDefaultDictionary))
    in.speller = std::move(*sc);
  else
    in.speller_error = sc.error().message;
  auto thresholds = PolisThresholds(o, rules_root);
  if (!thresholds) return std::unexpected(thresholds.error());
  in.thresholds = std::move(*thresholds);
  return in;
}

int Run(const PolisCliOptions& o) {
  auto start = std::chrono::steady_clock::now();
  Result<PolisInputs> in = ReadPolisInputs(o);
  if (!in) return Fail(in.error().message);
  Result<PolisRun> run = RunPolis(std::move(*in));
  if (!run) return Fail(run.error().message);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (Status st = WriteOutputs(o.out, run->files); !st) return Fail(st.error().message);
  const PolisAnalysis& a = run->analysis;
  const MergePlan& plan = run->plan;
  std::cerr << "charter polis: " << a.conv.statements.size() << " statements (" << a.conv.layout
            << "), " << a.conv.participants.size() << " participants, " << a.groups.k << " groups; "
            << a.Count(Verdict::kSelected) << " selected, " << a.Count(Verdict::kDivisive)
            << " divisive; " << plan.country_principles.size() << " principles; "
            << plan.constitution.size() << " in the constitution; " << seconds << " s -> " << o.out
            << "\n";
  return kExitOk;
}

}  // namespace

Command PolisCommand() {
  return {
      "polis", "Turn a Polis conversation export into public-input principles",
      [](CLI::App* sub) -> std::function<int()> {
        auto o = std::make_shared<PolisCliOptions>();
        sub->add_option("EXPORT_DIR", o->dir,
                        "Polis export folder (comments.csv + participants-votes.csv or votes.csv, "
                        "optional ids-to-toss.csv; or clean_comments.csv + clean_votes.csv)")
            ->required();
        sub->add_option("--out", o->out, "Output folder (created if missing)")->required();
        sub->add_option("--base", o->base, "Base constitution to merge into (JSONL, JSON or text)");
        sub->add_option("--decisions", o->decisions, "Reviewer decisions on merge candidates");
        sub->add_option("--layout", o->layout,
                        "auto (default: clean files when present), raw or clean")
            ->check(CLI::IsMember({"auto", "raw", "clean"}));
        sub->add_flag("--keep-unmoderated", o->keep_unmoderated,
                      "Keep statements with moderated = 0 (default: accepted ones only)");
        sub->add_flag("--no-toss", o->no_toss, "Ignore ids-to-toss.csv");
        sub->add_flag("--vote-log", o->vote_log,
                      "Read votes.csv even when participants-votes.csv exists");
        sub->add_flag("--compute-groups", o->compute_groups,
                      "Compute opinion groups (PCA + k-means) even when the export has group-id");
        sub->add_flag("--no-compare", o->no_compare,
                      "Do not also read the raw export of a cleaned folder for comparison");
        sub->add_option(
            "--min-group-agree", o->min_group_agree,
            "Agree rate every group must reach" + ThresholdDefault("polis.min_group_agree"));
        sub->add_option("--min-group-seen", o->min_group_seen,
                        "Views a group needs to vouch for a statement" +
                            ThresholdDefault("polis.min_group_seen"));
        sub->add_option("--divisive-gap", o->divisive_gap,
                        "Group agree-rate gap that makes a statement divisive" +
                            ThresholdDefault("polis.divisive_gap"));
        sub->add_option("--divisive-high", o->divisive_high,
                        "Agree rate the most favourable group needs for 'divisive'" +
                            ThresholdDefault("polis.divisive_high"));
        sub->add_option("--select", o->select,
                        "auto (default: the threshold, or the top statements by consensus when "
                        "it selects fewer than --min-selected), threshold or top")
            ->check(CLI::IsMember({"auto", "threshold", "top"}));
        sub->add_option("--top", o->top,
                        "How many statements the top-by-consensus selection keeps" +
                            ThresholdDefault("polis.top"));
        sub->add_option("--min-selected", o->min_selected,
                        "Fewer selected by the threshold switches auto to top" +
                            ThresholdDefault("polis.min_selected"));
        sub->add_option("--combine", o->combine,
                        "Also combine principles of different ideas at this similarity (off: one "
                        "principle per idea)" +
                            ThresholdDefault("polis.combine"));
        sub->add_option("--rules", o->rules, "Rules folder (default: the installed rules/)");
        sub->add_option("--models", o->models, "Models folder (default: the installed models/)");
        sub->footer(
            "Writes principles.jsonl, constitution.jsonl, constitution.md, report.md,\n"
            "report.html and report.json (with a Polis section) to --out.\n"
            "Example: charter polis ../shared/corpora/public-input/ccai-2023 --out out/ccai\n"
            "Example: charter polis polis-export/ --base base.jsonl --decisions review.tsv --out "
            "out/p");
        return [o] { return Run(*o); };
      }};
}

}  // namespace charter::cli
