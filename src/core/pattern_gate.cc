// pattern_gate.cc — see pattern_gate.h.
//
// The scanner knows just enough RE2 syntax to find the atoms of a pattern and
// their quantifiers: escapes, classes (with [:name:] inside), groups, UTF-8
// code points and repetition braces. Anything it is unsure of makes the plan
// "no gates", which is slower but never wrong.
#include "core/pattern_gate.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>

namespace charter {

namespace {

constexpr size_t npos = std::string_view::npos;
// A repetition bound above this spans more than a few words.
constexpr int kMaxLocalRepeat = 3;

size_t ClassEnd(std::string_view p, size_t i) {
  size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // "[]...]": a literal ']'
  while (j < p.size()) {
    if (p[j] == '\\') {
      j += 2;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      size_t close = p.find(":]", j + 2);
      if (close == npos) return npos;
      j = close + 2;
    } else if (p[j] == ']') {
      return j + 1;
    } else {
      ++j;
    }
  }
  return npos;
}

size_t GroupEnd(std::string_view p, size_t i) {
  int depth = 0;
  size_t j = i;
  while (j < p.size()) {
    char c = p[j];
    if (c == '\\') {
      if (j + 1 < p.size() && p[j + 1] == 'Q') return npos;
      j += 2;
    } else if (c == '[') {
      j = ClassEnd(p, j);
      if (j == npos) return npos;
    } else if (c == '(') {
      ++depth;
      ++j;
    } else if (c == ')') {
      --depth;
      ++j;
      if (depth == 0) return j;
    } else {
      ++j;
    }
  }
  return npos;
}

// End of the atom that starts at p[i] (not '|' or ')'), npos if unsure.
size_t AtomEnd(std::string_view p, size_t i) {
  const char c = p[i];
  if (c == '\\') {
    if (i + 1 >= p.size()) return npos;
    const char e = p[i + 1];
    if (e == 'Q' || e == 'E') return npos;
    if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
      size_t close = p.find('}', i + 3);
      return close == npos ? npos : close + 1;
    }
    if (e == 'x') return i + 4 <= p.size() ? i + 4 : npos;
    if (e == 'p' || e == 'P') return i + 3 <= p.size() ? i + 3 : npos;
    if (static_cast<unsigned char>(e) >= 0x80) return npos;
    return i + 2;
  }
  if (c == '[') return ClassEnd(p, i);
  if (c == '(') return GroupEnd(p, i);
  const unsigned char u = static_cast<unsigned char>(c);
  const size_t len = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
  return i + len <= p.size() ? i + len : npos;
}

struct Quant {
  size_t len = 0;  // characters, lazy '?' included
  int min = 1;
  int max = 1;  // INT_MAX: unbounded
};

// The quantifier at p[i] (len 0 when there is none). A '{' that is not a
// valid repetition is a literal in RE2.
Quant QuantAt(std::string_view p, size_t i) {
  Quant q;
  if (i >= p.size()) return q;
  const char c = p[i];
  if (c == '*' || c == '+' || c == '?') {
    q.len = 1;
    q.min = c == '+' ? 1 : 0;
    q.max = c == '?' ? 1 : INT_MAX;
  } else if (c == '{') {
    size_t j = i + 1;
    auto number = [&]() -> std::optional<int> {
      size_t b = j;
      int v = 0;
      while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j])) && v < 100000)
        v = v * 10 + (p[j++] - '0');
      if (j == b) return std::nullopt;
      return v;
    };
    auto lo = number();
    if (!lo) return q;
    q.min = *lo;
    q.max = *lo;
    if (j < p.size() && p[j] == ',') {
      ++j;
      auto hi = number();
      q.max = hi ? *hi : INT_MAX;
    }
    if (j >= p.size() || p[j] != '}') return Quant{};
    q.len = j + 1 - i;
  } else {
    return q;
  }
  if (i + q.len < p.size() && p[i + q.len] == '?') ++q.len;
  return q;
}

// Whether `s` has a word wildcard: "\w+", "\S*", "[^...]+", ".*" ...
bool HasWildcard(std::string_view s) {
  for (std::string_view w : {"\\w+", "\\w*", "\\S+", "\\S*", ".+", ".*"})
    if (s.find(w) != npos) return true;
  for (size_t i = s.find("[^"); i != npos; i = s.find("[^", i + 2)) {
    size_t e = ClassEnd(s, i);
    if (e != npos && e < s.size() && (s[e] == '+' || s[e] == '*')) return true;
  }
  return false;
}

