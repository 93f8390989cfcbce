// principle_parse.h — a principle's text read back into parts: what
// Rewriter::Combine, Concise and Ideas work on. Internal to src/rewrite.
//
// Each text is parsed into parts "<lead> <phrase>" ("most respects" +
// "everyone's right to freedom of thought, conscience, and religion"), the
// lead found after the opening every principle shares (PrincipleBodyStart).
// A phrase with a recognised head ("right to", "freedom of") is split into
// its items; an enumeration of grounds closing a list ("..., without
// distinction of any kind, such as race, colour, sex, ...") is taken off it
// whole.
//
// Thread-safe: a ParseCache may be shared by threads.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "rewrite/templates.h"

namespace charter::rewrite_internal {

struct Head {
  std::string poss;  // "everyone's", "the", ""
  std::string head;  // singular: "right", "freedom"
  std::string prep;  // "to", "of"
  bool ok = false;
};

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

// The words of an ItemKey, as a set.
std::set<std::string> TokensOfKey(const std::string& key);

// Parsed texts by text. A merge combines the same members again and again
// while it looks for a combination that fits, and asks for the ideas of each
// text several times: each text is parsed once. Bounded: past kMaxEntries
// the cache starts over (a bulk run sees every country's texts).
class ParseCache {
 public:
  std::shared_ptr<const ParsedText> Get(const std::string& text, const Words& words);

 private:
  static constexpr size_t kMaxEntries = 20000;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const ParsedText>> map_;
};

}  // namespace charter::rewrite_internal
