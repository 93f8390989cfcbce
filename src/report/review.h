// review.h — the interactive parts of the HTML reports: report.html's merge
// candidates as a review page (side-by-side word diff, sources, what the
// pair shares, accept / edit / reject / drop, filters, keyboard, progress,
// decisions kept in the browser's localStorage and exported as the file
// `--decisions` reads), the global report's conflicts the same way (which
// side stays: keep A / keep B / keep both / drop both), and `charter diff`'s
// page of principles added, removed and changed. Internal to src/report.
//
// Everything is inline (one <style>, one <script>): the page works from
// file:// with no network. Deterministic: the same plan gives the same bytes.
// Thread-safe: pure functions.
//
//   std::string section = ReviewSection(plan);  // inside report.html's <body>
//   std::string diff = WordDiffHtml("a b c", "a c d", true);  // "a <del>b</del> c"
#pragma once

#include <string>
#include <string_view>

#include "merge/diff.h"
#include "merge/merge.h"

namespace charter::report_internal {

// A word-level diff of `before` and `after` (split at spaces; longest common
// subsequence), HTML-escaped. side_before: `before`'s words with those not in
// `after` in <del>; otherwise `after`'s words with those not in `before` in
// <ins>.
std::string WordDiffHtml(std::string_view before, std::string_view after, bool side_before);

// The review section of a country report (heading, toolbar, one <article>
// per candidate, the script), replacing the static list of candidates.
std::string ReviewSection(const MergePlan& plan);

// The conflicts section of the global report (heading, toolbar, one
// <article> per conflict with both sides, their documents and clauses, keep
// A / keep B / keep both / drop both, the script), replacing the static list.
std::string ConflictReviewSection(const GlobalPlan& plan);

// The page `charter diff --html` writes.
std::string DiffPage(const PrincipleDiff& diff);

}  // namespace charter::report_internal