// Whether `atom` repeated by `q` can span more than a few words, or is an
// optional or repeated group of any words ("(?:\w+\s+){0,2}"): a thread
// that any word keeps alive, which common words start everywhere.
bool IsGap(std::string_view atom, const Quant& q) {
  if (q.len == 0) return false;
  if (atom.front() == '(' && HasWildcard(atom)) return true;
  if (q.max <= kMaxLocalRepeat) return false;
  if (atom.front() == '(' || atom == ".") return true;
  if (atom.front() == '[') {
    if (atom.size() > 1 && atom[1] == '^') return true;
    return atom.find("\\s") != npos || atom.find(' ') != npos || atom.find("\\W") != npos ||
           atom.find("\\S") != npos || atom.find("\\D") != npos || atom.find("[:space:]") != npos;
  }
  return atom == "\\D" || atom == "\\C";
}

// The inside of a group "(...)", "(?:...)", "(?i:...)", "(?P<n>...)".
std::string_view GroupBody(std::string_view atom) {
  std::string_view body = atom.substr(1, atom.size() - 2);
  if (body.size() > 1 && body[0] == '?') {
    if (body[1] == 'P') {
      size_t close = body.find('>');
      return close == npos ? std::string_view() : body.substr(close + 1);
    }
    size_t colon = body.find(':');
    return colon == npos ? std::string_view() : body.substr(colon + 1);
  }
  return body;
}

// An inline flag group "(?i)" / "(?-i)" at p[i]: its length, else 0.
size_t FlagGroupAt(std::string_view p, size_t i) {
  if (p.substr(i, 2) != "(?") return 0;
  size_t j = i + 2;
  while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '-')) ++j;
  if (j == i + 2 || j >= p.size() || p[j] != ')') return 0;
  return j + 1 - i;
}

// Whether a piece names a word: two letters in a row outside classes and
// escapes. A gate without one ("\\b[A-Z][a-z]+", "["'“]") fires on most
// texts and only costs the set states.
bool NamesWord(std::string_view s) {
  int run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      run = 0;
    } else if (s[i] == '[') {
      size_t e = ClassEnd(s, i);
      if (e == npos) return false;
      i = e - 1;
      run = 0;
    } else if (std::isalpha(static_cast<unsigned char>(s[i])) ||
               static_cast<unsigned char>(s[i]) >= 0x80) {
      if (++run >= 2) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

// HasLongRange, with "unsure" reported as long.
bool ScanLong(std::string_view p) {
  size_t i = 0;
  while (i < p.size()) {
    if (p[i] == '|' || p[i] == ')') {
      ++i;
      continue;
    }
    if (size_t f = FlagGroupAt(p, i)) {
      i += f;
      continue;
    }
    size_t e = AtomEnd(p, i);
    if (e == npos) return true;
    std::string_view atom = p.substr(i, e - i);
    Quant q = QuantAt(p, e);
    if (IsGap(atom, q)) return true;
    if (atom.front() == '(' && ScanLong(GroupBody(atom))) return true;
    i = e + q.len;
  }
  return false;
}

}  // namespace

bool HasLongRange(std::string_view pattern) { return ScanLong(pattern); }

bool AnchoredAtStart(std::string_view p) {
  size_t i = 0;
  while (size_t f = FlagGroupAt(p, i)) i += f;
  if (i >= p.size() || p[i] != '^') return false;
  for (++i; i < p.size();) {
    if (p[i] == '|' || p[i] == ')') return false;  // a top-level alternative
    size_t e = AtomEnd(p, i);                      // quantifiers scan as atoms of their own
    if (e == npos) return false;
    i = e;
  }
  return true;
}

