// rewrite.h — stage 4: Clauses -> Principles ("Choose the response that ...").
//
// Each principle-worthy clause becomes one concise, grammatical English
// principle: "most respects / supports / encourages ..." for rights, values and
// duties, "least endorses / condones ..." for prohibitions; qualifiers stripped
// (kept in the sources), pronouns neutralised, the holder kept where it
// matters, lists joined with serial commas. Templates are data
// (rules/<lang>/rewrite.tsv, rewrite_statement.tsv, rewrite_clean.tsv,
// rewrite_words.tsv; grammar in rules/README.md); every principle records its
// template and rules. Combine() turns a cluster of similar principles into one
// that names each idea once, with all their sources.
//
// Implementation: templates.{h,cc} (rule files, FilteredRE2 prefilter, slot
// filters), grammar.{h,cc} (serial comma, possessives, verb forms, concept
// lists), combine.cc. Deterministic: output depends only on the rules and input.
//
// Thread-safe: a Rewriter is immutable after Create.
//
//   Result<Rewriter> rw = Rewriter::Create(rule_texts, "en");
//   std::vector<Principle> ps = rw->Rewrite(clauses);
//   Principle one = rw->Combine({ps[0], ps[3]});
//   Result<Principle> p = rw->RewriteStatement("The AI should not lie.", source);
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"
#include "rewrite/ideas.h"

namespace charter {

// What Rewriter::Convert makes of a document's clauses.
struct Conversion {
  std::vector<Principle> principles;
  std::vector<Unconverted> unconverted;
  // The principles of the State's positions (Idea::position: an official religion, compulsory
  // military service, ...): no criterion for a response, so not principles of the document's
  // constitution, but sides of the global merge's conflicts. Each clause that states one is
  // also listed in `unconverted` with the reason "position: IDEA (RULE) ...".
  std::vector<Principle> positions;
};

class Rewriter {
 public:
  // Compiles <lang>/rewrite*.tsv from `rules` (keys as ReadRuleFolder gives
  // them). Error: the first bad line, "en/rewrite.tsv:7: unknown kind 'rigth'",
  // or "fr/rewrite.tsv: missing" for a language without rewrite rules.
  static Result<Rewriter> Create(const RuleTexts& rules, const std::string& lang);

  // One principle per clause with principle == true, in input order.
  std::vector<Principle> Rewrite(const std::vector<Clause>& clauses) const;

  // A document's principles, from the ideas its principle-worthy clauses
  // state (rules/ideas.tsv, rules/<lang>/ideas.tsv; see ideas.h):
  //   - the ideas of one family that the document states make one principle
  //     (at most kMaxIdeasPerPrinciple and Validator::kMaxBytes, in
  //     inventory order), and families of one group (idea_families.tsv)
  //     share principles while they fit; worded from the ideas' phrases,
  //     whose sources are the clauses that state them:
  //     template_id "idea", `ideas` the idea ids, rules the idea lines and
  //     the pattern lines that coded;
  //   - a clause that states no idea is rewritten on its own
  //     (RewriteClause) and kept when its text passes validation
  //     (validate.h, rules/<lang>/validate.tsv); otherwise it is listed in
  //     `unconverted` with the text tried and the findings.
  // Principles in order of their first source; principles of the same
  // text are one, with the sources of both. Deterministic.
  Conversion Convert(const std::vector<Clause>& clauses) const;
  static constexpr size_t kMaxIdeasPerPrinciple = 7;

  // Clauses of units the document repeals itself (rules/<lang>/repeal.tsv:
  // "The eighteenth article of amendment ... is hereby repealed"), by index
  // into `clauses`, with the cite and rule of the repealing clause. Convert
  // lists them as not converted.
  std::map<size_t, std::string> Repealed(const std::vector<Clause>& clauses) const;

  // The validator's findings on one principle text (empty: it passes).
  std::vector<std::string> Validate(std::string_view text) const;

  // The principle that states idea `id` alone, in the inventory's words:
  // template_id "idea", `ideas` {id}, topics {its topic}, origin
  // "country", no sources. Empty text for an unknown id.
  Principle IdeaPrinciple(const std::string& id) const;

