#include "load/rejoin.h"

#include <unicode/uchar.h>

#include <string>

#include "load/utf8.h"

namespace charter::load {
namespace {

constexpr size_t npos = std::string_view::npos;

inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimRightBlanks(std::string_view s) {
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Length of the hyphen character that ends `s`, or 0.
size_t HyphenLength(std::string_view s) {
  if (s.ends_with('-')) return 1;
  if (s.ends_with("\u2010")) return 3;  // HYPHEN
  if (s.ends_with("\u00AD")) return 2;  // SOFT HYPHEN
  return 0;
}

bool IsRomanLetter(char c) {
  return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c' || c == 'd' || c == 'm';
}

// Strips ASCII punctuation around a token: "(self-governing)," -> "self-governing".
std::string_view StripPunct(std::string_view t) {
  auto punct = [](char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
           c == ']' || c == '"' || c == '\'' || c == '!' || c == '?';
  };
  while (!t.empty() && punct(t.front())) t.remove_prefix(1);
  while (!t.empty() && punct(t.back())) t.remove_suffix(1);
  return t;
}

}  // namespace

bool EndsWithHyphen(std::string_view line) { return HyphenLength(TrimRightBlanks(line)) > 0; }

bool HyphenJoiner::IsKnownCompound(std::string_view head, std::string_view tail) {
  if (!compounds_built_) {
    compounds_built_ = true;
    size_t i = 0, n = document_.size();
    while (i < n) {
      while (i < n && (IsBlank(document_[i]) || document_[i] == '\n' || document_[i] == '\r')) ++i;
      size_t start = i;
      while (i < n && !IsBlank(document_[i]) && document_[i] != '\n' && document_[i] != '\r') ++i;
      std::string_view tok = StripPunct(document_.substr(start, i - start));
      size_t h = tok.find('-');
      if (h != npos && h > 0 && h + 1 < tok.size()) compounds_.insert(tok);
    }
  }
  if (compounds_.empty()) return false;
  std::string key;
  key.reserve(head.size() + tail.size() + 1);
  key.append(head).push_back('-');
  key.append(tail);
  return compounds_.count(key) > 0;
}

bool HyphenJoiner::Plan(std::string_view line, std::string_view next, JoinPlan* plan) {
  std::string_view l = TrimRightBlanks(line);
  size_t hlen = HyphenLength(l);
  if (hlen == 0) return false;
  size_t cut = l.size() - hlen;
  // The word before the hyphen: two or more letters.
  size_t word_start = cut;
  int letters = 0;
  while (word_start > 0) {
    size_t s;
    char32_t cp = PrevCodePoint(l, word_start, &s);
    if (!u_isalpha(static_cast<UChar32>(cp))) break;
    word_start = s;
    ++letters;
  }
  if (letters < 2) return false;
  // The next line: starts (after indentation) with a lowercase letter.
  size_t fb = 0;
  while (fb < next.size() && IsBlank(next[fb])) ++fb;
  if (fb >= next.size()) return false;
  size_t j = fb;
  char32_t first = NextCodePoint(next, j);
  if (!u_islower(static_cast<UChar32>(first))) return false;
  size_t fe = fb;
  while (fe < next.size() && !IsBlank(next[fe])) ++fe;
  // Not a list label: a single letter or a roman numeral followed by '.' or ')'.
  std::string_view frag = next.substr(fb, fe - fb);
  if (frag.size() >= 2 && (frag.back() == '.' || frag.back() == ')')) {
    std::string_view body = frag.substr(0, frag.size() - 1);
    bool roman = true;
    for (char c : body) roman = roman && IsRomanLetter(c);
    if (body.size() == 1 || roman) return false;
  }
  size_t letters_end = 0;
  for (size_t k = 0; k < frag.size();) {
    size_t before = k;
    char32_t cp = NextCodePoint(frag, k);
    if (!u_isalpha(static_cast<UChar32>(cp))) {
      letters_end = before;
      break;
    }
    letters_end = k;
  }
  size_t rest = fe;
  while (rest < next.size() && IsBlank(next[rest])) ++rest;
  plan->cut = cut;
  plan->keep_hyphen = hlen != 2 && IsKnownCompound(l.substr(word_start, cut - word_start),
                                                   frag.substr(0, letters_end));
  plan->frag_begin = fb;
  plan->frag_end = fe;
  plan->rest_begin = rest;
  return true;
}

}  // namespace charter::load
