// tools.h — the embedding, combining and clustering `charter polis` hands to
// the merge stage, chosen the same way for the pipeline and bench/polis.cc.
//
// Embedding: the trained sentence embedder (embed/embedder.h) when the model
// files load; otherwise lexical.h's bag-of-words vectors over the
// statements' content words (stopwords from rules/<lang>/stopwords.txt).
// Combining: Rewriter::Combine. Clustering: ClusterAverageLinkage
// (embed/cluster.h). The thresholds of either embedding are in
// rules/thresholds.tsv (pipeline/thresholds.h).
//
// Thread-safe: the returned functions are (they capture immutable objects).
//
//   PolisTools t = MakePolisTools(rewriter, rule_texts, model_files);
//   MergePlan plan = MergeCountry(base, principles, t.merge, options);
#pragma once

#include <memory>
#include <string>

#include "core/rule_file.h"
#include "embed/embedder.h"
#include "merge/merge.h"
#include "rewrite/rewrite.h"

namespace charter {

struct PolisTools {
  MergeTools merge;
  std::string embedding;  // "trained embedder (models/...)" or "lexical (bag of words)"
  std::shared_ptr<const Embedder> embedder;  // the trained embedder; null when lexical
  std::string embedder_error;                // why the trained embedder was not used ("" if it was)
};

// Never fails: falls back to lexical vectors when `model` is an error or
// does not load. `rewriter` must outlive the result.
PolisTools MakePolisTools(const Rewriter& rewriter, const RuleTexts& rules,
                          const Result<ModelFiles>& model, const std::string& lang = "en");

}  // namespace charter
