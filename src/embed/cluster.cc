// cluster.cc — average/complete-linkage agglomerative clustering with a
// similarity threshold: exact nearest-neighbour-chain over a dense matrix for
// small inputs, greedy merging over a kNN graph for large ones.
#include "embed/cluster.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <queue>
#include <span>
#include <tuple>

#include "embed/index.h"

extern "C" {
// From the BLAS that faiss links.
int sgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k,
           const float* alpha, const float* a, const int* lda, const float* b, const int* ldb,
           const float* beta, float* c, const int* ldc);
}

namespace charter {

namespace {

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(static_cast<size_t>(n)) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  int Find(int x) {
    while (parent[static_cast<size_t>(x)] != x) {
      parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
      x = parent[static_cast<size_t>(x)];
    }
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
  }
};

std::vector<std::vector<int>> Groups(UnionFind& uf, int n) {
  std::map<int, std::vector<int>> by_root;
  for (int i = 0; i < n; ++i) by_root[uf.Find(i)].push_back(i);
  std::vector<std::vector<int>> out;
  for (auto& [root, members] : by_root) out.push_back(std::move(members));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a[0] < b[0]; });
  return out;
}

// Nearest-neighbour chain (Murtagh 1983) over an n x n similarity matrix `s`
// (row-major, updated in place): a cluster whose best similarity is below
// the threshold can never merge again (average and complete linkage are
// reducible), so it leaves the chain. Two values closer than `tie` are
// equal; a best similarity counts as reaching the threshold down to `cut`
// below it. A merged cluster is named by its smaller index, and a tie goes
// to the previous chain element (so the chain ends), then to the lower index.
template <typename Real>
std::vector<std::vector<int>> NearestNeighbourChain(std::vector<Real>& s, int n, Real threshold,
                                                    bool complete, Real tie, Real cut) {
  const size_t N = static_cast<size_t>(n);
  std::vector<Real> size(N, Real(1));
  std::vector<char> active(N, 1);
  UnionFind uf(n);
  std::vector<int> chain;
  int remaining = n;
  int next_start = 0;
  while (remaining > 1) {
    if (chain.empty()) {
      while (next_start < n && !active[static_cast<size_t>(next_start)]) ++next_start;
      if (next_start >= n) break;
      chain.push_back(next_start);
    }
    const int a = chain.back();
    const int prev = chain.size() >= 2 ? chain[chain.size() - 2] : -1;
    int best = -1;
    Real best_s = Real(-3);
    const Real* row = &s[static_cast<size_t>(a) * N];
    for (int c = 0; c < n; ++c) {
      if (c == a || !active[static_cast<size_t>(c)]) continue;
      Real v = row[c];
      if (v > best_s + tie || (v >= best_s - tie && c == prev)) {
        best_s = v;
        best = c;
      }
    }
    if (best < 0 || best_s < threshold - cut) {
      active[static_cast<size_t>(a)] = 0;  // final: nothing left to merge with
      --remaining;
      chain.pop_back();
      continue;
    }
    if (best != prev) {
      chain.push_back(best);
      continue;
    }
    chain.pop_back();
    chain.pop_back();
    const size_t K = static_cast<size_t>(std::min(a, best)),
                 G = static_cast<size_t>(std::max(a, best));
    for (size_t c = 0; c < N; ++c) {
      if (!active[c] || c == K || c == G) continue;
      Real v = complete ? std::min(s[K * N + c], s[G * N + c])
                        : (size[K] * s[K * N + c] + size[G] * s[G * N + c]) / (size[K] + size[G]);
      s[K * N + c] = s[c * N + K] = v;
    }
    size[K] += size[G];
    active[G] = 0;
    --remaining;
    uf.Union(static_cast<int>(K), static_cast<int>(G));
  }
  return Groups(uf, n);
}

// Dense: all similarities at once (one sgemm), exact.
std::vector<std::vector<int>> DenseLinkage(const std::vector<float>& vecs, int n, int dim,
                                           const ClusterOptions& o) {
  const size_t N = static_cast<size_t>(n);
  std::vector<float> s(N * N);
  const float one = 1.0f, zero = 0.0f;
  // Column-major view: vecs is dim x n, so S = vecs^T vecs.
  sgemm_("T", "N", &n, &n, &dim, &one, vecs.data(), &dim, vecs.data(), &dim, &zero, s.data(), &n);
  return NearestNeighbourChain<float>(s, n, o.threshold, o.complete, 0.0f, 0.0f);
}

