#include "publicinput/groups.h"

#include <faiss/Clustering.h>
#include <faiss/IndexFlat.h>
#include <faiss/VectorTransform.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

namespace charter {

namespace {

using Point = std::vector<double>;

double Dist2(const Point& a, const Point& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return s;
}

// Farthest-first seeds: the point farthest from the mean, then repeatedly the
// point farthest from every chosen centre. Returned as k x d floats for faiss.
std::vector<float> FarthestFirstSeeds(const std::vector<Point>& pts, int k) {
  const size_t n = pts.size(), d = pts[0].size();
  Point mean(d, 0.0);
  for (const Point& p : pts)
    for (size_t j = 0; j < d; ++j) mean[j] += p[j] / static_cast<double>(n);
  std::vector<size_t> chosen;
  size_t first = 0;
  for (size_t i = 0; i < n; ++i)
    if (Dist2(pts[i], mean) > Dist2(pts[first], mean)) first = i;
  chosen.push_back(first);
  std::vector<double> nearest(n);
  for (size_t i = 0; i < n; ++i) nearest[i] = Dist2(pts[i], pts[first]);
  while (static_cast<int>(chosen.size()) < k) {
    size_t far = 0;
    for (size_t i = 0; i < n; ++i)
      if (nearest[i] > nearest[far]) far = i;
    chosen.push_back(far);
    for (size_t i = 0; i < n; ++i) nearest[i] = std::min(nearest[i], Dist2(pts[i], pts[far]));
  }
  std::vector<float> seeds;
  for (size_t c : chosen)
    for (double x : pts[c]) seeds.push_back(static_cast<float>(x));
  return seeds;
}

// Lloyd's k-means (faiss::Clustering) from the farthest-first seeds, so no
// random seed is involved. Returns each point's label.
std::vector<int> KMeans(const std::vector<Point>& pts, int k) {
  const size_t n = pts.size(), d = pts[0].size();
  std::vector<float> x;
  x.reserve(n * d);
  for (const Point& p : pts)
    for (double v : p) x.push_back(static_cast<float>(v));
  faiss::ClusteringParameters cp;
  cp.niter = 100;
  cp.min_points_per_centroid = 1;        // small conversations are normal: no warning
  cp.max_points_per_centroid = 1 << 30;  // never subsample
  faiss::Clustering clus(static_cast<int>(d), k, cp);
  clus.centroids = FarthestFirstSeeds(pts, k);
  faiss::IndexFlatL2 index(static_cast<faiss::Index::idx_t>(d));
  clus.train(static_cast<faiss::Index::idx_t>(n), x.data(), index);
  std::vector<float> dist(n);
  std::vector<faiss::Index::idx_t> assign(n);
  index.search(static_cast<faiss::Index::idx_t>(n), x.data(), 1, dist.data(), assign.data());
  return std::vector<int>(assign.begin(), assign.end());
}

double Silhouette(const std::vector<Point>& pts, const std::vector<int>& label, int k) {
  const size_t n = pts.size();
  std::vector<int> size(static_cast<size_t>(k), 0);
  for (int l : label) ++size[static_cast<size_t>(l)];
  double total = 0;
  std::vector<double> sum(static_cast<size_t>(k));
  for (size_t i = 0; i < n; ++i) {
    std::fill(sum.begin(), sum.end(), 0.0);
    for (size_t j = 0; j < n; ++j)
      sum[static_cast<size_t>(label[j])] += std::sqrt(Dist2(pts[i], pts[j]));
    const size_t own = static_cast<size_t>(label[i]);
    if (size[own] <= 1) continue;  // silhouette 0 for singletons
    double a = sum[own] / (size[own] - 1);
    double b = INFINITY;
    for (size_t c = 0; c < static_cast<size_t>(k); ++c)
      if (c != own && size[c] > 0) b = std::min(b, sum[c] / size[c]);
    if (!std::isfinite(b)) continue;
    double m = std::max(a, b);
    if (m > 0) total += (b - a) / m;
  }
  return total / static_cast<double>(n);
}

// The participants who cast at least `need` votes, and every participant's vote count.
std::vector<size_t> Members(const Conversation& conv, int need, std::vector<int>* nvotes) {
  const size_t np = conv.participants.size(), ns = conv.statements.size();
  std::vector<size_t> members;
  nvotes->assign(np, 0);
  for (size_t p = 0; p < np; ++p) {
    for (size_t s = 0; s < ns; ++s) (*nvotes)[p] += conv.Vote(p, s) != kUnseen;
    if ((*nvotes)[p] >= need && (*nvotes)[p] > 0) members.push_back(p);
  }
  return members;
}

// Members x statements, row-major: a vote minus the statement's mean vote (over
// those who voted); an unseen statement is 0, the column mean imputed.
std::vector<float> CentredVotes(const Conversation& conv, const std::vector<size_t>& members) {
  const size_t n = members.size(), ns = conv.statements.size();
  std::vector<double> colmean(ns, 0.0);
  std::vector<int> colcount(ns, 0);
  for (size_t p : members)
    for (size_t s = 0; s < ns; ++s) {
      int8_t v = conv.Vote(p, s);
      if (v != kUnseen) colmean[s] += v, ++colcount[s];
    }
  for (size_t s = 0; s < ns; ++s) colmean[s] = colcount[s] ? colmean[s] / colcount[s] : 0.0;
  std::vector<float> x(n * ns, 0.0f);
  for (size_t i = 0; i < n; ++i)
    for (size_t s = 0; s < ns; ++s) {
      int8_t v = conv.Vote(members[i], s);
      x[i * ns + s] = v == kUnseen ? 0.0f : static_cast<float>(v - colmean[s]);
    }
  return x;
}

// The top `comps` principal directions of the n x ns matrix `x` (faiss::PCAMatrix),
// each unit length with its largest loading positive (an eigenvector's sign is arbitrary).
std::vector<std::vector<double>> PrincipalDirections(const std::vector<float>& x, size_t n,
                                                     size_t ns, int comps) {
  faiss::PCAMatrix pca(static_cast<int>(ns), comps);
  pca.train(static_cast<faiss::Index::idx_t>(n), x.data());
  std::vector<std::vector<double>> dirs;
  for (size_t c = 0; c < static_cast<size_t>(comps); ++c) {
    std::vector<double> v(pca.PCAMat.begin() + static_cast<long>(c * ns),
                          pca.PCAMat.begin() + static_cast<long>((c + 1) * ns));
    size_t big = 0;
    for (size_t s = 0; s < ns; ++s)
      if (std::abs(v[s]) > std::abs(v[big])) big = s;
    if (v[big] < 0)
      for (double& e : v) e = -e;
    dirs.push_back(std::move(v));
  }
  return dirs;
}

// Each member's projection on `dirs`, scaled by sqrt(statements / votes cast).
std::vector<Point> Project(const std::vector<float>& x, const std::vector<size_t>& members,
                           const std::vector<int>& nvotes,
                           const std::vector<std::vector<double>>& dirs, size_t ns) {
  std::vector<Point> pts(members.size(), Point(dirs.size()));
  for (size_t i = 0; i < members.size(); ++i) {
    const double scale = std::sqrt(static_cast<double>(ns) / nvotes[members[i]]);
    const float* row = x.data() + i * ns;
    for (size_t c = 0; c < dirs.size(); ++c) {
      double dot = 0;
      for (size_t s = 0; s < ns; ++s) dot += dirs[c][s] * row[s];
      pts[i][c] = scale * dot;
    }
  }
  return pts;
}

struct BestK {
  int k = 2;
  double silhouette = -2;
  std::vector<int> label;
  std::string tried;  // "k=2: 0.470, k=3: 0.410, ..."
};

// k-means for k = 2..max_k; the k with the highest mean silhouette (ties: smaller k).
BestK ChooseK(const std::vector<Point>& pts, int max_k) {
  BestK best;
  for (int k = 2; k <= max_k; ++k) {
    std::vector<int> label = KMeans(pts, k);
    double s = Silhouette(pts, label, k);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sk=%d: %.3f", best.tried.empty() ? "" : ", ", k, s);
    best.tried += buf;
    if (s > best.silhouette + 1e-12) best.silhouette = s, best.k = k, best.label = std::move(label);
  }
  return best;
}

// Numbers the groups of `best` by size, largest first (ties: lower original
// label), into `out`'s group, k and sizes.
void NumberBySize(const BestK& best, const std::vector<size_t>& members, GroupAssignment* out) {
  const size_t k = static_cast<size_t>(best.k);
  std::vector<int> size(k, 0);
  for (int l : best.label) ++size[static_cast<size_t>(l)];
  std::vector<int> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return size[static_cast<size_t>(a)] > size[static_cast<size_t>(b)];
  });
  std::vector<int> rename(k);
  for (size_t i = 0; i < k; ++i) rename[static_cast<size_t>(order[i])] = static_cast<int>(i);
  out->k = best.k;
  out->sizes.assign(k, 0);
  for (size_t i = 0; i < members.size(); ++i) {
    int g = rename[static_cast<size_t>(best.label[i])];
    out->group[members[i]] = g;
    ++out->sizes[static_cast<size_t>(g)];
  }
}

}  // namespace

