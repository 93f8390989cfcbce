// templates.h — the rewriter's rule files, parsed and compiled: rewrite
// templates (rules/<lang>/rewrite.tsv and rewrite_statement.tsv), clean-up
// substitutions (rewrite_clean.tsv) and word lists (rewrite_words.tsv).
//
// Internal to src/rewrite. A Template is "pattern over the cleaned core text
// with named captures" + "output with ${name} or ${name:filter:...} slots";
// rendering fills the slots and may reject (a filter that cannot apply, e.g.
// a holder too long for a possessive), so the next template is tried.
//
// Thread-safe: immutable after Load.
//
//   Result<Rules> r = LoadRules(rule_texts, "en");
//   std::optional<Rendered> out = r->templates[0].Render(text, r->words);
#pragma once

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"
#include "rewrite/grammar.h"
#include "rewrite/holder_groups.h"
#include "rewrite/ideas.h"
#include "rewrite/rewrite.h"
#include "rewrite/validate.h"

namespace charter::rewrite_internal {

struct Slot {
  std::string literal;               // text before the slot (or the trailing text)
  std::string name;                  // capture name; empty for the trailing literal
  std::vector<std::string> filters;  // poss, any, ing, s, lower, noto, nodet, plain, verb, ...
};

struct Template {
  std::string id;           // template_id column ("right.has")
  std::string rule_id;      // "en/rewrite.tsv:12"
  std::vector<Kind> kinds;  // empty = every kind
  bool fallback = false;    // only tried when no specific template matched
  // A public statement's template (rewrite_statement.tsv): a slot and the
  // output keep their last word (TrimSentenceEnd, not TrimFragment).
  bool statement = false;
  std::string polarity;  // "most" | "least"
  std::shared_ptr<const re2::RE2> regex;
  std::vector<Slot> slots;

  // Matches `text` as a whole and renders the output (without the "Choose the
  // response that" prefix and final period); nullopt if it does not match or
  // a filter rejects.
  std::optional<std::string> Render(const std::string& text, const Words& words) const;
  bool AppliesTo(Kind kind) const;
};

// A clause as the source of a principle: its document, provision id, cite,
// lines and text.
Source SourceOf(const Clause& c);

struct CleanRule {
  std::string rule_id;
  std::shared_ptr<const re2::RE2> regex;
  std::string replacement;
  bool statement_only = false;  // third column "statement": public statements only
};

// Case-insensitive RE2 options that log nothing: those of every rewrite,
// idea and repeal pattern (errors are reported with the rule's file:line).
RE2::Options RuleRegexOptions();
// `pattern` (of rule `r`) compiled with RuleRegexOptions, or "FILE:LINE: bad pattern: ...".
Result<std::shared_ptr<const RE2>> CompileRulePattern(const Rule& r, const std::string& pattern);

// A pattern (RuleRegexOptions) checked when made and compiled when first
// matched: most `unless` exceptions of the idea patterns are never needed
// by a document (compiling all of them up front cost 0.33 of 4.6 billion
// instructions of a conversion of India's constitution, callgrind).
// Thread-safe.
class LazyRegex {
 public:
  // The regex of `pattern`, or RE2's message if it does not parse ("missing
  // ): (death"). A program too large for RE2's memory budget shows only
  // when first matched, and then matches nothing (under UTF-8: the smaller
  // Latin-1 program that ASCII text gets may still compile).
  static Result<std::shared_ptr<const LazyRegex>> Make(std::string pattern);
  // The same, unchecked: a pattern that does not parse matches nothing.
  explicit LazyRegex(std::string pattern);
  // Whether the pattern matches somewhere in `text`.
  bool PartialMatch(std::string_view text) const;

