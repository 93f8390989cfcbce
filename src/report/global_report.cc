// global_report.cc — a global merge plan as a report (Markdown with
// figures in HTML, JSON) and as the global constitution.
#include <algorithm>
#include <map>
#include <set>
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

// `variants`: with the ideas it speaks for and their countries (the
// report; the constitution leaves them out).
void WriteGlobalEntry(JsonWriter& w, const GlobalEntry& e, bool variants = false) {
  std::vector<JsonMember> after_text = {
      {"support", [&](JsonWriter* o) { o->UInt(e.countries.size()); }},
      {"countries", [&](JsonWriter* o) { o->StringArray(e.countries); }},
      {"members", [&](JsonWriter* o) { o->UInt(e.members); }}};
  if (variants && !e.variants.empty())
    after_text.push_back({"variants", [&](JsonWriter* o) {
                            o->BeginArray();
                            for (const IdeaVariant& v : e.variants) {
                              o->BeginObject();
                              o->Key("idea");
                              o->String(v.idea);
                              o->Key("text");
                              o->String(v.text);
                              o->Key("support");
                              o->UInt(v.countries.size());
                              o->Key("countries");
                              o->StringArray(v.countries);
                              o->EndObject();
                            }
                            o->EndArray();
                          }});
  WritePrincipleJson(e.principle, &w, after_text);
}

std::string SvgText(std::string_view s) {
  std::string out;
  report_internal::AppendHtmlEscaped(&out, s);
  return out;
}

// An idea entry's label: its idea id in words ("peaceful assembly").
std::string IdeaLabel(const GlobalEntry& e) {
  std::string id = e.principle.ideas.empty() ? "" : e.principle.ideas.front();
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

// Two pictures of the ideas the documents share: a bar of support per idea
// (the kMaxBars best supported), and a documents x ideas matrix (the same
// ideas, every document), so a reader sees which ideas are near-universal
// and where a document is silent. Plain SVG, no script, no network.
void WriteGlobalFigures(const GlobalPlan& plan, Sink* out) {
  constexpr size_t kMaxBars = 40;
  std::vector<const GlobalEntry*> ideas;
  for (const GlobalEntry& e : plan.entries)
    if (e.principle.ideas.size() == 1 && ideas.size() < kMaxBars) ideas.push_back(&e);
  if (ideas.empty() || plan.countries.empty()) return;
  const size_t n = plan.countries.size();
  out->Heading(2, "Support at a glance", "figures");
  {
    constexpr int kRow = 14, kLabel = 220, kBar = 360;
    const int height = static_cast<int>(ideas.size()) * kRow + 20;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(kLabel + kBar + 60) + "\" height=\"" + std::to_string(height) +
                      "\" font-family=\"sans-serif\" font-size=\"11\" " +
                      "role=\"img\" aria-label=\"support per idea\">";
    for (size_t i = 0; i < ideas.size(); ++i) {
      const int y = static_cast<int>(i) * kRow + 10;
      const size_t support = ideas[i]->countries.size();
      const int w = static_cast<int>(kBar * support / n);
      svg += "<text x=\"" + std::to_string(kLabel - 6) + "\" y=\"" + std::to_string(y + 10) +
             "\" text-anchor=\"end\">" + SvgText(IdeaLabel(*ideas[i])) + "</text>";
      svg += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 1) +
             "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(kRow - 3) +
             "\" fill=\"#4a7ab5\"><title>" + SvgText(ideas[i]->principle.text) + "</title></rect>";
      svg += "<text x=\"" + std::to_string(kLabel + w + 4) + "\" y=\"" + std::to_string(y + 10) +
             "\">" + std::to_string(support) + "</text>";
    }
    svg += "</svg>";
    out->Figure(svg, "Support per idea: how many of the " + std::to_string(n) +
                         " documents state each of the " + std::to_string(ideas.size()) +
                         " best-supported ideas.");
  }
  {
    constexpr int kCell = 9, kLabel = 220, kTop = 40;
    const int width = kLabel + static_cast<int>(n) * kCell + 10;
    const int height = kTop + static_cast<int>(ideas.size()) * kCell + 10;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                      "\" height=\"" + std::to_string(height) +
                      "\" font-family=\"sans-serif\" font-size=\"8\" role=\"img\" " +
                      "aria-label=\"documents by ideas\">";
    for (size_t c = 0; c < n; ++c) {
      const int x = kLabel + static_cast<int>(c) * kCell + kCell - 2;
      svg += "<text transform=\"translate(" + std::to_string(x) + "," + std::to_string(kTop - 3) +
             ") rotate(-90)\">" + SvgText(plan.countries[c]) + "</text>";
    }
    std::map<std::string, size_t> column;
    for (size_t c = 0; c < n; ++c) column.emplace(plan.countries[c], c);
    for (size_t i = 0; i < ideas.size(); ++i) {
      const int y = kTop + static_cast<int>(i) * kCell;
      svg += "<text x=\"" + std::to_string(kLabel - 4) + "\" y=\"" + std::to_string(y + kCell - 1) +
             "\" text-anchor=\"end\">" + SvgText(IdeaLabel(*ideas[i])) + "</text>";
      for (const std::string& country : ideas[i]->countries) {
        auto it = column.find(country);
        if (it == column.end()) continue;
        svg += "<rect x=\"" + std::to_string(kLabel + static_cast<int>(it->second) * kCell) +
               "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(kCell - 1) +
               "\" height=\"" + std::to_string(kCell - 1) + "\" fill=\"#2e6b3a\"><title>" +
               SvgText(country + ": " + IdeaLabel(*ideas[i])) + "</title></rect>";
      }
    }
    svg += "</svg>";
    out->Figure(svg,
                "Documents (columns) by ideas (rows): a filled cell is a document that "
                "states the idea; an empty one, a document silent on it.");
  }
}

