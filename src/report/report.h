// report.h — stage 6: a merge plan as files a person reviews and tools read.
//
// Where it sits: last. The CLI passes a MergePlan (country merge), a
// GlobalPlan (`charter merge --global`) or a PrincipleDiff (`charter diff`)
// and writes the strings that come back with WriteFileAtomic.
//
// Review reports, in three renderings of the same content: Markdown, one
// self-contained HTML page (inline CSS and script, no external resources;
// its merge candidates are a review form: decide each in the browser and
// export the decisions file, review.h) and JSON (nlohmann::ordered_json,
// keys in a fixed order). They show the
// summary counts, the base principles kept or combined, the principles added,
// the duplicates dropped (with the base principle matched, the similarity,
// and the source clause with its citation and lines), the merge candidates
// awaiting review (suggested text and candidate id), the conflicts, and the
// decisions applied or stale.
//
// Exports: constitution.jsonl, a Markdown constitution document, the
// critique/revision JSON of llm-swarm's constitutional-ai example
// ({"constitutions":[{"critic","revision"}],"system_chat":[...]}) and
// LangChain ConstitutionalPrinciple fields (name, critique_request,
// revision_request).
//
// Everything is deterministic: the same plan gives the same bytes.
// Similarities are printed with 4 decimals at most.
//
// Thread-safe: pure functions.
//
//   std::string md = ReportMarkdown(plan);
//   std::string json = ReportJson(plan);
//   Result<MergePlan> back = ParseReportJson(json, "report.json");  // round trip
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"
#include "merge/diff.h"
#include "merge/merge.h"

namespace charter {

// What a report shows besides its plan.
struct ReportThreshold {
  std::string name;   // "country.similar" (rules/thresholds.tsv)
  std::string value;  // "0.27", "off", "5"
};
struct ReportSection {
  std::string json_key;  // "polis"
  std::string markdown;  // appended after a blank line
  std::string html;      // appended inside <body>, after the report's own content
  nlohmann::ordered_json json;
};
struct ReportExtras {
  // The thresholds and weights the run used, printed on one line in every
  // rendering ("thresholds_used" in JSON). Default: none (no line).
  std::vector<ReportThreshold> thresholds;
  // Sections another stage renders (the Polis section), after the report's own.
  std::vector<ReportSection> sections;
  // Words ending in -s that are no third-person verb ("this", "rights"), for
  // the critique/revision export (rewrite_words.tsv not_verb, through
  // Rewriter::WordClass). Default: none (every such word reads as a verb).
  std::set<std::string> not_verbs;
};

// --- Country merge: review report -------------------------------------------

std::string ReportJson(const MergePlan& plan, const ReportExtras& extras = {});
std::string ReportMarkdown(const MergePlan& plan, const ReportExtras& extras = {});
std::string ReportHtml(const MergePlan& plan, const ReportExtras& extras = {});

// Reads a report written by ReportJson back into a plan; ReportJson of the
// result gives the same bytes. Errors: "name: bad JSON: ...", "name: not a
// Charter country report", "name: <field>: <problem>".
Result<MergePlan> ParseReportJson(std::string_view text, const std::string& name);

// A decisions file (decisions.h) listing every candidate as a commented
// line, ready for a reviewer to uncomment and edit: "# <id>\taccept".
std::string DecisionsTemplate(const MergePlan& plan);

// --- Country merge: exports --------------------------------------------------

// One object a line: WritePrincipleJson of each constitution entry with "status"
// (and "candidates" where set) after "text".
std::string ConstitutionJsonl(const MergePlan& plan);

// A Markdown document: title, a short note on how it was made, then the
// principles numbered, each with where it came from.
std::string ConstitutionMarkdown(const MergePlan& plan);

// A critique request and a revision request phrased from a principle, e.g.
// "Choose the response that least endorses torture." ->
// critique "Identify specific ways in which the response endorses torture.",
// revision "Please rewrite the response so that it does not endorse torture."
struct CritiqueRevision {
  std::string critique;
  std::string revision;
};
// `not_verbs`: ReportExtras::not_verbs.
CritiqueRevision ToCritiqueRevision(const Principle& p, const std::set<std::string>& not_verbs);

// llm-swarm's layout: {"constitutions":[{"critic":...,"revision":...}],
// "system_chat":[...]}. `system_chat_json` is the JSON text of the few-shot
// dialogues to include (an array); "" gives an empty array.
std::string CaiJson(const std::vector<Principle>& principles, std::string_view system_chat_json,
                    const ReportExtras& extras = {});

// A JSON array of {"name","critique_request","revision_request"}, the fields
// of LangChain's ConstitutionalPrinciple. name = principle id.
std::string LangChainJson(const std::vector<Principle>& principles,
                          const ReportExtras& extras = {});

// The principles of the constitution, in order.
std::vector<Principle> ConstitutionPrinciples(const MergePlan& plan);

// --- Global merge -------------------------------------------------------------

std::string GlobalReportJson(const GlobalPlan& plan, const ReportExtras& extras = {});
std::string GlobalReportMarkdown(const GlobalPlan& plan, const ReportExtras& extras = {});
std::string GlobalReportHtml(const GlobalPlan& plan, const ReportExtras& extras = {});
// One object a line: principle + "support" (count) + "countries".
std::string GlobalConstitutionJsonl(const GlobalPlan& plan);
std::string GlobalConstitutionMarkdown(const GlobalPlan& plan);

// --- Diff -----------------------------------------------------------------------

std::string DiffJson(const PrincipleDiff& diff);
std::string DiffMarkdown(const PrincipleDiff& diff);
// One self-contained page: changed principles side by side with a word diff
// and the clauses that changed, then those added and removed with their
// clauses.
std::string DiffHtml(const PrincipleDiff& diff);

// --- Helpers shared by the renderers (exposed for tests) -----------------------

std::string HtmlEscape(std::string_view s);
// "Art. 18 (udhr.txt:40-41)" — cite, then file and lines where known.
std::string CiteSource(const Source& s);

}  // namespace charter
