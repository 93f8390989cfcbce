// pattern_gate.cc — see pattern_gate.h.
//
// The scanner knows just enough RE2 syntax to find the atoms of a pattern and
// their quantifiers: escapes, classes (with [:name:] inside), groups, UTF-8
// code points and repetition braces. Anything it is unsure of makes the plan
// "no gates", which is slower but never wrong.
#include "core/pattern_gate.h"

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

GatePlan PlanGates(std::string_view pattern) {
  GatePlan plan;
  if (!ScanLong(pattern)) {
    plan.exact = true;
    plan.local = std::string(pattern);
    return plan;
  }
  // Leading flags apply to every piece.
  std::string flags;
  size_t i = 0;
  while (size_t f = FlagGroupAt(pattern, i)) {
    flags += pattern.substr(i, f);
    i += f;
  }
  struct Item {
    std::string_view text;  // atom and quantifier
    bool gap;
    int min;
  };
  std::vector<Item> items;
  while (i < pattern.size()) {
    // A top-level alternative or flags changed midway: give up.
    if (pattern[i] == '|' || pattern[i] == ')' || FlagGroupAt(pattern, i)) return plan;
    size_t e = AtomEnd(pattern, i);
    if (e == npos) return plan;
    Quant q = QuantAt(pattern, e);
    std::string_view atom = pattern.substr(i, e - i);
    items.push_back({pattern.substr(i, e + q.len - i), IsGap(atom, q), q.min});
    i = e + q.len;
  }
  // Pieces: runs of local items between gaps.
  std::vector<std::string> pieces;
  bool inner_gap = false, edge_needs_one = false;
  size_t first = 0, last = items.size();
  while (first < last && items[first].gap) edge_needs_one |= items[first++].min > 0;
  while (last > first && items[last - 1].gap) edge_needs_one |= items[--last].min > 0;
  std::string piece;
  for (size_t k = first; k < last; ++k) {
    if (items[k].gap) {
      inner_gap = true;
      if (!piece.empty()) pieces.push_back(std::move(piece));
      piece.clear();
    } else {
      piece += items[k].text;
    }
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

}  // namespace charter
