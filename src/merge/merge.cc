// merge.cc — what both merges share: combining similar principles into one
// (CombineSimilar) and the steps every merge takes (merge_internal.h).
#include "merge/merge.h"

#include <algorithm>
#include <map>

#include "core/hash.h"
#include "core/principle_text.h"
#include "embed/cluster.h"
#include "merge/merge_internal.h"

namespace charter {

namespace merge_internal {

Principle WithId(Principle p) {
  if (p.id.empty()) p.id = HashHex(p.text);
  return p;
}

Principle CombineOrKeep(const std::vector<Principle>& cluster, const MergeTools& tools) {
  if (cluster.size() == 1) return cluster.front();
  return WithId(tools.combine(cluster));
}

Conflict NegationConflict(const Principle& a, int stance_a, const std::string& side_a,
                          const Principle& b, const std::string& side_b, float sim) {
  Conflict c;
  c.kind = "negation";
  c.label_a = stance_a > 0 ? "supports" : "opposes";
  c.label_b = stance_a > 0 ? "opposes" : "supports";
  c.a = a;
  c.b = b;
  c.side_a = side_a;
  c.side_b = side_b;
  c.similarity = sim;
  return c;
}

}  // namespace merge_internal

using namespace merge_internal;

size_t MergePlan::Pending() const {
  size_t n = 0;
  for (const MergeCandidate& c : candidates)
    if (c.decision.empty()) ++n;
  return n;
}

std::vector<std::vector<int>> DenseAverageLinkage(const std::vector<float>& vecs, int dim,
                                                  float threshold) {
  if (dim <= 0 || vecs.size() % static_cast<size_t>(dim) != 0) return {};
  const size_t n = vecs.size() / static_cast<size_t>(dim);
  std::vector<float> sim(n * n, 0.0f);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      sim[i * n + j] = sim[j * n + i] = Round4(Dot(&vecs[i * dim], &vecs[j * dim], dim));
  return MatrixAverageLinkage(sim, n, threshold);
}

namespace {

// A principle alone in its cluster, within `max_chars` (0: no limit).
Principle Fit(const Principle& p, const MergeTools& tools, size_t max_chars) {
  if (max_chars == 0 || p.text.size() <= max_chars || !tools.concise) return p;
  return WithId(tools.concise(p));
}

// One principle for a cluster; within `max_chars` (0: no limit) by keeping
// the words of its most central members (by mean similarity to the others,
// `sim` over the cluster's rows) that fit.
Principle CombineCluster(const std::vector<Principle>& members,
                         const std::vector<double>& centrality, const MergeTools& tools,
                         size_t max_chars) {
  if (members.size() == 1) return Fit(members.front(), tools, max_chars);
  const size_t kTry = 12;  // combinations tried: the text of more is too long anyway
  // Members this long together rarely fit in one text: go straight to their
  // concise wording.
  size_t words = 0;
  for (const Principle& m : members) words += m.text.size();
  if (max_chars == 0 || (members.size() <= kTry && words <= 3 * max_chars)) {
    Principle all = WithId(tools.combine(members));
    if (max_chars == 0 || all.text.size() <= max_chars) return all;
  }
  std::vector<size_t> order(members.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    // On a tie (always so for two members) the shorter wording leaves room
    // for the others.
    if (centrality[a] != centrality[b]) return centrality[a] > centrality[b];
    return members[a].text.size() < members[b].text.size();
  });
  if (order.size() > kTry) order.resize(kTry);
  // The candidates said concisely first: often the combination then fits.
  // Each member's concise wording is made when first needed: the search
  // below often stops before it reaches the last candidates.
  std::map<size_t, Principle> concise;
  auto concise_of = [&](size_t i) -> const Principle& {
    auto it = concise.find(i);
    if (it == concise.end())
      it = concise.emplace(i, tools.concise ? tools.concise(members[i]) : members[i]).first;
    return it->second;
  };
  // Whether the combination of every member's concise wording is known not
  // to fit (the search need not try it again).
  bool all_too_long = false;
  if (tools.concise && members.size() <= kTry) {
    std::vector<Principle> sub;
    for (size_t i = 0; i < members.size(); ++i) sub.push_back(concise_of(i));
    Principle all = WithId(tools.combine(sub));
    if (all.text.size() <= max_chars) return all;
    all_too_long = true;
  }
  std::vector<size_t> chosen = {order[0]};
  Principle best =
      members[order[0]].text.size() <= max_chars ? members[order[0]] : WithId(concise_of(order[0]));
  // Two members in a row that do not fit: the text is full.
  for (size_t k = 1, misfits = 0; k < order.size() && misfits < 2; ++k) {
    std::vector<size_t> trial = chosen;
    trial.push_back(order[k]);
    if (all_too_long && trial.size() == members.size()) {
      ++misfits;
      continue;
    }
    std::sort(trial.begin(), trial.end());  // document order reads best
    std::vector<Principle> sub;
    for (size_t i : trial) sub.push_back(concise_of(i));
    Principle c = tools.combine(sub);
    if (c.text.size() <= max_chars) {
      chosen = trial;
      best = std::move(c);
      misfits = 0;
    } else {
      ++misfits;
    }
  }
  Principle out = best;
  if (chosen.size() == 1) out.template_id = "combine.central";
  TakeEvidence(members, &out);
  out.id = HashHex(out.text);
  return out;
}

}  // namespace

