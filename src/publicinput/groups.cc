#include "publicinput/groups.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace charter {

namespace {

using Point = std::vector<double>;

double Dist2(const Point& a, const Point& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return s;
}

// Lloyd's k-means with farthest-first seeding. Returns labels.
std::vector<int> KMeans(const std::vector<Point>& pts, int k) {
  const size_t n = pts.size(), d = pts[0].size();
  Point mean(d, 0.0);
  for (const Point& p : pts)
    for (size_t j = 0; j < d; ++j) mean[j] += p[j] / static_cast<double>(n);
  std::vector<Point> centres;
  std::vector<double> nearest(n);
  size_t first = 0;
  for (size_t i = 0; i < n; ++i)
    if (Dist2(pts[i], mean) > Dist2(pts[first], mean)) first = i;
  centres.push_back(pts[first]);
  for (size_t i = 0; i < n; ++i) nearest[i] = Dist2(pts[i], centres[0]);
  while (static_cast<int>(centres.size()) < k) {
    size_t far = 0;
    for (size_t i = 0; i < n; ++i)
      if (nearest[i] > nearest[far]) far = i;
    centres.push_back(pts[far]);
    for (size_t i = 0; i < n; ++i) nearest[i] = std::min(nearest[i], Dist2(pts[i], centres.back()));
  }
  std::vector<int> label(n, -1);
  for (int iter = 0; iter < 200; ++iter) {
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      int best = 0;
      for (int c = 1; c < k; ++c)
        if (Dist2(pts[i], centres[static_cast<size_t>(c)]) <
            Dist2(pts[i], centres[static_cast<size_t>(best)]))
          best = c;
      if (best != label[i]) {
        label[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    std::vector<Point> sum(static_cast<size_t>(k), Point(d, 0.0));
    std::vector<int> count(static_cast<size_t>(k), 0);
    for (size_t i = 0; i < n; ++i) {
      ++count[static_cast<size_t>(label[i])];
      for (size_t j = 0; j < d; ++j) sum[static_cast<size_t>(label[i])][j] += pts[i][j];
    }
    for (size_t c = 0; c < static_cast<size_t>(k); ++c)
      if (count[c] > 0)  // an emptied cluster keeps its centre
        for (size_t j = 0; j < d; ++j) centres[c][j] = sum[c][j] / count[c];
  }
  return label;
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

}  // namespace

GroupAssignment ComputeGroups(const Conversation& conv, const GroupingOptions& options) {
  GroupAssignment out;
  const size_t np = conv.participants.size(), ns = conv.statements.size();
  out.group.assign(np, -1);
  const int need = std::min<int>(options.min_votes, static_cast<int>(ns));
  std::vector<size_t> members;
  std::vector<int> nvotes(np, 0);
  for (size_t p = 0; p < np; ++p) {
    for (size_t s = 0; s < ns; ++s) nvotes[p] += conv.Vote(p, s) != kUnseen;
    if (nvotes[p] >= need && nvotes[p] > 0) members.push_back(p);
  }
  const size_t n = members.size();
  if (n < 4 || ns == 0) {
    for (size_t p : members) out.group[p] = 0;
    out.k = n ? 1 : 0;
    out.sizes = n ? std::vector<int>{static_cast<int>(n)} : std::vector<int>{};
    out.method = "computed: too few participants to cluster (" + std::to_string(n) + ")";
    return out;
  }
  // Centred matrix with column-mean imputation (mean over those who voted).
  std::vector<double> colmean(ns, 0.0);
  std::vector<int> colcount(ns, 0);
  for (size_t p : members)
    for (size_t s = 0; s < ns; ++s) {
      int8_t v = conv.Vote(p, s);
      if (v != kUnseen) colmean[s] += v, ++colcount[s];
    }
  for (size_t s = 0; s < ns; ++s) colmean[s] = colcount[s] ? colmean[s] / colcount[s] : 0.0;
  std::vector<double> X(n * ns, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t s = 0; s < ns; ++s) {
      int8_t v = conv.Vote(members[i], s);
      X[i * ns + s] = v == kUnseen ? 0.0 : v - colmean[s];
    }
  // Power iteration with deflation: v <- X^T X v, orthogonal to earlier components.
  const int comps = std::max(1, std::min<int>(options.components, static_cast<int>(ns)));
  std::vector<std::vector<double>> dirs;
  std::vector<double> xv(n);
  for (int c = 0; c < comps; ++c) {
    std::vector<double> v(ns);
    for (size_t s = 0; s < ns; ++s) v[s] = 1.0 + 0.5 * std::sin(1.0 + 7.0 * s + 3.0 * c);
    auto orthonormalise = [&](std::vector<double>& w) {
      for (const auto& d : dirs) {
        double dot = std::inner_product(w.begin(), w.end(), d.begin(), 0.0);
        for (size_t s = 0; s < ns; ++s) w[s] -= dot * d[s];
      }
      double norm = std::sqrt(std::inner_product(w.begin(), w.end(), w.begin(), 0.0));
      if (norm > 0)
        for (double& x : w) x /= norm;
      return norm;
    };
    orthonormalise(v);
    for (int iter = 0; iter < 500; ++iter) {
      for (size_t i = 0; i < n; ++i)
        xv[i] = std::inner_product(v.begin(), v.end(), X.begin() + static_cast<long>(i * ns), 0.0);
      std::vector<double> w(ns, 0.0);
      for (size_t i = 0; i < n; ++i) {
        const double* row = X.data() + i * ns;
        for (size_t s = 0; s < ns; ++s) w[s] += xv[i] * row[s];
      }
      if (orthonormalise(w) == 0) break;
      double delta = 0;
      for (size_t s = 0; s < ns; ++s) delta = std::max(delta, std::abs(w[s] - v[s]));
      v.swap(w);
      if (delta < 1e-9) break;
    }
    size_t big = 0;
    for (size_t s = 0; s < ns; ++s)
      if (std::abs(v[s]) > std::abs(v[big])) big = s;
    if (v[big] < 0)
      for (double& x : v) x = -x;
    dirs.push_back(std::move(v));
  }
  std::vector<Point> pts(n, Point(dirs.size()));
  for (size_t i = 0; i < n; ++i) {
    const double scale = std::sqrt(static_cast<double>(ns) / nvotes[members[i]]);
    for (size_t c = 0; c < dirs.size(); ++c)
      pts[i][c] = scale * std::inner_product(dirs[c].begin(), dirs[c].end(),
                                             X.begin() + static_cast<long>(i * ns), 0.0);
  }
  int best_k = 2;
  double best_s = -2;
  std::vector<int> best;
  std::string tried;
  const int max_k = std::min<int>(options.max_k, static_cast<int>(n) - 1);
  for (int k = 2; k <= max_k; ++k) {
    std::vector<int> label = KMeans(pts, k);
    double s = Silhouette(pts, label, k);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sk=%d: %.3f", tried.empty() ? "" : ", ", k, s);
    tried += buf;
    if (s > best_s + 1e-12) best_s = s, best_k = k, best = std::move(label);
  }
  // Number groups by size, largest first (ties: lower original label).
  std::vector<int> size(static_cast<size_t>(best_k), 0);
  for (int l : best) ++size[static_cast<size_t>(l)];
  std::vector<int> order(static_cast<size_t>(best_k));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return size[static_cast<size_t>(a)] > size[static_cast<size_t>(b)];
  });
  std::vector<int> rename(static_cast<size_t>(best_k));
  for (int i = 0; i < best_k; ++i) rename[static_cast<size_t>(order[static_cast<size_t>(i)])] = i;
  out.k = best_k;
  out.sizes.assign(static_cast<size_t>(best_k), 0);
  for (size_t i = 0; i < n; ++i) {
    int g = rename[static_cast<size_t>(best[i])];
    out.group[members[i]] = g;
    ++out.sizes[static_cast<size_t>(g)];
  }
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "computed: PCA (%zu components) of %zu participants with >= %d votes, k-means "
                "k=%d by silhouette %.3f (",
                dirs.size(), n, need, best_k, best_s);
  out.method = buf + tried + ")";
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