// Under each of the best-supported ideas, what each document says: the
// clauses behind the idea's one wording (who holds the right, its scope,
// its limits differ from country to country).
void WriteIdeaVariants(const GlobalPlan& plan, Sink* out) {
  constexpr size_t kMaxIdeas = 20;
  std::vector<Item> items;
  size_t shown = 0;
  for (const GlobalEntry& e : plan.entries) {
    if (e.principle.ideas.size() != 1 || shown == kMaxIdeas) continue;
    ++shown;
    items.push_back(
        {0,
         {{'b', IdeaLabel(e)},
          {'p', " (" + std::to_string(e.countries.size()) + " documents): " + e.principle.text}}});
    // One clause per document: the first that states the idea.
    Principle firsts = e.principle;
    firsts.sources.clear();
    std::set<std::string> docs;
    for (const Source& src : e.principle.sources)
      if (docs.insert(src.doc).second) firsts.sources.push_back(src);
    Append(&items, SourceItems(firsts, 1));
  }
  if (items.empty()) return;
  out->Heading(
      2, "What each document says, for the " + std::to_string(shown) + " best-supported ideas",
      "variants");
  out->Items(items);
}

// Under each idea principle that speaks for narrower ideas
// (rules/idea_global.tsv), which countries state which of them: the
// variants of one commitment ("a healthy environment", "the conservation
// of nature") that one principle counts together.
void WriteCountryVariants(const GlobalPlan& plan, Sink* out) {
  std::vector<Item> items;
  size_t shown = 0;
  for (const GlobalEntry& e : plan.entries) {
    if (e.variants.empty()) continue;
    ++shown;
    items.push_back(
        {0,
         {{'b', IdeaLabel(e)},
          {'p', " (" + std::to_string(e.countries.size()) + " documents): " + e.principle.text}}});
    for (const IdeaVariant& v : e.variants) {
      std::string label = v.idea;
      std::replace(label.begin(), label.end(), '_', ' ');
      items.push_back({1,
                       {{'i', label},
                        {'p', " (" + std::to_string(v.countries.size()) + "): " + v.text + " — " +
                                  Join(v.countries, ", ")}}});
    }
  }
  if (items.empty()) return;
  out->Heading(2,
               "Country variants of " + std::to_string(shown) +
                   (shown == 1 ? " principle" : " principles") + " that speak for narrower ideas",
               "country-variants");
  out->Para({{'p',
              "A principle counts every document that states its idea or a narrower idea it "
              "speaks for (rules/idea_global.tsv); below it, which documents state which."}});
  out->Items(items);
}