 private:
  // A pattern written in ASCII is compiled twice over, each when first
  // needed: as Latin-1 for ASCII text and as UTF-8 for the rest. On ASCII
  // text the two match alike (a character is a byte, and the case folds
  // beyond ASCII, the Kelvin sign and the long s, are not in it), and the
  // Latin-1 program compiles in 28% fewer instructions (the 713 idea
  // patterns as written: 1.69 -> 1.21 billion, callgrind), its window
  // "[^.;]{0,40}" a byte class 40 times over where UTF-8 has a sequence
  // automaton; 97% of the clauses of the 86 English documents are ASCII.
  struct Compiled {
    std::once_flag once;
    std::unique_ptr<const RE2> re;
  };
  const RE2& For(bool latin1) const;
  std::string pattern_;
  bool ascii_ = false;
  mutable Compiled latin1_, utf8_;
};

// Lowercased literals, found in a lowercased text by one unanchored pass of
// an RE2::Set (a substring search per literal where the set could not be
// built). Shared by AtomFilter and IdeaSet, which looks for the atoms of
// several filters in one pass. Thread-safe after Build.
class LiteralSet {
 public:
  void Build(std::vector<std::string> literals);
  // The indices of the literals `lower` holds, into `out` (cleared first).
  void Find(const std::string& lower, std::vector<int>* out) const;
  const std::vector<std::string>& literals() const { return literals_; }

 private:
  std::vector<std::string> literals_;
  std::shared_ptr<RE2::Set> set_;  // null: look for each literal
};

// RE2's FilteredRE2 over a list of patterns (case-insensitive): each is
// reduced to the literal "atoms" it needs ("subjected", "entitled"), a text's
// atoms are found by one pass of a literal RE2::Set over it lowercased (a
// substring search per atom if that set could not be built), and only the
// patterns whose atoms are there are considered. Used by the rewrite
// templates (TemplateSet) and by the idea patterns (IdeaSet).
//
// The filter holds each pattern widened (WidenRepeats: "[^.;]{0,40}" ->
// "[^.;]*"), which matches every text the pattern matches; a widened hit is
// confirmed by the pattern itself, compiled when first needed. Compiling
// the 661 idea patterns as written was most of what starting a conversion
// cost (1.9 of 4.6 billion instructions for India's constitution, callgrind);
// widened they take half as much, and a document needs only the patterns
// its clauses nearly match (under 200 of 661 for India's).
// Thread-safe after Build.
class AtomFilter {
 public:
  // Adds every pattern (widened) and compiles. Returns the index of the
  // first pattern RE2 refuses (the filter is then unusable: ok() is false),
  // or -1. A pattern as written is compiled on first use (LazyRegex): one
  // that RE2 cannot compile although its widened form could (too large a
  // program) matches nothing.
  // With `split`, a pattern is held as its top-level alternatives, each an
  // entry of its own ("a[^.;]{0,40}b|c" -> "a[^.;]*b", "c"): a text is
  // matched only against the alternatives whose atoms it has, and a widened
  // alternative is confirmed by itself as written, a far smaller program
  // than the whole pattern (the idea patterns: 19% fewer instructions on a
  // first pass over the lines of 17 documents, the same matches). Patterns
  // with inline flags ("(?-i)") stay whole: a flag set midway carries over
  // into later alternatives.
  int Build(const std::vector<std::string>& patterns, bool split = false);
  bool ok() const { return filter_ != nullptr; }
  // Indices of the patterns that may match, given `lower`, the text
  // lowercased (a superset of those that do).
  void Potentials(const std::string& lower, std::vector<int>* out) const;
  // Indices of the patterns that match `text` (`lower`: it lowercased).
  void Matches(std::string_view text, const std::string& lower, std::vector<int>* out) const;
  // The same, given the indices into atoms() of those found in the text
  // lowercased (for a caller that finds the atoms of several filters in
  // one pass).
  void MatchesGivenAtoms(std::string_view text, const std::vector<int>& atoms,
                         std::vector<int>* out) const;
  // The lowercased literals the filter looks for.
  const std::vector<std::string>& atoms() const { return atoms_.literals(); }

