// index.h — nearest-neighbour search over L2-normalised vectors (faiss).
//
// Where it sits: the embed stage. Embedder (embedder.h) turns texts into
// vectors; VectorIndex finds, for a query vector, the stored vectors with the
// highest inner product (= cosine for normalised vectors). Merge uses it for
// "all pairs above a threshold" (RangeSearch), search/similar for top-k.
//
// The structure is chosen by size: exact IndexFlatIP up to
// IndexOptions::exact_max (200k) vectors, an inverted file (IndexIVFFlat, inner
// product, deterministic k-means) above that — IVF rather than HNSW because
// faiss 1.7.3's HNSW has no range search. Row ids are 0..size()-1 in the
// order the vectors were given.
//
// faiss throws; every faiss call goes through one wrapper in index.cc that
// turns a faiss::FaissException into an Error. Save() writes
// "CHIDX" magic + format version + dim + count + kind + payload size +
// FNV-1a checksum, then the faiss payload, so a truncated or corrupt file is
// refused with a message naming the file before faiss ever parses it.
//
// Thread-safe: an index is immutable after Build/Load; Search and RangeSearch
// may be called from many threads at once.
//
//   Result<VectorIndex> idx = VectorIndex::Build(vecs, emb.dim());
//   auto hits = idx->Search(emb.Embed("freedom of the press"), 10);  // best first
//   auto pairs = idx->AllPairsAbove(0.8f);                          // i < j
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace charter {

struct Neighbor {
  int64_t id = -1;     // row of the index (0-based, in Build order)
  float score = 0.0f;  // inner product; cosine for normalised vectors
};

struct ScoredPair {
  int64_t a = -1;  // a < b
  int64_t b = -1;
  float score = 0.0f;
};

struct IndexOptions {
  // Up to this many vectors the index is exact (flat inner product). Flat
  // search runs as one BLAS product per query batch and, measured at 89k x
  // 512 (bench/embed.cc), is faster than IVF's list scan, so IVF only pays
  // past this size. Default: 200000.
  int64_t exact_max = 200000;
  // IVF only: lists probed per query (more = slower, closer to exact).
  // The number of lists is about sqrt(n). Default: 48.
  int nprobe = 48;
  // IVF only: seed of the k-means that places the lists. Default: 1234.
  int seed = 1234;
};

class VectorIndex {
 public:
  // `vecs` is row-major n x dim (n = vecs.size() / dim); rows should be
  // L2-normalised. Errors: dim <= 0, vecs.size() not a multiple of dim,
  // a faiss failure. An empty index (n = 0) is valid.
  static Result<VectorIndex> Build(std::span<const float> vecs, int dim,
                                   const IndexOptions& options = {});

  // Parses bytes written by Save(); `name` (a file name) is used in errors:
  // "<name>: not a Charter index (bad magic)", "<name>: truncated ...",
  // "<name>: checksum mismatch ...", "<name>: unsupported index format version N (expected 1)".
  static Result<VectorIndex> Load(std::string_view bytes, std::string_view name);

  // The bytes of an index file (see Load).
  Result<std::string> Save() const;

  int dim() const;
  int64_t size() const;
  bool exact() const;        // true for the flat index
  std::string kind() const;  // "flat" or "ivf"

  // Top-k rows for one query (query.size() must equal dim()), best first;
  // ties broken by lower row id. Fewer than k if the index is smaller.
  Result<std::vector<Neighbor>> Search(std::span<const float> query, int k) const;

  // Top-k for `n` queries (row-major n x dim): one list per query.
  Result<std::vector<std::vector<Neighbor>>> SearchBatch(std::span<const float> queries,
                                                         int k) const;

  // Every row whose score with `query` is >= threshold, best first.
  Result<std::vector<Neighbor>> RangeSearch(std::span<const float> query, float threshold) const;

  // Every pair of rows (a < b) of this index with score >= threshold, sorted
  // by (a, b). The self-pair is never reported.
  Result<std::vector<ScoredPair>> AllPairsAbove(float threshold) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
