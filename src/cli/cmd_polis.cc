// cmd_polis.cc — `charter polis EXPORT_DIR --out DIR [--base BASE] [--decisions D]`:
// a Polis conversation export -> public-input principles, merged with a base
// exactly as `convert` does, with the same reports plus a Polis section.
//
// Steps: read the export (raw comments.csv + participants-votes.csv/votes.csv
// + ids-to-toss.csv, or CCAI's clean_comments.csv + clean_votes.csv), drop
// rejected/unmoderated statements, take opinion groups from group-id (or
// compute them), compute per-group agreement and consensus, select what
// every group agrees with (or the top statements by consensus), correct the
// spelling where hunspell is sure, rewrite each selected statement into a
// principle (Rewriter::RewriteStatement), make one principle per agreed idea
// (agreed_ideas.h), then MergeCountry (merges with the base) and the report.
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
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/convert_job.h"
#include "core/io.h"
#include "core/rule_file.h"
#include "merge/conflict.h"
#include "merge/decisions.h"
#include "merge/merge.h"
#include "merge/principle_io.h"
#include "publicinput/agreed_ideas.h"
#include "publicinput/polis_report.h"
#include "publicinput/public_input.h"
#include "publicinput/spelling.h"
#include "publicinput/tools.h"
#include "report/report.h"
#include "rewrite/rewrite.h"

