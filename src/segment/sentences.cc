#include "segment/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <array>
#include <string>
#include <unordered_set>

#include "core/text.h"

namespace charter {

struct SentenceSplitter::Proto {
  std::unique_ptr<icu::BreakIterator> iter;
  std::mutex mu;  // BreakIterator::clone() of one object is not documented as thread-safe
  std::shared_ptr<const Abbreviations> abbreviations;
};

// Our abbreviations are checked here, not by ICU's filter: ICU suppresses a
// break after any text that ENDS with an entry, so "s." (section) kept
// "... all persons. Everyone has ..." together, and "ch." "... each. The".
// Here an entry counts only as a whole word: at the start of the sentence or
// after a space, a bracket or a quote.
struct SentenceSplitter::Abbreviations {
  std::unordered_set<std::string> words;  // one-word entries ("Art.", "s.", "e.g.")
  std::vector<std::string> phrases;       // entries with a space ("et al.")

  // Whether text[b, e) (trimmed) ends with an entry as a whole word.
  bool EndsWithOne(std::string_view text, size_t b, size_t e) const {
    auto boundary = [&](size_t start) {
      if (start == b) return true;
      const char c = text[start - 1];
      return IsAsciiSpace(c) || c == '(' || c == '[' || c == '"' || c == '\'';
    };
    size_t t = e;
    while (t > b && !boundary(t)) --t;
    if (words.count(std::string(text.substr(t, e - t)))) return true;
    for (const std::string& p : phrases)
      if (e - b >= p.size() && text.compare(e - p.size(), p.size(), p) == 0 &&
          boundary(e - p.size()))
        return true;
    return false;
  }
};

Result<SentenceSplitter> SentenceSplitter::Create(const std::string& lang,
                                                  const std::vector<std::string>& abbreviations) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(lang.c_str());
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) {
    return Unsupported(lang + ": ICU sentence iterator: " + u_errorName(status));
  }
  // Start from ICU's own suppressions for the locale (Mr., e.g., ...), then add ours.
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    builder.reset(icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
    if (U_FAILURE(status))
      return Unsupported(lang + ": ICU sentence filter: " + u_errorName(status));
  }
  auto abbr = std::make_shared<Abbreviations>();
  for (const std::string& a : abbreviations) {
    if (a.find(' ') == std::string::npos)
      abbr->words.insert(a);
    else
      abbr->phrases.push_back(a);
  }
  SentenceSplitter out;
  out.proto_ = std::make_shared<Proto>();
  out.proto_->abbreviations = std::move(abbr);
  out.proto_->iter.reset(builder->build(base.release(), status));
  if (U_FAILURE(status) || !out.proto_->iter) {
    return Unsupported(lang + ": ICU sentence filter: " + u_errorName(status));
  }
  return out;
}

SentenceCursor SentenceSplitter::Cursor() const {
  SentenceCursor c;
  std::lock_guard<std::mutex> lock(proto_->mu);
  c.iter_.reset(proto_->iter->clone());
  c.abbreviations_ = proto_->abbreviations;
  return c;
}

SentenceCursor::SentenceCursor(SentenceCursor&& o) noexcept
    : iter_(std::move(o.iter_)), abbreviations_(std::move(o.abbreviations_)), utext_(o.utext_) {
  o.utext_ = nullptr;
}

SentenceCursor& SentenceCursor::operator=(SentenceCursor&& o) noexcept {
  if (this != &o) {
    if (utext_) utext_close(utext_);
    iter_ = std::move(o.iter_);
    abbreviations_ = std::move(o.abbreviations_);
    utext_ = o.utext_;
    o.utext_ = nullptr;
  }
  return *this;
}

SentenceCursor::~SentenceCursor() {
  iter_.reset();  // the iterator may hold a shallow clone of utext_
  if (utext_) utext_close(utext_);
}

