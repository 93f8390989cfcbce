#include "merge/principle_io.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "core/text.h"

namespace charter {

using Json = nlohmann::ordered_json;

namespace {

const char* const kKnownKeys[] = {"id",     "text",     "polarity", "kind",  "origin",
                                  "topics", "template", "rules",    "ideas", "sources"};

bool IsKnownKey(const std::string& key) {
  for (const char* k : kKnownKeys)
    if (key == k) return true;
  return false;
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// nlohmann's messages start with "[json.exception.parse_error.101] "; keep
// the part a user can act on.
std::string CleanJsonError(const std::string& what) {
  size_t p = what.find("] ");
  std::string s =
      (p != std::string::npos && what.starts_with("[json.")) ? what.substr(p + 2) : what;
  return s;
}

Result<std::vector<std::string>> StringList(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  const Json& v = j.at(key);
  if (!v.is_array())
    return InvalidArgument(std::string("\"") + key + "\" must be an array of strings");
  for (const Json& e : v) {
    if (!e.is_string())
      return InvalidArgument(std::string("\"") + key + "\" must be an array of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

Result<std::string> OptString(const Json& j, const char* key) {
  if (!j.contains(key)) return std::string();
  const Json& v = j.at(key);
  if (v.is_null()) return std::string();
  if (!v.is_string()) return InvalidArgument(std::string("\"") + key + "\" must be a string");
  return v.get<std::string>();
}

// Byte offset -> 1-based line.
int LineAt(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

// Start offsets of the elements of a top-level JSON array (already known to
// parse), so errors about element K can name its line.
std::vector<size_t> ArrayElementOffsets(std::string_view text) {
  std::vector<size_t> out;
  int depth = 0;
  bool in_string = false, escape = false, expect = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escape)
        escape = false;
      else if (c == '\\')
        escape = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (expect && depth == 1 && !std::isspace(static_cast<unsigned char>(c)) && c != ']') {
      out.push_back(i);
      expect = false;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      ++depth;
      if (depth == 1) expect = true;
    } else if (c == ']' || c == '}')
      --depth;
    else if (c == ',' && depth == 1)
      expect = true;
  }
  return out;
}

Principle BasePrinciple(Principle p, const std::string& name, size_t index, int line) {
  if (p.id.empty()) p.id = HashHex(p.text);
  if (p.origin.empty()) p.origin = "base";
  if (p.kind.empty()) p.kind = "base";
  if (p.polarity.empty()) p.polarity = GuessPolarity(p.text);
  if (p.sources.empty()) {
    Source s;
    s.doc = name;
    s.id = p.id;
    s.cite = "base #" + std::to_string(index);
    s.line_start = s.line_end = static_cast<uint32_t>(line);
    s.text = p.text;
    p.sources.push_back(std::move(s));
  }
  return p;
}

}  // namespace

void WriteSourceJson(const Source& s, JsonWriter* w) {
  if (s.doc.empty() && s.id.empty() && s.cite.empty() && !s.line_start && !s.line_end &&
      s.text.empty() && s.note.empty() && s.ideas.empty()) {
    w->Null();  // what nlohmann writes for an object no field was set in
    return;
  }
  auto field = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    w->Key(k);
    w->String(v);
  };
  w->BeginObject();
  field("doc", s.doc);
  field("id", s.id);
  field("cite", s.cite);
  if (s.line_start || s.line_end) {
    w->Key("lines");
    w->BeginArray();
    w->UInt(s.line_start);
    w->UInt(s.line_end);
    w->EndArray();
  }
  field("text", s.text);
  field("note", s.note);
  if (!s.ideas.empty()) {
    w->Key("ideas");
    w->BeginArray();
    for (const std::string& i : s.ideas) w->String(i);
    w->EndArray();
  }
  w->EndObject();
}

Result<Source> SourceFromJson(const Json& o) {
  if (!o.is_object()) return InvalidArgument("source: expected a JSON object");
  Source s;
  for (auto [field, key] :
       {std::pair{&s.doc, "doc"}, std::pair{&s.id, "id"}, std::pair{&s.cite, "cite"},
        std::pair{&s.text, "text"}, std::pair{&s.note, "note"}}) {
    auto v = OptString(o, key);
    if (!v)
      return std::unexpected(Error{Error::Code::kInvalidArgument, "source " + v.error().message});
    *field = *v;
  }
  if (o.contains("lines")) {
    const Json& l = o.at("lines");
    if (!l.is_array() || l.size() != 2 || !l[0].is_number_unsigned() || !l[1].is_number_unsigned())
      return InvalidArgument("source \"lines\" must be [start, end]");
    s.line_start = l[0].get<uint32_t>();
    s.line_end = l[1].get<uint32_t>();
  }
  if (o.contains("ideas")) {
    const Json& ideas = o.at("ideas");
    if (!ideas.is_array()) return InvalidArgument("source \"ideas\" must be an array of strings");
    for (const Json& i : ideas) {
      if (!i.is_string()) return InvalidArgument("source \"ideas\" must be an array of strings");
      s.ideas.push_back(i.get<std::string>());
    }
  }
  return s;
}

namespace {

// Principle::extra parsed, kept per thread: a base principle's extra fields
// are written into every country's files.
const Json& ParsedExtra(const std::string& extra) {
  thread_local std::unordered_map<std::string, Json> cache;
  auto it = cache.find(extra);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 4096) cache.clear();
  return cache.emplace(extra, Json::parse(extra, nullptr, /*allow_exceptions=*/false))
      .first->second;
}

}  // namespace

void WritePrincipleJson(const Principle& p, JsonWriter* w,
                        const std::vector<JsonMember>& after_text) {
  const Json* extra = nullptr;
  if (!p.extra.empty()) {
    const Json& parsed = ParsedExtra(p.extra);
    if (parsed.is_object()) extra = &parsed;
  }
  // The keys written so far, for the extra fields (which never repeat one);
  // kept only when there are extra fields.
  std::vector<std::string_view> written;
  if (extra) written.reserve(10 + after_text.size());
  auto key = [&](const char* k) {
    w->Key(k);
    if (extra) written.push_back(k);
  };
  // A string field, left out when empty.
  auto field = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    key(k);
    w->String(v);
  };
  w->BeginObject();
  key("id");
  w->String(p.id);
  key("text");
  w->String(p.text);
  for (const JsonMember& m : after_text) {
    key(m.key);
    // An extra field of the same name gives the value.
    if (extra && extra->contains(m.key))
      w->Value(extra->at(m.key));
    else
      m.value(w);
  }
  field("polarity", p.polarity);
  field("kind", p.kind);
  field("origin", p.origin);
  if (!p.topics.empty()) {
    key("topics");
    w->StringArray(p.topics);
  }
  field("template", p.template_id);
  if (!p.rules.empty()) {
    key("rules");
    w->StringArray(p.rules);
  }
  if (!p.ideas.empty()) {
    key("ideas");
    w->StringArray(p.ideas);
  }
  if (!p.sources.empty()) {
    key("sources");
    w->BeginArray();
    for (const Source& src : p.sources) WriteSourceJson(src, w);
    w->EndArray();
  }
  if (extra)
    for (auto it = extra->begin(); it != extra->end(); ++it) {
      if (std::find(written.begin(), written.end(), it.key()) != written.end()) continue;
      w->Key(it.key());
      w->Value(it.value());
    }
  w->EndObject();
}

Result<Principle> PrincipleFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("expected a JSON object");
  Principle p;
  if (!j.contains("text")) return InvalidArgument("missing \"text\"");
  auto text = OptString(j, "text");
  if (!text) return std::unexpected(text.error());
  p.text = std::string(Trim(*text));
  if (p.text.empty()) return InvalidArgument("empty \"text\"");
  for (auto [field, key] :
       {std::pair{&p.id, "id"}, std::pair{&p.polarity, "polarity"}, std::pair{&p.kind, "kind"},
        std::pair{&p.origin, "origin"}, std::pair{&p.template_id, "template"}}) {
    // Base files may number their ids; accept a number as an id.
    if (std::string(key) == "id" && j.contains("id") && j.at("id").is_number_integer()) {
      *field = std::to_string(j.at("id").get<long long>());
      continue;
    }
    auto v = OptString(j, key);
    if (!v) return std::unexpected(v.error());
    *field = *v;
  }
  auto topics = StringList(j, "topics");
  if (!topics) return std::unexpected(topics.error());
  p.topics = *topics;
  auto rules = StringList(j, "rules");
  if (!rules) return std::unexpected(rules.error());
  p.rules = *rules;
  auto ideas = StringList(j, "ideas");
  if (!ideas) return std::unexpected(ideas.error());
  p.ideas = *ideas;
  if (j.contains("sources")) {
    const Json& ss = j.at("sources");
    if (!ss.is_array()) return InvalidArgument("\"sources\" must be an array of objects");
    for (const Json& o : ss) {
      if (!o.is_object()) return InvalidArgument("\"sources\" must be an array of objects");
      auto src = SourceFromJson(o);
      if (!src) return std::unexpected(src.error());
      p.sources.push_back(std::move(*src));
    }
  }
  Json extra = Json::object();
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!IsKnownKey(it.key())) extra[it.key()] = it.value();
  if (!extra.empty()) p.extra = Dump(extra);
  return p;
}

