// sentences.h — sentence boundaries in UTF-8 text: ICU's sentence
// BreakIterator (with ICU's own abbreviation filter for the locale), and no
// break after a whole-word abbreviation of rules/<lang>/abbreviations.txt.
//
// Part of the segment stage (src/segment). ICU works in UTF-16; this file is
// the one place that talks to ICU, through a UTF-8 UText, so every offset in
// and out is a UTF-8 byte offset.
//
// Thread-safe: a SentenceSplitter is immutable after Create; each thread
// takes its own SentenceCursor (a clone of the prototype iterator).
//
//   Result<SentenceSplitter> s = SentenceSplitter::Create("en", {"Art.", "No."});
//   SentenceCursor cur = s->Cursor();
//   cur.Split(text, &spans);   // [{0, 12}, {13, 40}]
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END
struct UText;

namespace charter {

class SentenceCursor;

class SentenceSplitter {
 public:
  // Builds the prototype iterator for `lang`: no break after one of
  // `abbreviations` written as a whole word (at the start or after a space,
  // bracket or quote: "s." does not hold "persons." to the next sentence),
  // nor after ICU's own list for the locale. Error:
  // "<lang>: ICU sentence iterator: <ICU error name>".
  static Result<SentenceSplitter> Create(const std::string& lang,
                                         const std::vector<std::string>& abbreviations);

  // A cursor owning a clone of the prototype (cheap compared to a build).
  SentenceCursor Cursor() const;

 private:
  friend class SentenceCursor;
  struct Proto;
  struct Abbreviations;
  std::shared_ptr<Proto> proto_;
};

class SentenceCursor {
 public:
  SentenceCursor(SentenceCursor&&) noexcept;
  SentenceCursor& operator=(SentenceCursor&&) noexcept;
  ~SentenceCursor();

  // Appends to `spans` the [begin, end) byte spans, relative to `text`, of
  // the sentences of `text`, with surrounding white space trimmed; empty
  // sentences are dropped. Returns false on an ICU error.
  bool Split(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* spans);

 private:
  friend class SentenceSplitter;
  SentenceCursor() = default;
  std::unique_ptr<icu::BreakIterator> iter_;
  std::shared_ptr<const SentenceSplitter::Abbreviations> abbreviations_;
  UText* utext_ = nullptr;
};

}  // namespace charter
