// rewrite.h — stage 4: Clauses -> Principles ("Choose the response that ...").
//
// Each principle-worthy clause becomes one concise, grammatical English
// principle: "most respects / supports / encourages ..." for rights, values and
// duties, "least endorses / condones ..." for prohibitions; qualifiers stripped
// (kept in the sources), pronouns neutralised, the holder kept where it
// matters, lists joined with serial commas. Templates are data
// (rules/<lang>/rewrite.tsv); every principle records its template and rules.
// Combine() turns a cluster of similar principles into one that names each
// idea once, with all their sources.
//
// Thread-safe: a Rewriter is immutable after Create.
//
//   Result<Rewriter> rw = Rewriter::Create(rule_texts, "en");
//   std::vector<Principle> ps = rw->Rewrite(clauses);
//   Principle one = rw->Combine({ps[0], ps[3]});
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"

namespace charter {

class Rewriter {
 public:
  static Result<Rewriter> Create(const RuleTexts& rules, const std::string& lang);

  // One principle per clause with principle == true, in input order.
  std::vector<Principle> Rewrite(const std::vector<Clause>& clauses) const;

  // One principle naming each idea of the cluster once; sources are the union.
  Principle Combine(const std::vector<Principle>& cluster) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
