#include "report/report.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "core/text.h"
#include "merge/principle_io.h"
#include "report/render.h"
#include "report/review.h"

namespace charter {

using Json = nlohmann::ordered_json;
using report_internal::HtmlSink;
using report_internal::Item;
using report_internal::Line;
using report_internal::MarkdownSink;
using report_internal::Run;
using report_internal::Sink;

namespace {

constexpr int kReportFormat = 1;

double R4(float x) { return std::round(static_cast<double>(x) * 10000.0) / 10000.0; }

std::string Fixed(float x, int decimals = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(x));
  return buf;
}

// --- JSON pieces ---------------------------------------------------------------
// Written with JsonWriter straight into the output: the same bytes as
// building the ordered_json document and dumping it, at a fraction of the
// cost (every country's report repeats the whole base).

void WriteString(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value);
}

void WriteCount(JsonWriter& w, const char* key, size_t value) {
  w.Key(key);
  w.UInt(value);
}

// A similarity or threshold, rounded to four decimals.
void WriteNumber(JsonWriter& w, const char* key, float value) {
  w.Key(key);
  w.Double(R4(value));
}

// Opens a report object: its format version and kind ("country", "global", "diff").
void BeginReport(JsonWriter& w, const char* kind) {
  w.BeginObject();
  w.Key("charter_report");
  w.Int(kReportFormat);
  WriteString(w, "kind", kind);
}

// `noun`: what the id names, "candidate" or "conflict".
void WriteDecision(JsonWriter& w, const Decision& d, const char* noun) {
  w.BeginObject();
  WriteString(w, noun, d.candidate_id);
  WriteString(w, "action", d.action);
  if (!d.text.empty()) WriteString(w, "text", d.text);
  WriteString(w, "file", d.file);
  w.Key("line");
  w.Int(d.line);
  w.EndObject();
}

// A global merge's conflict (one with an id) also has its id, the global
// principles of its sides and its decision.
void WriteConflict(JsonWriter& w, const Conflict& c) {
  w.BeginObject();
  if (!c.id.empty()) WriteString(w, "id", c.id);
  WriteString(w, "kind", c.kind);
  if (!c.rule.empty()) WriteString(w, "rule", c.rule);
  WriteString(w, "label_a", c.label_a);
  WriteString(w, "label_b", c.label_b);
  WriteString(w, "side_a", c.side_a);
  WriteString(w, "side_b", c.side_b);
  WriteNumber(w, "similarity", c.similarity);
  if (!c.id.empty()) {
    WriteString(w, "entry_a", c.entry_a);
    WriteString(w, "entry_b", c.entry_b);
    WriteString(w, "decision", c.decision.empty() ? "pending" : c.decision);
    if (c.decision_line) {
      w.Key("decision_line");
      w.Int(c.decision_line);
    }
  }
  w.Key("a");
  WritePrincipleJson(c.a, &w);
  w.Key("b");
  WritePrincipleJson(c.b, &w);
  w.EndObject();
}

// "key": [ each item written by write_one ].
template <typename T, typename WriteOne>
void WriteArray(JsonWriter& w, const char* key, const std::vector<T>& items, WriteOne write_one) {
  w.Key(key);
  w.BeginArray();
  for (const T& item : items) write_one(item);
  w.EndArray();
}

void WritePrinciples(JsonWriter& w, const char* key, const std::vector<Principle>& ps) {
  WriteArray(w, key, ps, [&](const Principle& p) { WritePrincipleJson(p, &w); });
}

// PrincipleToJson with "status" (and "candidates") after "text".
Json EntryJson(const ConstitutionEntry& e) {
  Json p = PrincipleToJson(e.principle);
  Json j;
  for (auto it = p.begin(); it != p.end(); ++it) {
    j[it.key()] = it.value();
    if (it.key() == "text") {
      j["status"] = e.status;
      if (!e.candidates.empty()) j["candidates"] = e.candidates;
    }
  }
  return j;
}

void WriteEntry(JsonWriter& w, const ConstitutionEntry& e) {
  if (ExtraHasKey(e.principle, {"status", "candidates"})) {
    w.Value(EntryJson(e));
    return;
  }
  WritePrincipleJson(e.principle, &w, [&](JsonWriter* o) {
    WriteString(*o, "status", e.status);
    if (!e.candidates.empty()) {
      o->Key("candidates");
      o->StringArray(e.candidates);
    }
  });
}

struct Counts {
  size_t pending = 0, accept = 0, edit = 0, reject = 0, drop = 0;
};

