// agreed_ideas.h — one principle per agreed idea: public statements that say
// the same thing in different words ("The AI should be fair and impartial",
// "The AI should be unbiased", "... as objective and unbiased regardless of
// topic") become one principle that keeps every statement's words.
//
// Where it sits: after public_input.h has rewritten each selected statement
// (StatementsToPrinciples) and before the merge stage (which then combines
// nothing more: `charter polis` turns its embedding combining off).
//
// An idea is a rule of rules/<lang>/public_ideas.tsv (`idea <TAB> pattern [<TAB>
// precedence]`): a principle states the idea when the pattern matches its
// text. A principle's *primary* idea is the one of highest precedence (default
// 0) whose pattern matches, the earliest match among those (ties: file order):
// "gives objective information expressing all sides" is about balance, not
// impartiality. A statement listing adjectives of several ideas ("kind,
// honest and helpful") is first split, one piece per idea (Split), so it does
// not chain the kindness and honesty groups together. Principles with the
// same primary idea combine; a principle with no idea stays alone.
//
// Combining keeps every member's idea: a member whose words (or, of the same
// polarity, whose content words: no stopword, rewrite_words.tsv generic or
// frame word) are all in another member is dropped as said already ("is most
// fair" in "is most fair and impartial"); adjectives of "is most ..." members are joined into one
// list
// ("is most fair, impartial, and unbiased"), those of "is least ..." members
// with "or"; every other member keeps its own clause, joined with ", and that
// ...", "does not ..." and "never ..." members' verb phrases are joined with
// "or" too. A member joins the first principle of its idea that it fits; when
// the text would pass `max_bytes` in every one, it starts a new principle of
// the same idea — never a cut.
//
// Thread-safe: an AgreedIdeas is immutable after Create; CombineByIdea is pure.
//
//   Result<AgreedIdeas> ideas = AgreedIdeas::Create(rule_texts, "en");
//   std::vector<Principle> one_per_idea = ideas->Combine(pp.principles);
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"

namespace charter {

class AgreedIdeas {
 public:
  // Compiles <lang>/public_ideas.tsv. A language without the file has no
  // ideas (Combine returns its input). Error: the file's first bad line,
  // "en/public_ideas.tsv:4: bad pattern: ...".
  static Result<AgreedIdeas> Create(const RuleTexts& rules, const std::string& lang);

  // The primary idea of a principle text ("" if none) and the id of its rule
  // line (`rule`, when given).
  std::string Primary(std::string_view text, std::string* rule = nullptr) const;

  // One principle per primary idea and size limit, in the order of each
  // group's first member; members in input order. A group of one is returned
  // unchanged. A combined principle: text as described above, id its hash,
  // polarity of its first member, sources the members' in order, topics and
  // rules their union plus the idea's rule id, template_id "combine.idea".
  // `max_bytes` counts the whole text, "Choose the response that ... ." (0: no
  // limit). Default 300, the validator's limit.
  std::vector<Principle> Combine(const std::vector<Principle>& principles,
                                 size_t max_bytes = 300) const;

  // A principle "is most A, B, and C" whose adjectives state different ideas,
  // one principle per idea ("is most kind, honest, and helpful" -> "is most
  // kind", "is most honest", "is most helpful"), sources kept; any other
  // principle unchanged (a list of one).
  std::vector<Principle> Split(const Principle& p) const;

  size_t size() const { return set_ ? set_->size() : 0; }

 private:
  std::shared_ptr<const PatternSet> set_;
  std::vector<int> precedence_;  // per rule: a higher one wins wherever it matches
  std::shared_ptr<const std::set<std::string>> frame_;  // words that name no idea
};

}  // namespace charter
