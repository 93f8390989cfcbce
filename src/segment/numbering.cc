// numbering.cc — see numbering.h.
#include "segment/numbering.h"

#include <algorithm>

namespace charter::segment_internal {

namespace {

int RomanDigit(char c) {
  switch (Lower(c)) {
    case 'i':
      return 1;
    case 'v':
      return 5;
    case 'x':
      return 10;
    case 'l':
      return 50;
    case 'c':
      return 100;
    case 'd':
      return 500;
    case 'm':
      return 1000;
    default:
      return 0;
  }
}

}  // namespace

// Value of a roman numeral, or -1 if `s` is not one.
int RomanValue(std::string_view s) {
  if (s.empty() || s.size() > 12) return -1;
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int v = RomanDigit(s[i]);
    if (v == 0) return -1;
    int next = i + 1 < s.size() ? RomanDigit(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : -1;
}

Num ParseNum(std::string_view s) {
  Num n;
  size_t i = 0;
  int v = 0;
  while (i < s.size() && IsDigit(s[i]) && i < 6) v = v * 10 + (s[i++] - '0');
  if (i > 0) {
    n.base = v;
    n.suffix = s.substr(i);
    size_t dash = n.suffix.find_first_of("-\xE2");
    if (dash != std::string_view::npos) {
      std::string_view tail = n.suffix.substr(dash);
      n.suffix = n.suffix.substr(0, dash);
      size_t k = 0;
      while (k < tail.size() && !IsDigit(tail[k])) ++k;
      int e = 0;
      size_t digits = 0;
      while (k < tail.size() && IsDigit(tail[k]) && digits < 6)
        e = e * 10 + (tail[k++] - '0'), ++digits;
      if (digits > 0 && e > v) n.range_end = e;
    }
    return n;
  }
  int r = RomanValue(s);
  if (r > 0) {
    n.base = r;
    n.roman = true;
    return n;
  }
  // A roman numeral with a letter suffix ("VIIIa").
  if (s.size() > 1 && IsLower(s.back())) {
    r = RomanValue(s.substr(0, s.size() - 1));
    if (r > 0) {
      n.base = r;
      n.roman = true;
      n.suffix = s.substr(s.size() - 1);
    }
  }
  return n;
}

namespace {

// Lexicographic, ignoring case: "" < "A" < "AA" < "AB" < "B" (India: 239A, 239AA, 239AB, 239B).
int CompareSuffix(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    char x = Lower(a[i]), y = Lower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace

// Article numbers: "21" -> "21A" -> "21B" -> "22" are exact successors.
bool FollowsExactly(Num prev, const Num& cur) {
  if (cur.base < 0) return false;
  if (prev.base < 0) return cur.base == 1 && cur.suffix.empty();
  if (prev.range_end > 0) {
    prev.base = prev.range_end;
    prev.suffix = {};
  }
  if (cur.base == prev.base) return CompareSuffix(prev.suffix, cur.suffix) < 0;
  return cur.base == prev.base + 1 && cur.suffix.empty();
}

// A jump forward of a few numbers (repealed articles dropped from the text).
constexpr int kMaxGap = 12;
bool FollowsWithGap(const Num& prev, const Num& cur) {
  if (cur.base < 0) return false;
  int p = prev.base < 0 ? 0 : std::max(prev.base, prev.range_end);
  return cur.base > p && cur.base <= p + kMaxGap;
}

bool EndsWithDash(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == '-') return true;
  return s.size() >= 3 && s[s.size() - 3] == '\xE2' && s[s.size() - 2] == '\x80' &&
         (s.back() == '\x93' || s.back() == '\x94');
}

// The last sentence of a paragraph introduces a list ("... the right-", "... as follows:"),
// or grants a right whose objects its items name, with no colon at all ("Any person
// charged with an offence has the right" before "(a) to be informed ...", Canada's
// Charter s. 11): a grant cut off before its object is no sentence of its own.
bool IsLeadIn(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == ':' || EndsWithDash(s)) return true;
  const std::string tail = LowerAscii(s.substr(s.size() - std::min<size_t>(s.size(), 24)));
  for (std::string_view grant : {" the right", " the rights", " the right to", " entitled",
                                 " entitled to"})
    if (std::string_view(tail).ends_with(grant)) return true;
  return false;
}

// Joined continuation lines keep their '\n'; a unit's text reads as one line.
std::string Flatten(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return out;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Whether list marker `next` comes right after `prev` in a list of class
// `cls` ("1" -> "2", "b" -> "c", "iv" -> "v").
bool FollowsInList(int cls, std::string_view prev, std::string_view next) {
  if (prev.empty() || next.empty()) return false;
  switch (cls) {
    case kDigit:
    case kLowerRoman:
    case kUpperRoman: {
      // Plain numbers only: "4A" or a range "3-5" starts no sequence here.
      auto plain = [](const Num& n) { return n.base >= 0 && n.suffix.empty() && n.range_end < 0; };
      const Num a = ParseNum(prev), b = ParseNum(next);
      return plain(a) && plain(b) && b.base == a.base + 1;
    }
    case kLowerLetter:
    case kUpperLetter:
      return prev.size() == 1 && next.size() == 1 && next[0] == prev[0] + 1;
    default:
      return false;
  }
}

}  // namespace charter::segment_internal