namespace merge_internal {

// CombineSimilar, also returning the vectors of its output: a principle that
// stayed alone keeps the vector it had, only new texts are embedded.
std::vector<Principle> CombineWithVectors(const std::vector<Principle>& principles,
                                          const MergeTools& tools, const MergeOptions& options,
                                          Vectors* out_vectors) {
  const size_t n = principles.size();
  if (n == 0) return {};
  Vectors v = EmbedPrinciples(principles, tools);
  std::vector<float> sim;
  std::vector<std::vector<int>> clusters;
  if (options.combine > 1.0f) {
    // Combining is off (convert's default): each principle stands alone,
    // and no similarity between them is needed.
    for (size_t i = 0; i < n; ++i) clusters.push_back({static_cast<int>(i)});
  } else {
    bool any_topics = false;
    for (const Principle& p : principles) any_topics = any_topics || !p.topics.empty();
    std::vector<Sparse> top = any_topics ? TopicVectors(principles) : std::vector<Sparse>(n);
    Weights w = WeightsFor(tools, options, any_topics);
    std::vector<Sparse> lex = w.lex > 0 ? TermVectors(principles, tools) : std::vector<Sparse>(n);
    sim.assign(n * n, 0.0f);
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        float x = w.emb * Dot(v.Row(i), v.Row(j), v.dim);
        if (w.lex > 0) x += w.lex * SparseDot(lex[i], lex[j]);
        if (w.top > 0) x += w.top * SparseDot(top[i], top[j]);
        sim[i * n + j] = sim[j * n + i] = Round4(x);
      }
    clusters = MatrixAverageLinkage(sim, n, options.combine);
  }
  std::vector<Principle> out;
  std::vector<int> kept_row;  // input row whose vector an output keeps, or -1
  out.reserve(clusters.size());
  for (const auto& c : clusters) {
    if (c.empty()) continue;
    if (c.size() == 1) {  // most clusters: no copy of the member
      const Principle& p = principles[static_cast<size_t>(c[0])];
      out.push_back(Fit(p, tools, options.max_chars));
      kept_row.push_back(out.back().text == p.text ? c[0] : -1);
      continue;
    }
    std::vector<Principle> members;
    std::vector<double> centrality;
    for (int i : c) {
      members.push_back(principles[static_cast<size_t>(i)]);
      double sum = 0;
      for (int j : c)
        if (j != i) sum += sim[static_cast<size_t>(i) * n + static_cast<size_t>(j)];
      centrality.push_back(sum);
    }
    out.push_back(CombineCluster(members, centrality, tools, options.max_chars));
    kept_row.push_back(-1);
  }
  if (out_vectors && v.dim > 0 && v.data.size() == n * static_cast<size_t>(v.dim)) {
    std::vector<Principle> fresh;
    for (size_t k = 0; k < out.size(); ++k)
      if (kept_row[k] < 0) fresh.push_back(out[k]);
    Vectors f = EmbedPrinciples(fresh, tools);
    if (!fresh.empty() && f.dim != v.dim) return out;  // a broken embedder: caller embeds
    Vectors& o = *out_vectors;
    o.dim = v.dim;
    o.n = out.size();
    o.data.clear();
    o.data.reserve(o.n * static_cast<size_t>(o.dim));
    size_t next = 0;
    for (size_t k = 0; k < out.size(); ++k) {
      const float* row = kept_row[k] >= 0 ? v.Row(static_cast<size_t>(kept_row[k])) : f.Row(next++);
      o.data.insert(o.data.end(), row, row + o.dim);
    }
  }
  return out;
}

}  // namespace merge_internal

std::vector<Principle> CombineSimilar(const std::vector<Principle>& principles,
                                      const MergeTools& tools, const MergeOptions& options) {
  return CombineWithVectors(principles, tools, options, nullptr);
}

std::vector<Principle> CombineSimilar(const std::vector<Principle>& principles,
                                      const MergeTools& tools, float threshold) {
  MergeOptions o;
  o.combine = threshold;
  return CombineSimilar(principles, tools, o);
}

}  // namespace charter
