// conflict.h — pairs of principles that cannot both hold.
//
// Where it sits: the merge stage. MergeCountry checks each country principle
// against the base, MergeGlobal checks principles of different countries
// against each other. Two kinds of conflict are found:
//   * "negation": the same idea with opposite stance — "most respects X"
//     against "least endorses X" — i.e. cosine >= the duplicate threshold
//     while Stance() differs in sign;
//   * "rule": incompatible value declarations named by a pair of patterns in
//     rules/<lang>/conflicts.tsv (an established state religion against a
//     secular state; a duty of military service against conscientious
//     objection), matched on a principle's text and its sources' text.
// Conflicts are reported, never resolved by the merge itself: a reviewer
// decides which side stays (decisions.h; applied by MergeGlobal).
//
// Rule data (grammar in rules/README.md):
//   <lang>/conflicts.tsv  label_a TAB pattern_a TAB label_b TAB pattern_b
//   <lang>/stance.tsv     "+" or "-" TAB pattern over the words after
//                         "response that"; the first rule in file order that
//                         matches decides.
// Both files are optional: without them no conflicts of that kind are found.
//
// Thread-safe: ConflictRules is immutable after Create.
//
//   Result<ConflictRules> rules = ConflictRules::Create(rule_texts, "en");
//   int s = rules->Stance("Choose the response that least endorses torture.");  // -1
//   std::vector<int> sides = rules->Sides(principle);  // rule*2 (+1 for side b)
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"

namespace charter {

struct ConflictRule {
  std::string id;       // "en/conflicts.tsv:7"
  std::string label_a;  // "state_religion"
  std::string label_b;  // "secular_state"
};

class ConflictRules {
 public:
  // Reads "<lang>/conflicts.tsv" and "<lang>/stance.tsv" from `rules` when
  // present. Errors: the rule-file errors ("en/conflicts.tsv:3: expected 4
  // columns, found 2", "...: bad pattern: ..."), a stance that is not + or -.
  static Result<ConflictRules> Create(const RuleTexts& rules, const std::string& lang);

  // +1 (supports what it names), -1 (opposes it: "least endorses", "most
  // discourages"), 0 (no stance rule matched or no rules).
  int Stance(std::string_view principle_text) const;

  // The sides of the pair rules this principle matches, as rule_index * 2
  // (side a) or rule_index * 2 + 1 (side b), ascending. A rule whose both
  // sides match the same principle is left out (it states both, so it
  // conflicts with neither).
  std::vector<int> Sides(const Principle& p) const;
  // The same, of one text (a principle's or a source clause's).
  std::vector<int> Sides(std::string_view text) const;

  const std::vector<ConflictRule>& rules() const;
  bool empty() const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

// One conflict between principle `a` and principle `b`.
struct Conflict {
  std::string kind;     // "negation", "rule" or "idea" (a declared pair of ideas)
  std::string rule;     // rule id for kind "rule"; "" for negation
  std::string label_a;  // rule labels ("state_religion"); for negation "supports" / "opposes"
  std::string label_b;
  Principle a;
  Principle b;
  std::string side_a;  // "base", or the country (global merge)
  std::string side_b;
  float similarity = 0.0f;  // cosine of a and b (0 when not computed)
  // Global merge only (empty in a country merge): the ids of the global
  // principles (GlobalEntry) that state each side, which a reviewer's
  // decision keeps or drops — `a`/`b` themselves for a negation or a
  // declared pair of ideas; for a rule, the entry that states the side
  // itself (the idea its label names, an entry whose own words declare it,
  // or the idea most declaring clauses state), empty when none does, and
  // then a decision drops nothing on that side — and the conflict's id,
  // ConflictId.
  std::string entry_a;
  std::string entry_b;
  std::string id;
  std::string decision;   // "" (pending), "keep-a", "keep-b", "keep-both", "drop-both"
  int decision_line = 0;  // line of the decision in its file
};

// A conflict's id: HashHex of its kind, its labels and the two global
// principles it sets against each other, so that a decision recorded against
// it still applies after a re-run (and, for a declared pair of ideas, over
// another set of countries: an idea's principle is worded the same for all).
std::string ConflictId(const Conflict& c);

}  // namespace charter
