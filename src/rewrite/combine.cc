// combine.cc — Rewriter::Combine: a cluster of similar principles becomes one
// that names each idea once.
//
// Each member's text is parsed back into parts (principle_parse.h) "<lead> <phrase>" ("most
// respects" + "everyone's right to freedom of thought, conscience, and
// religion"). Concepts with a recognised head ("right to", "freedom of") are
// split into their items, grouped by (holder, head, preposition) and
// deduplicated by ItemKey (case, articles, plurals, and an item contained in a
// longer one); other concepts are kept whole. Parts with the same lead share
// it: "most respects the freedoms of thought, conscience, religion, opinion,
// and expression". Leads of the majority polarity come first; a minority
// polarity follows as ", and that least endorses or condones ...". An
// enumeration of grounds closing a list ("..., without distinction of any
// kind, such as race, colour, sex, ...") qualifies the whole list: it is kept
// whole, once per group, from the member that names the most grounds.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "core/hash.h"
#include "core/principle_text.h"
#include "core/text.h"
#include "rewrite/grammar.h"
#include "rewrite/principle_parse.h"
#include "rewrite/rewrite.h"
#include "rewrite/templates.h"

namespace charter {

using namespace rewrite_internal;

namespace {

std::string Plural(const std::string& head) {
  if (head == "right" || head == "freedom" || head == "entitlement") return head + "s";
  if (head == "liberty") return "liberties";
  return head;
}

// A group's list items with their key tokens (computed once per item).
struct ItemList {
  std::vector<std::string> items;
  std::vector<std::set<std::string>> keys;
};

// Adds `item` unless an equal or longer item already names it; replaces a
// shorter item it contains.
void AddItem(ItemList* list, const std::string& item, std::set<std::string> k) {
  if (k.empty()) return;
  // Containment only counts between near neighbours ("religion" and
  // "religion or belief"), not "work" inside "just conditions of work".
  auto near = [](const std::set<std::string>& small, const std::set<std::string>& big) {
    return std::includes(big.begin(), big.end(), small.begin(), small.end()) &&
           big.size() - small.size() <= 1;
  };
  for (size_t h = 0; h < list->items.size(); ++h) {
    const std::set<std::string>& hk = list->keys[h];
    if (near(k, hk)) return;
    if (near(hk, k)) {
      // The longer item replaces it and may now cover later ones too.
      ItemList kept;
      for (size_t x = 0; x < list->items.size(); ++x) {
        if (x == h) {
          kept.items.push_back(item);
          kept.keys.push_back(k);
        } else if (!near(list->keys[x], k)) {
          kept.items.push_back(std::move(list->items[x]));
          kept.keys.push_back(std::move(list->keys[x]));
        }
      }
      *list = std::move(kept);
      return;
    }
  }
  list->items.push_back(item);
  list->keys.push_back(std::move(k));
}

template <typename T>
T MostCommon(const std::vector<T>& values) {
  std::map<T, int> count;
  for (const T& v : values) ++count[v];
  T best = values.front();
  for (const T& v : values)
    if (count[v] > count[best]) best = v;
  return best;
}

// The concepts of one lead, grouped: a head group ("everyone's right to")
// collects list items; a phrase without a head stands whole.
struct Group {
  Head head;
  ItemList list;                       // for head groups
  std::string whole;                   // for a phrase without a head
  std::set<std::string> whole_tokens;  // its key tokens
  int members = 0;
  std::set<std::string> poss;
  Grounds grounds;  // the longest enumeration of grounds of its members
};

struct LeadGroups {
  std::string lead;
  std::string lkey;  // lowercase
  bool least = false;
  std::vector<Group> groups;
};

// The head group of `lg` that a part with head `h` joins, or end(): same
// head and preposition, and the same holder ("the right to X" and
// "everyone's right to Y" name the same holder).
std::vector<Group>::iterator FindHeadGroup(LeadGroups* lg, const Head& h) {
  return std::find_if(lg->groups.begin(), lg->groups.end(), [&](const Group& x) {
    if (!x.head.ok || x.head.head != h.head || x.head.prep != h.prep) return false;
    if (h.head.empty() || x.poss.count(h.poss)) return true;
    auto universal = [](const std::string& p) {
      return p.empty() || p == "the" || p == "everyone's";
    };
    if (!universal(h.poss)) return false;
    for (const std::string& p : x.poss)
      if (!universal(p)) return false;
    return true;
  });
}

// The parts of every member by lead, in order of first appearance. "The
// principle that <a whole sentence>" cannot be named in a few words: when
// other members name their ideas, such parts contribute their sources only.
std::vector<LeadGroups> GroupByLead(const std::vector<std::shared_ptr<const ParsedText>>& parsed) {
  bool named = false;
  for (const auto& text : parsed)
    for (const ParsedPart& part : text->parts) named = named || !part.that;
  std::vector<LeadGroups> leads;
  std::set<std::string> whole_keys;
  for (const auto& text : parsed) {
    for (const ParsedPart& part : text->parts) {
      if (named && part.that) continue;
      auto lg = std::find_if(leads.begin(), leads.end(),
                             [&](const LeadGroups& g) { return g.lkey == part.lkey; });
      if (lg == leads.end()) {
        leads.push_back({part.lead, part.lkey, part.least, {}});
        lg = leads.end() - 1;
      }
      const Head& h = part.head;
      if (h.ok) {
        auto g = FindHeadGroup(&*lg, h);
        if (g == lg->groups.end()) {
          lg->groups.push_back(Group{h, {}, "", {}, 0, {}, {}});
          g = lg->groups.end() - 1;
        }
        ++g->members;
        g->poss.insert(h.poss);
        // The most specific enumeration of the group's members survives.
        if (part.grounds.count > g->grounds.count) g->grounds = part.grounds;
        for (size_t i = 0; i < part.items.size(); ++i)
          AddItem(&g->list, part.items[i], part.item_keys[i]);
      } else if (whole_keys.insert(part.whole_key).second) {
        Group g;
        g.whole = part.phrase;
        g.whole_tokens = part.whole_tokens;
        g.members = 1;
        lg->groups.push_back(std::move(g));
      }
    }
  }
  return leads;
}

// A phrase of the other polarity than `polarity` that names an idea the
// majority already names is its protection said negatively ("the right to
// own property" / "anyone being arbitrarily deprived of their property"):
// the combination says it once, the clause stays among the sources.
void DropRepeatedNegatives(const std::string& polarity, const Words& words,
                           std::vector<LeadGroups>* leads) {
  auto content = [&](const std::set<std::string>& tokens) {
    std::set<std::string> out;
    for (const std::string& t : tokens)
      if (t.size() >= 3 && !words.stop.count(t) && !words.generic.count(t)) out.insert(t);
    return out;
  };
  std::set<std::string> named;
  for (const LeadGroups& lg : *leads) {
    if (lg.least != (polarity == "least")) continue;
    for (const Group& g : lg.groups) {
      for (const std::set<std::string>& k : g.list.keys)
        for (const std::string& t : content(k)) named.insert(t);
      for (const std::string& t : content(g.whole_tokens)) named.insert(t);
    }
  }
  for (LeadGroups& lg : *leads) {
    if (lg.least == (polarity == "least")) continue;
    std::vector<Group> kept;
    for (Group& g : lg.groups) {
      bool repeats = false;
      if (!g.head.ok)
        for (const std::string& t : content(g.whole_tokens)) repeats = repeats || named.count(t);
      if (!repeats) kept.push_back(std::move(g));
    }
    lg.groups = std::move(kept);
  }
  std::erase_if(*leads, [](const LeadGroups& lg) { return lg.groups.empty(); });
}

// A head group in words ("everyone's rights to X and Y, without distinction
// as to ..."), its items first cut to those no whole phrase of the lead
// covers when it has no head word; "" when no item is left.
std::string RenderHeadGroup(Group& g,
                            const std::function<bool(const std::set<std::string>&)>& covered) {
  if (g.head.head.empty()) {
    ItemList kept;
    for (size_t i = 0; i < g.list.items.size(); ++i) {
      if (covered(g.list.keys[i])) continue;
      kept.items.push_back(std::move(g.list.items[i]));
      kept.keys.push_back(std::move(g.list.keys[i]));
    }
    g.list = std::move(kept);
  }
  if (g.list.items.empty()) return "";
  std::string poss = g.poss.size() == 1 ? *g.poss.begin() : std::string("the");
  bool plural = g.members > 1 && g.list.items.size() > 1;
  std::string head = plural ? Plural(g.head.head) : g.head.head;
  std::string s;
  if (g.head.head.empty()) {
    s = JoinList(g.list.items, "and");
  } else {
    if (!poss.empty())
      s = poss + " ";
    else if (plural)
      s = "the ";
    s += head + " " + g.head.prep + " " + JoinList(g.list.items, "and");
  }
  if (g.grounds.count > 0) s += ", " + g.grounds.text;
  return s;
}

// Several "the principle that X" phrases share one head: "the principles
// that X; that Y; and that Z", first among the concepts.
std::vector<std::string> JoinThatPhrases(std::vector<std::string> concepts) {
  const std::string kHead = "the principle that ";
  std::vector<std::string> thats, others;
  for (const std::string& c : concepts) {
    if (StartsWith(c, kHead))
      thats.push_back(c.substr(kHead.size() - 5));  // "that X"
    else
      others.push_back(c);
  }
  if (thats.size() < 2) return concepts;
  bool commas = false;
  for (const std::string& t : thats) commas = commas || t.find(',') != std::string::npos;
  std::string sep = commas ? "; " : ", ";
  std::string joined = "the principles " + thats[0];
  for (size_t i = 1; i < thats.size(); ++i) {
    if (thats.size() == 2 && !commas)
      joined += " and " + thats[i];
    else
      joined += (i + 1 == thats.size() ? sep + "and " : sep) + thats[i];
  }
  others.insert(others.begin(), joined);
  return others;
}

// One lead and its concepts in words ("most respects X, Y, and Z"). Whole
// phrases name their ideas already: a whole phrase or a list item that
// another whole phrase of the same lead contains is left out.
std::string RenderLead(LeadGroups& lg) {
  std::vector<const std::set<std::string>*> whole_tokens;
  for (const Group& g : lg.groups)
    if (!g.head.ok) whole_tokens.push_back(&g.whole_tokens);
  // `self`: the whole phrase's own tokens (a phrase does not cover itself).
  auto covered = [&](const std::set<std::string>& k, const std::set<std::string>* self) {
    for (const std::set<std::string>* wp : whole_tokens) {
      const std::set<std::string>& w = *wp;
      if (self && w == *self) continue;
      if (!k.empty() && std::includes(w.begin(), w.end(), k.begin(), k.end())) return true;
    }
    return false;
  };
  std::vector<std::string> concepts;
  for (Group& g : lg.groups) {
    if (!g.head.ok) {
      if (!covered(g.whole_tokens, &g.whole_tokens)) concepts.push_back(g.whole);
      continue;
    }
    std::string s =
        RenderHeadGroup(g, [&](const std::set<std::string>& k) { return covered(k, nullptr); });
    if (!s.empty()) concepts.push_back(std::move(s));
  }
  concepts = JoinThatPhrases(std::move(concepts));
  std::string part =
      lg.lead.empty() ? JoinList(concepts, "and") : lg.lead + " " + JoinList(concepts, "and");
  return TrimFragment(part);
}

}  // namespace

Principle Rewriter::Combine(const std::vector<Principle>& cluster) const {
  if (cluster.empty()) return Principle{};
  if (cluster.size() == 1) return cluster.front();
  return CombineAny(cluster);
}

Principle Rewriter::Concise(const Principle& p) const {
  Principle out = CombineAny({p});
  if (out.text.size() >= p.text.size()) return p;
  out.kind = p.kind;
  out.origin = p.origin;
  out.template_id = p.template_id + "+concise";
  return out;
}

Principle Rewriter::CombineAny(const std::vector<Principle>& cluster) const {
  const Words& words = impl_->rules.words;
  std::vector<std::shared_ptr<const ParsedText>> parsed;
  for (const Principle& p : cluster) parsed.push_back(impl_->parses->Get(p.text, words));
  std::vector<LeadGroups> leads = GroupByLead(parsed);

  // Majority polarity of the members decides which leads come first.
  std::vector<std::string> pols;
  for (const Principle& p : cluster) pols.push_back(p.polarity.empty() ? "most" : p.polarity);
  const std::string polarity = MostCommon(pols);
  std::stable_sort(leads.begin(), leads.end(), [&](const LeadGroups& a, const LeadGroups& b) {
    return (a.least == (polarity == "least")) > (b.least == (polarity == "least"));
  });
  DropRepeatedNegatives(polarity, words, &leads);

  std::string body;
  for (size_t i = 0; i < leads.size(); ++i) {
    if (i > 0) body += ", and that ";
    body += RenderLead(leads[i]);
  }
  Principle out;
  out.text = std::string(kPrincipleOpening) + TrimFragment(body) + ".";
  out.id = HashHex(out.text);
  out.polarity = polarity;
  std::vector<std::string> kinds, origins;
  for (const Principle& p : cluster) {
    kinds.push_back(p.kind);
    origins.push_back(p.origin);
  }
  out.kind = MostCommon(kinds);
  out.origin = MostCommon(origins);
  TakeEvidence(cluster, &out);
  out.template_id = "combine";
  return out;
}

std::vector<std::string> Rewriter::Ideas(std::string_view principle_text) const {
  std::vector<std::string> out;
  auto parsed = impl_->parses->Get(std::string(principle_text), impl_->rules.words);
  for (const ParsedPart& part : parsed->parts)
    out.insert(out.end(), part.ideas.begin(), part.ideas.end());
  return out;
}

const std::set<std::string>& Rewriter::WordClass(std::string_view cls) const {
  static const std::set<std::string> kNone;
  const rewrite_internal::Words& w = impl_->rules.words;
  if (cls == "not_verb") return w.not_verb;
  if (cls == "common_name") return w.common_name;
  if (cls == "figure") return w.figure;
  return kNone;
}

std::vector<std::string> Rewriter::IdeaTerms(std::string_view principle_text) const {
  const Words& words = impl_->rules.words;
  std::set<std::string> terms;
  for (const std::string& idea : Ideas(principle_text)) {
    const std::string key = ItemKey(idea);
    for (std::string_view t : Split(key, ' ')) {
      std::string w(t);
      while (!w.empty() && !std::isalpha(static_cast<unsigned char>(w.back()))) w.pop_back();
      if (w.size() < 3 || words.stop.count(w) || words.generic.count(w)) continue;
      if (!std::isalpha(static_cast<unsigned char>(w[0]))) continue;
      terms.insert(w);
    }
  }
  return {terms.begin(), terms.end()};
}

}  // namespace charter
