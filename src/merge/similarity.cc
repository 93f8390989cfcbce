// similarity.cc — principle vectors and the similarities built from them
// (merge_internal.h).
#include <algorithm>
#include <cmath>
#include <map>

#include "core/principle_text.h"
#include "merge/merge_internal.h"

namespace charter::merge_internal {

// Eight independent partial sums, so the compiler can use vector registers
// (a single running sum must stay in order); the order is fixed, so the
// result is the same on every run. Built twice, and picked by the CPU at load
// time: with AVX2 the eight sums are one register. Not FMA: a fused
// multiply-add rounds once where these round twice, and would change results.
__attribute__((target_clones("avx2", "default"))) float Dot(const float* a, const float* b,
                                                            int dim) {
  float lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int i = 0;
  for (; i + 8 <= dim; i += 8)
    for (int k = 0; k < 8; ++k) lane[k] += a[i + k] * b[i + k];
  float s =
      ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
  for (; i < dim; ++i) s += a[i] * b[i];
  return s;
}

// Principles are compared on what they are about (MergeTools::idea), or on
// their core ("most respects the right to ..."), without the "Choose the
// response that" lead every one of them shares.
Vectors EmbedPrinciples(const std::vector<Principle>& ps, const MergeTools& tools) {
  Vectors v;
  v.n = ps.size();
  if (ps.empty() || !tools.embed) return v;
  std::vector<std::string> texts;
  texts.reserve(ps.size());
  for (const Principle& p : ps) texts.push_back(tools.idea ? tools.idea(p) : PrincipleCore(p.text));
  v.data = tools.embed(texts);
  v.dim = static_cast<int>(v.data.size() / ps.size());
  if (v.dim == 0 || v.data.size() != ps.size() * static_cast<size_t>(v.dim)) {
    v.dim = 1;  // a broken embedder: no similarity at all rather than a crash
    v.data.assign(ps.size(), 0.0f);
  }
  return v;
}

float SparseDot(const Sparse& a, const Sparse& b) {
  float s = 0.0f;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      s += a[i++].second * b[j++].second;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return s;
}

void Normalise(Sparse* v) {
  double n = 0;
  for (const auto& [id, w] : *v) n += double(w) * w;
  if (n <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(n));
  for (auto& e : *v) e.second *= inv;
}

// Binary term vectors weighted by smooth IDF over `ps`: a word most
// principles share ("everyone", "freedom") counts little, a rare one
// ("asylum") much.
std::vector<Sparse> TermVectors(const std::vector<const Principle*>& ps, const MergeTools& tools,
                                bool normalise) {
  std::vector<Sparse> out(ps.size());
  if (!tools.terms) return out;
  std::map<std::string, int> ids;
  std::vector<std::vector<std::string>> terms(ps.size());
  for (size_t i = 0; i < ps.size(); ++i) {
    terms[i] = tools.terms(*ps[i]);
    std::sort(terms[i].begin(), terms[i].end());
    terms[i].erase(std::unique(terms[i].begin(), terms[i].end()), terms[i].end());
    for (const std::string& t : terms[i]) ids.emplace(t, 0);
  }
  int next = 0;
  for (auto& [t, id] : ids) id = next++;
  // Each principle's term ids (ascending, as its terms are sorted), looked
  // up once.
  std::vector<std::vector<int>> tids(ps.size());
  std::vector<int> df(ids.size(), 0);
  for (size_t i = 0; i < ps.size(); ++i) {
    tids[i].reserve(terms[i].size());
    for (const std::string& t : terms[i]) {
      int id = ids.find(t)->second;
      tids[i].push_back(id);
      ++df[static_cast<size_t>(id)];
    }
  }
  const double n = static_cast<double>(ps.size());
  for (size_t i = 0; i < ps.size(); ++i) {
    for (int id : tids[i]) {
      float idf = static_cast<float>(std::log((n + 1) / (df[static_cast<size_t>(id)] + 1)) + 1);
      out[i].emplace_back(id, idf);
    }
    if (normalise) Normalise(&out[i]);
  }
  return out;
}

std::vector<Sparse> TermVectors(const std::vector<Principle>& ps, const MergeTools& tools) {
  std::vector<const Principle*> ptrs;
  ptrs.reserve(ps.size());
  for (const Principle& p : ps) ptrs.push_back(&p);
  return TermVectors(ptrs, tools);
}

// How much of what `a` names `b` names too: the IDF weight of a's terms
// found in b over the weight of all of a's terms (raw TermVectors). Unlike
// the cosine it does not fall when b names many other ideas as well — a
// base principle that lists eight rights covers a clause about one of them.
float Coverage(const Sparse& a, const Sparse& b) {
  float all = 0.0f, shared = 0.0f;
  size_t j = 0;
  for (const auto& [id, w] : a) {
    all += w;
    while (j < b.size() && b[j].first < id) ++j;
    if (j < b.size() && b[j].first == id) shared += w;
  }
  return all > 0 ? shared / all : 0.0f;
}

// Topic lists as vectors: the most central topic weighs 1, the next 1/2, ...
std::vector<Sparse> TopicVectors(const std::vector<Principle>& ps) {
  std::map<std::string, int> ids;
  for (const Principle& p : ps)
    for (const std::string& t : p.topics) ids.emplace(t, 0);
  int next = 0;
  for (auto& [t, id] : ids) id = next++;
  std::vector<Sparse> out(ps.size());
  for (size_t i = 0; i < ps.size(); ++i) {
    for (size_t k = 0; k < ps[i].topics.size(); ++k) {
      int id = ids[ps[i].topics[k]];
      bool seen = false;
      for (const auto& e : out[i]) seen = seen || e.first == id;
      if (!seen) out[i].emplace_back(id, 1.0f / static_cast<float>(k + 1));
    }
    std::sort(out[i].begin(), out[i].end());
    Normalise(&out[i]);
  }
  return out;
}

// Combining country principles: embedding and topics. Comparing with the
// base (which has no topics): embedding and term coverage.
Weights WeightsFor(const MergeTools& tools, const MergeOptions& o, bool topics) {
  Weights w;
  if (topics) {
    w.top = std::clamp(o.topical, 0.0f, 1.0f);
  } else {
    w.lex = tools.terms ? std::clamp(o.lexical, 0.0f, 1.0f) : 0.0f;
  }
  w.emb = std::max(0.0f, 1.0f - w.lex - w.top);
  return w;
}

float Round4(float x) { return std::round(x * 10000.0f) / 10000.0f; }

// Cosine of two unit centroids, rounded; 0 when either is missing.
float CentroidSimilarity(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.empty() || a.size() != b.size()) return 0.0f;
  return Round4(Dot(a.data(), b.data(), static_cast<int>(a.size())));
}

std::vector<std::vector<int>> Cluster(const MergeTools& tools, const Vectors& v, float threshold) {
  if (v.n == 0) return {};
  if (tools.cluster) return tools.cluster(v.data, v.dim, threshold);
  return DenseAverageLinkage(v.data, v.dim, threshold);
}

}  // namespace charter::merge_internal
