// pieces.cc — what the files of the report stage share (pieces.h).
#include "report/pieces.h"

#include <cmath>
#include <cstdio>

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

void WriteDecision(JsonWriter& w, const Decision& d) {
  w.BeginObject();
  WriteString(w, "candidate", d.candidate_id);
  WriteString(w, "action", d.action);
  if (!d.text.empty()) WriteString(w, "text", d.text);
  WriteString(w, "file", d.file);
  w.Key("line");
  w.Int(d.line);
  w.EndObject();
}

void WriteConflict(JsonWriter& w, const Conflict& c) {
  w.BeginObject();
  WriteString(w, "kind", c.kind);
  if (!c.rule.empty()) WriteString(w, "rule", c.rule);
  WriteString(w, "label_a", c.label_a);
  WriteString(w, "label_b", c.label_b);
  WriteString(w, "side_a", c.side_a);
  WriteString(w, "side_b", c.side_b);
  WriteNumber(w, "similarity", c.similarity);
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

}  // namespace charter::report_internal
