#include "merge/json_writer.h"

#include <catch2/catch.hpp>

#include "merge/principle_io.h"

namespace charter {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Principles that exercise every field and every kind of string nlohmann
// escapes or replaces.
std::vector<Principle> Tricky() {
  Principle a;
  a.id = "a1";
  a.text = "Choose the response that most respects \"the right\" to C:\\path\tand\nlines.";
  a.polarity = "most";
  a.kind = "right";
  a.origin = "country";
  a.topics = {"expression", "privacy"};
  a.template_id = "right.default";
  a.rules = {"r1", "r\x01"};
  Source s;
  s.doc = "ken.txt";
  s.id = "ken/Art. 33";
  s.cite = "Art. 33 ‘quoted’ — ünïcödé ✓ 𝄞";
  s.line_start = 12;
  s.line_end = 14;
  s.text = "bad UTF-8 \xC3\x28 and \xE2\x82 and \xF0\x9F\x98 end \x7F del";
  s.note = "overlong \xC0\xAF surrogate \xED\xA0\x80";
  s.ideas = {"opinion_expression", "privacy"};
  Source only_ideas;
  only_ideas.ideas = {"life"};
  Source only_id;
  only_id.id = "only-id";
  a.sources = {s, Source{}, only_id, only_ideas};
  a.extra =
      R"({"source_section":"UDHR","n":2,"x":0.1,"nested":{"a":[1,2,{"b":null}],"e":{}},"empty":[],"polarity":"ignored","id":"also ignored"})";
  Principle b;
  b.id = "";
  b.text = "";
  Principle c;
  c.id = "c";
  c.text = "Choose the response that least endorses torture.";
  c.extra = "not json";
  Principle d;
  d.id = "d";
  d.text = "x";
  d.extra = R"({"polarity":"from extra"})";  // polarity empty: extra's is written
  return {a, b, c, d};
}

// The object WritePrincipleJson promises, built with nlohmann: the test's
// oracle for the bytes.
Json Expected(const Principle& p, const Json& after_text = Json::object()) {
  Json j;
  j["id"] = p.id;
  j["text"] = p.text;
  for (auto it = after_text.begin(); it != after_text.end(); ++it) j[it.key()] = it.value();
  if (!p.polarity.empty()) j["polarity"] = p.polarity;
  if (!p.kind.empty()) j["kind"] = p.kind;
  if (!p.origin.empty()) j["origin"] = p.origin;
  if (!p.topics.empty()) j["topics"] = p.topics;
  if (!p.template_id.empty()) j["template"] = p.template_id;
  if (!p.rules.empty()) j["rules"] = p.rules;
  if (!p.ideas.empty()) j["ideas"] = p.ideas;
  if (!p.sources.empty()) {
    Json sources = Json::array();
    for (const Source& s : p.sources) {
      Json o;
      if (!s.doc.empty()) o["doc"] = s.doc;
      if (!s.id.empty()) o["id"] = s.id;
      if (!s.cite.empty()) o["cite"] = s.cite;
      if (s.line_start || s.line_end) o["lines"] = Json::array({s.line_start, s.line_end});
      if (!s.text.empty()) o["text"] = s.text;
      if (!s.note.empty()) o["note"] = s.note;
      if (!s.ideas.empty()) o["ideas"] = s.ideas;
      sources.push_back(std::move(o));
    }
    j["sources"] = std::move(sources);
  }
  Json extra = Json::parse(p.extra, nullptr, /*allow_exceptions=*/false);
  if (extra.is_object()) {
    for (auto it = extra.begin(); it != extra.end(); ++it) {
      // A new key goes last; a member's takes the extra's value in its place.
      if (!j.contains(it.key()) || after_text.contains(it.key())) j[it.key()] = it.value();
    }
  }
  return j;
}

TEST_CASE("WritePrincipleJson writes the bytes nlohmann dumps for the same object", "[merge]") {
  for (const Principle& p : Tricky()) {
    for (int indent : {-1, 0, 1, 2, 4}) {
      std::string out;
      JsonWriter w(&out, indent);
      WritePrincipleJson(p, &w);
      CHECK(out == Dump(Expected(p), indent));
    }
  }
}

TEST_CASE("a member after the text takes the value of an extra field of its name", "[merge]") {
  Principle p;
  p.id = "e";
  p.text = "Choose the response that most respects X.";
  p.extra = R"({"status":"from extra","note":1})";
  std::string out;
  JsonWriter w(&out);
  WritePrincipleJson(p, &w,
                     {{"status", [](JsonWriter* o) { o->String("added"); }},
                      {"support", [](JsonWriter* o) { o->UInt(3); }}});
  CHECK(out == Dump(Expected(p, {{"status", "added"}, {"support", 3}}), -1));
  CHECK(
      out ==
      R"({"id":"e","text":"Choose the response that most respects X.","status":"from extra","support":3,"note":1})");
}

TEST_CASE("a JsonWriter nests containers and values as nlohmann lays them out", "[merge]") {
  Json j = Json::object();
  j["n"] = 1;
  j["neg"] = -3;
  j["u"] = size_t{18446744073709551615u};
  j["d"] = 0.2614;
  j["whole"] = 1.0;
  j["empty_obj"] = Json::object();
  j["empty_arr"] = Json::array();
  j["list"] = Json::array({"a", "b\"c"});
  j["nested"] = Json::parse(R"({"x":[1,{"y":[]}],"z":"w"})");
  for (int indent : {-1, 1, 2}) {
    std::string out;
    JsonWriter w(&out, indent);
    w.BeginObject();
    w.Key("n");
    w.Int(1);
    w.Key("neg");
    w.Int(-3);
    w.Key("u");
    w.UInt(18446744073709551615u);
    w.Key("d");
    w.Double(0.2614);
    w.Key("whole");
    w.Double(1.0);
    w.Key("empty_obj");
    w.BeginObject();
    w.EndObject();
    w.Key("empty_arr");
    w.BeginArray();
    w.EndArray();
    w.Key("list");
    w.StringArray({"a", "b\"c"});
    w.Key("nested");
    w.Value(j["nested"]);
    w.EndObject();
    CHECK(out == Dump(j, indent));
  }
}

TEST_CASE("PrinciplesToJsonl reads back to the same principles", "[merge]") {
  // An empty text, a source with no field (written as null) and extra
  // fields named like Charter's own do not read back as they were.
  std::vector<Principle> ps = {Tricky()[0], Tricky()[2]};
  ps[0].sources.erase(ps[0].sources.begin() + 1);
  ps[0].extra = R"({"source_section":"UDHR","n":2,"x":0.1,"nested":{"a":[1,2,{"b":null}]}})";
  std::string jsonl = PrinciplesToJsonl(ps);
  auto back = ParsePrinciplesJsonl(jsonl, "p.jsonl");
  REQUIRE(back);
  CHECK(PrinciplesToJsonl(*back) == jsonl);
  // A source says which of its principle's ideas it states.
  REQUIRE((*back)[0].sources.size() == 3);
  CHECK((*back)[0].sources[0].ideas == std::vector<std::string>{"opinion_expression", "privacy"});
  CHECK((*back)[0].sources[2].ideas == std::vector<std::string>{"life"});
}

}  // namespace
}  // namespace charter