Counts CountDecisions(const MergePlan& plan) {
  Counts c;
  for (const MergeCandidate& m : plan.candidates) {
    if (m.decision.empty())
      ++c.pending;
    else if (m.decision == "accept")
      ++c.accept;
    else if (m.decision == "edit")
      ++c.edit;
    else if (m.decision == "reject")
      ++c.reject;
    else if (m.decision == "drop")
      ++c.drop;
  }
  return c;
}

// --- Reading a report back -------------------------------------------------------

struct Reader {
  std::string name;
  std::string error;

  bool Fail(const std::string& where, const std::string& what) {
    if (error.empty()) error = name + ": " + where + ": " + what;
    return false;
  }
  bool Get(const Json& j, const char* key, std::string* out, const std::string& where) {
    if (!j.contains(key) || !j.at(key).is_string())
      return Fail(where, std::string("missing \"") + key + "\"");
    *out = j.at(key).get<std::string>();
    return true;
  }
  bool GetOpt(const Json& j, const char* key, std::string* out) {
    if (j.contains(key) && j.at(key).is_string()) *out = j.at(key).get<std::string>();
    return true;
  }
  bool Num(const Json& j, const char* key, float* out, const std::string& where) {
    if (!j.contains(key) || !j.at(key).is_number())
      return Fail(where, std::string("missing \"") + key + "\"");
    *out = j.at(key).get<float>();
    return true;
  }
  bool P(const Json& j, Principle* out, const std::string& where) {
    auto p = PrincipleFromJson(j);
    if (!p) return Fail(where, p.error().message);
    *out = std::move(*p);
    return true;
  }
  bool Ps(const Json& j, const char* key, std::vector<Principle>* out) {
    if (!j.contains(key) || !j.at(key).is_array()) return Fail(key, "missing array");
    for (size_t i = 0; i < j.at(key).size(); ++i) {
      Principle p;
      if (!P(j.at(key)[i], &p, std::string(key) + "[" + std::to_string(i) + "]")) return false;
      out->push_back(std::move(p));
    }
    return true;
  }
  bool D(const Json& j, Decision* d, const std::string& where) {
    if (!Get(j, "candidate", &d->candidate_id, where) || !Get(j, "action", &d->action, where))
      return false;
    GetOpt(j, "text", &d->text);
    GetOpt(j, "file", &d->file);
    if (j.contains("line") && j.at("line").is_number_integer()) d->line = j.at("line").get<int>();
    return true;
  }
  bool C(const Json& j, Conflict* c, const std::string& where) {
    if (!Get(j, "kind", &c->kind, where)) return false;
    GetOpt(j, "rule", &c->rule);
    GetOpt(j, "label_a", &c->label_a);
    GetOpt(j, "label_b", &c->label_b);
    GetOpt(j, "side_a", &c->side_a);
    GetOpt(j, "side_b", &c->side_b);
    GetOpt(j, "id", &c->id);
    GetOpt(j, "entry_a", &c->entry_a);
    GetOpt(j, "entry_b", &c->entry_b);
    GetOpt(j, "decision", &c->decision);
    if (c->decision == "pending") c->decision.clear();
    if (j.contains("decision_line") && j.at("decision_line").is_number_integer())
      c->decision_line = j.at("decision_line").get<int>();
    if (!Num(j, "similarity", &c->similarity, where)) return false;
    if (!j.contains("a") || !j.contains("b")) return Fail(where, "missing \"a\" or \"b\"");
    return P(j.at("a"), &c->a, where + ".a") && P(j.at("b"), &c->b, where + ".b");
  }
};

// --- Shared text pieces ---------------------------------------------------------

// "Decisions applied (N)": each decision's id, action, text and file:line.
void WriteAppliedDecisions(const std::vector<Decision>& applied, Sink* out) {
  out->Heading(2, "Decisions applied (" + std::to_string(applied.size()) + ")", "decisions");
  std::vector<Item> items;
  for (const Decision& d : applied) {
    Line line = {{'c', d.candidate_id}, {'p', " " + d.action}};
    if (!d.text.empty()) line.push_back({'p', ": " + d.text});
    if (!d.file.empty()) line.push_back({'i', " (" + d.file + ":" + std::to_string(d.line) + ")"});
    items.push_back({0, std::move(line)});
  }
  if (items.empty()) out->Para({{'p', "None."}});
  out->Items(items);
}

// "Stale decisions (N)": decisions whose `noun` ("candidate") is not in this
// run, and `why` that happens.
void WriteStaleDecisions(const std::vector<Decision>& stale, const std::string& noun,
                         const std::string& why, Sink* out) {
  out->Heading(2, "Stale decisions (" + std::to_string(stale.size()) + ")", "stale");
  std::vector<Item> items;
  for (const Decision& d : stale) {
    items.push_back({0,
                     {{'i', d.file + ":" + std::to_string(d.line)},
                      {'p', ": "},
                      {'c', d.candidate_id},
                      {'p', " " + d.action + " — no such " + noun + " in this run (" + why +
                                "); decide again."}}});
  }
  if (items.empty()) out->Para({{'p', "None."}});
  out->Items(items);
}