std::string PrinciplesToJsonl(const std::vector<Principle>& principles) {
  std::string out;
  for (const Principle& p : principles) {
    JsonWriter w(&out);
    WritePrincipleJson(p, &w);
    out += '\n';
  }
  return out;
}

namespace {
// One principle object a non-blank line; appends each with its 1-based line.
Status ParseJsonlLines(std::string_view text, const std::string& name, std::vector<Principle>* out,
                       std::vector<int>* lines) {
  int line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    std::string where = name + ":" + std::to_string(line_no) + ": ";
    if (!IsValidUtf8(t)) return InvalidArgument(where + "invalid UTF-8");
    Json j;
    try {
      j = Json::parse(t);
    } catch (const Json::parse_error& e) {
      return InvalidArgument(where + "bad JSON: " + CleanJsonError(e.what()));
    } catch (const Json::exception& e) {  // a number too large (out_of_range 406)
      return InvalidArgument(where + "bad JSON: " + CleanJsonError(e.what()));
    }
    auto p = PrincipleFromJson(j);
    if (!p) return InvalidArgument(where + p.error().message);
    out->push_back(std::move(*p));
    lines->push_back(line_no);
  }
  return {};
}
}  // namespace

Result<std::vector<Principle>> ParsePrinciplesJsonl(std::string_view text,
                                                    const std::string& name) {
  std::vector<Principle> out;
  std::vector<int> lines;
  if (auto st = ParseJsonlLines(text, name, &out, &lines); !st) return std::unexpected(st.error());
  return out;
}

