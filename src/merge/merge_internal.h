// merge_internal.h — what the files of the merge stage share: principle
// vectors and the similarities built from them (similarity.cc), and the
// small steps every merge takes. Internal to src/merge.
//
// Similarities are rounded to 1e-4 (Round4) before any comparison, so that
// the last bits of a float sum (which BLAS may order differently) cannot flip
// a decision or the report's figures.
//
// Thread-safe: pure functions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/types.h"
#include "merge/merge.h"

namespace charter::merge_internal {

// n row-major vectors of `dim` floats.
struct Vectors {
  std::vector<float> data;
  int dim = 0;
  size_t n = 0;
  const float* Row(size_t i) const { return data.data() + i * static_cast<size_t>(dim); }
};

// Dot product in a fixed order (the same result on every run and CPU).
float Dot(const float* a, const float* b, int dim);

// The vectors of `ps` (MergeTools::embed of MergeTools::idea, or of
// PrincipleCore); a broken embedder gives vectors of one zero each.
Vectors EmbedPrinciples(const std::vector<Principle>& ps, const MergeTools& tools);

// A sparse L2-normalised vector: (term id, weight), ids ascending.
using Sparse = std::vector<std::pair<int, float>>;

float SparseDot(const Sparse& a, const Sparse& b);

// Binary term vectors (MergeTools::terms) weighted by smooth IDF over `ps`,
// L2-normalised unless `normalise` is false; all empty without terms.
std::vector<Sparse> TermVectors(const std::vector<const Principle*>& ps, const MergeTools& tools,
                                bool normalise = true);
std::vector<Sparse> TermVectors(const std::vector<Principle>& ps, const MergeTools& tools);

// How much of what `a` names `b` names too (raw TermVectors), in [0, 1].
float Coverage(const Sparse& a, const Sparse& b);

// Topic lists as vectors: the most central topic weighs 1, the next 1/2, ...
std::vector<Sparse> TopicVectors(const std::vector<Principle>& ps);

// The weights of the embedding, terms and topics (summing to 1).
struct Weights {
  float emb = 1.0f, lex = 0.0f, top = 0.0f;
};

// Combining country principles (`topics`): embedding and topics. Comparing
// with the base (which has no topics): embedding and term coverage.
Weights WeightsFor(const MergeTools& tools, const MergeOptions& o, bool topics);

// `x` rounded to 1e-4.
float Round4(float x);

// Cosine of two unit centroids, rounded; 0 when either is missing.
float CentroidSimilarity(const std::vector<float>& a, const std::vector<float>& b);

// Clusters of the rows of `v` (MergeTools::cluster, else DenseAverageLinkage).
std::vector<std::vector<int>> Cluster(const MergeTools& tools, const Vectors& v, float threshold);

// `p` with its content hash as id when it has none.
Principle WithId(Principle p);

// The one member of a cluster of one, else MergeTools::combine of them all.
Principle CombineOrKeep(const std::vector<Principle>& cluster, const MergeTools& tools);

// A "negation" conflict: `a` (of stance `stance_a`) and `b` at similarity `sim`.
Conflict NegationConflict(const Principle& a, int stance_a, const std::string& side_a,
                          const Principle& b, const std::string& side_b, float sim);

// CombineSimilar, also returning the vectors of its output in `out_vectors`
// (when not null): a principle that stayed alone keeps the vector it had,
// only new texts are embedded.
std::vector<Principle> CombineWithVectors(const std::vector<Principle>& principles,
                                          const MergeTools& tools, const MergeOptions& options,
                                          Vectors* out_vectors);

}  // namespace charter::merge_internal
