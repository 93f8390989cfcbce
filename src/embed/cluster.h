// cluster.h — group similar vectors without chaining unrelated ones.
//
// Where it sits: the embed stage, used by merge (group clauses from many
// constitutions that state the same idea) and publicinput (group comments).
// Plain single-link grouping (connected components of "similar" pairs)
// chains A~B~C into one group even when A and C have nothing in common;
// average linkage merges two clusters only while the MEAN cosine over all
// cross pairs stays >= threshold, so a bridge item cannot glue two topics.
//
// Deterministic: the same input gives the same clusters (ties broken by the
// lower index). Clusters are sorted by their smallest member, members
// ascending; every input row is in exactly one cluster (singletons included).
//
// Exact (dense n x n similarities) up to ClusterOptions::dense_max rows; above
// that, similarities come from each row's `knn` nearest neighbours (VectorIndex)
// and a missing pair counts as similarity 0 — an approximation that can only
// make merges rarer, never chain more.
//
// Thread-safe: pure functions.
//
//   std::vector<float> vecs = emb.EmbedBatch(texts);
//   auto clusters = ClusterAverageLinkage(vecs, emb.dim(), 0.75f);
//   for (const auto& c : clusters) Print(c);  // row indices into texts
#pragma once

#include <cstddef>
#include <vector>

namespace charter {

struct ClusterOptions {
  // Merge while the average cross-cluster cosine is >= threshold.
  float threshold = 0.75f;
  // Linkage: "average" (default) or "complete" (merge only while the
  // minimum cross cosine is >= threshold; stricter).
  bool complete = false;
  // Up to this many rows the similarity matrix is dense and exact.
  // Default: 6000 (144 MB of floats).
  int dense_max = 6000;
  // Above dense_max: neighbours per row taken from the index. Default: 64.
  int knn = 64;
};

// `vecs` is row-major n x dim, L2-normalised. Returns clusters of row indices.
// dim <= 0 or a size that is not a multiple of dim gives no clusters.
std::vector<std::vector<int>> ClusterVectors(const std::vector<float>& vecs, int dim,
                                             const ClusterOptions& options);

// Average linkage over a precomputed n x n similarity matrix (row-major; the
// diagonal is ignored), by nearest-neighbour chains in O(n^2): the same
// clusters as merging the pair with the highest mean similarity while it is
// >= threshold. Similarities within 1e-12 of each other are equal, and one
// within 1e-9 below the threshold reaches it (for similarities rounded by the
// caller, so that the last bits of a sum cannot flip a decision). The means
// are computed in double. Clusters sorted by smallest member, members
// ascending; no clusters when `sim` holds fewer than n * n values.
std::vector<std::vector<int>> MatrixAverageLinkage(const std::vector<float>& sim, size_t n,
                                                   float threshold);

// Shorthand: average linkage at `threshold`, other options default.
std::vector<std::vector<int>> ClusterAverageLinkage(const std::vector<float>& vecs, int dim,
                                                    float threshold);

}  // namespace charter
