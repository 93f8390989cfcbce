#include "publicinput/agreed_ideas.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/hash.h"
#include "core/text.h"

namespace charter {

namespace {

constexpr std::string_view kOpening = "Choose the response that ";

// The text between "Choose the response that " and the final period.
std::string Body(const std::string& text) {
  std::string_view s = text;
  if (StartsWith(s, kOpening)) s.remove_prefix(kOpening.size());
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string w;
  for (char c : AsciiLower(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
        static_cast<unsigned char>(c) >= 0x80) {
      w.push_back(c);
    } else if (!w.empty()) {
      out.insert(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.insert(std::move(w));
  return out;
}

// "fair, impartial, and unbiased" -> {fair, impartial, unbiased}; nullopt
// when an item is longer than three words (a phrase, not an adjective list).
std::optional<std::vector<std::string>> Adjectives(std::string_view list) {
  std::vector<std::string> items;
  std::string s(list);
  for (const char* sep : {", and ", ", or ", " and ", " or ", ", "}) {
    size_t p = 0;
    while ((p = s.find(sep, p)) != std::string::npos)
      s.replace(p, std::string_view(sep).size(), "|");
  }
  for (std::string_view item : Split(s, '|')) {
    item = Trim(item);
    if (item.empty()) return std::nullopt;
    if (std::count(item.begin(), item.end(), ' ') > 2) return std::nullopt;
    items.emplace_back(item);
  }
  return items;
}

std::string JoinItems(const std::vector<std::string>& items, std::string_view conj) {
  if (items.size() == 1) return items[0];
  if (items.size() == 2) return items[0] + " " + std::string(conj) + " " + items[1];
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    if (i + 1 == items.size()) out += std::string(conj) + " ";
    out += items[i];
  }
  return out;
}

// The wording of a group: adjective lists of "is most"/"is least" members
// joined, every other member's clause kept, ", and that " between them.
std::string Wording(const std::vector<const Principle*>& members) {
  std::vector<std::string> bodies;
  for (const Principle* p : members) bodies.push_back(Body(p->text));
  // A member whose words are all in another (longer) member says nothing new.
  std::vector<bool> said(bodies.size(), false);
  for (size_t i = 0; i < bodies.size(); ++i) {
    const std::set<std::string> wi = Words(bodies[i]);
    for (size_t j = 0; j < bodies.size() && !said[i]; ++j) {
      if (i == j || said[j]) continue;
      const std::set<std::string> wj = Words(bodies[j]);
      if (wi.size() < wj.size() || (wi.size() == wj.size() && j < i))
        said[i] = std::includes(wj.begin(), wj.end(), wi.begin(), wi.end());
    }
  }
  std::vector<std::string> most, least, least_vps, clauses;
  size_t most_at = std::string::npos, least_at = std::string::npos, least_vp_at = std::string::npos;
  auto add = [](std::vector<std::string>* list, const std::vector<std::string>& items) {
    for (const std::string& it : items) {
      bool have = false;
      for (const std::string& x : *list) have = have || AsciiLower(x) == AsciiLower(it);
      if (!have) list->push_back(it);
    }
  };
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (said[i]) continue;
    const std::string& b = bodies[i];
    std::optional<std::vector<std::string>> adj;
    if (StartsWith(b, "is most ") && (adj = Adjectives(b.substr(8)))) {
      if (most_at == std::string::npos) most_at = clauses.size(), clauses.emplace_back();
      add(&most, *adj);
    } else if (StartsWith(b, "is least ") && (adj = Adjectives(b.substr(9)))) {
      if (least_at == std::string::npos) least_at = clauses.size(), clauses.emplace_back();
      add(&least, *adj);
    } else if (StartsWith(b, "least ")) {
      // "least lies" + "least misleads users" -> "least lies or misleads users".
      if (least_vp_at == std::string::npos) least_vp_at = clauses.size(), clauses.emplace_back();
      least_vps.push_back(b.substr(6));
    } else {
      clauses.push_back(b);
    }
  }
  if (least_vp_at != std::string::npos) {
    bool commas = false;
    for (const std::string& v : least_vps) commas = commas || v.find(',') != std::string::npos;
    std::string joined;
    for (size_t i = 0; i < least_vps.size(); ++i) {
      if (i) joined += commas ? "; " : (least_vps.size() > 2 ? ", " : " ");
      if (i && i + 1 == least_vps.size()) joined += "or ";
      joined += least_vps[i];
    }
    clauses[least_vp_at] = "least " + joined;
  }
  if (most_at != std::string::npos) clauses[most_at] = "is most " + JoinItems(most, "and");
  if (least_at != std::string::npos) clauses[least_at] = "is least " + JoinItems(least, "or");
  return std::string(kOpening) + Join(clauses, ", and that ") + ".";
}

Principle Merged(const std::vector<const Principle*>& members, const std::string& rule) {
  if (members.size() == 1) return *members.front();
  Principle p;
  p.text = Wording(members);
  p.id = HashHex(p.text);
  p.polarity = members.front()->polarity;
  p.kind = members.front()->kind;
  p.origin = members.front()->origin;
  p.template_id = "combine.idea";
  std::set<std::string> seen_source, seen_topic, seen_rule;
  for (const Principle* m : members) {
    for (const Source& s : m->sources)
      if (seen_source.insert(s.id).second) p.sources.push_back(s);
    for (const std::string& t : m->topics)
      if (seen_topic.insert(t).second) p.topics.push_back(t);
    for (const std::string& r : m->rules)
      if (seen_rule.insert(r).second) p.rules.push_back(r);
  }
  if (seen_rule.insert(rule).second) p.rules.push_back(rule);
  return p;
}

}  // namespace

Result<AgreedIdeas> AgreedIdeas::Create(const RuleTexts& rules, const std::string& lang) {
  AgreedIdeas out;
  const std::string name = lang + "/public_ideas.tsv";
  auto it = rules.find(name);
  if (it == rules.end()) return out;
  Result<RuleFile> file = ParseRuleFile(it->second, name, 2, 2);
  if (!file) return std::unexpected(file.error());
  Result<PatternSet> set = PatternSet::Compile(*file, 1, {});
  if (!set) return std::unexpected(set.error());
  out.set_ = std::make_shared<const PatternSet>(std::move(*set));
  return out;
}

std::string AgreedIdeas::Primary(std::string_view text, std::string* rule) const {
  if (!set_) return "";
  std::string_view body = text;
  if (StartsWith(body, kOpening)) body.remove_prefix(kOpening.size());
  int best = -1;
  size_t best_at = std::string_view::npos;
  for (int i : set_->Match(body)) {
    re2::StringPiece m;
    if (!set_->Regex(i).Match(re2::StringPiece(body.data(), body.size()), 0, body.size(),
                              re2::RE2::UNANCHORED, &m, 1))
      continue;
    const size_t at = static_cast<size_t>(m.data() - body.data());
    if (best < 0 || at < best_at) best = i, best_at = at;
  }
  if (best < 0) return "";
  const Rule& r = set_->rules()[static_cast<size_t>(best)];
  if (rule) *rule = r.Id();
  return r.fields[0];
}

std::vector<Principle> AgreedIdeas::Combine(const std::vector<Principle>& principles,
                                            size_t max_bytes) const {
  // Groups in order of their first member; each an open list of members that
  // fits, and the groups it closed.
  struct Group {
    std::string rule;
    std::vector<const Principle*> members;
  };
  std::vector<Group> groups;
  std::map<std::string, size_t> open;  // idea -> index of its open group
  for (const Principle& p : principles) {
    std::string rule;
    const std::string idea = Primary(p.text, &rule);
    if (idea.empty()) {
      groups.push_back({"", {&p}});
      continue;
    }
    auto it = open.find(idea);
    if (it != open.end()) {
      Group& g = groups[it->second];
      g.members.push_back(&p);
      if (max_bytes == 0 || Wording(g.members).size() <= max_bytes) continue;
      g.members.pop_back();
    }
    open[idea] = groups.size();
    groups.push_back({rule, {&p}});
  }
  std::vector<Principle> out;
  std::set<std::string> texts;
  for (const Group& g : groups) {
    Principle p = Merged(g.members, g.rule);
    if (texts.insert(p.text).second) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace charter
