// pieces.cc — what the files of the report stage share (pieces.h).
#include "report/pieces.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"
#include "merge/principle_io.h"
#include "report/report.h"

namespace charter::report_internal {

namespace {
constexpr int kReportFormat = 1;
}  // namespace

double R4(float x) { return std::round(static_cast<double>(x) * 10000.0) / 10000.0; }

std::string Fixed(float x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(x));
  return buf;
}

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

void WriteDecisionArrays(JsonWriter& w, const std::vector<Decision>& applied,
                         const std::vector<Decision>& stale, const char* noun) {
  auto decision = [&](const Decision& d) { WriteDecision(w, d, noun); };
  WriteArray(w, "decisions_applied", applied, decision);
  WriteArray(w, "decisions_stale", stale, decision);
}

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

void WritePrinciples(JsonWriter& w, const char* key, const std::vector<Principle>& ps) {
  WriteArray(w, key, ps, [&](const Principle& p) { WritePrincipleJson(p, &w); });
}

void WritePrinciplePair(JsonWriter& w, float similarity, const char* key_a, const Principle& a,
                        const char* key_b, const Principle& b) {
  w.BeginObject();
  WriteNumber(w, "similarity", similarity);
  w.Key(key_a);
  WritePrincipleJson(a, &w);
  w.Key(key_b);
  WritePrincipleJson(b, &w);
  w.EndObject();
}

void WriteEntry(JsonWriter& w, const ConstitutionEntry& e) {
  std::vector<JsonMember> after_text = {{"status", [&](JsonWriter* o) { o->String(e.status); }}};
  if (!e.candidates.empty())
    after_text.push_back({"candidates", [&](JsonWriter* o) { o->StringArray(e.candidates); }});
  WritePrincipleJson(e.principle, &w, after_text);
}

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
std::vector<Line> CountRow(const std::string& what, size_t count) {
  return std::vector<Line>{{{'p', what}}, {{'p', std::to_string(count)}}};
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

}  // namespace charter::report_internal
