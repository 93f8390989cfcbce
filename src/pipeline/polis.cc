#include "pipeline/polis.h"

#include <cstdio>

#include "merge/conflict.h"
#include "pipeline/convert.h"
#include "publicinput/agreed_ideas.h"
#include "publicinput/polis_report.h"
#include "publicinput/tools.h"
#include "rewrite/rewrite.h"

namespace charter {

namespace {

// The export analysed, and its raw layout too when the folder has both.
Status Analyze(const PolisInputs& in, const PolisOptions& po, PolisAnalysis* analysis,
               std::optional<PolisAnalysis>* raw) {
  Result<PolisAnalysis> a = AnalyzePolis(in.files, po);
  if (!a) return std::unexpected(a.error());
  *analysis = std::move(*a);
  const PolisExport& f = in.files;
  if (in.compare_raw && analysis->conv.layout == "clean" && f.comments.present &&
      (f.participants_votes.present || f.votes.present)) {
    PolisOptions ro = po;
    ro.load.layout = PolisLoadOptions::Layout::kRaw;
    Result<PolisAnalysis> r = AnalyzePolis(f, ro);
    if (!r) return std::unexpected(r.error());
    *raw = std::move(*r);
  }
  return {};
}

// Each selected statement rewritten into a principle, its spelling corrected
// where the dictionary is sure; every correction and every unknown word is
// noted in `spelling` for the report.
PublicPrinciples RewriteStatements(const PolisAnalysis& analysis, const Rewriter& rewriter,
                                   const SpellChecker* speller,
                                   std::vector<std::string>* spelling) {
  return StatementsToPrinciples(analysis, [&](std::string_view t, const Source& s) {
    if (!speller) return rewriter.RewriteStatement(t, s);
    SpellResult fixed = speller->Correct(t);
    for (const std::string& c : fixed.corrections) spelling->push_back(s.cite + ": " + c);
    for (const std::string& w : fixed.unknown)
      spelling->push_back(s.cite + ": '" + w + "' unknown, left as written");
    return rewriter.RewriteStatement(fixed.text, s);
  });
}

// With a trained embedder: exactly `convert`'s merge (same tools,
// thresholds and renderers).
Result<MergePlan> MergeWithEmbedder(const PolisInputs& in, const PolisTools& tools,
                                    const std::vector<Principle>& agreed) {
  ConvertInputs ci;
  ci.lang = "en";
  ci.rules = in.rules;
  ci.embedder = tools.embedder;
  ci.base = in.base;
  ci.base_name = in.base_name;
  ci.decisions = in.decisions;
  ci.thresholds = in.thresholds;
  auto ctx = ConvertContext::Create(std::move(ci));
  if (!ctx) return std::unexpected(ctx.error());
  if (auto t = (*ctx)->Tools("en"); !t) return std::unexpected(t.error());
  return (*ctx)->Merge(agreed, in.name, "en");
}

// Without one: the same merge over lexical vectors (publicinput/tools.h).
Result<MergePlan> MergeLexical(const PolisInputs& in, const RuleTexts& rules, PolisTools tools,
                               const std::vector<Principle>& agreed) {
  Result<ConflictRules> conflicts = ConflictRules::Create(rules, "en");
  if (!conflicts) return std::unexpected(conflicts.error());
  tools.merge.conflicts = &*conflicts;
  MergeOptions mo;
  mo.duplicate = in.thresholds.polis_lexical_duplicate;
  mo.similar = in.thresholds.polis_lexical_similar;
  mo.combine = in.thresholds.polis_combine;
  mo.negation = in.thresholds.country.negation;
  mo.country = in.name;
  mo.base_name = in.base_name;
  mo.decisions = in.decisions;
  return MergeCountry(in.base, agreed, tools.merge, mo);
}

// How the report says principles were combined and merged.
std::string EmbeddingNote(float combine, size_t ideas, const std::string& embedding) {
  char th[16];
  std::snprintf(th, sizeof th, "%.2f", combine);
  return combine > 1
             ? "one principle per idea of " + std::to_string(ideas) +
                   " (rules/en/public_ideas.tsv); " + embedding + " for merging with the base"
             : "one principle per idea, then " + embedding + ", average linkage at " + th;
}

}  // namespace

Result<PolisRun> RunPolis(PolisInputs in) {
  PolisRun run;
  PolisOptions po = in.options;
  po.select = in.thresholds.polis_select;
  std::optional<PolisAnalysis> raw;
  if (Status st = Analyze(in, po, &run.analysis, &raw); !st) return std::unexpected(st.error());

  Result<RuleTexts> rules = in.rules.read("en");
  if (!rules) return std::unexpected(rules.error());
  Result<Rewriter> rewriter = Rewriter::Create(*rules, "en");
  if (!rewriter) return std::unexpected(rewriter.error());
  std::vector<std::string> spelling;
  if (in.speller) {
    if (Status st = in.speller->AddMisspellings(*rules, "en"); !st)
      return std::unexpected(st.error());
  } else {
    spelling.push_back("not checked: " + in.speller_error);
  }
  const SpellChecker* speller = in.speller ? &*in.speller : nullptr;
  PublicPrinciples pp = RewriteStatements(run.analysis, *rewriter, speller, &spelling);
  // One principle per agreed idea (agreed_ideas.h); the merge then combines
  // nothing more unless polis.combine asks it to.
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(*rules, "en");
  if (!ideas) return std::unexpected(ideas.error());
  const std::vector<Principle> agreed = ideas->Combine(pp.principles);

  // The country.* thresholds with polis.combine: what the merge uses.
  in.thresholds.country.combine = in.thresholds.polis_combine;
  PolisTools tools = MakePolisTools(*rewriter, *rules, in.model);
  Result<MergePlan> plan = tools.embedder ? MergeWithEmbedder(in, tools, agreed)
                                          : MergeLexical(in, *rules, tools, agreed);
  if (!plan) return std::unexpected(plan.error());
  run.plan = std::move(*plan);

  PolisReport pr;
  pr.analysis = &run.analysis;
  pr.principles = &pp;
  pr.combined = &run.plan.country_principles;
  pr.raw = raw ? &*raw : nullptr;
  pr.select = po.select;
  pr.spelling = &spelling;
  pr.embedding = EmbeddingNote(in.thresholds.polis_combine, ideas->size(), tools.embedding);
  pr.seconds = -1;  // kept out of the files: the report is byte-for-byte deterministic
  ReportExtras extras;
  extras.thresholds = ThresholdList(in.thresholds, "polis");
  extras.not_verbs = rewriter->WordClass("not_verb");
  extras.sections.push_back(
      {"polis", PolisReportMarkdown(pr), PolisReportHtml(pr), PolisReportJson(pr)});
  run.files = RenderCountryOutputs(run.plan, "", extras);
  return run;
}

}  // namespace charter