std::vector<Item> SourceItems(const Principle& p, int depth) {
  std::vector<Item> out;
  for (const Source& s : p.sources) {
    Line line = {{'i', CiteSource(s)}};
    if (!s.text.empty() && s.text != p.text) {
      line.push_back({'p', ": "});
      line.push_back({'q', s.text});
    }
    if (!s.note.empty()) line.push_back({'p', " (" + s.note + ")"});
    out.push_back({depth, std::move(line)});
  }
  return out;
}

void Append(std::vector<Item>* to, const std::vector<Item>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

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
              "(rules/ideas.tsv) and whose own rewriting failed validation. Add an idea or a "
              "pattern if one of them should become a principle."}});
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

// "Thresholds used (rules/thresholds.tsv, or the options given): a 0.70, b off."
void WriteThresholdsUsed(const ReportExtras& extras, Sink* out) {
  if (extras.thresholds.empty()) return;
  std::string line = "Thresholds used (rules/thresholds.tsv, or the options given): ";
  for (size_t i = 0; i < extras.thresholds.size(); ++i)
    line += (i ? ", " : "") + extras.thresholds[i].name + " " + extras.thresholds[i].value;
  out->Para({{'p', line + "."}});
}

void WriteThresholdsUsed(const ReportExtras& extras, JsonWriter& w) {
  if (extras.thresholds.empty()) return;
  w.Key("thresholds_used");
  w.BeginObject();
  for (const ReportThreshold& t : extras.thresholds) {
    // A count ("5") as an integer, a cosine ("0.27") as a number, "off" as text.
    const char* text = t.value.c_str();
    char* end = nullptr;
    w.Key(t.name);
    if (t.value.find('.') == std::string::npos) {
      const long long v = std::strtoll(text, &end, 10);
      if (!t.value.empty() && end == text + t.value.size()) {
        w.Int(v);
        continue;
      }
    } else {
      const double v = std::strtod(text, &end);
      if (end == text + t.value.size()) {
        w.Double(v);
        continue;
      }
    }
    w.String(t.value);
  }
  w.EndObject();
}

void WriteSectionsJson(const ReportExtras& extras, JsonWriter& w) {
  for (const ReportSection& s : extras.sections) {
    w.Key(s.json_key);
    w.Value(s.json);
  }
}

std::string EndMarkdown(MarkdownSink& md, const ReportExtras& extras) {
  std::string out = md.End();
  for (const ReportSection& s : extras.sections) out += "\n" + s.markdown;
  return out;
}

std::string EndHtml(HtmlSink& html, const ReportExtras& extras) {
  for (const ReportSection& s : extras.sections) html.Raw(s.html);
  return html.End();
}

