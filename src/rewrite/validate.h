// validate.h — checks one principle's text before it enters a constitution.
//
// A principle written from a clause's own words (one that states no idea of
// the inventory) is kept only when it reads alone: one complete sentence, no
// unresolved cross-reference ("under Article 43", "clause (4)"), no pronoun or
// "such" whose referent is elsewhere, no unexplained acronym, no debris of the
// source layout ("the following:", list labels), no spliced fragment, and
// nothing of the machinery of the state. The language's checks are rules
// (rules/<lang>/validate.tsv: finding type and pattern); a few checks of form
// hold for every language and are built in (length, brackets, the opening).
//
// Thread-safe: a Validator is immutable after Create.
//
//   Result<Validator> v = Validator::Create(rule_texts, "en");
//   for (const Finding& f : v->Check(p.text)) Report(f.type, f.match);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/principle_text.h"
#include "core/rule_file.h"

namespace charter {

struct Finding {
  // "cross_reference", "pronoun", "acronym", "debris", "fragment",
  // "machinery", "form", "too_long" (rules/README.md lists them).
  std::string type;
  std::string rule_id;  // "en/validate.tsv:12", or "builtin"
  std::string match;    // the text that was found
  std::string ToString() const { return match.empty() ? type : type + ": " + match; }
};

class Validator {
 public:
  // Compiles <lang>/validate.tsv (columns: type <TAB> pattern). A language
  // without the file gets the built-in checks only. Error: the first bad
  // line, "en/validate.tsv:4: unknown finding type 'fragmnet'".
  static Result<Validator> Create(const RuleTexts& rules, const std::string& lang);

  // The findings on `text`, a whole principle ("Choose the response that
  // ..."), in rule order; empty when it passes.
  std::vector<Finding> Check(std::string_view text) const;

  // Whether `text` names a person as the one who holds what it protects
  // (a `holder` line of validate.tsv matches: "the right of every citizen
  // to", "anyone being compelled"); true for a language with no `holder`
  // line. A principle written from one clause's own words must name one:
  // a clause whose subject is a law, an organ, a procedure or a thing
  // ("No law shall ...", "The employment of foreign experts is forbidden")
  // is machinery or a limit, not a value to judge a response by.
  bool NamesHolder(std::string_view text) const;

  // Longest principle that passes, in bytes: a principle is one idea or a
  // short list of related ones.
  static constexpr size_t kMaxBytes = 300;

 private:
  // The finding lines, and the `holder` lines (requirements, not findings).
  std::shared_ptr<const PatternSet> patterns_, holders_;
};

}  // namespace charter