 private:
  const std::vector<int>& Atoms(const std::string& lower) const;
  std::shared_ptr<re2::FilteredRE2> filter_;
  std::vector<int> owner_;              // per entry of filter_, its pattern
  LiteralSet atoms_;                    // the lowercased literals to look for
  // Per entry, the entry as written (a LazyRegex), for a widened one.
  struct WrittenPatterns;
  std::shared_ptr<WrittenPatterns> written_;
};

// A prefilter over all patterns of one file (AtomFilter): only the patterns
// whose atoms are present are matched with captures. (An RE2::Set over these
// patterns was tried: its DFA thrashes on dozens of lazy, anchored patterns
// and was slower than matching each one.)
class TemplateSet {
 public:
  // Builds the prefilter; if a pattern cannot be added Candidates() returns
  // every index (correct, only slower).
  // Patterns with always[i] set (catch-all fallbacks) are always returned.
  void Build(const std::vector<std::string>& patterns, const std::vector<bool>& always,
             RE2::Anchor anchor);
  // Indices (ascending) of the patterns that may match `text` (a superset of
  // those that do).
  std::vector<int> Candidates(const std::string& text) const;

 private:
  AtomFilter filter_;
  std::vector<int> in_set_;  // filter index -> pattern index
  std::vector<int> always_;  // pattern indices always returned
  int size_ = 0;
};

struct Rules {
  std::vector<Template> clause_templates;     // rewrite.tsv
  std::vector<Template> statement_templates;  // rewrite_statement.tsv
  std::vector<CleanRule> clean;               // rewrite_clean.tsv
  Words words;                                // rewrite_words.tsv
  TemplateSet clause_set, statement_set, clean_set;
};

// Parses and compiles <lang>/rewrite.tsv, rewrite_statement.tsv,
// rewrite_clean.tsv and rewrite_words.tsv. Errors name the file and line:
// "en/rewrite.tsv:7: unknown kind 'rigth'", "en/rewrite.tsv:9: unknown slot
// ${obj}", "en/rewrite.tsv:3: bad pattern: ...", "en/rewrite.tsv: missing".
Result<Rules> LoadRules(const RuleTexts& texts, const std::string& lang);

// Applies the clean-up rules in order; appends the ids of those that changed
// the text to `fired`. Rules marked "statement" apply only when `statement`
// (a public statement, never a constitution's clause).
std::string Clean(const std::string& text, const Rules& rules, std::vector<std::string>* fired,
                  bool statement = false);

}  // namespace charter::rewrite_internal

namespace charter {

namespace rewrite_internal {
// Parses of principle texts for Combine, Concise and Ideas (principle_parse.h).
class ParseCache;
std::shared_ptr<ParseCache> NewParseCache();
}  // namespace rewrite_internal

// The compiled rules behind a Rewriter (shared, immutable), and a cache of
// what Combine reads from each text (thread-safe; results do not depend on it).
struct Rewriter::Impl {
  rewrite_internal::Rules rules;
  IdeaSet ideas;
  HolderGroups holder_groups;
  // <lang>/policy.tsv's `right` line: words by which a clause gives a right (Convert words an
  // idea the State states only as its policy by the idea's policy phrase); null without it.
  std::shared_ptr<const re2::RE2> right_words;
  Validator validator;
  // <lang>/repeal.tsv (unit prefix and pattern) and <lang>/numbers.tsv.
  struct Repeal {
    std::string unit;
    std::string rule_id;
    std::shared_ptr<const re2::RE2> regex;
  };
  std::vector<Repeal> repeals;
  // A prefilter over the repeal patterns: most clauses have none of their
  // words, and asking each pattern with its capture of each clause was 0.25
  // of 9.2 billion instructions of a bulk run over 17 documents (callgrind).
  rewrite_internal::TemplateSet repeal_set;
  std::map<std::string, int> numbers;
  std::shared_ptr<rewrite_internal::ParseCache> parses = rewrite_internal::NewParseCache();
};

}  // namespace charter
