// sentences.h — sentence boundaries in UTF-8 text: ICU's sentence
// BreakIterator wrapped in a FilteredBreakIteratorBuilder that suppresses
// breaks after the abbreviations of rules/<lang>/abbreviations.txt.
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
  // Builds the prototype iterator for `lang` with break suppressions after
  // each of `abbreviations` (added to ICU's own list for the locale). Error:
  // "<lang>: ICU sentence iterator: <ICU error name>".
  static Result<SentenceSplitter> Create(const std::string& lang,
                                         const std::vector<std::string>& abbreviations);

  // A cursor owning a clone of the prototype (cheap compared to a build).
  SentenceCursor Cursor() const;

 private:
  struct Proto;
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
  UText* utext_ = nullptr;
};

}  // namespace charter