GroupAssignment ComputeGroups(const Conversation& conv, const GroupingOptions& options) {
  GroupAssignment out;
  const size_t ns = conv.statements.size();
  out.group.assign(conv.participants.size(), -1);
  const int need = std::min<int>(options.min_votes, static_cast<int>(ns));
  std::vector<int> nvotes;
  const std::vector<size_t> members = Members(conv, need, &nvotes);
  const size_t n = members.size();
  if (n < 4 || ns == 0) {
    for (size_t p : members) out.group[p] = 0;
    out.k = n ? 1 : 0;
    out.sizes = n ? std::vector<int>{static_cast<int>(n)} : std::vector<int>{};
    out.method = "computed: too few participants to cluster (" + std::to_string(n) + ")";
    return out;
  }
  const std::vector<float> x = CentredVotes(conv, members);
  const int comps = std::max(1, std::min<int>(options.components, static_cast<int>(ns)));
  const auto dirs = PrincipalDirections(x, n, ns, comps);
  const std::vector<Point> pts = Project(x, members, nvotes, dirs, ns);
  const BestK best = ChooseK(pts, std::min<int>(options.max_k, static_cast<int>(n) - 1));
  NumberBySize(best, members, &out);
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "computed: PCA (%zu components) of %zu participants with >= %d votes, k-means "
                "k=%d by silhouette %.3f (",
                dirs.size(), n, need, best.k, best.silhouette);
  out.method = buf + best.tried + ")";
  return out;
}

