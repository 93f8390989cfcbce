// report_reader.cc — ParseReportJson: a country report read back.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "merge/principle_io.h"
#include "report/pieces.h"
#include "report/render.h"
#include "report/report.h"

namespace charter {

using Json = nlohmann::ordered_json;

namespace {

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

// The thresholds the plan was made with, when the report has them.
void ReadThresholds(Reader& r, const Json& j, MergeOptions* o) {
  if (!j.contains("thresholds")) return;
  const Json& t = j.at("thresholds");
  r.Num(t, "duplicate", &o->duplicate, "thresholds");
  r.Num(t, "similar", &o->similar, "thresholds");
  r.Num(t, "combine", &o->combine, "thresholds");
  if (t.contains("lexical")) r.Num(t, "lexical", &o->lexical, "thresholds");
  if (t.contains("topical")) r.Num(t, "topical", &o->topical, "thresholds");
  if (t.contains("max_chars") && t.at("max_chars").is_number_unsigned())
    o->max_chars = t.at("max_chars").get<size_t>();
}

bool ReadCandidate(Reader& r, const Json& o, const std::string& where, MergeCandidate* c) {
  if (!r.Get(o, "id", &c->id, where) || !r.Num(o, "similarity", &c->similarity, where) ||
      !r.Get(o, "decision", &c->decision, where) ||
      !r.P(o.value("base", Json()), &c->base, where) ||
      !r.P(o.value("country", Json()), &c->country, where) ||
      !r.P(o.value("suggested", Json()), &c->suggested, where))
    return false;
  if (c->decision == "pending") c->decision.clear();
  r.GetOpt(o, "decided_text", &c->decided_text);
  if (o.contains("decision_line")) c->decision_line = o.at("decision_line").get<int>();
  if (o.contains("shared_ideas"))
    for (const Json& id : o.at("shared_ideas"))
      if (id.is_string()) c->shared_ideas.push_back(id.get<std::string>());
  return true;
}

bool ReadDuplicate(Reader& r, const Json& o, const std::string& where, Duplicate* d) {
  return r.Num(o, "similarity", &d->similarity, where) &&
         r.P(o.value("base", Json()), &d->base, where) &&
         r.P(o.value("country", Json()), &d->country, where);
}

// A constitution entry: a principle with "status" (and "candidates").
bool ReadEntry(Reader& r, const Json& o, const std::string& where, ConstitutionEntry* e) {
  if (!r.Get(o, "status", &e->status, where)) return false;
  Json p = o;
  p.erase("status");
  if (p.contains("candidates")) {
    for (const Json& c : p.at("candidates"))
      if (c.is_string()) e->candidates.push_back(c.get<std::string>());
    p.erase("candidates");
  }
  return r.P(p, &e->principle, where);
}

// Reports written before clauses were listed as not converted have none.
Status ReadUnconverted(Reader& r, const Json& j, std::vector<Unconverted>* out) {
  if (!j.contains("unconverted") || !j.at("unconverted").is_array()) return {};
  size_t i = 0;
  for (const Json& o : j.at("unconverted")) {
    std::string where = "unconverted[" + std::to_string(i++) + "]";
    Unconverted u;
    if (!o.is_object() || !r.Get(o, "kind", &u.kind, where))
      return InvalidArgument(r.error.empty() ? r.name + ": " + where + ": not an object" : r.error);
    r.GetOpt(o, "attempt", &u.attempt);
    if (o.contains("reasons") && o.at("reasons").is_array())
      for (const Json& x : o.at("reasons"))
        if (x.is_string()) u.reasons.push_back(x.get<std::string>());
    auto src = SourceFromJson(o.value("source", Json::object()));
    if (!src) return InvalidArgument(r.name + ": " + where + ": " + src.error().message);
    u.source = std::move(*src);
    out->push_back(std::move(u));
  }
  return {};
}

// Every element of the array j[key], read by `read` into `out`.
template <typename T, typename Read>
bool ReadArray(const Json& j, const char* key, Read read, std::vector<T>* out) {
  size_t i = 0;
  for (const Json& o : j.at(key)) {
    T item;
    if (!read(o, std::string(key) + "[" + std::to_string(i++) + "]", &item)) return false;
    out->push_back(std::move(item));
  }
  return true;
}

}  // namespace

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
  ReadThresholds(r, j, &plan.options);
  if (j.contains("summary") && j.at("summary").contains("country_principles_rewritten"))
    plan.country_input = j.at("summary").at("country_principles_rewritten").get<size_t>();
  if (!r.Ps(j, "base_principles", &plan.base) ||
      !r.Ps(j, "country_principles", &plan.country_principles) || !r.Ps(j, "added", &plan.added))
    return InvalidArgument(r.error);
  for (const char* key : {"merge_candidates", "conflicts", "duplicates", "decisions_applied",
                          "decisions_stale", "constitution"})
    if (!j.contains(key) || !j.at(key).is_array())
      return InvalidArgument(name + ": " + key + ": missing array");
  auto candidate = [&](const Json& o, const std::string& w, MergeCandidate* c) {
    return ReadCandidate(r, o, w, c);
  };
  auto conflict = [&](const Json& o, const std::string& w, Conflict* c) { return r.C(o, c, w); };
  auto duplicate = [&](const Json& o, const std::string& w, Duplicate* d) {
    return ReadDuplicate(r, o, w, d);
  };
  auto decision = [&](const Json& o, const std::string& w, Decision* d) { return r.D(o, d, w); };
  auto entry = [&](const Json& o, const std::string& w, ConstitutionEntry* e) {
    return ReadEntry(r, o, w, e);
  };
  if (!ReadArray(j, "merge_candidates", candidate, &plan.candidates) ||
      !ReadArray(j, "conflicts", conflict, &plan.conflicts) ||
      !ReadArray(j, "duplicates", duplicate, &plan.duplicates) ||
      !ReadArray(j, "decisions_applied", decision, &plan.applied) ||
      !ReadArray(j, "decisions_stale", decision, &plan.stale) ||
      !ReadArray(j, "constitution", entry, &plan.constitution))
    return InvalidArgument(r.error);
  if (Status st = ReadUnconverted(r, j, &plan.unconverted); !st) return std::unexpected(st.error());
  return plan;
}

}  // namespace charter
