#include "pipeline/thresholds.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>

#include "core/text.h"

namespace charter {

namespace {

// How a value is written and which values are allowed.
enum class Kind {
  kCosine,   // a number from 0 to 1
  kCombine,  // a cosine, or "off"
  kCount,    // a whole number >= 0
};

struct Entry {
  const char* name;
  Kind kind;
  std::function<double&(Thresholds&)> field_double;  // kinds stored as double
  std::function<float&(Thresholds&)> field_float;    // ... as float
  std::function<int&(Thresholds&)> field_int;        // ... as int
  std::function<size_t&(Thresholds&)> field_size;    // ... as size_t
};

const std::vector<Entry>& Entries() {
  using T = Thresholds;
  static const std::vector<Entry> entries = {
      {"language.min_share", Kind::kCosine, [](T& t) -> double& { return t.min_language_share; }},
      {"country.duplicate", Kind::kCosine, {}, [](T& t) -> float& { return t.country.duplicate; }},
      {"country.similar", Kind::kCosine, {}, [](T& t) -> float& { return t.country.similar; }},
      {"country.combine", Kind::kCombine, {}, [](T& t) -> float& { return t.country.combine; }},
      {"country.lexical", Kind::kCosine, {}, [](T& t) -> float& { return t.country.lexical; }},
      {"country.topical", Kind::kCosine, {}, [](T& t) -> float& { return t.country.topical; }},
      {"country.max_chars",
       Kind::kCount,
       {},
       {},
       {},
       [](T& t) -> size_t& { return t.country.max_chars; }},
      {"country.negation", Kind::kCosine, {}, [](T& t) -> float& { return t.country.negation; }},
      {"global.threshold", Kind::kCosine, {}, [](T& t) -> float& { return t.global.threshold; }},
      {"global.negation", Kind::kCosine, {}, [](T& t) -> float& { return t.global.negation; }},
      {"polis.combine", Kind::kCombine, {}, [](T& t) -> float& { return t.polis_combine; }},
      {"polis.lexical_duplicate",
       Kind::kCosine,
       {},
       [](T& t) -> float& { return t.polis_lexical_duplicate; }},
      {"polis.lexical_similar",
       Kind::kCosine,
       {},
       [](T& t) -> float& { return t.polis_lexical_similar; }},
      {"polis.min_group_agree", Kind::kCosine,
       [](T& t) -> double& { return t.polis_select.min_group_agree; }},
      {"polis.min_group_seen",
       Kind::kCount,
       {},
       {},
       [](T& t) -> int& { return t.polis_select.min_group_seen; }},
      {"polis.divisive_gap", Kind::kCosine,
       [](T& t) -> double& { return t.polis_select.divisive_gap; }},
      {"polis.divisive_high", Kind::kCosine,
       [](T& t) -> double& { return t.polis_select.divisive_high; }},
      {"polis.top", Kind::kCount, {}, {}, [](T& t) -> int& { return t.polis_select.top; }},
      {"polis.min_selected",
       Kind::kCount,
       {},
       {},
       [](T& t) -> int& { return t.polis_select.min_selected; }},
      {"diff.changed", Kind::kCosine, {}, [](T& t) -> float& { return t.diff_changed; }},
  };
  return entries;
}

// The value as the file would write it: "0.27", "off", "5".
std::string Format(const Entry& e, Thresholds& t) {
  char buf[32];
  if (e.kind == Kind::kCount) {
    const double v = e.field_int ? e.field_int(t) : static_cast<double>(e.field_size(t));
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  const double v = e.field_double ? e.field_double(t) : e.field_float(t);
  if (e.kind == Kind::kCombine && v > 1) return "off";
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Sets the entry from the file's text; "" when done, else the problem.
std::string Set(const Entry& e, std::string_view text, Thresholds* t) {
  const std::string s(text);
  if (e.kind == Kind::kCombine && s == "off") {
    e.field_float(*t) = kCombineOff;
    return "";
  }
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  const bool number = !s.empty() && end == s.c_str() + s.size() && std::isfinite(v);
  if (e.kind == Kind::kCount) {
    if (!number || v < 0 || v != std::floor(v) || v > 1e9)
      return "expected a whole number of at least 0, found '" + s + "'";
    if (e.field_int)
      e.field_int(*t) = static_cast<int>(v);
    else
      e.field_size(*t) = static_cast<size_t>(v);
    return "";
  }
  if (!number || v < 0 || v > 1)
    return std::string("expected a number from 0 to 1") +
           (e.kind == Kind::kCombine ? " or off" : "") + ", found '" + s + "'";
  if (e.field_double)
    e.field_double(*t) = v;
  else
    e.field_float(*t) = std::strtof(s.c_str(), nullptr);
  return "";
}

}  // namespace

Result<Thresholds> ParseThresholds(std::string_view text, const std::string& file) {
  Thresholds t;
  std::map<std::string, const Entry*, std::less<>> by_name;
  for (const Entry& e : Entries()) by_name[e.name] = &e;
  std::set<std::string, std::less<>> seen;
  size_t line_no = 0;
  for (std::string_view rest = text; !rest.empty();) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    const std::string where = file + ":" + std::to_string(line_no) + ": ";
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos)
      return InvalidArgument(where + "expected 2 columns (name, value)");
    const std::string_view name = line.substr(0, tab);
    auto it = by_name.find(name);
    if (it == by_name.end())
      return InvalidArgument(where + "unknown name '" + std::string(name) + "'");
    if (!seen.insert(std::string(name)).second)
      return InvalidArgument(where + std::string(name) + " given twice");
    if (std::string problem = Set(*it->second, line.substr(tab + 1), &t); !problem.empty())
      return InvalidArgument(where + std::string(name) + ": " + problem);
  }
  for (const Entry& e : Entries())
    if (!seen.count(e.name)) return InvalidArgument(file + ": missing " + e.name);
  return t;
}

std::vector<ReportThreshold> ThresholdList(const Thresholds& t, std::string_view kind) {
  Thresholds copy = t;
  std::vector<ReportThreshold> out;
  for (const Entry& e : Entries()) {
    const std::string_view name = e.name;
    bool shown = name.starts_with("language.") || name.starts_with("country.");
    if (kind == "global") shown = name.starts_with("global.");
    if (kind == "polis") shown = name.starts_with("country.") || name.starts_with("polis.");
    if (kind == "all") shown = true;
    if (shown) out.push_back({e.name, Format(e, copy)});
  }
  return out;
}

}  // namespace charter
