// spelling.h — corrects the spelling mistakes of public statements where a
// dictionary is sure, and says what it changed.
//
// Where it sits: between selection and rewriting in `charter polis`: the
// statement's words are checked before the rewriter reads them; the source
// of the principle keeps the statement as written.
//
// Uses Debian's hunspell (libhunspell) with a Hunspell dictionary
// (hunspell-en-us: /usr/share/hunspell/en_US.aff + .dic). A word is checked
// when it is all lowercase ASCII letters of four or more; it is corrected
// only when rules/<lang>/misspellings.tsv lists it (AddMisspellings), or
// when the dictionary does not know it and is sure of one correction:
// its first suggestion splits it in two known words ("selfharm" ->
// "self-harm"), or it is the only suggestion one edit away (one letter
// changed, added, dropped or two swapped). Otherwise the word stays as
// written and is reported as unknown ("decept": "deceit" and "decent" are both
// one edit away).
//
// Thread-compatible: one SpellChecker per thread (hunspell keeps state).
//
//   Result<SpellChecker> sc = SpellChecker::Open("/usr/share/hunspell/en_US");
//   SpellResult r = sc->Correct("The AI should discourage selfharm");
//   // r.text == "The AI should discourage self-harm", r.corrections[0] == "selfharm -> self-harm"
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"

namespace charter {

struct SpellResult {
  std::string text;                      // the statement with the sure corrections
  std::vector<std::string> corrections;  // "selfharm -> self-harm", in text order
  std::vector<std::string> unknown;      // words left as written, in text order
};

class SpellChecker {
 public:
  // `base` is the dictionary path without extension ("/usr/share/hunspell/
  // en_US"). Error (NotFound) naming base.aff or base.dic when absent.
  static Result<SpellChecker> Open(const std::string& base);
  // Where Debian's hunspell-en-us puts its dictionary.
  static constexpr const char* kDefaultDictionary = "/usr/share/hunspell/en_US";

  SpellResult Correct(std::string_view text) const;

  // Adds the known misspellings of rules/<lang>/misspellings.tsv (`wrong <TAB>
  // right`): a word listed there is corrected before the dictionary is asked
  // (a misspelling the dictionary cannot be sure of: "decept" -> "deceive").
  // A language without the file adds none. Error: the file's first bad line.
  Status AddMisspellings(const RuleTexts& rules, const std::string& lang);

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace charter
