// pieces.h — what the files of the report stage share: JSON members
// written straight into the output with a JsonWriter (the same bytes as
// building the ordered_json document and dumping it, at a fraction of the
// cost: every country's report repeats the whole base), decision counts and
// the list items that cite a principle's sources. Internal to src/report.
//
// Thread-safe: pure functions.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "merge/json_writer.h"
#include "merge/merge.h"
#include "report/render.h"
#include "report/report.h"

namespace charter::report_internal {

// `x` rounded to four decimals.
double R4(float x);

// `x` with `decimals` decimals ("0.85").
std::string Fixed(float x, int decimals = 2);

// "key": value members.
void WriteString(JsonWriter& w, const char* key, const std::string& value);
void WriteCount(JsonWriter& w, const char* key, size_t value);
// A similarity or threshold, rounded to four decimals.
void WriteNumber(JsonWriter& w, const char* key, float value);

// Opens a report object: its format version and kind ("country", "global", "diff").
void BeginReport(JsonWriter& w, const char* kind);

// A decision; `noun`: what its id names, "candidate" or "conflict".
void WriteDecision(JsonWriter& w, const Decision& d, const char* noun);
// "decisions_applied" and "decisions_stale": the decisions a run applied and
// those whose `noun` ("candidate", "conflict") it no longer has.
void WriteDecisionArrays(JsonWriter& w, const std::vector<Decision>& applied,
                         const std::vector<Decision>& stale, const char* noun);
// A global merge's conflict (one with an id) also has its id, the global
// principles of its sides and its decision.
void WriteConflict(JsonWriter& w, const Conflict& c);

// "key": [ each item written by write_one ].
template <typename T, typename WriteOne>
void WriteArray(JsonWriter& w, const char* key, const std::vector<T>& items, WriteOne write_one) {
  w.Key(key);
  w.BeginArray();
  for (const T& item : items) write_one(item);
  w.EndArray();
}

// "key": [ the principles ].
void WritePrinciples(JsonWriter& w, const char* key, const std::vector<Principle>& ps);

// {"similarity": s, key_a: a, key_b: b}: a duplicate, a changed principle.
void WritePrinciplePair(JsonWriter& w, float similarity, const char* key_a, const Principle& a,
                        const char* key_b, const Principle& b);

// A constitution entry: its principle with "status" (and "candidates")
// after "text".
void WriteEntry(JsonWriter& w, const ConstitutionEntry& e);

// How many candidates await review and how many each decision settled.
struct Counts {
  size_t pending = 0, accept = 0, edit = 0, reject = 0, drop = 0;
};
Counts CountDecisions(const MergePlan& plan);

// "Decisions applied (N)": each decision's id, action, text and file:line.
void WriteAppliedDecisions(const std::vector<Decision>& applied, Sink* out);

// "Stale decisions (N)": decisions whose `noun` ("candidate", "conflict")
// is not in this run, and `why` that happens.
void WriteStaleDecisions(const std::vector<Decision>& stale, const std::string& noun,
                         const std::string& why, Sink* out);

// One item per source of `p` (at `depth`): its citation, its words when
// they differ from the principle's, and its note.
std::vector<Item> SourceItems(const Principle& p, int depth);

void Append(std::vector<Item>* to, const std::vector<Item>& from);

// A row of a two-column summary table: what, and how many.
std::vector<Line> CountRow(const std::string& what, size_t count);

// "Thresholds used (rules/thresholds.tsv, or the options given): a 0.70, b off.":
// the line of a Markdown/HTML report, and the "thresholds_used" object of its JSON.
void WriteThresholdsUsed(const ReportExtras& extras, Sink* out);
void WriteThresholdsUsed(const ReportExtras& extras, JsonWriter& w);
// The extra sections' JSON members, and the documents ended with their text.
void WriteSectionsJson(const ReportExtras& extras, JsonWriter& w);
std::string EndMarkdown(MarkdownSink& md, const ReportExtras& extras);
std::string EndHtml(HtmlSink& html, const ReportExtras& extras);

}  // namespace charter::report_internal