Result<std::vector<Principle>> ParseBaseConstitution(std::string_view text,
                                                     const std::string& name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // BOM
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InvalidArgument(name + ": no principles");
  std::vector<Principle> out;
  std::vector<int> lines;
  if (text[first] == '[') {
    size_t bad = FirstInvalidUtf8(text);
    if (bad != std::string_view::npos)
      return InvalidArgument(name + ":" + std::to_string(LineAt(text, bad)) + ": invalid UTF-8");
    Json arr;
    try {
      arr = Json::parse(text);
    } catch (const Json::parse_error& e) {
      return InvalidArgument(name + ":" +
                             std::to_string(LineAt(text, e.byte > 0 ? e.byte - 1 : 0)) +
                             ": bad JSON: " + CleanJsonError(e.what()));
    } catch (const Json::exception& e) {  // a number too large (out_of_range 406)
      return InvalidArgument(name + ": bad JSON: " + CleanJsonError(e.what()));
    }
    if (!arr.is_array())
      return InvalidArgument(name + ":" + std::to_string(LineAt(text, first)) +
                             ": expected a JSON array of principles");
    std::vector<size_t> offsets = ArrayElementOffsets(text);
    for (size_t i = 0; i < arr.size(); ++i) {
      int line = LineAt(text, i < offsets.size() ? offsets[i] : first);
      std::string where = name + ":" + std::to_string(line) + ": ";
      const Json& e = arr[i];
      Principle p;
      if (e.is_string()) {
        p.text = std::string(Trim(e.get<std::string>()));
        if (p.text.empty()) return InvalidArgument(where + "empty principle");
      } else if (e.is_object()) {
        auto parsed = PrincipleFromJson(e);
        if (!parsed) return InvalidArgument(where + parsed.error().message);
        p = std::move(*parsed);
      } else {
        return InvalidArgument(where + "expected a string or an object with \"text\"");
      }
      out.push_back(std::move(p));
      lines.push_back(line);
    }
  } else if (text[first] == '{') {
    if (auto st = ParseJsonlLines(text, name, &out, &lines); !st)
      return std::unexpected(st.error());
  } else {
    int line_no = 0;
    for (std::string_view line : Split(text, '\n')) {
      ++line_no;
      std::string_view t = Trim(line);
      if (t.empty() || t.front() == '#') continue;
      if (!IsValidUtf8(t))
        return InvalidArgument(name + ":" + std::to_string(line_no) + ": invalid UTF-8");
      Principle p;
      p.text = CollapseSpaces(t);
      out.push_back(std::move(p));
      lines.push_back(line_no);
    }
  }
  if (out.empty()) return InvalidArgument(name + ": no principles");
  std::map<std::string, int> seen;
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = BasePrinciple(std::move(out[i]), name, i + 1, lines[i]);
    auto [it, fresh] = seen.emplace(out[i].id, lines[i]);
    if (!fresh)
      return InvalidArgument(name + ":" + std::to_string(lines[i]) + ": duplicate id '" +
                             out[i].id + "' (first on line " + std::to_string(it->second) + ")");
  }
  return out;
}

}  // namespace charter