  // The idea inventory this rewriter codes clauses with.
  const IdeaSet& IdeaInventory() const;

  // One clause (whatever its `principle` flag) as a principle: origin
  // "country", kind = KindName(clause.kind), one Source built from clause.unit.
  // A later sentence of the clause that a specific template renders briefly
  // adds its own part ("..., and that most encourages a spirit of
  // brotherhood"); see rules/README.md. A clause that only a fallback would
  // render and that has fewer than five words once cleaned ("Notwithstanding
  // anything in this Constitution—", "Fundamental Principles") gets an empty
  // text, and Rewrite() leaves it out.
  Principle RewriteClause(const Clause& clause) const;

  // One principle naming each idea of the cluster once; sources are the union
  // (in order, deduplicated by id), topics the union (most frequent first),
  // template_id "combine". A cluster of one is returned unchanged; an empty
  // cluster gives an empty Principle.
  Principle Combine(const std::vector<Principle>& cluster) const;

  // The ideas a principle names, each a short phrase, in order: "Choose the
  // response that most respects everyone's right to freedom of thought,
  // conscience, and religion." -> {"thought", "conscience", "religion"};
  // list items are cut before their qualifiers ("an effective remedy by the
  // competent national tribunals" -> "an effective remedy"); a "the
  // principle that S" phrase gives S whole. Works on any author's wording
  // ("Please choose the response that is most respectful of ...").
  std::vector<std::string> Ideas(std::string_view principle_text) const;

  // The principle with each listed idea cut to its head, as Combine names
  // them ("everyone's right to a standard of living adequate for ... " ->
  // "everyone's right to a standard of living"); template_id gets
  // "+concise". Returned unchanged when nothing can be cut.
  Principle Concise(const Principle& p) const;

  // The content words of Ideas(): lowercase, naive singular, without the
  // language's stopwords and the rewrite_words.tsv "generic" words; sorted,
  // distinct. For comparing what two principles are about by their words.
  std::vector<std::string> IdeaTerms(std::string_view principle_text) const;

  // A word list rewrite_words.tsv holds for a later stage: "not_verb" (the
  // critique/revision export), "common_name" and "figure" (the global
  // merge's particulars). Empty for any other class.
  const std::set<std::string>& WordClass(std::string_view cls) const;

  // A public statement as a principle (for Polis input): "The AI should be
  // honest." -> "Choose the response that is most honest."; "AI shouldn't say
  // racist or sexist things." -> "Choose the response that least says racist
  // or sexist things." Accepts "The AI / AI / Assistants / Chatbots / They
  // should (not) ...", "I think/believe (that) AI should ...", "AI must/needs
  // to ...", "It is important for AI to ...", and bare imperatives ("Be
  // honest.", "Don't ..."). A statement with a modal about something else
  // ("The police should be more visible.") becomes "Choose the response that
  // most supports the view that the police should be more visible." (template
  // "fallback.view"; a caller that wants AI-behaviour statements only can
  // drop those). Result: origin "public", kind "public", sources = {source}
  // (its text set to the statement if empty), topics empty (the caller may
  // set them), template_id ("statement.*") and rules from
  // rules/<lang>/rewrite_statement.tsv. Error (InvalidArgument, "statement:
  // not a statement about AI behaviour: <text>") for questions, empty text and
  // statements without a modal ("I like pizza."); and ("statement: not a
  // response criterion (<why>, <rule id>): <text>") for a statement that a
  // template whose output starts with "!" reads as a property of the whole
  // system, not of one response ("AI should be regulated"). A statement of
  // several sentences: the first makes the principle, each later one that a
  // non-fallback template renders adds ", and that ..." ("It should not act
  // human. It should not impersonate anyone." -> "... does not act human, and
  // that does not impersonate anyone."); rules lists every template used.
  Result<Principle> RewriteStatement(std::string_view text, const Source& source) const;

  struct Impl;

 private:
  Principle CombineAny(const std::vector<Principle>& cluster) const;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
