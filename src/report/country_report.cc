// country_report.cc — a country merge plan as a review report (Markdown,
// HTML, JSON) and a decisions template.
#include <string>
#include <vector>

#include "core/text.h"
#include "merge/principle_io.h"
#include "report/pieces.h"
#include "report/render.h"
#include "report/report.h"
#include "report/review.h"

namespace charter {

using namespace report_internal;

namespace {

std::string CountryTitle(const MergePlan& plan) {
  std::string country = plan.country.empty() ? "country" : plan.country;
  if (plan.base_name.empty()) return "Charter review: " + country + " (no base constitution)";
  return "Charter review: " + country + " merged with " + plan.base_name;
}

// Principle-worthy clauses that became no principle, each with what was
// tried and why it was not kept: nothing a document says is dropped unseen.
void WriteUnconverted(const MergePlan& plan, Sink* out) {
  out->Heading(2, "Clauses not converted (" + std::to_string(plan.unconverted.size()) + ")",
               "unconverted");
  if (plan.unconverted.empty()) {
    out->Para({{'p', "None."}});
    return;
  }
  out->Para({{'p',
              "Clauses read as rights, duties or values that state no idea of the inventory "
              "(rules/ideas.tsv) and whose own rewriting failed validation, or that state a "
              "value the State itself holds (state_value). Add an idea or a pattern if one of "
              "them should become a principle."}});
  std::vector<Item> items;
  for (const Unconverted& u : plan.unconverted) {
    Line line = {{'i', CiteSource(u.source)}, {'p', " (" + u.kind + "): "}, {'q', u.source.text}};
    items.push_back({0, std::move(line)});
    if (!u.attempt.empty()) items.push_back({1, {{'p', "tried: " + u.attempt}}});
    items.push_back({1, {{'p', "why not: " + Join(u.reasons, "; ")}}});
  }
  out->Items(items);
}

// The candidates awaiting review as a list (Markdown), each with what a
// decisions file needs.
void WriteCandidateList(const MergePlan& plan, const Counts& counts, Sink* out) {
  out->Heading(2, "Merge candidates awaiting review (" + std::to_string(counts.pending) + ")",
               "candidates");
  if (counts.pending == 0)
    out->Para({{'p', "None."}});
  else
    out->Para({{'p', "Decide each in a decisions file (one line each: "},
               {'c', "<candidate id> accept|edit <text>|reject|drop"},
               {'p', ") and run again with --decisions FILE."}});
  for (const MergeCandidate& c : plan.candidates) {
    if (!c.decision.empty()) continue;
    out->Heading(3, "Candidate " + c.id + " — similarity " + Fixed(c.similarity, 3),
                 "cand-" + c.id);
    std::vector<Item> items;
    items.push_back(
        {0, {{'b', "Base"}, {'p', " ("}, {'c', c.base.id}, {'p', "): " + c.base.text}}});
    items.push_back({0, {{'b', "Country"}, {'p', ": " + c.country.text}}});
    Append(&items, SourceItems(c.country, 1));
    if (!c.shared_ideas.empty())
      items.push_back({0, {{'b', "Both state"}, {'p', ": " + Join(c.shared_ideas, ", ")}}});
    items.push_back({0, {{'b', "Suggested"}, {'p', ": " + c.suggested.text}}});
    items.push_back({0, {{'b', "To accept"}, {'p', ": "}, {'c', c.id + "\taccept"}}});
    out->Items(items);
  }
}

// How similarity was measured and the thresholds it was held to.
void WriteThresholds(const MergePlan& plan, Sink* out) {
  std::string how = "cosine";
  if (plan.options.lexical > 0 || plan.options.topical > 0) {
    how = "embedding cosine";
    if (plan.options.topical > 0)
      how += ", with shared topics weighted " + Fixed(plan.options.topical) + " when combining";
    if (plan.options.lexical > 0)
      how += ", with term coverage weighted " + Fixed(plan.options.lexical) + " against the base";
  }
  std::string limit;
  if (plan.options.max_chars > 0)
    limit = " A combined principle has at most " + std::to_string(plan.options.max_chars) +
            " characters.";
  out->Para(
      {{'p', "Thresholds (" + how + "): duplicate ≥ " + Fixed(plan.options.duplicate) +
                 ", merge candidate ≥ " + Fixed(plan.options.similar) +
                 ", combine country principles " +
                 (plan.options.combine > 1 ? std::string("off (one principle per family of ideas)")
                                           : "≥ " + Fixed(plan.options.combine)) +
                 "." + limit}});
}

void WriteSummary(const MergePlan& plan, const Counts& counts, Sink* out) {
  out->Heading(2, "Summary", "summary");
  auto row = CountRow;
  out->Table(
      {"", "count"},
      {row("Base principles", plan.base.size()),
       row("Country principles (rewritten)", plan.country_input),
       row("Country principles (after combining similar ones)", plan.country_principles.size()),
       row("Duplicates of the base (dropped)", plan.duplicates.size()),
       row("Merge candidates", plan.candidates.size()), row("— awaiting review", counts.pending),
       row("— accepted", counts.accept), row("— edited", counts.edit),
       row("— rejected (added as new)", counts.reject),
       row("— dropped (the base covers it)", counts.drop),
       row("New principles added", plan.added.size()), row("Conflicts", plan.conflicts.size()),
       row("Decisions applied", plan.applied.size()),
       row("Stale decisions (no such candidate)", plan.stale.size()),
       row("Principles in the constitution", plan.constitution.size()),
       row("Clauses not converted (listed below)", plan.unconverted.size())});
}

void WriteConflicts(const MergePlan& plan, Sink* out) {
  out->Heading(2, "Conflicts (" + std::to_string(plan.conflicts.size()) + ")", "conflicts");
  if (plan.conflicts.empty())
    out->Para({{'p', "None found."}});
  else
    out->Para({{'p', "Pairs that cannot both hold. Both sides are kept; a person decides."}});
  for (const Conflict& c : plan.conflicts) {
    out->Heading(3, c.label_a + " vs " + c.label_b + " (" + c.kind + ")", "");
    std::vector<Item> items;
    items.push_back({0, {{'b', c.side_a}, {'p', " ("}, {'c', c.a.id}, {'p', "): " + c.a.text}}});
    Append(&items, SourceItems(c.a, 1));
    items.push_back({0, {{'b', c.side_b}, {'p', " ("}, {'c', c.b.id}, {'p', "): " + c.b.text}}});
    Append(&items, SourceItems(c.b, 1));
    Line why = {{'p', "similarity " + Fixed(c.similarity, 3)}};
    if (!c.rule.empty()) {
      why.push_back({'p', "; rule "});
      why.push_back({'c', c.rule});
    }
    items.push_back({0, why});
    out->Items(items);
  }
}

void WriteAdded(const MergePlan& plan, Sink* out) {
  out->Heading(2, "Principles added (" + std::to_string(plan.added.size()) + ")", "added");
  std::vector<Item> items;
  for (const Principle& p : plan.added) {
    items.push_back({0, {{'p', p.text + " "}, {'c', p.id}}});
    Append(&items, SourceItems(p, 1));
  }
  if (items.empty()) out->Para({{'p', "None."}});
  out->Numbered(items);
}

void WriteDuplicates(const MergePlan& plan, Sink* out) {
  out->Heading(2, "Duplicates dropped (" + std::to_string(plan.duplicates.size()) + ")",
               "duplicates");
  std::vector<Item> items;
  for (const Duplicate& d : plan.duplicates) {
    items.push_back({0, {{'p', d.country.text + " "}, {'c', d.country.id}}});
    items.push_back({1, {{'p', "repeats base "}, {'c', d.base.id}, {'p', ": " + d.base.text}}});
    items.push_back({1, {{'p', "similarity " + Fixed(d.similarity, 3)}}});
    Append(&items, SourceItems(d.country, 1));
  }
  if (items.empty()) out->Para({{'p', "None."}});
  out->Items(items);
}

void WriteBasePrinciples(const MergePlan& plan, Sink* out) {
  out->Heading(2, "Base principles (" + std::to_string(plan.base.size()) + ")", "base");
  std::vector<Item> items;
  for (const ConstitutionEntry& e : plan.constitution) {
    if (e.status == "added") continue;
    Line line = {{'p', e.principle.text + " "}, {'c', e.principle.id}};
    if (e.status == "combined") {
      line.push_back({'p', " — combined ("});
      for (size_t i = 0; i < e.candidates.size(); ++i) {
        if (i) line.push_back({'p', ", "});
        line.push_back({'c', e.candidates[i]});
      }
      line.push_back({'p', ")"});
    } else {
      line.push_back({'p', " — kept"});
    }
    items.push_back({0, std::move(line)});
  }
  if (items.empty()) out->Para({{'p', "No base constitution was given."}});
  out->Numbered(items);
}

// `review`: the HTML page, whose merge candidates are a review form
// (review.h) instead of a list.
void WriteCountryReport(const MergePlan& plan, Sink* out, HtmlSink* review,
                        const ReportExtras& extras) {
  Counts counts = CountDecisions(plan);
  out->Begin(CountryTitle(plan));
  WriteThresholds(plan, out);
  WriteThresholdsUsed(extras, out);
  WriteSummary(plan, counts, out);
  if (review) {
    review->Raw(report_internal::ReviewSection(plan));
  } else {
    WriteCandidateList(plan, counts, out);
  }
  WriteConflicts(plan, out);
  WriteAdded(plan, out);
  WriteDuplicates(plan, out);
  WriteBasePrinciples(plan, out);
  WriteAppliedDecisions(plan.applied, out);
  WriteUnconverted(plan, out);
  WriteStaleDecisions(plan.stale, "candidate", "its base or country principle changed", out);
}

void WriteThresholdsJson(JsonWriter& w, const MergeOptions& o) {
  w.Key("thresholds");
  w.BeginObject();
  WriteNumber(w, "duplicate", o.duplicate);
  WriteNumber(w, "similar", o.similar);
  WriteNumber(w, "combine", o.combine);
  // Written only when set, so reports of embedding-only runs read as before.
  if (o.lexical > 0) WriteNumber(w, "lexical", o.lexical);
  if (o.topical > 0) WriteNumber(w, "topical", o.topical);
  if (o.max_chars > 0) WriteCount(w, "max_chars", o.max_chars);
  w.EndObject();
}

void WriteSummaryJson(JsonWriter& w, const MergePlan& plan, const Counts& counts) {
  w.Key("summary");
  w.BeginObject();
  WriteCount(w, "base_principles", plan.base.size());
  WriteCount(w, "country_principles_rewritten", plan.country_input);
  WriteCount(w, "country_principles", plan.country_principles.size());
  WriteCount(w, "duplicates", plan.duplicates.size());
  WriteCount(w, "merge_candidates", plan.candidates.size());
  WriteCount(w, "pending", counts.pending);
  WriteCount(w, "accepted", counts.accept);
  WriteCount(w, "edited", counts.edit);
  WriteCount(w, "rejected", counts.reject);
  WriteCount(w, "dropped", counts.drop);
  WriteCount(w, "added", plan.added.size());
  WriteCount(w, "conflicts", plan.conflicts.size());
  WriteCount(w, "decisions_applied", plan.applied.size());
  WriteCount(w, "decisions_stale", plan.stale.size());
  WriteCount(w, "constitution", plan.constitution.size());
  w.EndObject();
}

void WriteCandidateJson(JsonWriter& w, const MergeCandidate& c) {
  w.BeginObject();
  WriteString(w, "id", c.id);
  WriteNumber(w, "similarity", c.similarity);
  if (!c.shared_ideas.empty()) {
    w.Key("shared_ideas");
    w.StringArray(c.shared_ideas);
  }
  w.Key("decision");
  w.String(c.decision.empty() ? "pending" : c.decision);
  if (!c.decided_text.empty()) WriteString(w, "decided_text", c.decided_text);
  if (c.decision_line) {
    w.Key("decision_line");
    w.Int(c.decision_line);
  }
  w.Key("base");
  WritePrincipleJson(c.base, &w);
  w.Key("country");
  WritePrincipleJson(c.country, &w);
  w.Key("suggested");
  WritePrincipleJson(c.suggested, &w);
  w.EndObject();
}

void WriteUnconvertedJson(JsonWriter& w, const Unconverted& u) {
  w.BeginObject();
  WriteString(w, "kind", u.kind);
  WriteString(w, "attempt", u.attempt);
  w.Key("reasons");
  w.StringArray(u.reasons);
  w.Key("source");
  WriteSourceJson(u.source, &w);
  w.EndObject();
}

}  // namespace

std::string ReportJson(const MergePlan& plan, const ReportExtras& extras) {
  Counts counts = CountDecisions(plan);
  std::string out;
  out.reserve(64 * 1024);
  JsonWriter w(&out, 1);
  BeginReport(w, "country");
  WriteString(w, "country", plan.country);
  WriteString(w, "base", plan.base_name);
  WriteThresholdsJson(w, plan.options);
  WriteThresholdsUsed(extras, w);
  WriteSummaryJson(w, plan, counts);
  WriteArray(w, "merge_candidates", plan.candidates,
             [&](const MergeCandidate& c) { WriteCandidateJson(w, c); });
  WriteArray(w, "conflicts", plan.conflicts, [&](const Conflict& c) { WriteConflict(w, c); });
  WritePrinciples(w, "added", plan.added);
  WriteArray(w, "duplicates", plan.duplicates, [&](const Duplicate& d) {
    WritePrinciplePair(w, d.similarity, "base", d.base, "country", d.country);
  });
  WriteDecisionArrays(w, plan.applied, plan.stale, "candidate");
  WriteArray(w, "constitution", plan.constitution,
             [&](const ConstitutionEntry& e) { WriteEntry(w, e); });
  WritePrinciples(w, "base_principles", plan.base);
  WritePrinciples(w, "country_principles", plan.country_principles);
  WriteArray(w, "unconverted", plan.unconverted,
             [&](const Unconverted& u) { WriteUnconvertedJson(w, u); });
  WriteSectionsJson(extras, w);
  w.EndObject();
  out += '\n';
  return out;
}

std::string ReportMarkdown(const MergePlan& plan, const ReportExtras& extras) {
  MarkdownSink md;
  WriteCountryReport(plan, &md, nullptr, extras);
  return EndMarkdown(md, extras);
}

std::string ReportHtml(const MergePlan& plan, const ReportExtras& extras) {
  HtmlSink html;
  WriteCountryReport(plan, &html, &html, extras);
  return EndHtml(html, extras);
}

std::string DecisionsTemplate(const MergePlan& plan) {
  std::string out =
      "# Reviewer decisions for " +
      (plan.country.empty() ? std::string("this run") : plan.country) +
      ". Uncomment a line and choose: accept, edit <new text>, reject (keep both), drop.\n"
      "# Run again with --decisions FILE. See report.md for the evidence.\n";
  for (const MergeCandidate& c : plan.candidates) {
    out += "\n# base:      " + c.base.text + "\n# country:   " + c.country.text +
           "\n# suggested: " + c.suggested.text + "\n";
    if (c.decision.empty())
      out += "# " + c.id + "\taccept\n";
    else {
      out += c.id + "\t" + c.decision;
      if (c.decision == "edit") out += "\t" + c.decided_text;
      out += "\n";
    }
  }
  return out;
}
}  // namespace charter