namespace {

struct Item {
  std::string_view text;  // atom and quantifier
  std::string_view atom;
  bool gap;
  int min;
};

// The items of a sequence without a top-level "|" (false if it has one, or
// the scanner is unsure).
bool ScanItems(std::string_view p, size_t i, std::vector<Item>* items) {
  while (i < p.size()) {
    if (p[i] == '|' || p[i] == ')' || FlagGroupAt(p, i)) return false;
    size_t e = AtomEnd(p, i);
    if (e == npos) return false;
    Quant q = QuantAt(p, e);
    std::string_view atom = p.substr(i, e - i);
    items->push_back({p.substr(i, e + q.len - i), atom, IsGap(atom, q), q.min});
    i = e + q.len;
  }
  return true;
}

// The top-level alternatives of a sequence ("a|b(?:c|d)" -> "a", "b(?:c|d)").
std::optional<std::vector<std::string_view>> Alternatives(std::string_view p) {
  std::vector<std::string_view> out;
  size_t begin = 0, i = 0;
  while (i < p.size()) {
    if (p[i] == '|') {
      out.push_back(p.substr(begin, i - begin));
      begin = ++i;
      continue;
    }
    size_t e = AtomEnd(p, i);
    if (e == npos) return std::nullopt;
    i = e;
  }
  out.push_back(p.substr(begin));
  return out;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c == '_'; }

// Whether `atom` matches only characters that are not word characters (in
// RE2's ASCII sense of \w; every non-ASCII character is one of those).
bool NonWordAtom(std::string_view atom) {
  if (atom.empty()) return false;
  auto non_word_escape = [](char e) {
    return e == 's' || e == 'W' || (std::ispunct(static_cast<unsigned char>(e)) && e != '_');
  };
  if (atom[0] == '\\') return atom.size() == 2 && non_word_escape(atom[1]);
  if (atom[0] == '[') {
    if (atom.size() < 3 || atom[1] == '^') return false;
    std::string_view body = atom.substr(1, atom.size() - 2);
    for (size_t i = 0; i < body.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(body[i]);
      if (c == '\\') {
        if (i + 1 >= body.size() || !non_word_escape(body[i + 1])) return false;
        ++i;
      } else if (c == '[' || IsWordByte(c) || (c == '-' && i != 0 && i + 1 != body.size())) {
        return false;  // "[:name:]", a word character, or a range
      }
    }
    return true;
  }
  const unsigned char c = static_cast<unsigned char>(atom[0]);
  if (c >= 0x80) return true;  // a non-ASCII character
  return atom.size() == 1 && !IsWordByte(c) && std::string_view("().[]{}*+?|^$").find(c) == npos;
}

// Whether every match of `seq` begins with an ASCII word character: its
// first item is a letter or digit, or a group each of whose alternatives
// begins with one, and must occur.
bool StartsWithWordChar(std::string_view seq) {
  if (seq.empty()) return false;
  size_t e = AtomEnd(seq, 0);
  if (e == npos) return false;
  if (QuantAt(seq, e).min == 0) return false;
  std::string_view atom = seq.substr(0, e);
  if (atom.size() == 1) return IsWordByte(static_cast<unsigned char>(atom[0]));
  if (atom[0] != '(' || FlagGroupAt(seq, 0)) return false;
  std::string_view body = GroupBody(atom);
  if (body.empty()) return false;
  auto alts = Alternatives(body);
  if (!alts) return false;
  for (std::string_view a : *alts)
    if (!StartsWithWordChar(a)) return false;
  return true;
}

// Whether every non-empty match of `item` ends with a character that is not
// a word character ("\s+", "(?:\w+\s+)*?", "(?:the\s+)?", "(?:\w+\W+){0,2}").
bool EndsNonWord(const Item& item) {
  if (item.atom[0] != '(') return NonWordAtom(item.atom);
  if (FlagGroupAt(item.atom, 0)) return false;
  auto alts = Alternatives(GroupBody(item.atom));
  if (!alts) return false;
  for (std::string_view a : *alts) {
    std::vector<Item> body;
    if (!ScanItems(a, 0, &body) || body.empty() || body.back().min == 0 ||
        !EndsNonWord(body.back()))
      return false;
  }
  return true;
}

// Whether, in every match, the character before items[k] is not a word
// character: the items before it end with one, back to one that must match.
bool NonWordBefore(const std::vector<Item>& items, size_t first, size_t k) {
  for (size_t j = k; j > first; --j) {
    const Item& it = items[j - 1];
    if (!EndsNonWord(it)) return false;
    if (it.min > 0) return true;
  }
  return false;  // the start of the pattern: anything may come before
}

}  // namespace

