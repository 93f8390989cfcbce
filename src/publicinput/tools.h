// tools.h — the embedding, combining and clustering `charter polis` hands to
// the merge stage, chosen the same way for the CLI and bench/polis.cc.
//
// Embedding: the trained sentence embedder in `models_root` (embed/embedder.h)
// when one loads; otherwise lexical.h's bag-of-words vectors over the
// statements' content words (stopwords from rules/<lang>/stopwords.txt).
// Combining: Rewriter::Combine. Clustering: ClusterAverageLinkage
// (embed/cluster.h). The combine threshold depends on the embedding, because
// cosines of the two are on different scales: 0.70 for the trained embedder
// (MergeOptions' default), 0.50 for lexical vectors (two short statements
// sharing half their weighted content words — "The AI should be honest" and
// "AI should always be honest and truthful" — measured on CCAI).
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
  std::string embedding;          // "trained embedder (models/...)" or "lexical (bag of words)"
  float combine_threshold = 0.5f;
  float duplicate = 0.90f;        // MergeOptions::duplicate for this embedding
  float similar = 0.70f;          // MergeOptions::similar for this embedding
  std::string embedder_error;     // why the trained embedder was not used ("" if it was)
};

// Never fails: falls back to lexical vectors. `rewriter` must outlive the result.
PolisTools MakePolisTools(const Rewriter& rewriter, const RuleTexts& rules,
                          const std::string& models_root, const std::string& lang = "en");

}  // namespace charter
