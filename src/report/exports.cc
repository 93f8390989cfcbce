// exports.cc — a merged constitution as files other tools read:
// constitution.jsonl and .md, critique/revision pairs (CAI JSON) and
// LangChain principles.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/principle_text.h"
#include "core/text.h"
#include "merge/principle_io.h"
#include "report/pieces.h"
#include "report/render.h"
#include "report/report.h"

namespace charter {

using namespace report_internal;
using Json = nlohmann::ordered_json;

namespace {

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

bool LooksLikeVerb3rd(const std::string& w, const std::set<std::string>& not_verbs) {
  if (w.size() < 4 || !w.ends_with("s") || w.ends_with("ss") || w.ends_with("ous")) return false;
  return !not_verbs.count(w);
}

}  // namespace

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

CritiqueRevision ToCritiqueRevision(const Principle& p, const std::set<std::string>& not_verbs) {
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
  std::string_view degree = DegreeOf(words[i]);
  bool most = degree == "most";
  bool least = degree == "least";
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
  while (i < words.size() && LooksLikeVerb3rd(words[i], not_verbs)) {
    std::string w = words[i];
    bool comma = w.ends_with(",");
    if (comma) w.pop_back();
    verbs3.push_back(w);
    verbs.push_back(Base3rdToBase(w));
    ++i;
    if (i + 1 < words.size() && (words[i] == "and" || words[i] == "or") &&
        LooksLikeVerb3rd(words[i + 1], not_verbs)) {
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

std::string CaiJson(const std::vector<Principle>& principles, std::string_view system_chat_json,
                    const ReportExtras& extras) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Key("constitutions");
  w.BeginArray();
  for (const Principle& p : principles) {
    CritiqueRevision cr = ToCritiqueRevision(p, extras.not_verbs);
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

std::string LangChainJson(const std::vector<Principle>& principles, const ReportExtras& extras) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginArray();
  for (const Principle& p : principles) {
    CritiqueRevision cr = ToCritiqueRevision(p, extras.not_verbs);
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
}  // namespace charter
