#include "publicinput/agreed_ideas.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "core/hash.h"
#include "core/principle_text.h"
#include "core/text.h"

namespace charter {

namespace {

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

// The words of `s` that name something: not the language's stopwords nor the
// words that only frame a statement (rewrite_words.tsv `generic`, `frame`).
std::set<std::string> ContentWords(std::string_view s, const std::set<std::string>& frame) {
  std::set<std::string> out;
  for (const std::string& w : Words(s))
    if (!frame.count(w)) out.insert(w);
  return out;
}

// "fair, impartial, and unbiased" -> {fair, impartial, unbiased}; nullopt
// when an item is longer than three words (a phrase, not an adjective list).
std::optional<std::vector<std::string>> Adjectives(std::string_view list, long max_spaces = 2) {
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
    if (std::count(item.begin(), item.end(), ' ') > max_spaces) return std::nullopt;
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
std::string Wording(const std::vector<const Principle*>& members,
                    const std::set<std::string>& frame) {
  std::vector<std::string> bodies;
  for (const Principle* p : members) bodies.push_back(PrincipleCore(p->text));
  // A member whose words are all in another (longer) member says nothing new
  // ("is most fair" in "is most fair and impartial"); so does one whose
  // content words are all in another's of the same polarity ("acts in
  // accordance with values of universal human equality" in "most respects
  // the human rights to freedom, universal equality, ...").
  std::vector<bool> said(bodies.size(), false);
  for (size_t i = 0; i < bodies.size(); ++i) {
    const std::set<std::string> wi = Words(bodies[i]);
    const std::set<std::string> ci = ContentWords(bodies[i], frame);
    for (size_t j = 0; j < bodies.size() && !said[i]; ++j) {
      if (i == j || said[j]) continue;
      const std::set<std::string> wj = Words(bodies[j]);
      if (wi.size() < wj.size() || (wi.size() == wj.size() && j < i))
        said[i] = std::includes(wj.begin(), wj.end(), wi.begin(), wi.end());
      const std::set<std::string> cj = ContentWords(bodies[j], frame);
      if (!said[i] && !ci.empty() && ci.size() < cj.size() &&
          members[i]->polarity == members[j]->polarity)
        said[i] = std::includes(cj.begin(), cj.end(), ci.begin(), ci.end());
    }
  }
  std::vector<std::string> most, least, least_vps, not_vps, never_vps, clauses;
  size_t most_at = std::string::npos, least_at = std::string::npos, least_vp_at = std::string::npos,
         not_vp_at = std::string::npos, never_vp_at = std::string::npos;
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
    } else if (StartsWith(b, "does not ")) {
      // "does not endorse misinformation" + "does not promote extreme beliefs".
      if (not_vp_at == std::string::npos) not_vp_at = clauses.size(), clauses.emplace_back();
      not_vps.push_back(b.substr(9));
    } else if (StartsWith(b, "never ")) {
      if (never_vp_at == std::string::npos) never_vp_at = clauses.size(), clauses.emplace_back();
      never_vps.push_back(b.substr(6));
    } else {
      clauses.push_back(b);
    }
  }
  // Verb phrases of one polarity: "least lies or misleads users"; with a
  // phrase that holds commas of its own, "; " between them.
  auto join_vps = [](const std::vector<std::string>& vps) {
    bool commas = false;
    for (const std::string& v : vps) commas = commas || v.find(',') != std::string::npos;
    std::string joined;
    for (size_t i = 0; i < vps.size(); ++i) {
      if (i) joined += commas ? "; " : (vps.size() > 2 ? ", " : " ");
      if (i && i + 1 == vps.size()) joined += "or ";
      joined += vps[i];
    }
    return joined;
  };
  if (least_vp_at != std::string::npos) clauses[least_vp_at] = "least " + join_vps(least_vps);
  if (not_vp_at != std::string::npos) clauses[not_vp_at] = "does not " + join_vps(not_vps);
  if (never_vp_at != std::string::npos) clauses[never_vp_at] = "never " + join_vps(never_vps);
  if (most_at != std::string::npos) clauses[most_at] = "is most " + JoinItems(most, "and");
  if (least_at != std::string::npos) clauses[least_at] = "is least " + JoinItems(least, "or");
  return std::string(kPrincipleOpening) + Join(clauses, ", and that ") + ".";
}

Principle Merged(const std::vector<const Principle*>& members, const std::string& rule,
                 const std::set<std::string>& frame) {
  if (members.size() == 1) return *members.front();
  Principle p;
  p.text = Wording(members, frame);
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
  Result<RuleFile> file = ParseOptionalRuleFile(rules, lang + "/public_ideas.tsv", 2, 3);
  if (!file) return std::unexpected(file.error());
  if (file->rules.empty()) return out;
  for (const Rule& r : file->rules) {
    int rank = 0;
    if (r.fields.size() > 2 && !r.fields[2].empty()) {
      const std::string& f = r.fields[2];
      if (f.find_first_not_of("0123456789") != std::string::npos || f.size() > 3)
        return InvalidArgument(r.file + ":" + std::to_string(r.line) + ": precedence '" + f +
                               "' is not a small number");
      rank = std::stoi(f);
    }
    out.precedence_.push_back(rank);
  }
  Result<PatternSet> set = PatternSet::Compile(*file, 1, {});
  if (!set) return std::unexpected(set.error());
  out.set_ = std::make_shared<const PatternSet>(std::move(*set));
  // Words that name no idea, for "said already" (Wording): the language's
  // stopwords and rewrite_words.tsv's generic and frame words.
  auto frame = std::make_shared<std::set<std::string>>();
  if (auto sw = rules.find(lang + "/stopwords.txt"); sw != rules.end()) {
    for (std::string_view line : charter::Split(sw->second, '\n')) {
      line = Trim(line);
      if (!line.empty() && line[0] != '#') frame->insert(AsciiLower(line));
    }
  }
  Result<RuleFile> words = ParseOptionalRuleFile(rules, lang + "/rewrite_words.tsv", 2, 3);
  if (!words) return std::unexpected(words.error());
  for (const Rule& r : words->rules)
    if (r.fields[0] == "generic" || r.fields[0] == "frame") frame->insert(AsciiLower(r.fields[1]));
  out.frame_ = std::move(frame);
  return out;
}

std::string AgreedIdeas::Primary(std::string_view text, std::string* rule) const {
  if (!set_) return "";
  std::string_view body = text;
  if (size_t at = PrincipleBodyStart(body); at != std::string_view::npos) body.remove_prefix(at);
  int best = -1;
  size_t best_at = std::string_view::npos;
  for (int i : set_->Match(body)) {
    re2::StringPiece m;
    if (!set_->Regex(i).Match(re2::StringPiece(body.data(), body.size()), 0, body.size(),
                              re2::RE2::UNANCHORED, &m, 1))
      continue;
    const size_t at = static_cast<size_t>(m.data() - body.data());
    const int rank = precedence_[static_cast<size_t>(i)];
    const int best_rank = best < 0 ? -1 : precedence_[static_cast<size_t>(best)];
    if (best < 0 || rank > best_rank || (rank == best_rank && at < best_at)) best = i, best_at = at;
  }
  if (best < 0) return "";
  const Rule& r = set_->rules()[static_cast<size_t>(best)];
  if (rule) *rule = r.Id();
  return r.fields[0];
}

std::vector<Principle> AgreedIdeas::Split(const Principle& p) const {
  // "is most kind, honest, and helpful": each adjective to its own idea; an
  // adjective of no idea stays with the first one's.
  const std::string body = PrincipleCore(p.text);
  std::string head;
  for (const char* h : {"is most ", "is least "})
    if (StartsWith(body, h)) head = h;
  std::optional<std::vector<std::string>> items;
  if (head.empty() || !(items = Adjectives(body.substr(head.size()), 4)) || items->size() < 2)
    return {p};
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> by_idea;
  std::string last;
  for (const std::string& item : *items) {
    std::string idea = Primary(std::string(kPrincipleOpening) + head + item);
    if (idea.empty()) idea = last.empty() ? Primary(p.text) : last;
    if (!by_idea.count(idea)) order.push_back(idea);
    by_idea[idea].push_back(item);
    last = idea;
  }
  if (order.size() < 2) return {p};
  std::vector<Principle> out;
  for (const std::string& idea : order) {
    Principle piece = p;
    piece.text = std::string(kPrincipleOpening) + head +
                 JoinItems(by_idea[idea], head == "is most " ? "and" : "or") + ".";
    piece.id = HashHex(piece.text);
    out.push_back(std::move(piece));
  }
  return out;
}

std::vector<Principle> AgreedIdeas::Combine(const std::vector<Principle>& principles,
                                            size_t max_bytes) const {
  static const std::set<std::string> kNoFrame;
  const std::set<std::string>& frame = frame_ ? *frame_ : kNoFrame;
  // A statement that lists adjectives of several ideas is split (Split); its
  // pieces keep its sources.
  std::deque<Principle> pieces;
  for (const Principle& p : principles)
    for (Principle& piece : Split(p)) pieces.push_back(std::move(piece));
  // Groups in order of their first member. A principle joins the first group
  // of its idea that it fits (the text stays within max_bytes), else starts
  // a new group of that idea.
  struct Group {
    std::string idea, rule;
    std::vector<const Principle*> members;
  };
  std::vector<Group> groups;
  for (const Principle& p : pieces) {
    std::string rule;
    const std::string idea = Primary(p.text, &rule);
    bool placed = false;
    for (Group& g : groups) {
      if (idea.empty() || g.idea != idea) continue;
      g.members.push_back(&p);
      if (max_bytes == 0 || Wording(g.members, frame).size() <= max_bytes) {
        placed = true;
        break;
      }
      g.members.pop_back();
    }
    if (!placed) groups.push_back({idea, rule, {&p}});
  }
  std::vector<Principle> out;
  std::set<std::string> texts;
  for (const Group& g : groups) {
    Principle p = Merged(g.members, g.rule, frame);
    if (texts.insert(p.text).second) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace charter