// `review`: the HTML page, whose merge candidates are a review form
// (review.h) instead of a list.
void WriteCountryReport(const MergePlan& plan, Sink* out, HtmlSink* review,
                        const ReportExtras& extras) {
  Counts counts = CountDecisions(plan);
  out->Begin(CountryTitle(plan));
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
  WriteThresholdsUsed(extras, out);

  out->Heading(2, "Summary", "summary");
  auto row = [](const std::string& k, size_t v) {
    return std::vector<Line>{{{'p', k}}, {{'p', std::to_string(v)}}};
  };
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

  if (review) {
    review->Raw(report_internal::ReviewSection(plan));
  } else {
    WriteCandidateList(plan, counts, out);
  }

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

  out->Heading(2, "Principles added (" + std::to_string(plan.added.size()) + ")", "added");
  {
    std::vector<Item> items;
    for (const Principle& p : plan.added) {
      items.push_back({0, {{'p', p.text + " "}, {'c', p.id}}});
      Append(&items, SourceItems(p, 1));
    }
    if (items.empty()) out->Para({{'p', "None."}});
    out->Numbered(items);
  }

  out->Heading(2, "Duplicates dropped (" + std::to_string(plan.duplicates.size()) + ")",
               "duplicates");
  {
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

  out->Heading(2, "Base principles (" + std::to_string(plan.base.size()) + ")", "base");
  {
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

  WriteAppliedDecisions(plan.applied, out);
  WriteUnconverted(plan, out);
  WriteStaleDecisions(plan.stale, "candidate", "its base or country principle changed", out);
}

// Lowers the first letter of a phrase for use after "the response ...".
std::string Base3rdToBase(const std::string& verb) {
  // "supports" -> "support", "encourages" -> "encourage", "does" -> "do".
  if (verb == "does") return "do";
  if (verb == "has") return "have";
  if (verb.size() > 3 && verb.ends_with("ies")) return verb.substr(0, verb.size() - 3) + "y";
  if (verb.size() > 4 && (verb.ends_with("sses") || verb.ends_with("shes") ||
                          verb.ends_with("ches") || verb.ends_with("xes")))
    return verb.substr(0, verb.size() - 2);
  if (verb.size() > 2 && verb.ends_with("s") && !verb.ends_with("ss"))
    return verb.substr(0, verb.size() - 1);
  return verb;
}

bool LooksLikeVerb3rd(const std::string& w) {
  static const char* const kNotVerbs[] = {"is",      "this",     "its",    "his",     "us",
                                          "as",      "was",      "always", "rights",  "others",
                                          "persons", "citizens", "laws",   "freedoms"};
  if (w.size() < 4 || !w.ends_with("s") || w.ends_with("ss") || w.ends_with("ous")) return false;
  for (const char* n : kNotVerbs)
    if (w == n) return false;
  return true;
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  report_internal::AppendHtmlEscaped(&out, s);
  return out;
}

std::string CiteSource(const Source& s) {
  std::string out = s.cite.empty() ? s.id : s.cite;
  std::string where = s.doc;
  if (s.line_start) {
    where += ":" + std::to_string(s.line_start);
    if (s.line_end > s.line_start) where += "-" + std::to_string(s.line_end);
  }
  if (!where.empty()) out += out.empty() ? where : " (" + where + ")";
  return out;
}

// --- Country report -----------------------------------------------------------------

std::string ReportJson(const MergePlan& plan, const ReportExtras& extras) {
  Counts counts = CountDecisions(plan);
  std::string out;
  out.reserve(64 * 1024);
  JsonWriter w(&out, 1);
  BeginReport(w, "country");
  WriteString(w, "country", plan.country);
  WriteString(w, "base", plan.base_name);
  w.Key("thresholds");
  w.BeginObject();
  WriteNumber(w, "duplicate", plan.options.duplicate);
  WriteNumber(w, "similar", plan.options.similar);
  WriteNumber(w, "combine", plan.options.combine);
  // Written only when set, so reports of embedding-only runs read as before.
  if (plan.options.lexical > 0) WriteNumber(w, "lexical", plan.options.lexical);
  if (plan.options.topical > 0) WriteNumber(w, "topical", plan.options.topical);
  if (plan.options.max_chars > 0) WriteCount(w, "max_chars", plan.options.max_chars);
  w.EndObject();
  WriteThresholdsUsed(extras, w);
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
  w.Key("merge_candidates");
  w.BeginArray();
  for (const MergeCandidate& c : plan.candidates) {
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
  w.EndArray();
  WriteArray(w, "conflicts", plan.conflicts, [&](const Conflict& c) { WriteConflict(w, c); });
  WritePrinciples(w, "added", plan.added);
  w.Key("duplicates");
  w.BeginArray();
  for (const Duplicate& d : plan.duplicates) {
    w.BeginObject();
    WriteNumber(w, "similarity", d.similarity);
    w.Key("base");
    WritePrincipleJson(d.base, &w);
    w.Key("country");
    WritePrincipleJson(d.country, &w);
    w.EndObject();
  }
  w.EndArray();
  auto decision = [&](const Decision& d) { WriteDecision(w, d, "candidate"); };
  WriteArray(w, "decisions_applied", plan.applied, decision);
  WriteArray(w, "decisions_stale", plan.stale, decision);
  WriteArray(w, "constitution", plan.constitution,
             [&](const ConstitutionEntry& e) { WriteEntry(w, e); });
  WritePrinciples(w, "base_principles", plan.base);
  WritePrinciples(w, "country_principles", plan.country_principles);
  WriteArray(w, "unconverted", plan.unconverted, [&](const Unconverted& u) {
    w.BeginObject();
    WriteString(w, "kind", u.kind);
    WriteString(w, "attempt", u.attempt);
    w.Key("reasons");
    w.StringArray(u.reasons);
    w.Key("source");
    WriteSourceJson(u.source, &w);
    w.EndObject();
  });
  WriteSectionsJson(extras, w);
  w.EndObject();
  out += '\n';
  return out;
}

Result<MergePlan> ParseReportJson(std::string_view text, const std::string& name) {
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return InvalidArgument(name + ": bad JSON: " + e.what());
  }
  if (!j.is_object() || j.value("kind", "") != "country" || !j.contains("charter_report"))
    return InvalidArgument(name + ": not a Charter country report");
  Reader r{name, ""};
  MergePlan plan;
  r.GetOpt(j, "country", &plan.country);
  r.GetOpt(j, "base", &plan.base_name);
  plan.options.country = plan.country;
  plan.options.base_name = plan.base_name;
  if (j.contains("thresholds")) {
    const Json& t = j.at("thresholds");
    r.Num(t, "duplicate", &plan.options.duplicate, "thresholds");
    r.Num(t, "similar", &plan.options.similar, "thresholds");
    r.Num(t, "combine", &plan.options.combine, "thresholds");
    if (t.contains("lexical")) r.Num(t, "lexical", &plan.options.lexical, "thresholds");
    if (t.contains("topical")) r.Num(t, "topical", &plan.options.topical, "thresholds");
    if (t.contains("max_chars") && t.at("max_chars").is_number_unsigned())
      plan.options.max_chars = t.at("max_chars").get<size_t>();
  }
  if (j.contains("summary") && j.at("summary").contains("country_principles_rewritten"))
    plan.country_input = j.at("summary").at("country_principles_rewritten").get<size_t>();
  if (!r.Ps(j, "base_principles", &plan.base) ||
      !r.Ps(j, "country_principles", &plan.country_principles) || !r.Ps(j, "added", &plan.added))
    return InvalidArgument(r.error);
  for (const char* key : {"merge_candidates", "conflicts", "duplicates", "decisions_applied",
                          "decisions_stale", "constitution"})
    if (!j.contains(key) || !j.at(key).is_array())
      return InvalidArgument(name + ": " + key + ": missing array");
  size_t i = 0;
  for (const Json& o : j.at("merge_candidates")) {
    std::string where = "merge_candidates[" + std::to_string(i++) + "]";
    MergeCandidate c;
    if (!r.Get(o, "id", &c.id, where) || !r.Num(o, "similarity", &c.similarity, where) ||
        !r.Get(o, "decision", &c.decision, where) ||
        !r.P(o.value("base", Json()), &c.base, where) ||
        !r.P(o.value("country", Json()), &c.country, where) ||
        !r.P(o.value("suggested", Json()), &c.suggested, where))
      return InvalidArgument(r.error);
    if (c.decision == "pending") c.decision.clear();
    r.GetOpt(o, "decided_text", &c.decided_text);
    if (o.contains("decision_line")) c.decision_line = o.at("decision_line").get<int>();
    if (o.contains("shared_ideas"))
      for (const Json& id : o.at("shared_ideas"))
        if (id.is_string()) c.shared_ideas.push_back(id.get<std::string>());
    plan.candidates.push_back(std::move(c));
  }
  i = 0;
  for (const Json& o : j.at("conflicts")) {
    Conflict c;
    if (!r.C(o, &c, "conflicts[" + std::to_string(i++) + "]")) return InvalidArgument(r.error);
    plan.conflicts.push_back(std::move(c));
  }
  i = 0;
  for (const Json& o : j.at("duplicates")) {
    std::string where = "duplicates[" + std::to_string(i++) + "]";
    Duplicate d;
    if (!r.Num(o, "similarity", &d.similarity, where) ||
        !r.P(o.value("base", Json()), &d.base, where) ||
        !r.P(o.value("country", Json()), &d.country, where))
      return InvalidArgument(r.error);
    plan.duplicates.push_back(std::move(d));
  }
  for (auto [key, list] :
       {std::pair{"decisions_applied", &plan.applied}, std::pair{"decisions_stale", &plan.stale}}) {
    i = 0;
    for (const Json& o : j.at(key)) {
      Decision d;
      if (!r.D(o, &d, std::string(key) + "[" + std::to_string(i++) + "]"))
        return InvalidArgument(r.error);
      list->push_back(std::move(d));
    }
  }
  i = 0;
  for (const Json& o : j.at("constitution")) {
    std::string where = "constitution[" + std::to_string(i++) + "]";
    ConstitutionEntry e;
    if (!r.Get(o, "status", &e.status, where)) return InvalidArgument(r.error);
    Json p = o;
    p.erase("status");
    if (p.contains("candidates")) {
      for (const Json& c : p.at("candidates"))
        if (c.is_string()) e.candidates.push_back(c.get<std::string>());
      p.erase("candidates");
    }
    if (!r.P(p, &e.principle, where)) return InvalidArgument(r.error);
    plan.constitution.push_back(std::move(e));
  }
  // Reports written before clauses were listed as not converted have none.
  if (j.contains("unconverted") && j.at("unconverted").is_array()) {
    i = 0;
    for (const Json& o : j.at("unconverted")) {
      std::string where = "unconverted[" + std::to_string(i++) + "]";
      Unconverted u;
      if (!o.is_object() || !r.Get(o, "kind", &u.kind, where))
        return InvalidArgument(r.error.empty() ? name + ": " + where + ": not an object" : r.error);
      r.GetOpt(o, "attempt", &u.attempt);
      if (o.contains("reasons") && o.at("reasons").is_array())
        for (const Json& x : o.at("reasons"))
          if (x.is_string()) u.reasons.push_back(x.get<std::string>());
      auto src = SourceFromJson(o.value("source", Json::object()));
      if (!src) return InvalidArgument(name + ": " + where + ": " + src.error().message);
      u.source = std::move(*src);
      plan.unconverted.push_back(std::move(u));
    }
  }
  return plan;
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

// --- Exports ----------------------------------------------------------------------

std::vector<Principle> ConstitutionPrinciples(const MergePlan& plan) {
  std::vector<Principle> out;
  for (const ConstitutionEntry& e : plan.constitution) out.push_back(e.principle);
  return out;
}

std::string ConstitutionJsonl(const MergePlan& plan) {
  std::string out;
  for (const ConstitutionEntry& e : plan.constitution) {
    JsonWriter w(&out);
    WriteEntry(w, e);
    out += '\n';
  }
  return out;
}

std::string ConstitutionMarkdown(const MergePlan& plan) {
  MarkdownSink md;
  std::string country = plan.country.empty() ? "this country" : plan.country;
  md.Begin("Collective Constitution for " + country);
  md.Para({{'p', "Made by Charter from " +
                     (plan.base_name.empty() ? std::string("the country's own principles")
                                             : "the base constitution " + plan.base_name) +
                     (plan.base_name.empty() ? "" : " and the principles of " + country) + ": " +
                     std::to_string(plan.constitution.size()) + " principles. " +
                     std::to_string(plan.duplicates.size()) +
                     " country principles repeated the base and were dropped; " +
                     std::to_string(plan.Pending()) + " await review (see report.md)."}});
  std::vector<Item> items;
  for (const ConstitutionEntry& e : plan.constitution) {
    items.push_back({0, {{'p', e.principle.text}}});
    std::vector<std::string> cites;
    for (const Source& s : e.principle.sources) {
      std::string c = s.cite.empty() ? s.id : s.cite;
      if (std::find(cites.begin(), cites.end(), c) == cites.end()) cites.push_back(c);
    }
    std::string from = e.status == "base"       ? "base"
                       : e.status == "combined" ? "base, combined with "
                                                : "";
    std::string list;
    for (const std::string& c : cites) {
      if (e.status == "combined" && c.starts_with("base")) continue;
      if (!list.empty()) list += "; ";
      list += c;
    }
    if (e.status == "base")
      items.push_back({1, {{'i', "base"}}});
    else
      items.push_back({1, {{'i', from + (list.empty() ? "" : list)}}});
  }
  md.Numbered(items);
  return md.End();
}

CritiqueRevision ToCritiqueRevision(const Principle& p) {
  std::string core = PrincipleCore(p.text);
  std::vector<std::string> words;
  for (std::string_view w : Split(core, ' '))
    if (!w.empty()) words.emplace_back(w);
  CritiqueRevision cr;
  auto generic = [&] {
    cr.critique =
        "Identify specific ways in which the response does not follow this principle: " + p.text;
    cr.revision = "Please rewrite the response so that it follows this principle: " + p.text;
    return cr;
  };
  if (words.size() < 3) return generic();
  size_t i = 0;
  bool is = false;
  if (words[i] == "is") {
    is = true;
    ++i;
  }
  std::string degree = AsciiLower(words[i]);
  bool most = degree == "most" || degree == "more";
  bool least = degree == "least" || degree == "less";
  if (!most && !least) return generic();
  ++i;
  if (is) {
    // "is most honest and helpful" / "is least racist"
    std::string rest =
        Join(std::vector<std::string>(words.begin() + static_cast<long>(i), words.end()), " ");
    if (rest.find(" that ") != std::string::npos) return generic();
    if (most) {
      cr.critique = "Identify specific ways in which the response is not " + rest + ".";
      cr.revision = "Please rewrite the response so that it is " + rest + ".";
    } else {
      cr.critique = "Identify specific ways in which the response is " + rest + ".";
      cr.revision = "Please rewrite the response so that it is not " + rest + ".";
    }
    return cr;
  }
  // "most supports and encourages X", "least endorses or condones X".
  if (i < words.size() && (words[i] == "clearly" || words[i] == "strongly")) ++i;
  std::vector<std::string> verbs3, verbs;
  while (i < words.size() && LooksLikeVerb3rd(words[i])) {
    std::string w = words[i];
    bool comma = w.ends_with(",");
    if (comma) w.pop_back();
    verbs3.push_back(w);
    verbs.push_back(Base3rdToBase(w));
    ++i;
    if (i + 1 < words.size() && (words[i] == "and" || words[i] == "or") &&
        LooksLikeVerb3rd(words[i + 1])) {
      verbs3.push_back(words[i]);
      verbs.push_back(words[i]);
      ++i;
    } else {
      break;
    }
  }
  if (verbs.empty() || i >= words.size()) return generic();
  std::string object =
      Join(std::vector<std::string>(words.begin() + static_cast<long>(i), words.end()), " ");
  std::string v3 = Join(verbs3, " "), v = Join(verbs, " ");
  if (most) {
    cr.critique = "Identify specific ways in which the response fails to " + v + " " + object + ".";
    cr.revision = "Please rewrite the response so that it " + v3 + " " + object + ".";
  } else {
    cr.critique = "Identify specific ways in which the response " + v3 + " " + object + ".";
    cr.revision = "Please rewrite the response so that it does not " + v + " " + object + ".";
  }
  return cr;
}

std::string CaiJson(const std::vector<Principle>& principles, std::string_view system_chat_json) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Key("constitutions");
  w.BeginArray();
  for (const Principle& p : principles) {
    CritiqueRevision cr = ToCritiqueRevision(p);
    w.BeginObject();
    WriteString(w, "critic", cr.critique);
    WriteString(w, "revision", cr.revision);
    w.EndObject();
  }
  w.EndArray();
  w.Key("system_chat");
  Json parsed;
  if (!system_chat_json.empty()) parsed = Json::parse(system_chat_json, nullptr, false);
  if (parsed.is_array()) {
    w.Value(parsed);
  } else {
    w.BeginArray();
    w.EndArray();
  }
  w.EndObject();
  out += '\n';
  return out;
}

std::string LangChainJson(const std::vector<Principle>& principles) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginArray();
  for (const Principle& p : principles) {
    CritiqueRevision cr = ToCritiqueRevision(p);
    w.BeginObject();
    WriteString(w, "name", p.id);
    WriteString(w, "critique_request", cr.critique);
    WriteString(w, "revision_request", cr.revision);
    w.EndObject();
  }
  w.EndArray();
  out += '\n';
  return out;
}

// --- Global ---------------------------------------------------------------------------

namespace {

// PrincipleToJson with "support", "countries" and "members" after "text".
Json GlobalEntryJson(const GlobalEntry& e) {
  Json p = PrincipleToJson(e.principle);
  Json j;
  for (auto it = p.begin(); it != p.end(); ++it) {
    j[it.key()] = it.value();
    if (it.key() == "text") {
      j["support"] = e.countries.size();
      j["countries"] = e.countries;
      j["members"] = e.members;
    }
  }
  return j;
}

void WriteGlobalEntry(JsonWriter& w, const GlobalEntry& e) {
  if (ExtraHasKey(e.principle, {"support", "countries", "members"})) {
    w.Value(GlobalEntryJson(e));
    return;
  }
  WritePrincipleJson(e.principle, &w, [&](JsonWriter* o) {
    o->Key("support");
    o->UInt(e.countries.size());
    o->Key("countries");
    o->StringArray(e.countries);
    o->Key("members");
    o->UInt(e.members);
  });
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

// `review`: the HTML page, whose conflicts are a review form (review.h)
// instead of a list.
void WriteGlobalReport(const GlobalPlan& plan, Sink* out, HtmlSink* review,
                       const ReportExtras& extras) {
  out->Begin("Charter global constitution: " + std::to_string(plan.countries.size()) +
             " countries");
  out->Para({{'p',
              "Principles written from ideas are merged by idea: a country supports an "
              "idea when one of its principles names it, and the idea's own wording speaks "
              "for all of them. Principles in a clause's own words are clustered (average "
              "linkage ≥ " +
                  Fixed(plan.options.threshold) +
                  "). Each principle shows how many countries support it. Minimum "
                  "support: " +
                  std::to_string(plan.options.min_support) + "."}});
  WriteThresholdsUsed(extras, out);
  out->Heading(2, "Summary", "summary");
  auto row = [](const std::string& k, size_t v) {
    return std::vector<Line>{{{'p', k}}, {{'p', std::to_string(v)}}};
  };
  out->Table(
      {"", "count"},
      {row("Countries", plan.countries.size()), row("Country principles in", plan.input_principles),
       row("Distinct principles (one per idea or cluster)", plan.clusters),
       row("Principles with enough support", plan.entries.size()),
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
  WriteIdeaVariants(plan, out);
  if (review)
    review->Raw(report_internal::ConflictReviewSection(plan));
  else
    WriteConflictList(plan, out);
  WriteDropped(plan, out);
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
  WriteCount(w, "decisions_applied", plan.applied.size());
  WriteCount(w, "decisions_stale", plan.stale.size());
  w.EndObject();
  WriteArray(w, "principles", plan.entries, [&](const GlobalEntry& e) { WriteGlobalEntry(w, e); });
  WriteArray(w, "conflicts", plan.conflicts, [&](const Conflict& c) { WriteConflict(w, c); });
  // A dropped principle as in "principles", with the conflicts that dropped it.
  WriteArray(w, "dropped", plan.dropped, [&](const GlobalEntry& e) {
    w.BeginObject();
    w.Key("dropped_by");
    w.StringArray(e.dropped_by);
    w.Key("principle");
    WriteGlobalEntry(w, e);
    w.EndObject();
  });
  auto decision = [&](const Decision& d) { WriteDecision(w, d, "conflict"); };
  WriteArray(w, "decisions_applied", plan.applied, decision);
  WriteArray(w, "decisions_stale", plan.stale, decision);
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

// --- Diff -------------------------------------------------------------------------------

std::string DiffJson(const PrincipleDiff& d) {
  std::string out;
  JsonWriter w(&out, 1);
  BeginReport(w, "diff");
  WriteString(w, "old", d.options.old_name);
  WriteString(w, "new", d.options.new_name);
  WriteNumber(w, "threshold", d.options.changed);
  w.Key("summary");
  w.BeginObject();
  WriteCount(w, "old", d.old_count);
  WriteCount(w, "new", d.new_count);
  WriteCount(w, "unchanged", d.unchanged.size());
  WriteCount(w, "changed", d.changed.size());
  WriteCount(w, "removed", d.removed.size());
  WriteCount(w, "added", d.added.size());
  w.EndObject();
  WritePrinciples(w, "added", d.added);
  WritePrinciples(w, "removed", d.removed);
  w.Key("changed");
  w.BeginArray();
  for (const PrincipleChange& c : d.changed) {
    w.BeginObject();
    WriteNumber(w, "similarity", c.similarity);
    w.Key("before");
    WritePrincipleJson(c.before, &w);
    w.Key("after");
    WritePrincipleJson(c.after, &w);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out += '\n';
  return out;
}

std::string DiffHtml(const PrincipleDiff& d) { return report_internal::DiffPage(d); }

std::string DiffMarkdown(const PrincipleDiff& d) {
  MarkdownSink md;
  md.Begin("Charter diff: " + d.options.old_name + " → " + d.options.new_name);
  auto row = [](const std::string& k, size_t v) {
    return std::vector<Line>{{{'p', k}}, {{'p', std::to_string(v)}}};
  };
  md.Table({"", "count"},
           {row("Principles before", d.old_count), row("Principles after", d.new_count),
            row("Unchanged", d.unchanged.size()), row("Changed", d.changed.size()),
            row("Removed", d.removed.size()), row("Added", d.added.size())});
  md.Heading(2, "Added (" + std::to_string(d.added.size()) + ")", "added");
  std::vector<Item> items;
  for (const Principle& p : d.added) {
    items.push_back({0, {{'b', "+ "}, {'p', p.text}}});
    Append(&items, SourceItems(p, 1));
  }
  if (items.empty()) md.Para({{'p', "None."}});
  md.Items(items);
  md.Heading(2, "Removed (" + std::to_string(d.removed.size()) + ")", "removed");
  items.clear();
  for (const Principle& p : d.removed) {
    items.push_back({0, {{'b', "− "}, {'p', p.text}}});
    Append(&items, SourceItems(p, 1));
  }
  if (items.empty()) md.Para({{'p', "None."}});
  md.Items(items);
  md.Heading(2, "Changed (" + std::to_string(d.changed.size()) + ")", "changed");
  items.clear();
  for (const PrincipleChange& c : d.changed) {
    items.push_back({0, {{'b', "before: "}, {'p', c.before.text}}});
    Append(&items, SourceItems(c.before, 1));
    items.push_back({0, {{'b', "after: "}, {'p', c.after.text}}});
    Append(&items, SourceItems(c.after, 1));
    items.push_back({1, {{'p', "similarity " + Fixed(c.similarity, 3)}}});
  }
  if (items.empty()) md.Para({{'p', "None."}});
  md.Items(items);
  return md.End();
}

}  // namespace charter
