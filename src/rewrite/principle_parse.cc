// principle_parse.cc — a principle's text read back into parts
// (principle_parse.h).
#include "rewrite/principle_parse.h"

#include <re2/re2.h>

#include <algorithm>

#include "core/principle_text.h"
#include "core/text.h"
#include "rewrite/grammar.h"

namespace charter::rewrite_internal {

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
  static const RE2 kLead(
      "(?i)^((?:is |are )?(?:most|least|more|less)(?: clearly)? [a-z]+(?: (?:and|or) [a-z]+)?(?: "
      "of)?) "
      "(.+)$");
  const size_t start = PrincipleBodyStart(text);
  std::string body = TrimFragment(start == std::string::npos ? text : text.substr(start));
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

}  // namespace

std::set<std::string> TokensOfKey(const std::string& key) {
  std::set<std::string> out;
  for (std::string_view t : Split(key, ' '))
    if (!t.empty()) out.insert(std::string(t));
  return out;
}

namespace {

std::set<std::string> KeyTokens(const std::string& item) { return TokensOfKey(ItemKey(item)); }

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

std::shared_ptr<const ParsedText> ParseCache::Get(const std::string& text, const Words& words) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = map_.find(text); it != map_.end()) return it->second;
  }
  auto parsed = std::make_shared<const ParsedText>(ParseText(text, words));
  std::lock_guard<std::mutex> lock(mu_);
  if (map_.size() >= kMaxEntries) map_.clear();
  return map_.emplace(text, std::move(parsed)).first->second;
}

std::shared_ptr<ParseCache> NewParseCache() { return std::make_shared<ParseCache>(); }

}  // namespace charter::rewrite_internal
