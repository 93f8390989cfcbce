// decisions.h — a reviewer's decisions on merge candidates (`charter convert
// --decisions FILE`) or on the conflicts of a global merge (`charter merge
// --global --decisions FILE`), in a small hand-editable text file: the one
// report.html exports.
//
// Format: one decision a line; blank lines and lines starting with '#' are
// ignored. Fields are separated by a TAB or by spaces. On merge candidates:
//
//   <candidate id>  accept            merge as suggested (the suggested text)
//   <candidate id>  edit  <new text>  merge, with the reviewer's own text
//   <candidate id>  reject            not the same idea: keep the base
//                                     principle and add the country one
//   <candidate id>  drop              the base already says it: drop the
//                                     country principle
//
// On the conflicts of a global merge (Conflict::id), which side stays in the
// global constitution:
//
//   <conflict id>   keep-a            keep side a's principle, drop side b's
//   <conflict id>   keep-b            keep side b's principle, drop side a's
//   <conflict id>   keep-both         both stay (decided: they can both hold)
//   <conflict id>   drop-both         neither stays
//
// A candidate id is the 16 hex digits the report shows; it is a content hash
// of (base principle id, country principle id), so it survives re-runs. A
// conflict id is a content hash of what the two sides declare and the global
// principles that state them. A decision whose candidate (conflict) no longer
// exists is "stale": MergeCountry (MergeGlobal) reports it (MergePlan::stale,
// GlobalPlan::stale), it is never silently dropped.
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
  std::string candidate_id;  // 16 lowercase hex digits: a candidate's or a conflict's id
  std::string action;        // "accept", "edit", "reject", "drop"; or "keep-a", "keep-b",
                             // "keep-both", "drop-both" (a conflict)
  std::string text;          // new text for "edit", else ""
  std::string file;          // where it was read (for reports), may be ""
  int line = 0;              // 1-based line in that file
};

// What a decisions file decides: a country merge's candidates or a global
// merge's conflicts. Each reads only its own decision words.
enum class DecisionOn { kCandidates, kConflicts };

// Parses a decisions file. Errors (exact, "name:line: problem"), on
// candidates:
//   "name:L: invalid UTF-8"
//   "name:L: expected '<candidate id> accept|edit|reject|drop [text]'"
//   "name:L: bad candidate id 'xyz' (expected 16 hex digits)"
//   "name:L: unknown decision 'ok' (expected accept, edit, reject or drop)"
//   "name:L: 'edit' needs the new text after it"
//   "name:L: 'accept' takes no text (only 'edit' does)"
//   "name:L: candidate 0123456789abcdef already decided on line K"
// on conflicts:
//   "name:L: expected '<conflict id> keep-a|keep-b|keep-both|drop-both'"
//   "name:L: bad conflict id 'xyz' (expected 16 hex digits)"
//   "name:L: unknown decision 'accept' (expected keep-a, keep-b, keep-both or drop-both)"
//   "name:L: 'keep-a' takes no text"
//   "name:L: conflict 0123456789abcdef already decided on line K"
// Upper-case hex digits and decision words are accepted and lowered.
Result<std::vector<Decision>> ParseDecisions(std::string_view text, const std::string& name,
                                             DecisionOn on = DecisionOn::kCandidates);

// The file ParseDecisions reads, one line per decision, in order.
std::string FormatDecisions(const std::vector<Decision>& decisions);

}  // namespace charter
