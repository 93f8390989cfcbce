// rule_file.h — the loader for rules/<lang>/*.tsv and *.txt (grammar in
// rules/README.md) and RE2::Set matching over a file's patterns.
//
// Every language-specific decision in Charter is a rule in a small text file.
// A rule keeps its id ("en/modality.tsv:12": file name and 1-based line) so
// every decision downstream can say which rules fired.
//
// Thread-safe: a compiled PatternSet is immutable and may be shared by threads.
//
//   Result<RuleFile> f = ParseRuleFile(text, "en/modality.tsv", 2, 2);
//   Result<PatternSet> set = PatternSet::Compile(*f, /*pattern_column=*/1, {});
//   for (int i : set->Match("Everyone shall have the right")) use(f->rules[i]);
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace charter {

struct Rule {
  std::string file;                 // name as given to ParseRuleFile ("en/modality.tsv")
  int line = 0;                     // 1-based line in that file
  std::vector<std::string> fields;  // the TAB-separated columns
  std::string Id() const { return file + ":" + std::to_string(line); }
};

struct RuleFile {
  std::string name;
  std::vector<Rule> rules;
};

// Parses a TSV rule file: blank lines and lines starting with '#' are skipped;
// every other line must have between min_columns and max_columns TAB-separated
// fields, none empty except trailing optional ones. Error: "NAME:LINE: expected
// 2 columns, found 3" (and for invalid UTF-8, "NAME:LINE: invalid UTF-8").
Result<RuleFile> ParseRuleFile(std::string_view text, const std::string& name, size_t min_columns,
                               size_t max_columns);

// Parses a plain list file (one entry a line, '#' comments, blank lines
// skipped, surrounding spaces trimmed), e.g. abbreviations.txt.
Result<std::vector<std::string>> ParseListFile(std::string_view text, const std::string& name);

struct PatternOptions {
  // Match case-sensitively. Default: false (a pattern can still say (?-i)).
  bool case_sensitive = false;
  // Anchor each pattern at the start of the text. Default: false (search anywhere).
  bool anchor_start = false;
  // Compile the patterns together, for Match. Default: true.
  bool set = true;
  // Compile each pattern on its own now (and report its error). Default:
  // true. Otherwise Regex(i) compiles pattern i when first asked for it, and
  // a pattern is checked only by the set (if any): for patterns that are
  // checked and matched elsewhere, or whose single regex is rarely needed.
  bool each = true;
};

// All patterns of one rule file compiled for matching together, plus each
// pattern on its own for finding match positions (up front or on first use;
// see PatternOptions).
//
// Matching together is one pass of an RE2::Set over the text (plus one pass,
// stopping within a few bytes, of a set anchored at the start for patterns
// that begin with "^"). Patterns with long-range gaps ("(?:\w+\s+)*?",
// "[^.;]*") would multiply that set's DFA states, so the sets hold only their
// local pieces as gates (pattern_gate.h), and a pattern whose gates all fired
// is confirmed with its own regex. The answer is exactly each pattern's own.
// (A "^" pattern's first gate goes in the anchored set, its others in the
// main set: with a long-range gap in it, the anchored set would run on to the
// end of the clause.)
class PatternSet {
 public:
  // Compiles column `pattern_column` of every rule. Error:
  // "NAME:LINE: bad pattern: <RE2's message>".
  static Result<PatternSet> Compile(const RuleFile& file, size_t pattern_column,
                                    const PatternOptions& options);

  // Indices into rules() of every rule whose pattern matches `text`, ascending.
  // One pass of the set over the text (should RE2 report an error, such as
  // its DFA running out of memory, the patterns are asked one by one).
  std::vector<int> Match(std::string_view text) const;
  // The same, into `hits` (cleared first): no allocation once it has grown.
  void Match(std::string_view text, std::vector<int>* hits) const;

  // The individual compiled pattern of rule i (for spans and captures).
  const re2::RE2& Regex(int i) const;

  // The pattern of rule i, as written.
  const std::string& pattern(int i) const { return patterns_[static_cast<size_t>(i)]; }

  const std::vector<Rule>& rules() const { return rules_; }
  size_t size() const { return rules_.size(); }

 private:
  std::vector<Rule> rules_;
  std::vector<std::string> patterns_;
  PatternOptions options_;
  // The main set: per entry, the rule it decides (>= 0) or -1 - g for gate g.
  std::shared_ptr<const re2::RE2::Set> set_;
  std::vector<int> entry_;
  // The set anchored at the start: per entry, the same.
  std::shared_ptr<const re2::RE2::Set> anchored_;
  std::vector<int> anchored_entry_;
  // Rules confirmed with their own regex once all their gates fired (a rule
  // without gates is asked on every text).
  struct Gated {
    int rule;
    int num_gates;
  };
  std::vector<Gated> gated_;
  // Per gate, the indices into gated_ of the rules it gates.
  std::vector<std::vector<int>> gate_users_;
  // Indices into gated_ of the rules without gates.
  std::vector<int> ungated_;
  // Per rule, compiled up front (PatternOptions::each) or on first use.
  struct Regexes;
  std::shared_ptr<Regexes> regexes_;
  class SetBuilder;  // Compile's builder of set_ and anchored_ (rule_file.cc)
};

// Contents of a rules folder, keyed by name relative to the rules root:
// "topics.tsv", "en/headings.tsv", "en/abbreviations.txt", ...
// (files/files.h's ReadRuleFolder reads one).
using RuleTexts = std::map<std::string, std::string>;

// The file `name` of `rules` parsed with ParseRuleFile, or a RuleFile with no
// rules when `rules` has no file of that name: how a stage reads a file a
// language may leave out. Errors as ParseRuleFile's.
Result<RuleFile> ParseOptionalRuleFile(const RuleTexts& rules, const std::string& name,
                                       size_t min_columns, size_t max_columns);

}  // namespace charter