// The conflicts as a list (Markdown; the HTML page has the review section):
// each with its id and decision, both sides with their documents and clauses.
void WriteConflictList(const GlobalPlan& plan, Sink* out) {
  out->Heading(2, "Conflicts (" + std::to_string(plan.conflicts.size()) + ")", "conflicts");
  if (plan.conflicts.empty()) out->Para({{'p', "None found."}});
  for (const Conflict& c : plan.conflicts) {
    out->Heading(3, c.label_a + " vs " + c.label_b + " (" + c.kind + ")", "");
    std::vector<Item> items;
    items.push_back(
        {0,
         {{'p', "conflict "},
          {'c', c.id},
          {'p', c.decision.empty() ? ": awaiting review" : ": decided " + c.decision}}});
    // A rule conflict's sides name every declaring country; its evidence is
    // each country's declaring clause (the sources, noted with the country).
    items.push_back({0, {{'b', c.side_a}, {'p', ": " + c.a.text}}});
    Append(&items, SourceItems(c.a, 1));
    items.push_back({0, {{'b', c.side_b}, {'p', ": " + c.b.text}}});
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

// The global principles reviewer decisions dropped, each with its conflicts.
void WriteDropped(const GlobalPlan& plan, Sink* out) {
  out->Heading(2, "Dropped by conflict decisions (" + std::to_string(plan.dropped.size()) + ")",
               "dropped");
  std::vector<Item> items;
  for (const GlobalEntry& e : plan.dropped) {
    Line line = {{'p', e.principle.text + " (" + std::to_string(e.countries.size()) +
                           (e.countries.size() == 1 ? " document: " : " documents: ") +
                           Join(e.countries, ", ") + ") — conflict "}};
    for (size_t i = 0; i < e.dropped_by.size(); ++i) {
      if (i) line.push_back({'p', ", "});
      line.push_back({'c', e.dropped_by[i]});
    }
    items.push_back({0, std::move(line)});
  }
  if (items.empty()) out->Para({{'p', "None."}});
  out->Items(items);
}

// The principles in one clause's words that name one country's particulars.
void WriteParticular(const GlobalPlan& plan, Sink* out) {
  out->Heading(2,
               "Country-specific wordings, not global principles (" +
                   std::to_string(plan.particular.size()) + ")",
               "particular");
  out->Para({{'p',
              "Each names a country's particulars (a proper name or a figure), so it speaks "
              "for no other country."}});
  std::vector<Item> items;
  for (const GlobalEntry& e : plan.particular)
    items.push_back({0,
                     {{'p', e.principle.text + " (" + std::to_string(e.countries.size()) +
                                (e.countries.size() == 1 ? " document: " : " documents: ") +
                                Join(e.countries, ", ") + ")"}}});
  if (items.empty()) out->Para({{'p', "None."}});
  out->Items(items);
}

// `review`: the HTML page, whose conflicts are a review form (review.h)
// instead of a list.
void WriteGlobalReport(const GlobalPlan& plan, Sink* out, HtmlSink* review,
                       const ReportExtras& extras) {
  out->Begin("Charter global constitution: " + std::to_string(plan.countries.size()) +
             " countries");
  out->Para({{'p',
              "Principles written from ideas are merged by idea: a country supports an "
              "idea when one of its principles names it or a narrower idea it speaks for, "
              "and the idea's own wording speaks for all of them. Principles in a clause's "
              "own words are clustered (average "
              "linkage ≥ " +
                  Fixed(plan.options.threshold) +
                  "). Each principle shows how many countries support it. Minimum "
                  "support: " +
                  std::to_string(plan.options.min_support) + "."}});
  WriteThresholdsUsed(extras, out);
  out->Heading(2, "Summary", "summary");
  auto row = CountRow;
  out->Table(
      {"", "count"},
      {row("Countries", plan.countries.size()), row("Country principles in", plan.input_principles),
       row("Distinct principles (one per idea or cluster)", plan.clusters),
       row("Principles with enough support", plan.entries.size()),
       row("Country-specific wordings (not global principles)", plan.particular.size()),
       row("Conflicts", plan.conflicts.size()), row("— awaiting review", plan.Pending()),
       row("Principles dropped by conflict decisions", plan.dropped.size()),
       row("Decisions applied", plan.applied.size()),
       row("Stale decisions (no such conflict)", plan.stale.size())});
  WriteGlobalFigures(plan, out);
  out->Heading(2, "Principles by support", "principles");
  std::vector<std::vector<Line>> rows;
  for (size_t i = 0; i < plan.entries.size(); ++i) {
    const GlobalEntry& e = plan.entries[i];
    // A public-input voice is marked: "seattle (public input)".
    std::vector<std::string> voices;
    for (const std::string& c : e.countries)
      voices.push_back(std::find(plan.public_input.begin(), plan.public_input.end(), c) !=
                               plan.public_input.end()
                           ? c + " (public input)"
                           : c);
    rows.push_back({{{'p', std::to_string(i + 1)}},
                    {{'p', e.principle.text}},
                    {{'p', std::to_string(e.countries.size())}},
                    {{'p', Join(voices, ", ")}}});
  }
  out->Table({"#", "principle", "support", "countries"}, rows);
  WriteCountryVariants(plan, out);
  WriteIdeaVariants(plan, out);
  if (review)
    review->Raw(report_internal::ConflictReviewSection(plan));
  else
    WriteConflictList(plan, out);
  WriteDropped(plan, out);
  WriteParticular(plan, out);
  WriteAppliedDecisions(plan.applied, out);
  WriteStaleDecisions(plan.stale, "conflict", "a side's principles changed", out);
}

}  // namespace

std::string GlobalReportJson(const GlobalPlan& plan, const ReportExtras& extras) {
  std::string out;
  JsonWriter w(&out, 1);
  BeginReport(w, "global");
  w.Key("countries");
  w.StringArray(plan.countries);
  if (!plan.public_input.empty()) {
    w.Key("public_input");
    w.StringArray(plan.public_input);
  }
  w.Key("options");
  w.BeginObject();
  WriteNumber(w, "threshold", plan.options.threshold);
  WriteNumber(w, "negation", plan.options.negation);
  WriteCount(w, "min_support", plan.options.min_support);
  w.EndObject();
  WriteThresholdsUsed(extras, w);
  w.Key("summary");
  w.BeginObject();
  WriteCount(w, "countries", plan.countries.size());
  WriteCount(w, "country_principles", plan.input_principles);
  WriteCount(w, "clusters", plan.clusters);
  WriteCount(w, "principles", plan.entries.size());
  WriteCount(w, "conflicts", plan.conflicts.size());
  WriteCount(w, "conflicts_pending", plan.Pending());
  WriteCount(w, "dropped", plan.dropped.size());
  WriteCount(w, "country_specific", plan.particular.size());
  WriteCount(w, "decisions_applied", plan.applied.size());
  WriteCount(w, "decisions_stale", plan.stale.size());
  w.EndObject();
  WriteArray(w, "principles", plan.entries,
             [&](const GlobalEntry& e) { WriteGlobalEntry(w, e, /*variants=*/true); });
  WriteArray(w, "conflicts", plan.conflicts, [&](const Conflict& c) { WriteConflict(w, c); });
  // A dropped principle as in "principles", with the conflicts that dropped it.
  WriteArray(w, "dropped", plan.dropped, [&](const GlobalEntry& e) {
    w.BeginObject();
    w.Key("dropped_by");
    w.StringArray(e.dropped_by);
    w.Key("principle");
    WriteGlobalEntry(w, e, /*variants=*/true);
    w.EndObject();
  });
  WriteArray(w, "country_specific", plan.particular,
             [&](const GlobalEntry& e) { WriteGlobalEntry(w, e); });
  WriteDecisionArrays(w, plan.applied, plan.stale, "conflict");
  WriteSectionsJson(extras, w);
  w.EndObject();
  out += '\n';
  return out;
}

std::string GlobalReportMarkdown(const GlobalPlan& plan, const ReportExtras& extras) {
  MarkdownSink md;
  WriteGlobalReport(plan, &md, nullptr, extras);
  return EndMarkdown(md, extras);
}

std::string GlobalReportHtml(const GlobalPlan& plan, const ReportExtras& extras) {
  HtmlSink html;
  WriteGlobalReport(plan, &html, &html, extras);
  return EndHtml(html, extras);
}

std::string GlobalConstitutionJsonl(const GlobalPlan& plan) {
  std::string out;
  for (const GlobalEntry& e : plan.entries) {
    JsonWriter w(&out);
    WriteGlobalEntry(w, e);
    out += '\n';
  }
  return out;
}

std::string GlobalConstitutionMarkdown(const GlobalPlan& plan) {
  MarkdownSink md;
  md.Begin("Global Collective Constitution");
  md.Para({{'p', "Made by Charter from the principles of " + std::to_string(plan.countries.size()) +
                     " countries; each principle names the countries whose constitutions "
                     "support it."}});
  std::vector<Item> items;
  for (const GlobalEntry& e : plan.entries) {
    items.push_back({0, {{'p', e.principle.text}}});
    items.push_back({1,
                     {{'i', "support " + std::to_string(e.countries.size()) + ": " +
                                Join(e.countries, ", ")}}});
  }
  md.Numbered(items);
  return md.End();
}
}  // namespace charter
