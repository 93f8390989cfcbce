// public_input.h — a whole Polis conversation to public-input principles:
// load, opinion groups, per-group agreement, selection, and one principle per
// selected statement, each carrying its statement and vote figures.
//
// Where it sits: the publicinput stage's entry point, used by `charter polis`
// and bench/polis.cc. It stops before combining and merging: the CLI hands
// the principles to merge.h (MergeCountry combines similar ones and merges
// with a base exactly as `convert` does) and to the report stage.
//
//   export folder --ReadPolisExport--> PolisExport --AnalyzePolis--> PolisAnalysis
//     --StatementsToPrinciples(rewrite)--> PublicPrinciples --merge/report-->
//
// Thread-safe: pure functions (the rewrite function must be safe to call;
// Rewriter::RewriteStatement is).
//
//   Result<PolisAnalysis> a = AnalyzePolis(*files, {});
//   PublicPrinciples pp = StatementsToPrinciples(*a, [&](auto t, auto& s) {
//     return rewriter.RewriteStatement(t, s); });
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"
#include "publicinput/agreement.h"
#include "publicinput/groups.h"
#include "publicinput/polis.h"

namespace charter {

struct PolisOptions {
  PolisLoadOptions load;
  SelectionOptions select;
  GroupingOptions grouping;
  // Compute opinion groups (groups.h) even when the export has group-id.
  // Default: false — the export's groups are Polis's own and are used.
  bool compute_groups = false;
};

struct PolisAnalysis {
  Conversation conv;
  GroupAssignment groups;                    // what the figures use
  std::optional<GroupAssignment> computed;   // computed groups, when they were computed
  std::vector<StatementFigures> figures;     // per statement
  std::vector<StatementDecision> decisions;  // per statement
  std::string selection_rule;                // what selected them (SelectStatements' rule)
  int Count(Verdict v) const;
};

// Validates the options, loads the conversation, assigns groups (the export's
// group-id when present and !compute_groups, else ComputeGroups), computes
// the figures and the decisions.
Result<PolisAnalysis> AnalyzePolis(const PolisExport& files, const PolisOptions& options);

// The statement as a principle source: doc = the comments file, id =
// "comment:<id>", cite = "statement <id>", line = its row in the file, text =
// the statement, note = the vote figures (FiguresNote) and the decision.
Source StatementSource(const PolisAnalysis& a, size_t statement);

using RewriteStatementFn =
    std::function<Result<Principle>(std::string_view text, const Source& source)>;

struct StatementOutcome {
  size_t statement = 0;       // index into conv.statements
  std::string principle_id;   // principle it became ("" if none)
  std::string rewrite_error;  // selected but not rewritable (the rewriter's message)
};

struct PublicPrinciples {
  // One per selected, rewritable statement; statements rewritten to the same
  // text share one principle (sources joined). Ordered by consensus, highest
  // first (ties: lower comment id). origin "public", kind "public".
  std::vector<Principle> principles;
  std::vector<StatementOutcome> outcomes;  // one per selected statement, in statement order
};

PublicPrinciples StatementsToPrinciples(const PolisAnalysis& a, const RewriteStatementFn& rewrite);

}  // namespace charter
