// diff.h — what changed between two principle sets: two versions of one
// constitution (an amendment), or two releases of a principle list.
//
// Where it sits: the merge stage, behind `charter diff OLD NEW`. The CLI turns
// each side into principles (a principles.jsonl as is, a constitution text
// through the pipeline) and the report stage renders the result.
//
// Matching: principles with the same text are unchanged; of the rest, the
// most similar old/new pairs with cosine >= DiffOptions::changed are matched
// one to one (best pair first) as "changed"; what is left is removed (old)
// or added (new). Sources travel along, so every line can cite its article.
//
// Thread-safe: pure function.
//
//   PrincipleDiff d = DiffPrinciples(old_ps, new_ps, tools, {});
//   for (const Principle& p : d.added) Print("+ " + p.text);
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "merge/merge.h"

namespace charter {

struct DiffOptions {
  // Cosine at or above which an old and a new principle are the same
  // principle reworded. Default: 0.70.
  float changed = 0.70f;
  std::string old_name;  // for the report
  std::string new_name;
};

struct PrincipleChange {
  Principle before;
  Principle after;
  float similarity = 0.0f;
};

struct PrincipleDiff {
  DiffOptions options;
  size_t old_count = 0;
  size_t new_count = 0;
  std::vector<Principle> unchanged;        // new-side principles, new order
  std::vector<PrincipleChange> changed;    // in new order
  std::vector<Principle> removed;          // old order
  std::vector<Principle> added;            // new order
};

// Only tools.embed is used.
PrincipleDiff DiffPrinciples(const std::vector<Principle>& before,
                             const std::vector<Principle>& after, const MergeTools& tools,
                             const DiffOptions& options);

}  // namespace charter