// Greedy merging of the best pair over a sparse kNN graph; a pair with no
// edge counts as similarity 0 in the average (complete: as no merge).
std::vector<std::vector<int>> SparseLinkage(const std::vector<float>& vecs, int n, int dim,
                                            const ClusterOptions& o) {
  UnionFind uf(n);
  auto index = VectorIndex::Build(vecs, dim);
  if (!index) return Groups(uf, n);
  auto hits = index->SearchBatch(vecs, o.knn + 1);
  if (!hits) return Groups(uf, n);
  // links[c]: neighbour cluster -> {sum of similarities, number of edges}.
  std::vector<std::map<int, std::pair<double, int>>> links(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    for (const Neighbor& h : (*hits)[static_cast<size_t>(i)]) {
      int j = static_cast<int>(h.id);
      if (j == i) continue;
      auto& e = links[static_cast<size_t>(i)][j];
      if (e.second == 0) {  // each unordered pair once, whichever side found it
        links[static_cast<size_t>(i)][j] = {h.score, 1};
        links[static_cast<size_t>(j)][i] = {h.score, 1};
      }
    }
  }
  std::vector<int> size(static_cast<size_t>(n), 1);
  std::vector<int> version(static_cast<size_t>(n), 0);
  auto linkage = [&](int a, int b, const std::pair<double, int>& e) {
    const double pairs =
        static_cast<double>(size[static_cast<size_t>(a)]) * size[static_cast<size_t>(b)];
    if (o.complete) return e.second < pairs ? -1.0 : e.first / pairs;  // approx: mean of full set
    return e.first / pairs;
  };
  using Item = std::tuple<double, int, int, int, int>;  // score, -a, -b, ver a, ver b
  auto cmp = [](const Item& x, const Item& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) < std::get<0>(y);
    return std::make_pair(std::get<1>(x), std::get<2>(x)) <
           std::make_pair(std::get<1>(y), std::get<2>(y));
  };
  std::priority_queue<Item, std::vector<Item>, decltype(cmp)> heap(cmp);
  for (int a = 0; a < n; ++a) {
    for (const auto& [b, e] : links[static_cast<size_t>(a)]) {
      if (a < b) heap.push({linkage(a, b, e), -a, -b, 0, 0});
    }
  }
  while (!heap.empty()) {
    auto [score, na, nb, va, vb] = heap.top();
    heap.pop();
    int a = -na, b = -nb;
    if (score < o.threshold) break;
    if (version[static_cast<size_t>(a)] != va || version[static_cast<size_t>(b)] != vb) continue;
    // Merge b into a (a < b).
    auto& la = links[static_cast<size_t>(a)];
    auto& lb = links[static_cast<size_t>(b)];
    la.erase(b);
    lb.erase(a);
    for (const auto& [c, e] : lb) {
      auto& x = la[c];
      x.first += e.first;
      x.second += e.second;
      auto& lc = links[static_cast<size_t>(c)];
      lc.erase(b);
      lc[a] = x;
    }
    lb.clear();
    size[static_cast<size_t>(a)] += size[static_cast<size_t>(b)];
    size[static_cast<size_t>(b)] = 0;
    ++version[static_cast<size_t>(a)];
    version[static_cast<size_t>(b)] = -1;
    uf.Union(a, b);
    for (const auto& [c, e] : la) {
      int x = std::min(a, c), y = std::max(a, c);
      heap.push({linkage(x, y, e), -x, -y, version[static_cast<size_t>(x)],
                 version[static_cast<size_t>(y)]});
    }
  }
  return Groups(uf, n);
}

}  // namespace

std::vector<std::vector<int>> ClusterVectors(const std::vector<float>& vecs, int dim,
                                             const ClusterOptions& options) {
  if (dim <= 0 || vecs.size() % static_cast<size_t>(dim) != 0) return {};
  const int n = static_cast<int>(vecs.size() / static_cast<size_t>(dim));
  if (n == 0) return {};
  if (n <= options.dense_max) return DenseLinkage(vecs, n, dim, options);
  return SparseLinkage(vecs, n, dim, options);
}

std::vector<std::vector<int>> MatrixAverageLinkage(const std::vector<float>& sim, size_t n,
                                                   float threshold) {
  if (sim.size() < n * n || n == 0) return {};
  std::vector<double> s(sim.begin(), sim.begin() + static_cast<long>(n * n));
  return NearestNeighbourChain<double>(s, static_cast<int>(n), static_cast<double>(threshold),
                                       /*complete=*/false, 1e-12, 1e-9);
}

std::vector<std::vector<int>> ClusterAverageLinkage(const std::vector<float>& vecs, int dim,
                                                    float threshold) {
  ClusterOptions o;
  o.threshold = threshold;
  return ClusterVectors(vecs, dim, o);
}

}  // namespace charter
