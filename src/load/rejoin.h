// rejoin.h — re-joining words hyphenated across line breaks (internal to src/load).
//
// "the consti-\ntution of" becomes "the constitution\nof": the rest of the
// word moves up to the first line and the second line keeps what follows, so
// text lines still match source lines. A join needs: the first line ending in
// a word of two or more letters and a hyphen ('-', U+2010 or a soft hyphen
// U+00AD), and the next line (not blank) starting with a lowercase letter that
// is not a list label ("a.", "iv)"). The hyphen stays when the document writes
// the same compound with a hyphen elsewhere ("self-\ngoverning" ->
// "self-governing" if "self-governing" occurs); otherwise it goes.
//
// Thread-safe: a HyphenJoiner is used by one thread (it caches lazily).
//
//   HyphenJoiner j(whole_text);
//   JoinPlan plan;
//   if (j.Plan(line, next, &plan)) { /* line[0, plan.cut) + hyphen? + next[frag) ... */ }
#pragma once

#include <string_view>
#include <unordered_set>

namespace charter::load {

struct JoinPlan {
  size_t cut = 0;            // where the hyphen starts in the first line
  bool keep_hyphen = false;  // write '-' before the fragment
  size_t frag_begin = 0;     // the fragment that moves up: next[frag_begin, frag_end)
  size_t frag_end = 0;
  size_t rest_begin = 0;  // what stays on the second line: next[rest_begin, ...)
};

class HyphenJoiner {
 public:
  // `document` is searched (once, on the first candidate) for hyphenated
  // compounds; it must outlive the joiner.
  explicit HyphenJoiner(std::string_view document) : document_(document) {}

  // True if `line` ends in a broken word that `next` continues; fills *plan.
  // Neither argument includes a '\n'.
  bool Plan(std::string_view line, std::string_view next, JoinPlan* plan);

 private:
  bool IsKnownCompound(std::string_view head, std::string_view tail);

  std::string_view document_;
  bool compounds_built_ = false;
  std::unordered_set<std::string_view> compounds_;
};

// Cheap pre-test: does `line` (no '\n') end with a hyphen character?
bool EndsWithHyphen(std::string_view line);

}  // namespace charter::load
