// combine.cc — Rewriter::Combine: a cluster of similar principles becomes one
// that names each idea once.
//
// Each member's text is parsed back into parts "<lead> <phrase>" ("most
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
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "core/text.h"
#include "rewrite/grammar.h"
#include "rewrite/rewrite.h"
#include "rewrite/templates.h"

namespace charter {

using namespace rewrite_internal;

namespace {

struct Part {
  std::string lead;    // "most respects" ("" when the text has no recognised lead)
  std::string phrase;  // "everyone's right to life"
};

bool LeastLead(const std::string& lead) {
  std::string l = AsciiLower(lead);
  return StartsWith(l, "least") || StartsWith(l, "is least") || StartsWith(l, "does not") ||
         StartsWith(l, "never") || StartsWith(l, "most discourages") ||
         StartsWith(l, "is most opposed");
}

// RE2::FullMatch with captures, asked first without them (on RE2's DFA):
// most phrases do not match, and a match with captures runs a slower engine
// to the end.
template <typename... Args>
bool FullMatchCapturing(const std::string& text, const RE2& re, Args*... args) {
  return RE2::FullMatch(text, re) && RE2::FullMatch(text, re, args...);
}

std::vector<Part> ParseParts(const std::string& text) {
  static const RE2 kPrefix(
      "(?i)^\\s*(?:please\\s+)?choose\\s+the\\s+(?:assistant(?:'s)?\\s+)?response\\s+that\\s+");
  static const RE2 kLead(
      "(?i)^((?:is |are )?(?:most|least|more|less)(?: clearly)? [a-z]+(?: (?:and|or) [a-z]+)?(?: "
      "of)?) "
      "(.+)$");
  re2::StringPiece in(text);
  std::string body = text;
  if (RE2::Consume(&in, kPrefix)) body = std::string(in.data(), in.size());
  body = TrimFragment(body);
  // Other authors' leads that say what ours say ("is most respectful of" =
  // "most respects"), so their ideas share one list.
  static const std::pair<const char*, const char*> kSameLead[] = {
      {"is most respectful of", "most respects"},
      {"is most supportive of", "most supports"},
      {"is most supportive and encouraging of", "most supports and encourages"},
      {"most supports or encourages", "most supports and encourages"},
  };
  std::vector<Part> parts;
  // ", and that " separates parts only before a lead of its own ("..., and
  // that least endorses ..."); otherwise it is the clause's own words
  // ("advocacy of hatred that is based on race ..., and that constitutes
  // incitement to cause harm").
  auto next_part = [&](size_t from) {
    constexpr std::string_view kSep = ", and that ";
    for (size_t k = body.find(kSep, from); k != std::string::npos; k = body.find(kSep, k + 1)) {
      re2::StringPiece after(body.data() + k + kSep.size(), body.size() - k - kSep.size());
      if (RE2::FullMatch(after, kLead)) return k;
    }
    return std::string::npos;
  };
  size_t p = 0;
  while (true) {
    size_t k = next_part(p);
    std::string piece = body.substr(p, k == std::string::npos ? std::string::npos : k - p);
    Part part;
    std::string lead, rest;
    if (RE2::FullMatch(piece, kLead, &lead, &rest)) {
      for (const auto& [from, to] : kSameLead)
        if (AsciiLower(lead) == from) lead = to;
      part.lead = lead;
      part.phrase = rest;
    } else {
      part.phrase = piece;
    }
    parts.push_back(part);
    if (k == std::string::npos) break;
    p = k + std::string_view(", and that ").size();
  }
  return parts;
}

struct Head {
  std::string poss;  // "everyone's", "the", ""
  std::string head;  // singular: "right", "freedom"
  std::string prep;  // "to", "of"
  bool ok = false;
};

Head ParseHead(const std::string& phrase, std::string* items, const Words& words) {
  static const RE2 kHead(
      "(?i)^(?:((?:[\\w-]+ ){0,2}[\\w-]+(?:'s|s'))|(the)) ?"
      "(rights?|freedoms?|entitlements?|liberty|liberties|inviolability|protection) "
      // An adverb before the list ("the right freely to participate ...")
      // qualifies it: the combination names the rights without it.
      "(?:[a-z]{2,}ly )?(to|of) (.+)$");
  static const RE2 kBare("(?i)^(freedom|liberty) (of) (.+)$");
  static const RE2 kRightToFreedom(
      "(?i)^(?:((?:[\\w-]+ ){0,2}[\\w-]+(?:'s|s'))|(the))? ?rights? to freedoms? of (.+)$");
  Head h;
  std::string poss, the, head, prep;
  if (FullMatchCapturing(phrase, kRightToFreedom, &poss, &the, items)) {
    h.poss = poss.empty() ? AsciiLower(the) : poss;
    h.head = "right to freedom";
    h.prep = "of";
    h.ok = true;
    return h;
  }
  if (FullMatchCapturing(phrase, kHead, &poss, &the, &head, &prep, items)) {
    h.poss = poss.empty() ? AsciiLower(the) : poss;
  } else if (FullMatchCapturing(phrase, kBare, &head, &prep, items)) {
    h.poss = "";
  } else {
    // A plain list of short concepts ("freedom, equality, and a sense of
    // brotherhood") is split too; anything with "or" or long items is kept whole.
    if (phrase.find(" or ") != std::string::npos) return h;
    std::vector<std::string> parts = SplitList(phrase, words);
    for (const std::string& p : parts)
      if (Split(p, ' ').size() > 4) return h;
    *items = phrase;
    h.ok = true;
    return h;
  }
  head = AsciiLower(head);
  if (head == "rights" || head == "freedoms" || head == "entitlements") head.pop_back();
  if (head == "liberties") head = "liberty";
  prep = AsciiLower(prep);
  bool listy = (prep == "to" && (head == "right" || head == "entitlement")) ||
               (prep == "of" && (head == "freedom" || head == "liberty" ||
                                 head == "inviolability" || head == "protection"));
  if (!listy) return h;
  h.head = head;
  h.prep = prep;
  h.ok = true;
  return h;
}

std::string Plural(const std::string& head) {
  if (head == "right" || head == "freedom" || head == "entitlement") return head + "s";
  if (head == "liberty") return "liberties";
  return head;
}

// The words of an ItemKey, as a set.
std::set<std::string> TokensOfKey(const std::string& key) {
  std::set<std::string> out;
  for (std::string_view t : Split(key, ' '))
    if (!t.empty()) out.insert(std::string(t));
  return out;
}

std::set<std::string> KeyTokens(const std::string& item) { return TokensOfKey(ItemKey(item)); }

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

bool IsThatPhrase(const std::string& phrase) {
  for (const char* open : {"the principle that ", "the principles that ",
                           "violating the principle that ", "violating the principles that "})
    if (StartsWith(phrase, open)) return true;
  return false;
}

// `item` cut at the first Words::cut phrase after its first word: in a
// combined list each idea is named by its head ("an effective remedy", not
// "an effective remedy by the competent national tribunals for acts ..."); the
// full wording stays in the source clause.
std::string ShortIdea(const std::string& item, const Words& words) {
  std::string lower = AsciiLower(item);
  size_t first_space = lower.find(' ');
  if (first_space == std::string::npos) return item;
  std::set<size_t> cuts;
  for (const std::string& c : words.cut) {
    size_t p = first_space;
    while ((p = lower.find(c, p)) != std::string::npos) {
      bool start = p > 0 && lower[p - 1] == ' ';
      size_t e = p + c.size();
      bool end = e == lower.size() || lower[e] == ' ' || lower[e] == ',';
      if (start && end) cuts.insert(p);
      p += 1;
    }
  }
  // The first cut that leaves a whole idea: not one that strands an
  // adjective before its complement ("a standard of living adequate | for
  // the health ..." goes on to "... adequate for the health and well-being").
  for (size_t p : cuts) {
    std::string head = TrimFragment(item.substr(0, p));
    size_t sp = head.rfind(' ');
    std::string last = AsciiLower(sp == std::string::npos ? head : head.substr(sp + 1));
    if (!words.complement.count(last)) return head;
  }
  return item;
}

// An enumeration of grounds at the end of a list ("all the rights and
// freedoms set forth in this Declaration, without distinction of any kind,
// such as race, colour, sex, ..."): it qualifies every item of the list, so a
// combination keeps it whole instead of splitting it into items of its own or
// cutting it away with the item's qualifiers. Only a real enumeration counts
// (three or more short items), not "on the basis of equality".
struct Grounds {
  std::string text;  // "without distinction of any kind, such as race, colour, ..."
  size_t count = 0;  // how many grounds it names
};

Grounds TakeGrounds(std::string* items) {
  static const RE2 kGrounds(
      "(?i)^(.*?),? ((?:without (?:any )?(?:distinction|discrimination)(?: of any kind)?,?"
      "(?: such as| as to| on (?:the )?grounds? of| on account of| based on| by reason of| of)?)"
      "|regardless of|irrespective of|on (?:the )?grounds? of|on the basis of) (.+)$");
  Grounds g;
  std::string head, marker, list;
  if (!FullMatchCapturing(*items, kGrounds, &head, &marker, &list) || head.empty()) return g;
  std::vector<std::string_view> pieces = Split(list, ',');
  if (pieces.size() < 3) return g;
  for (std::string_view piece : pieces) {
    std::string t = TrimFragment(piece);
    if (t.empty() || Split(t, ' ').size() > 4) return g;
  }
  // "without distinction of any kind, such as" says no more than "without
  // distinction as to": a combination has no room for the longer form.
  static const RE2 kAnyKind("(?i),? (?:of any kind,? )?such as$|,? of any kind,?$");
  if (!RE2::Replace(&marker, kAnyKind, " as to") && marker.back() == ',') marker.pop_back();
  g.text = marker + " " + TrimFragment(list);
  g.count = pieces.size();
  *items = TrimFragment(head);
  return g;
}

}  // namespace

namespace rewrite_internal {

// One part of a principle text ("<lead> <phrase>"), with everything Combine,
// Concise and Ideas read from it.
struct ParsedPart {
  std::string lead;  // as the combination says it ("is most respectful of" -> "most respects")
  std::string lkey;  // lowercase lead
  bool least = false;
  std::string phrase;
  bool that = false;  // "the principle that ..."
  Head head;
  // head.ok: the grounds closing its list, and its items as a combination
  // names them (each cut to its head), with their key tokens.
  Grounds grounds;
  std::vector<std::string> items;
  std::vector<std::set<std::string>> item_keys;
  // !head.ok: the key that finds the same whole phrase again, and the
  // phrase's key tokens.
  std::string whole_key;
  std::set<std::string> whole_tokens;
  // What Ideas() returns for this part.
  std::vector<std::string> ideas;
};

struct ParsedText {
  std::vector<ParsedPart> parts;
};

namespace {

ParsedText ParseText(const std::string& text, const Words& words) {
  ParsedText out;
  for (Part& part : ParseParts(text)) {
    ParsedPart pp;
    pp.lead = std::move(part.lead);
    pp.lkey = AsciiLower(pp.lead);
    pp.least = LeastLead(pp.lead);
    pp.phrase = std::move(part.phrase);
    pp.that = IsThatPhrase(pp.phrase);
    std::string items_text;
    pp.head = ParseHead(pp.phrase, &items_text, words);
    // Ideas: the items as listed (grounds included), or the whole phrase.
    std::vector<std::string> listed;
    if (pp.head.ok)
      listed = SplitList(items_text, words, &words.verbs);
    else if (!pp.that)
      listed = SplitList(pp.phrase, words, &words.verbs);
    std::vector<std::string> short_ideas;
    for (const std::string& it : listed) short_ideas.push_back(ShortIdea(it, words));
    if (pp.that) {
      pp.ideas.push_back(pp.phrase.substr(pp.phrase.find(" that ") + 6));
    } else {
      for (const std::string& idea : short_ideas)
        if (!idea.empty()) pp.ideas.push_back(idea);
    }
    if (pp.head.ok) {
      pp.grounds = TakeGrounds(&items_text);
      // Without grounds taken off, the list is the one split above.
      const bool same_list = pp.grounds.count == 0;
      std::vector<std::string> items =
          same_list ? std::move(listed) : SplitList(items_text, words, &words.verbs);
      for (size_t i = 0; i < items.size(); ++i) {
        std::string& it = items[i];
        bool cut = false;
        // In a combined list each idea is named by its head: the item's own
        // continuation (", including their own", ", directly or through
        // ...") stays in the source clause.
        if (size_t comma = it.find(", "); comma != std::string::npos) {
          std::string next = AsciiLower(it.substr(comma + 2, it.find(' ', comma + 2) - comma - 2));
          for (const char* w : {"including", "especially", "particularly", "directly", "either",
                                "whether", "which"})
            // Only a short aside: a long tail can carry a further idea ("...,
            // including food ..., and the right to security in ...").
            if (next == w && Split(it.substr(comma + 2), ' ').size() <= 10) {
              it.resize(comma);
              cut = true;
              break;
            }
        }
        std::string idea = same_list && !cut ? short_ideas[i] : ShortIdea(it, words);
        // Under "right to", the head says "to" for every item: "seek and to
        // enjoy asylum" is named "seek and enjoy asylum". Not inside an item
        // that lists with commas ("to participate ..., to enjoy the arts,
        // and to share ..."), whose markers stay parallel.
        if (pp.head.prep == "to" && idea.find(',') == std::string::npos)
          for (std::string_view conj : {" and to ", " or to "})
            for (size_t at; (at = idea.find(conj)) != std::string::npos;)
              idea.replace(at, conj.size(), conj.substr(0, conj.size() - 3));
        pp.item_keys.push_back(KeyTokens(idea));
        pp.items.push_back(std::move(idea));
      }
    } else {
      const std::string key = ItemKey(pp.phrase);
      pp.whole_key = pp.lkey + "|" + key;
      pp.whole_tokens = TokensOfKey(key);
    }
    out.parts.push_back(std::move(pp));
  }
  return out;
}

}  // namespace

// Parsed texts by text. A merge combines the same members again and again
// while it looks for a combination that fits, and asks for the ideas of each
// text several times: each text is parsed once. Bounded: past kMaxEntries
// the cache starts over (a bulk run sees every country's texts).
class ParseCache {
 public:
  std::shared_ptr<const ParsedText> Get(const std::string& text, const Words& words) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (auto it = map_.find(text); it != map_.end()) return it->second;
    }
    auto parsed = std::make_shared<const ParsedText>(ParseText(text, words));
    std::lock_guard<std::mutex> lock(mu_);
    if (map_.size() >= kMaxEntries) map_.clear();
    return map_.emplace(text, std::move(parsed)).first->second;
  }

