// extract.h — stage 3: Provisions -> Clauses (what each unit grants, forbids,
// requires or declares, and whether it should become an AI principle).
//
// Rules are data (grammar and columns in rules/README.md, "Extract"):
//   topics.tsv            language-independent topic ids
//   kinds.tsv             per kind, the prior weight of "should become a principle"
//   <lang>/modality.tsv   cues in the unit's words: vote for a kind or for "principle"
//                         (also duties.tsv, values.tsv, limitations.tsv,
//                         institutional.tsv, structure.tsv: same columns)
//   <lang>/holders.tsv    who holds the right/duty; the first named votes too
//   <lang>/qualifiers.tsv qualifiers split off into Clause::qualifiers
//   <lang>/context.tsv    cues in enclosing headings, article caption, lead-in
//   <lang>/topics.tsv     patterns naming each topic id
// Qualifiers, cues and holders are matched together by one RE2::Set per file
// plus one for the patterns anchored at the start of every file: one pass of
// each per unit, again over the core when a qualifier was split off; topics
// only for principle clauses; heading and caption context cached per Extract
// call. kind = the kind with the most
// votes (else "other"); score = logistic(prior[kind] + principle votes);
// principle = score >= 0.5. Every decision records the ids of the rules that
// fired ("en/modality.tsv:12").
//
// Thread-safe: an Extractor is immutable after Create.
//
//   Result<Extractor> ex = Extractor::Create(rule_texts, "en");
//   std::vector<Clause> clauses = ex->Extract(units);   // one per input unit
//   for (const Clause& c : clauses) if (c.principle) use(c);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"

namespace charter {

class Extractor {
 public:
  // Compiles topics.tsv, kinds.tsv and <lang>/{modality (required), duties,
  // values, limitations, institutional, structure, holders, qualifiers,
  // context, topics}.tsv from `rules` (keys as ReadRuleFolder gives them).
  // Errors are one line naming the file as keyed and the line:
  // "en/modality.tsv:12: unknown kind 'rigth'", "...: bad pattern: ...",
  // "...: expected 3 to 4 columns, found 5", "...: bad weight 'x'",
  // "en/topics.tsv:4: unknown topic 'helth'", "en/context.tsv:2: unknown scope 'x'",
  // "xx/modality.tsv: rule file not found".
  static Result<Extractor> Create(const RuleTexts& rules, const std::string& lang);

  // Classifies every unit (headings and article records included, so context
  // can flow); returns one Clause per input Provision, in the same order.
  // Units must be in document order: an "article" record's caption is the
  // context of the text units after it when they carry none themselves.
  // "heading" and "article" units become kind heading, never principles.
  // Clause::core is the unit's statement (lead-in + item, numbering removed)
  // without its qualifiers; holder and topics are set for principles only.
  std::vector<Clause> Extract(const std::vector<Provision>& units) const;
  // The same, moving each unit into its Clause instead of copying it.
  std::vector<Clause> Extract(std::vector<Provision>&& units) const;

  // The rule behind an id from Clause::rules, its columns joined by TABs
  // ("right\t3\t\\bha(?:s|ve) the right\\b"); "" if unknown.
  std::string RuleText(const std::string& id) const;

  const std::string& lang() const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