double GroupAgreement(const GroupAssignment& a, const GroupAssignment& b) {
  const int ka = a.k, kb = b.k;
  if (ka <= 0 || kb <= 0 || ka > 8 || kb > 8 || a.group.size() != b.group.size()) return 0.0;
  std::vector<std::vector<int>> m(static_cast<size_t>(ka),
                                  std::vector<int>(static_cast<size_t>(kb), 0));
  int both = 0;
  for (size_t i = 0; i < a.group.size(); ++i)
    if (a.group[i] >= 0 && b.group[i] >= 0) {
      ++m[static_cast<size_t>(a.group[i])][static_cast<size_t>(b.group[i])];
      ++both;
    }
  if (!both) return 0.0;
  // Best injective label matching by trying permutations of the larger side.
  const int kmax = std::max(ka, kb);
  std::vector<int> perm(static_cast<size_t>(kmax));
  std::iota(perm.begin(), perm.end(), 0);
  int best = 0;
  do {
    int hit = 0;
    for (int i = 0; i < ka; ++i) {
      int j = perm[static_cast<size_t>(i)];
      if (j < kb) hit += m[static_cast<size_t>(i)][static_cast<size_t>(j)];
    }
    best = std::max(best, hit);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return static_cast<double>(best) / both;
}

}  // namespace charter
