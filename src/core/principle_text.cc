#include "core/principle_text.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace charter {

namespace {

// Consumes `word` (lowercase) at `*p` of `text`, ignoring ASCII case, and the
// spaces after it; with `need_space`, at least one space must follow.
bool Eat(std::string_view text, size_t* p, std::string_view word, bool need_space = true) {
  if (text.size() - *p < word.size() || !EqualsAsciiLower(text.substr(*p, word.size()), word))
    return false;
  size_t q = *p + word.size();
  size_t spaces = q;
  while (spaces < text.size() && IsAsciiSpace(text[spaces])) ++spaces;
  if (need_space && spaces == q) return false;
  *p = spaces;
  return true;
}

}  // namespace

size_t PrincipleBodyStart(std::string_view text) {
  size_t p = 0;
  while (p < text.size() && IsAsciiSpace(text[p])) ++p;
  Eat(text, &p, "please");
  if (!Eat(text, &p, "choose") || !Eat(text, &p, "the")) return std::string_view::npos;
  if (!Eat(text, &p, "assistant's")) Eat(text, &p, "assistant");
  if (!Eat(text, &p, "response") || !Eat(text, &p, "that")) return std::string_view::npos;
  return p;
}

std::string_view DegreeOf(std::string_view word) {
  if (EqualsAsciiLower(word, "most") || EqualsAsciiLower(word, "more")) return "most";
  if (EqualsAsciiLower(word, "least") || EqualsAsciiLower(word, "less")) return "least";
  return "";
}

std::string GuessPolarity(std::string_view text) {
  size_t p = PrincipleBodyStart(text);
  if (p == std::string_view::npos) return "";
  // Only the first few words: "is least racist", "most supports", "more clearly recognizes".
  int words = 0;
  for (std::string_view w : Split(text.substr(p, 40), ' ')) {
    if (w.empty()) continue;
    if (std::string_view d = DegreeOf(w); !d.empty()) return std::string(d);
    if (++words == 3) break;
  }
  return "";
}

std::string PrincipleCore(std::string_view text) {
  size_t p = PrincipleBodyStart(text);
  std::string_view core = p == std::string_view::npos ? text : text.substr(p);
  core = Trim(core);
  while (!core.empty() && (core.back() == '.' || core.back() == ' ')) core.remove_suffix(1);
  return std::string(core);
}

void TakeEvidence(const std::vector<Principle>& members, Principle* out) {
  out->sources.clear();
  out->rules.clear();
  std::set<std::string> seen_src, seen_rule;
  std::vector<std::string> order;
  std::map<std::string, int> count;
  for (const Principle& p : members) {
    for (const Source& src : p.sources)
      if (seen_src.insert(src.doc + "\n" + src.id + "\n" + src.cite).second)
        out->sources.push_back(src);
    for (const std::string& r : p.rules)
      if (seen_rule.insert(r).second) out->rules.push_back(r);
    for (const std::string& t : p.topics)
      if (count[t]++ == 0) order.push_back(t);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return count[a] > count[b]; });
  out->topics = order;
}

}  // namespace charter