 private:
  static constexpr size_t kMaxEntries = 20000;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const ParsedText>> map_;
};

std::shared_ptr<ParseCache> NewParseCache() { return std::make_shared<ParseCache>(); }

}  // namespace rewrite_internal

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

  // Lead -> groups in order of first appearance.
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
  std::vector<LeadGroups> leads;
  std::set<std::string> whole_keys;

  // "The principle that <a whole sentence>" cannot be named in a few words:
  // when other members name their ideas, such members contribute their
  // sources only.
  std::vector<std::shared_ptr<const ParsedText>> parsed;
  bool named = false;
  for (const Principle& p : cluster) {
    parsed.push_back(impl_->parses->Get(p.text, words));
    for (const ParsedPart& part : parsed.back()->parts) named = named || !part.that;
  }

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
        auto g = std::find_if(lg->groups.begin(), lg->groups.end(), [&](const Group& x) {
          if (!x.head.ok || x.head.head != h.head || x.head.prep != h.prep) return false;
          if (h.head.empty() || x.poss.count(h.poss)) return true;
          // "the right to X" and "everyone's right to Y" name the same holder.
          auto universal = [](const std::string& p) {
            return p.empty() || p == "the" || p == "everyone's";
          };
          if (!universal(h.poss)) return false;
          for (const std::string& p : x.poss)
            if (!universal(p)) return false;
          return true;
        });
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

  // Majority polarity of the members decides which leads come first.
  std::vector<std::string> pols;
  for (const Principle& p : cluster) pols.push_back(p.polarity.empty() ? "most" : p.polarity);
  std::string polarity = MostCommon(pols);
  std::stable_sort(leads.begin(), leads.end(), [&](const LeadGroups& a, const LeadGroups& b) {
    return (a.least == (polarity == "least")) > (b.least == (polarity == "least"));
  });

  // A phrase of the other polarity that names an idea the majority already
  // names is its protection said negatively ("the right to own property" /
  // "anyone being arbitrarily deprived of their property"): the combination
  // says it once, the clause stays among the sources.
  {
    auto content = [&](const std::set<std::string>& tokens) {
      std::set<std::string> out;
      for (const std::string& t : tokens)
        if (t.size() >= 3 && !words.stop.count(t) && !words.generic.count(t)) out.insert(t);
      return out;
    };
    std::set<std::string> named;
    for (const LeadGroups& lg : leads) {
      if (lg.least != (polarity == "least")) continue;
      for (const Group& g : lg.groups) {
        for (const std::set<std::string>& k : g.list.keys)
          for (const std::string& t : content(k)) named.insert(t);
        for (const std::string& t : content(g.whole_tokens)) named.insert(t);
      }
    }
    for (LeadGroups& lg : leads) {
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
    leads.erase(std::remove_if(leads.begin(), leads.end(),
                               [](const LeadGroups& lg) { return lg.groups.empty(); }),
                leads.end());
  }

  std::vector<std::string> rendered_parts;
  for (LeadGroups& lg : leads) {
    // Whole phrases name their ideas already: drop a whole phrase or a list
    // item that another whole phrase of the same lead contains.
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
      if (g.head.head.empty()) {
        ItemList kept;
        for (size_t i = 0; i < g.list.items.size(); ++i) {
          if (covered(g.list.keys[i], nullptr)) continue;
          kept.items.push_back(std::move(g.list.items[i]));
          kept.keys.push_back(std::move(g.list.keys[i]));
        }
        g.list = std::move(kept);
      }
      if (g.list.items.empty()) continue;
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
      concepts.push_back(s);
    }
    // Several "the principle that X" phrases share one head: "the principles
    // that X; that Y; and that Z".
    {
      const std::string kHead = "the principle that ";
      std::vector<std::string> thats, others;
      for (const std::string& c : concepts) {
        if (StartsWith(c, kHead))
          thats.push_back(c.substr(kHead.size() - 5));  // "that X"
        else
          others.push_back(c);
      }
      if (thats.size() >= 2) {
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
        concepts = others;
      }
    }
    std::string part =
        lg.lead.empty() ? JoinList(concepts, "and") : lg.lead + " " + JoinList(concepts, "and");
    rendered_parts.push_back(TrimFragment(part));
  }
  std::string body;
  for (size_t i = 0; i < rendered_parts.size(); ++i) {
    if (i > 0) body += ", and that ";
    body += rendered_parts[i];
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
  // Topics: most frequent first, then first appearance.
  std::vector<std::string> order;
  std::map<std::string, int> count;
  for (const Principle& p : cluster)
    for (const std::string& t : p.topics) {
      if (count[t]++ == 0) order.push_back(t);
    }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return count[a] > count[b]; });
  out.topics = order;
  std::set<std::string> seen_src, seen_rule;
  for (const Principle& p : cluster) {
    for (const Source& s : p.sources) {
      if (seen_src.insert(s.doc + "\n" + s.id + "\n" + s.cite).second) out.sources.push_back(s);
    }
    for (const std::string& r : p.rules) {
      if (seen_rule.insert(r).second) out.rules.push_back(r);
    }
  }
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
