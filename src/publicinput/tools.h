// tools.h — the embedding, combining and clustering `charter polis` hands to
// the merge stage, chosen the same way for the CLI and bench/polis.cc.
//
// Embedding: the trained sentence embedder in `models_root` (embed/embedder.h)
// when one loads; otherwise lexical.h's bag-of-words vectors over the
// statements' content words (stopwords from rules/<lang>/stopwords.txt).
// Combining: Rewriter::Combine. Clustering: ClusterAverageLinkage
// (embed/cluster.h). Thresholds with the trained embedder: merging with a
// base uses `convert`'s (cli/convert_job.h: duplicate 0.70, similar 0.45,
// measured on the UDHR against Anthropic's constitution), so public input
// merges with a base exactly as a constitution does; combining statements
// among themselves uses 0.60, not convert's 0.50: public statements are
// short and the embedder scores them closer than clauses — on CCAI's 84
// selected statements 0.50 gives 42 principles with unrelated ideas glued
// together (sexual harassment + torture), 0.60 gives 59 coherent ones
// (0.55: 52, 0.65: 66, 0.70: 72; the CCAI process made 75). With lexical
// vectors: combine 0.50 (two short statements sharing about half their
// weighted content words; 84 -> 76 on CCAI), similar 0.60, duplicate 0.90.
//
// Thread-safe: the returned functions are (they capture immutable objects).
//
//   PolisTools t = MakePolisTools(rewriter, rule_texts, DefaultModelsRoot());
//   MergePlan plan = MergeCountry(base, principles, t.merge,
//                                 {.combine = t.combine_threshold});
#pragma once

#include <string>

#include "core/rule_file.h"
#include "merge/merge.h"
#include "rewrite/rewrite.h"

namespace charter {

struct PolisTools {
  MergeTools merge;
  std::string embedding;  // "trained embedder (models/...)" or "lexical (bag of words)"
  float combine_threshold = 0.60f;
  float duplicate = 0.70f;     // MergeOptions::duplicate for this embedding
  float similar = 0.45f;       // MergeOptions::similar for this embedding
  std::string embedder_error;  // why the trained embedder was not used ("" if it was)
};

// Never fails: falls back to lexical vectors. `rewriter` must outlive the result.
PolisTools MakePolisTools(const Rewriter& rewriter, const RuleTexts& rules,
                          const std::string& models_root, const std::string& lang = "en");

}  // namespace charter