namespace {

void AddTrimmed(std::string_view text, uint32_t b, uint32_t e,
                std::vector<std::pair<uint32_t, uint32_t>>* spans) {
  while (b < e && IsAsciiSpace(text[b])) ++b;
  while (e > b && IsAsciiSpace(text[e - 1])) --e;
  if (b < e) spans->emplace_back(b, e);
}

// Decodes the UTF-8 sequence at *i (advancing *i to its last byte) and tells
// whether it is a sentence terminator outside ASCII (Unicode Sentence_Terminal
// and ATerm: "。", "？", "؟", "।", "։", "።", "‼", "．" ...). Invalid bytes count as
// terminators so ICU sees them.
bool IsTerminator(std::string_view text, size_t* i) {
  unsigned char c = static_cast<unsigned char>(text[*i]);
  size_t n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0 || *i + n >= text.size()) return true;  // a stray or truncated sequence
  uint32_t cp = c & (0x3F >> n);
  for (size_t k = 1; k <= n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[*i + k]) & 0x3F);
  *i += n;
  static constexpr uint32_t kRanges[][2] = {
      {0x0589, 0x0589}, {0x061D, 0x061F}, {0x06D4, 0x06D4}, {0x0700, 0x0702}, {0x07F9, 0x07F9},
      {0x0837, 0x083E}, {0x0964, 0x0965}, {0x104A, 0x104B}, {0x1362, 0x1368}, {0x166E, 0x166E},
      {0x1735, 0x1736}, {0x1803, 0x1809}, {0x1944, 0x1945}, {0x1AA8, 0x1AAB}, {0x1B5A, 0x1B5F},
      {0x1C3B, 0x1C3C}, {0x1C7E, 0x1C7F}, {0x2024, 0x2024}, {0x203C, 0x203D}, {0x2047, 0x2049},
      {0x2E2E, 0x2E2E}, {0x2E3C, 0x2E3C}, {0x3002, 0x3002}, {0xA4FF, 0xA4FF}, {0xA60E, 0xA60F},
      {0xA6F3, 0xA6F7}, {0xA876, 0xA877}, {0xA8CE, 0xA8CF}, {0xA92F, 0xA92F}, {0xA9C8, 0xA9C9},
      {0xAA5D, 0xAA5F}, {0xAAF0, 0xAAF1}, {0xABEB, 0xABEB}, {0xFE52, 0xFE52}, {0xFE56, 0xFE57},
      {0xFF01, 0xFF01}, {0xFF0E, 0xFF0E}, {0xFF1F, 0xFF1F}, {0xFF61, 0xFF61},
  };
  if (cp < 0x0589) return false;
  if (cp >= 0x10000) return true;  // rare scripts: let ICU decide
  for (const auto& r : kRanges)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}

// True when `text` can hold no sentence boundary before its last sentence: no
// '.', '!', '?' or other terminator except in the trailing run of terminators,
// quotes and brackets. Skips ICU for most lines.
bool OneSentence(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (IsAsciiSpace(text[end - 1]) || text[end - 1] == '.' || text[end - 1] == '!' ||
                     text[end - 1] == '?' || text[end - 1] == '"' || text[end - 1] == '\'' ||
                     text[end - 1] == ')' || text[end - 1] == ']')) {
    --end;
  }
  // 1 for '.', '!', '?'; 2 for a byte that starts or continues a non-ASCII character.
  static constexpr auto kClass = [] {
    std::array<uint8_t, 256> t{};
    t['.'] = t['!'] = t['?'] = 1;
    for (int c = 0x80; c < 256; ++c) t[static_cast<size_t>(c)] = 2;
    return t;
  }();
  for (size_t i = 0; i < end; ++i) {
    uint8_t k = kClass[static_cast<unsigned char>(text[i])];
    if (k == 0) continue;
    if (k == 1 || IsTerminator(text, &i)) return false;
  }
  return true;
}

}  // namespace

bool SentenceCursor::Split(std::string_view text,
                           std::vector<std::pair<uint32_t, uint32_t>>* spans) {
  if (text.empty()) return true;
  if (OneSentence(text)) {
    AddTrimmed(text, 0, static_cast<uint32_t>(text.size()), spans);
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return false;
  iter_->setText(utext_, status);
  if (U_FAILURE(status)) return false;
  int32_t prev = iter_->first();
  for (int32_t pos = iter_->next(); pos != icu::BreakIterator::DONE; pos = iter_->next()) {
    size_t e = static_cast<size_t>(pos);
    while (e > static_cast<size_t>(prev) && IsAsciiSpace(text[e - 1])) --e;
    // No break after an abbreviation ("Art. 5", "e.g. the"), unless the text ends there.
    if (abbreviations_ && static_cast<size_t>(pos) < text.size() &&
        abbreviations_->EndsWithOne(text, static_cast<size_t>(prev), e))
      continue;
    AddTrimmed(text, static_cast<uint32_t>(prev), static_cast<uint32_t>(pos), spans);
    prev = pos;
  }
  if (static_cast<size_t>(prev) < text.size()) {
    AddTrimmed(text, static_cast<uint32_t>(prev), static_cast<uint32_t>(text.size()), spans);
  }
  return true;
}

}  // namespace charter
