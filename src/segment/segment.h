// segment.h — stage 2: Document -> Provisions (structure and sentences).
//
// Recovers the document's structure from rules/<lang>/headings.tsv (preamble;
// part/title/chapter/section/article/§/schedule/amendment headings; numbered
// clauses 1., (1), (a), (i), a., i.) and splits running text into sentences
// with ICU's BreakIterator, suppressing breaks after the abbreviations in
// rules/<lang>/abbreviations.txt. A list item after a lead-in ending in a colon
// or dash becomes one unit carrying its lead-in.
//
// Output, in document order: "heading" units for structural headings, one
// "article" record per top-level article/section/amendment, and "text" units
// (sentences or items), each with a stable id, path, cite and line span.
//
// Thread-safe: a Segmenter is immutable after Create; Segment may be called
// from many threads at once.
//
//   Result<Segmenter> seg = Segmenter::Create(rule_texts, "en");
//   Result<std::vector<Provision>> units = seg->Segment(doc);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"

namespace charter {

class Segmenter {
 public:
  // Compiles rules/<lang>/headings.tsv and abbreviations.txt from `rules`
  // (keys as ReadRuleFolder gives them). Errors name the rule file and line.
  static Result<Segmenter> Create(const RuleTexts& rules, const std::string& lang);

  // Segments one document. Fails only on internal ICU errors.
  Result<std::vector<Provision>> Segment(const Document& doc) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
