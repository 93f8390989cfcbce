// agreed_ideas.h — one principle per agreed idea: public statements that say
// the same thing in different words ("The AI should be fair and impartial",
// "The AI should be unbiased", "... as objective and unbiased regardless of
// topic") become one principle that keeps every statement's words.
//
// Where it sits: after public_input.h has rewritten each selected statement
// (StatementsToPrinciples) and before the merge stage (which then combines
// nothing more: `charter polis` turns its embedding combining off).
//
// An idea is a rule of rules/<lang>/public_ideas.tsv (`idea <TAB> pattern`):
// a principle states the idea when the pattern matches its text. A principle's
// *primary* idea is the one whose pattern matches earliest in the text (ties:
// file order), so "is most kind, honest, and helpful" is about kindness and
// does not chain the kindness and honesty groups together. Principles with the
// same primary idea combine; a principle with no idea stays alone.
//
// Combining keeps every member's idea: a member whose words are all in another
// member is dropped as said already ("is most fair" in "is most fair and
// impartial"); adjectives of "is most ..." members are joined into one list
// ("is most fair, impartial, and unbiased"), those of "is least ..." members
// with "or"; every other member keeps its own clause, joined with ", and that
// ...". When the text would pass `max_bytes`, the member starts a new
// principle of the same idea instead — never a cut.
//
// Thread-safe: an AgreedIdeas is immutable after Create; CombineByIdea is pure.
//
//   Result<AgreedIdeas> ideas = AgreedIdeas::Create(rule_texts, "en");
//   std::vector<Principle> one_per_idea = ideas->Combine(pp.principles);
#pragma once

#include <memory>
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

  size_t size() const { return set_ ? set_->size() : 0; }

 private:
  std::shared_ptr<const PatternSet> set_;
};

}  // namespace charter