namespace charter::cli {

namespace {

namespace fs = std::filesystem;

// A combining threshold above any cosine: nothing is combined by embedding.
constexpr float kNoCombining = 2.0f;

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
  double min_group_agree = SelectionOptions{}.min_group_agree;
  int min_group_seen = SelectionOptions{}.min_group_seen;
  double divisive_gap = SelectionOptions{}.divisive_gap;
  double divisive_high = SelectionOptions{}.divisive_high;
  std::string select = "auto";
  int top = SelectionOptions{}.top;
  int min_selected = SelectionOptions{}.min_selected;
  double combine = -1;
  std::string rules;
  std::string models;
};

int Run(const PolisCliOptions& o) {
  auto start = std::chrono::steady_clock::now();
  PolisOptions po;
  po.load.layout = o.layout == "raw"     ? PolisLoadOptions::Layout::kRaw
                   : o.layout == "clean" ? PolisLoadOptions::Layout::kClean
                                         : PolisLoadOptions::Layout::kAuto;
  po.load.keep_unmoderated = o.keep_unmoderated;
  po.load.use_ids_to_toss = !o.no_toss;
  po.load.prefer_vote_log = o.vote_log;
  po.compute_groups = o.compute_groups;
  po.select.min_group_agree = o.min_group_agree;
  po.select.min_group_seen = o.min_group_seen;
  po.select.divisive_gap = o.divisive_gap;
  po.select.divisive_high = o.divisive_high;
  po.select.mode = o.select == "threshold" ? SelectionOptions::Mode::kThreshold
                   : o.select == "top"     ? SelectionOptions::Mode::kTop
                                           : SelectionOptions::Mode::kAuto;
  po.select.top = o.top;
  po.select.min_selected = o.min_selected;

  Result<PolisExport> files = ReadPolisExport(o.dir);
  if (!files) return Fail(files.error().message);
  Result<PolisAnalysis> analysis = AnalyzePolis(*files, po);
  if (!analysis) return Fail(analysis.error().message);
  // A folder with both layouts: analyse the raw export too, to report how it differs.
  std::optional<PolisAnalysis> raw;
  if (!o.no_compare && analysis->conv.layout == "clean" && files->comments.present &&
      (files->participants_votes.present || files->votes.present)) {
    PolisOptions ro = po;
    ro.load.layout = PolisLoadOptions::Layout::kRaw;
    Result<PolisAnalysis> r = AnalyzePolis(*files, ro);
    if (!r) return Fail(r.error().message);
    raw = std::move(*r);
  }

  const std::string rules_root = o.rules.empty() ? DefaultRulesRoot() : o.rules;
  const std::string models_root = o.models.empty() ? DefaultModelsRoot() : o.models;
  Result<RuleTexts> rules = ReadRuleFolder(rules_root, "en");
  if (!rules) return Fail(rules.error().message);
  Result<Rewriter> rewriter = Rewriter::Create(*rules, "en");
  if (!rewriter) return Fail(rewriter.error().message);
  // Spelling mistakes are corrected where the dictionary is sure
  // (spelling.h); every correction and every unknown word goes in the report.
  std::optional<SpellChecker> speller;
  std::vector<std::string> spelling;
  if (Result<SpellChecker> sc = SpellChecker::Open(SpellChecker::kDefaultDictionary)) {
    if (Status st = sc->AddMisspellings(*rules, "en"); !st) return Fail(st.error().message);
    speller = std::move(*sc);
  }
  else
    spelling.push_back("not checked: " + sc.error().message);
  PublicPrinciples pp = StatementsToPrinciples(*analysis, [&](std::string_view t, const Source& s) {
    if (!speller) return rewriter->RewriteStatement(t, s);
    SpellResult fixed = speller->Correct(t);
    for (const std::string& c : fixed.corrections) spelling.push_back(s.cite + ": " + c);
    for (const std::string& w : fixed.unknown)
      spelling.push_back(s.cite + ": '" + w + "' unknown, left as written");
    return rewriter->RewriteStatement(fixed.text, s);
  });
  // One principle per agreed idea (agreed_ideas.h); the merge then combines
  // nothing more unless --combine asks it to.
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(*rules, "en");
  if (!ideas) return Fail(ideas.error().message);
  const std::vector<Principle> agreed = ideas->Combine(pp.principles);
  const std::string name = [&] {
    std::string n = fs::path(o.dir).lexically_normal().filename().string();
    if (n.empty()) n = fs::path(o.dir).lexically_normal().parent_path().filename().string();
    return n.empty() ? o.dir : n;
  }();

  // With a trained embedder: exactly `convert`'s merge (same tools,
  // thresholds, renderers and files). Without one: the same merge and
  // renderers over lexical vectors (publicinput/tools.h), said in the report.
  MergePlan plan;
  std::map<std::string, std::string> files_out;
  std::string embedding;
  float combine = 0;
  PolisTools lexical = MakePolisTools(*rewriter, *rules, models_root);
  if (lexical.embedder_error.empty()) {
    ConvertSettings cs;
    cs.base_path = o.base;
    cs.decisions_path = o.decisions;
    cs.lang = "en";
    cs.rules_root = rules_root;
    cs.models_root = models_root;
    cs.combine = o.combine >= 0 ? static_cast<float>(o.combine) : kNoCombining;
    auto ctx = ConvertContext::Create(cs);
    if (!ctx) return Fail(ctx.error().message);
    if (auto tools = (*ctx)->Tools("en"); !tools) return Fail(tools.error().message);
    auto run = (*ctx)->MergeSet(agreed, name, "en");
    if (!run) return Fail(run.error().message);
    plan = std::move(run->plan);
    files_out = std::move(run->files);
    combine = cs.combine;
    embedding = "trained embedder (" + models_root + ")";
  } else {
    Result<ConflictRules> conflicts = ConflictRules::Create(*rules, "en");
    if (!conflicts) return Fail(conflicts.error().message);
    lexical.merge.conflicts = &*conflicts;
    std::vector<Principle> base;
    MergeOptions mo;
    mo.duplicate = lexical.duplicate;
    mo.similar = lexical.similar;
    mo.combine = o.combine >= 0 ? static_cast<float>(o.combine) : kNoCombining;
    mo.country = name;
    if (!o.base.empty()) {
      Result<std::string> bytes = ReadFile(o.base);
      if (!bytes) return Fail(bytes.error().message);
      Result<std::vector<Principle>> b = ParseBaseConstitution(*bytes, o.base);
      if (!b) return Fail(b.error().message);
      base = std::move(*b);
      mo.base_name = fs::path(o.base).filename().string();
    }
    if (!o.decisions.empty()) {
      Result<std::string> bytes = ReadFile(o.decisions);
      if (!bytes) return Fail(bytes.error().message);
      Result<std::vector<Decision>> d = ParseDecisions(*bytes, o.decisions);
      if (!d) return Fail(d.error().message);
      mo.decisions = std::move(*d);
    }
    plan = MergeCountry(base, agreed, lexical.merge, mo);
    files_out = RenderCountryOutputs(plan, "");
    combine = mo.combine;
    embedding = lexical.embedding;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  PolisReport pr;
  pr.analysis = &*analysis;
  pr.principles = &pp;
  pr.combined = &plan.country_principles;
  pr.raw = raw ? &*raw : nullptr;
  pr.select = po.select;
  pr.spelling = &spelling;
  char th[16];
  std::snprintf(th, sizeof th, "%.2f", combine);
  pr.embedding =
      combine > 1 ? "one principle per idea of " + std::to_string(ideas->size()) +
                        " (rules/en/public_ideas.tsv); " + embedding + " for merging with the base"
                  : "one principle per idea, then " + embedding + ", average linkage at " + th;
  pr.seconds = -1;  // kept out of the files: the report is byte-for-byte deterministic

  files_out["report.md"] += "\n" + PolisReportMarkdown(pr);
  std::string& html = files_out["report.html"];
  size_t body = html.rfind("</body>");
  if (body == std::string::npos) body = html.size();
  html.insert(body, PolisReportHtml(pr));
  nlohmann::ordered_json json =
      nlohmann::ordered_json::parse(files_out["report.json"], nullptr, false);
  if (json.is_discarded() || !json.is_object()) json = nlohmann::ordered_json::object();
  json["polis"] = PolisReportJson(pr);
  std::string dumped = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  if (!files_out["report.json"].empty() && files_out["report.json"].back() == '\n') dumped += "\n";
  files_out["report.json"] = std::move(dumped);

  if (Status st = WriteOutputs(o.out, files_out); !st) return Fail(st.error().message);
  const PolisAnalysis& a = *analysis;
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
        sub->add_option("--min-group-agree", o->min_group_agree,
                        "Agree rate every group must reach (default 0.85)");
        sub->add_option("--min-group-seen", o->min_group_seen,
                        "Views a group needs to vouch for a statement (default 5)");
        sub->add_option("--divisive-gap", o->divisive_gap,
                        "Group agree-rate gap that makes a statement divisive (default 0.30)");
        sub->add_option("--divisive-high", o->divisive_high,
                        "Agree rate the most favourable group needs for 'divisive' (default 0.50)");
        sub->add_option("--select", o->select,
                        "auto (default: the threshold, or the top statements by consensus when "
                        "it selects fewer than --min-selected), threshold or top")
            ->check(CLI::IsMember({"auto", "threshold", "top"}));
        sub->add_option("--top", o->top,
                        "How many statements the top-by-consensus selection keeps (default 10)");
        sub->add_option("--min-selected", o->min_selected,
                        "Fewer selected by the threshold switches auto to top (default 5)");
        sub->add_option(
            "--combine", o->combine,
            "Also combine principles of different ideas at this similarity (default: off, one "
            "principle per idea)");
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
