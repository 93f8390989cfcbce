// pattern_gate.h — splits a regular expression at its long-range gaps so that
// many patterns can share one small, fast RE2::Set (used by PatternSet).
//
// Why: a set's DFA state is the set of partial matches alive at a byte. A
// pattern with a long-range gap — "(?:\w+\s+)*?", "[^.;]*", ".*" — keeps its
// partial match alive to the end of the clause, so the states of a set of
// such patterns multiply: over the corpus the cue files' sets ran at 5-10
// ns/byte, stalled on cache misses. The pieces between the gaps are local
// (a few words each), and a set of local pieces stays small.
//
// A pattern "A <gap> B <gap> C" matches only where A, B and C all match, so
// the pieces are GATES: necessary conditions. A pattern whose gates all
// fired is confirmed with its own regex; a pattern without inner gaps (a
// gap only at its very start or end, where "*" cannot change whether it
// matches) is EXACT: its piece alone decides. Either way the answer is the
// pattern's own.
//
// Two more things keep the set's states small. What may match nothing at the
// ends of a pattern (",?\s*" before "except ...") does not decide whether it
// matches somewhere, so it is left out of the set entry. And a piece that
// starts with a word character after items that always end with a space or
// punctuation ("...\s+(?:\w+\s+)*?rights?") starts a word in every match, so
// its gate is "\brights?": a gate without "\b" is alive at every byte, inside
// every word, and each such gate made every state of the set larger.
//
// Pure function, thread-safe.
//
//   GatePlan p = PlanGates(R"(\bno\s+[^.;]*\bshall\b)");
//   // p.exact == false, p.gates == {"\bno\s+", "\bshall\b"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace charter {

struct GatePlan {
  // The pattern's long-range gaps are only at its start or end, with a
  // quantifier that allows zero repeats: `local` (the pattern without them,
  // and without what may match nothing at its ends) matches somewhere in
  // exactly the texts the pattern matches somewhere.
  bool exact = false;
  std::string local;
  // Otherwise: local pieces that each must match wherever the pattern does
  // (pieces with no letters, or with a gap nested inside a group, are left
  // out: a gate may be missing, never wrong). Empty: no usable gate, the
  // pattern must be asked on every text.
  std::vector<std::string> gates;
};

// Plans `pattern` (RE2 syntax). A pattern that does not parse the way this
// simple scanner expects (a top-level "|" with gaps, flags changed midway,
// \Q...\E) gets exact == false and no gates, which is always correct.
GatePlan PlanGates(std::string_view pattern);

// Whether `pattern` can only match at the start of the text: it begins with
// "^" (after inline flags such as "(?-i)") and has no top-level "|". Such
// patterns can share a set anchored at the start, whose DFA stops early.
bool AnchoredAtStart(std::string_view pattern);

// The alternatives of a top-level "|" ("a[^.]*b|c" -> {"a[^.]*b", "c"}),
// or {pattern} when it has none, or when it opens with inline flags that
// would not carry over to each piece ("(?-i)...").
std::vector<std::string> TopLevelAlternatives(std::string_view pattern);

// Whether `pattern` has a long-range construct anywhere: a group, "." or a
// class that can span spaces, repeated without a small bound.
bool HasLongRange(std::string_view pattern);

// `pattern` with each bounded repeat made unbounded: X{0,n} becomes X*, and
// X{m,n}, X{m,} and X{m} (m >= 1) become X+ (a lazy '?' stays). The result
// matches somewhere every text `pattern` matches somewhere, and its RE2
// program is a fraction of the size ("[^.;]{0,40}" is forty copies of a
// class, "[^.;]*" one): a cheap prefilter whose hits the pattern itself
// confirms. Returns `pattern` as it is where it is unsure of the syntax
// (\Q...\E) or where widening would hide an error RE2 reports on the
// original (min > max, a count over 1000, nested counts whose product is
// over 1000, a repeat repeated).
std::string WidenRepeats(std::string_view pattern);

}  // namespace charter
