// decisions.h — a reviewer's decisions on merge candidates, in a small
// hand-editable text file (`charter convert --decisions FILE`).
//
// Format: one decision a line; blank lines and lines starting with '#' are
// ignored. Fields are separated by a TAB or by spaces:
//
//   <candidate id>  accept            merge as suggested (the suggested text)
//   <candidate id>  edit  <new text>  merge, with the reviewer's own text
//   <candidate id>  reject            not the same idea: keep the base
//                                     principle and add the country one
//   <candidate id>  drop              the base already says it: drop the
//                                     country principle
//
// A candidate id is the 16 hex digits the report shows; it is a content hash
// of (base principle id, country principle id), so it survives re-runs. A
// decision whose candidate no longer exists is "stale": MergeCountry reports
// it (MergePlan::stale), it is never silently dropped.
//
// Thread-safe: pure functions.
//
//   Result<std::vector<Decision>> d = ParseDecisions(bytes, "review.tsv");
//   if (!d) return Fail(d.error().message);  // "review.tsv:3: unknown decision 'ok' ..."
//   plan = MergeCountry(base, country, tools, {.decisions = *d});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace charter {

struct Decision {
  std::string candidate_id;  // 16 lowercase hex digits
  std::string action;        // "accept", "edit", "reject" or "drop"
  std::string text;          // new text for "edit", else ""
  std::string file;          // where it was read (for reports), may be ""
  int line = 0;              // 1-based line in that file
};

// Parses a decisions file. Errors (exact, "name:line: problem"):
//   "name:L: invalid UTF-8"
//   "name:L: expected '<candidate id> accept|edit|reject|drop [text]'"
//   "name:L: bad candidate id 'xyz' (expected 16 hex digits)"
//   "name:L: unknown decision 'ok' (expected accept, edit, reject or drop)"
//   "name:L: 'edit' needs the new text after it"
//   "name:L: 'accept' takes no text (only 'edit' does)"
//   "name:L: candidate 0123456789abcdef already decided on line K"
// Upper-case hex digits and decision words are accepted and lowered.
Result<std::vector<Decision>> ParseDecisions(std::string_view text, const std::string& name);

// The file ParseDecisions reads, one line per decision, in order.
std::string FormatDecisions(const std::vector<Decision>& decisions);

}  // namespace charter
