// extract.h — stage 3: Provisions -> Clauses (what each unit grants, forbids,
// requires or declares, and whether it should become an AI principle).
//
// Rules are data: rules/<lang>/*.tsv (modality cues, holders, qualifiers,
// institutional cues, context headings) and rules/topics.tsv (language-
// independent topic ids with per-language patterns), compiled into RE2::Sets.
// Every decision records the ids of the rules that fired.
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
  static Result<Extractor> Create(const RuleTexts& rules, const std::string& lang);

  // Classifies every unit (headings and article records included, so context
  // can flow); returns one Clause per input Provision, in the same order.
  std::vector<Clause> Extract(const std::vector<Provision>& units) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