GatePlan PlanGates(std::string_view pattern) {
  GatePlan plan;
  // Leading flags apply to every piece.
  std::string flags;
  size_t i = 0;
  while (size_t f = FlagGroupAt(pattern, i)) {
    flags += pattern.substr(i, f);
    i += f;
  }
  // A pattern the scanner cannot split (a top-level alternative, flags
  // changed midway), or that is all optional, is exact as a whole when it has
  // no long-range part, and gets no gates otherwise.
  const bool long_range = ScanLong(pattern);
  auto whole = [&] {
    if (!long_range) {
      plan.exact = true;
      plan.local = std::string(pattern);
    }
    return plan;
  };
  std::vector<Item> items;
  if (!ScanItems(pattern, i, &items)) return whole();
  // Whether an unanchored pattern matches somewhere does not depend on what
  // may match nothing at its ends (",?\s*except ..." matches where "except
  // ..." does), and the set's states are smaller without it; gaps at the
  // ends only need to match (when they must) somewhere.
  bool inner_gap = false, edge_needs_one = false;
  size_t first = 0, last = items.size();
  while (first < last && (items[first].gap || items[first].min == 0))
    edge_needs_one |= items[first++].min > 0;
  while (last > first && (items[last - 1].gap || items[last - 1].min == 0))
    edge_needs_one |= items[--last].min > 0;
  if (first == last) return whole();
  // Pieces: runs of local items between gaps.
  std::vector<std::string> pieces;
  std::string piece;
  for (size_t k = first; k < last; ++k) {
    if (items[k].gap) {
      inner_gap = true;
      if (!piece.empty()) pieces.push_back(std::move(piece));
      piece.clear();
      continue;
    }
    // A piece that begins with a word character after items that end with
    // a space or punctuation ("... possess(?:es)?)\s+(?:\w+\s+)*?rights?\b")
    // begins a word in every match: it is a gate at a word boundary
    // ("\brights?\b"). That keeps it out of the set's states inside words.
    if (piece.empty() && k > first && NonWordBefore(items, first, k)) {
      std::string_view rest =
          pattern.substr(static_cast<size_t>(items[k].text.data() - pattern.data()));
      if (StartsWithWordChar(rest)) piece = "\\b";
    }
    piece += items[k].text;
  }
  if (!piece.empty()) pieces.push_back(std::move(piece));
  if (!inner_gap && !edge_needs_one && pieces.size() == 1 && !ScanLong(pieces[0])) {
    plan.exact = true;
    plan.local = flags + pieces[0];
    return plan;
  }
  for (const std::string& p : pieces) {
    if (!NamesWord(p) || ScanLong(p)) continue;
    std::string gate = flags + p;
    bool seen = false;
    for (const std::string& g : plan.gates) seen |= g == gate;
    if (!seen) plan.gates.push_back(std::move(gate));
  }
  return plan;
}

namespace {

// RE2 refuses a pattern whose nested repeat counts multiply past this.
constexpr long kMaxRepeatProduct = 1000;

// Appends p widened (WidenRepeats) to *out. Returns the largest product of
// nested repeat counts in p, or -1 where the original must be kept.
long WidenInto(std::string_view p, std::string* out) {
  long largest = 1;
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '|' || c == '^' || c == '$') {
      out->push_back(c);
      ++i;
      continue;
    }
    const size_t end = AtomEnd(p, i);
    if (end == npos) return -1;
    const std::string_view atom = p.substr(i, end - i);
    long inner = 1;
    if (c == '(') {
      const std::string_view body = GroupBody(atom);
      out->append(atom.substr(0, atom.size() - 1 - body.size()));
      inner = WidenInto(body, out);
      if (inner < 0) return -1;
      out->push_back(')');
    } else {
      out->append(atom);
    }
    const Quant q = QuantAt(p, end);
    if (q.len > 0 && QuantAt(p, end + q.len).len > 0) return -1;
    if (q.len > 0 && p[end] == '{') {
      if (q.min > q.max || q.min > kMaxRepeatProduct ||
          (q.max != INT_MAX && q.max > kMaxRepeatProduct))
        return -1;
      const long count = q.max != INT_MAX ? q.max : q.min;
      inner *= std::max(count, 1L);
      out->push_back(q.min == 0 ? '*' : '+');
      if (p[end + q.len - 1] == '?') out->push_back('?');
    } else {
      out->append(p.substr(end, q.len));
    }
    if (inner > kMaxRepeatProduct) return -1;
    largest = std::max(largest, inner);
    i = end + q.len;
  }
  return largest;
}

}  // namespace

std::string WidenRepeats(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  if (WidenInto(pattern, &out) < 0) return std::string(pattern);
  return out;
}

std::vector<std::string> TopLevelAlternatives(std::string_view pattern) {
  if (pattern.starts_with("(?") && pattern.size() > 2 && pattern[2] != ':') {
    size_t close = pattern.find(')');
    if (close != std::string_view::npos &&
        pattern.substr(2, close - 2).find(':') == std::string_view::npos)
      return {std::string(pattern)};
  }
  std::vector<std::string> out;
  int depth = 0;
  bool in_class = false;
  size_t start = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // the escaped character
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      // "[]...]" and "[^]...]": a ']' first in the class is a literal.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      out.emplace_back(pattern.substr(start, i - start));
      start = i + 1;
    }
  }
  if (out.empty()) return {std::string(pattern)};
  out.emplace_back(pattern.substr(start));
  return out;
}

}  // namespace charter
