#include "merge/merge.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>

#include "core/hash.h"
#include "core/text.h"
#include "merge/principle_io.h"

namespace charter {

namespace {

struct Vectors {
  std::vector<float> data;
  int dim = 0;
  size_t n = 0;
  const float* Row(size_t i) const { return data.data() + i * static_cast<size_t>(dim); }
};

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

// A sparse L2-normalised vector: (term id, weight), ids ascending.
using Sparse = std::vector<std::pair<int, float>>;

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
                                bool normalise = true) {
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

// The weights of the embedding, terms and topics (summing to 1).
struct Weights {
  float emb = 1.0f, lex = 0.0f, top = 0.0f;
};

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

// Similarities are rounded to 1e-4 before any comparison so that the last
// bits of a float sum (which BLAS may order differently) cannot flip a
// decision or the report's figures.
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

Principle WithId(Principle p) {
  if (p.id.empty()) p.id = HashHex(p.text);
  return p;
}

// Whether a principle names particulars of one country: a proper name
// ("Russian Federation", "Bhutan's", "Ugandans") or a figure ("60", "sixty
// percent"). Capitalised words that every constitution uses ("the State",
// "this Constitution") are not particulars.
bool NamesParticulars(std::string_view text) {
  static const std::set<std::string, std::less<>> kCommon = {
      "Choose",     "State",      "States", "Constitution", "Republic", "Nation",     "God",
      "Parliament", "Government", "Court",  "Declaration",  "Covenant", "Convention", "Charter",
      "Article",    "Law",        "I"};
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (std::isdigit(ch)) return true;
    if (!std::isalpha(ch)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '-'))
      ++j;
    std::string_view word = text.substr(i, j - i);
    if (std::isupper(ch) && word.size() > 1 && std::islower(static_cast<unsigned char>(word[1])) &&
        !kCommon.count(word))
      return true;
    for (std::string_view figure : {"percent", "hundred", "thousand"})
      if (word == figure) return true;
    i = j;
  }
  return false;
}

Principle CombineOrKeep(const std::vector<Principle>& cluster, const MergeTools& tools) {
  if (cluster.size() == 1) return cluster.front();
  return WithId(tools.combine(cluster));
}

void AddPairConflicts(const ConflictRules& rules, const Principle& a, const std::string& side_a,
                      const std::vector<int>& sides_a, const Principle& b,
                      const std::string& side_b, const std::vector<int>& sides_b, float sim,
                      std::vector<Conflict>* out) {
  for (int sa : sides_a) {
    int want = sa ^ 1;  // the other side of the same rule
    if (!std::binary_search(sides_b.begin(), sides_b.end(), want)) continue;
    const ConflictRule& r = rules.rules()[static_cast<size_t>(sa / 2)];
    Conflict c;
    c.kind = "rule";
    c.rule = r.id;
    c.label_a = (sa & 1) ? r.label_b : r.label_a;
    c.label_b = (sa & 1) ? r.label_a : r.label_b;
    c.a = a;
    c.b = b;
    c.side_a = side_a;
    c.side_b = side_b;
    c.similarity = sim;
    out->push_back(std::move(c));
  }
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

// Sorted, distinct.
std::vector<std::string> SortedIdeas(std::vector<std::string> ideas) {
  std::sort(ideas.begin(), ideas.end());
  ideas.erase(std::unique(ideas.begin(), ideas.end()), ideas.end());
  return ideas;
}

// The ideas of `country` (in its order) that `base_sorted` names too.
std::vector<std::string> SharedIdeas(const std::vector<std::string>& country,
                                     const std::vector<std::string>& base_sorted) {
  std::vector<std::string> out;
  for (const std::string& id : country)
    if (std::binary_search(base_sorted.begin(), base_sorted.end(), id)) out.push_back(id);
  return out;
}

// A merge candidate's suggested text (MergeTools::idea_wording): the base
// principle in its own words (a reviewer sees exactly what is added), then
// the ideas the country principle states that the base does not, as many as
// pass validation; the country's sources and ideas come along.
Principle SuggestFromIdeas(const Principle& base, const Principle& country,
                           const std::vector<std::string>& country_ideas,
                           const std::vector<std::string>& base_sorted, const MergeTools& tools) {
  std::vector<std::string> extra;
  for (const std::string& id : country_ideas)
    if (!std::binary_search(base_sorted.begin(), base_sorted.end(), id)) extra.push_back(id);
  // Every principle opens "Choose the response that" (validation's form);
  // the base's own polite "Please choose ..." is kept when nothing is added.
  std::string head = base.text;
  if (head.starts_with("Please choose ")) head = "Choose " + head.substr(14);
  while (!head.empty() && (head.back() == '.' || head.back() == ' ')) head.pop_back();
  std::string text = base.text;
  for (; !extra.empty(); extra.pop_back()) {
    std::string body = tools.idea_wording(extra);
    if (body.empty()) continue;
    std::string t = head + ", and that " + body + ".";
    if (!tools.validate || tools.validate(t).empty()) {
      text = std::move(t);
      break;
    }
  }
  Principle p = base;
  p.text = std::move(text);
  p.template_id = "merge.ideas";
  p.origin = base.origin;
  for (const Source& s : country.sources) p.sources.push_back(s);
  std::vector<std::string> ids = base.ideas;
  for (const std::string& id : country_ideas)
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  p.ideas = std::move(ids);
  p.id = HashHex(p.text);
  return p;
}

// The source of `p` (which has one) that states `idea` most narrowly: of
// those whose ideas name it, the one naming the fewest (Art. 41(h), not the
// lead-in Art. 41 that names all its items); the first source when none
// says which ideas it states (older files).
const Source& NarrowestSource(const Principle& p, const std::string& idea) {
  const Source* best = &p.sources.front();
  size_t fewest = SIZE_MAX;
  for (const Source& src : p.sources) {
    if (src.ideas.size() >= fewest ||
        std::find(src.ideas.begin(), src.ideas.end(), idea) == src.ideas.end())
      continue;
    best = &src;
    fewest = src.ideas.size();
  }
  return *best;
}

// Reviewer decisions on a global plan's conflicts, by conflict id (every
// conflict of that id): marks each conflict decided, moves the entries the
// decisions drop to plan->dropped, lists the decisions applied and stale.
void ApplyConflictDecisions(const std::vector<Decision>& decisions, GlobalPlan* plan) {
  std::map<std::string, std::vector<std::string>> dropped_by;  // entry id -> conflict ids
  for (const Decision& d : decisions) {
    bool matched = false;
    for (Conflict& c : plan->conflicts) {
      if (c.id != d.candidate_id) continue;
      matched = true;
      c.decision = d.action;
      c.decision_line = d.line;
      // A side a decision keeps stays, even when both sides are one principle.
      const bool one = c.entry_a == c.entry_b;
      if (d.action == "drop-both" || (d.action == "keep-b" && !one))
        dropped_by[c.entry_a].push_back(c.id);
      if (!one && (d.action == "drop-both" || d.action == "keep-a"))
        dropped_by[c.entry_b].push_back(c.id);
    }
    (matched ? plan->applied : plan->stale).push_back(d);
  }
  if (dropped_by.empty()) return;
  // In conflict order, each id once.
  std::vector<GlobalEntry> kept;
  for (GlobalEntry& e : plan->entries) {
    auto it = dropped_by.find(e.principle.id);
    if (it == dropped_by.end()) {
      kept.push_back(std::move(e));
      continue;
    }
    for (const Conflict& c : plan->conflicts)
      if (std::find(it->second.begin(), it->second.end(), c.id) != it->second.end() &&
          std::find(e.dropped_by.begin(), e.dropped_by.end(), c.id) == e.dropped_by.end())
        e.dropped_by.push_back(c.id);
    plan->dropped.push_back(std::move(e));
  }
  plan->entries = std::move(kept);
}

}  // namespace

size_t GlobalPlan::Pending() const {
  size_t n = 0;
  for (const Conflict& c : conflicts) n += c.decision.empty() ? 1 : 0;
  return n;
}

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
  // sum[i][j]: sum of member-pair similarities between clusters i and j.
  std::vector<double> sum(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      float s = Round4(Dot(&vecs[i * dim], &vecs[j * dim], dim));
      sum[i * n + j] = sum[j * n + i] = s;
    }
  std::vector<std::vector<int>> members(n);
  for (size_t i = 0; i < n; ++i) members[i] = {static_cast<int>(i)};
  std::vector<bool> alive(n, true);
  for (;;) {
    double best = -2.0;
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!alive[i]) continue;
      for (size_t j = i + 1; j < n; ++j) {
        if (!alive[j]) continue;
        double avg = sum[i * n + j] / double(members[i].size() * members[j].size());
        if (avg > best + 1e-12) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (best < static_cast<double>(threshold) - 1e-9) break;
    // Merge bj into bi.
    for (size_t k = 0; k < n; ++k) {
      if (!alive[k] || k == bi || k == bj) continue;
      sum[bi * n + k] += sum[bj * n + k];
      sum[k * n + bi] = sum[bi * n + k];
    }
    members[bi].insert(members[bi].end(), members[bj].begin(), members[bj].end());
    std::sort(members[bi].begin(), members[bi].end());
    alive[bj] = false;
    members[bj].clear();
  }
  std::vector<std::vector<int>> out;
  for (size_t i = 0; i < n; ++i)
    if (alive[i]) out.push_back(members[i]);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a[0] < b[0]; });
  return out;
}

std::vector<std::vector<int>> MatrixAverageLinkage(const std::vector<float>& sim, size_t n,
                                                   float threshold) {
  if (sim.size() < n * n) return {};
  // Working similarities between active clusters (Lance-Williams update for
  // the average), cluster sizes and members; a cluster is named by its
  // smallest member.
  std::vector<double> s(sim.begin(), sim.begin() + static_cast<long>(n * n));
  std::vector<size_t> size(n, 1);
  std::vector<std::vector<int>> members(n);
  for (size_t i = 0; i < n; ++i) members[i] = {static_cast<int>(i)};
  std::vector<char> active(n, 1), done(n, 0);
  std::vector<size_t> chain;
  size_t live = n;  // active and not done
  const double t = static_cast<double>(threshold) - 1e-9;
  while (live > 1) {
    if (chain.empty()) {
      for (size_t i = 0; i < n; ++i)
        if (active[i] && !done[i]) {
          chain.push_back(i);
          break;
        }
    }
    size_t a = chain.back();
    // Nearest neighbour of a; on a tie the previous chain element wins (so
    // the chain ends), then the lower index.
    size_t prev = chain.size() >= 2 ? chain[chain.size() - 2] : n;
    double best = -3.0;
    size_t b = n;
    for (size_t j = 0; j < n; ++j) {
      if (j == a || !active[j] || done[j]) continue;
      double v = s[a * n + j];
      if (v > best + 1e-12 || (v > best - 1e-12 && j == prev)) {
        best = v;
        b = j;
      }
    }
    if (b == n || best < t) {
      // Nothing reaches the threshold with a, and merges elsewhere only
      // average what a sees: a is final.
      done[a] = 1;
      --live;
      chain.pop_back();
      continue;
    }
    if (b != prev) {
      chain.push_back(b);
      continue;
    }
    // a and b are each other's nearest: merge the larger index into the smaller.
    chain.pop_back();
    chain.pop_back();
    size_t keep = std::min(a, b), gone = std::max(a, b);
    for (size_t k = 0; k < n; ++k) {
      if (!active[k] || k == keep || k == gone) continue;
      double v = (double(size[keep]) * s[keep * n + k] + double(size[gone]) * s[gone * n + k]) /
                 double(size[keep] + size[gone]);
      s[keep * n + k] = s[k * n + keep] = v;
    }
    size[keep] += size[gone];
    members[keep].insert(members[keep].end(), members[gone].begin(), members[gone].end());
    members[gone].clear();
    active[gone] = 0;
    --live;
  }
  std::vector<std::vector<int>> out;
  for (size_t i = 0; i < n; ++i)
    if (active[i]) {
      std::sort(members[i].begin(), members[i].end());
      out.push_back(members[i]);
    }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x[0] < y[0]; });
  return out;
}

namespace {

// The evidence of every member (sources, rules, topics by frequency) on a
// principle whose words come from some of them.
void TakeEvidence(const std::vector<Principle>& members, Principle* out) {
  out->sources.clear();
  out->rules.clear();
  std::set<std::string> seen_src, seen_rule;
  std::vector<std::string> order;
  std::map<std::string, int> count;
  for (const Principle& p : members) {
    for (const Source& src : p.sources)
      if (seen_src.insert(src.doc + "\n" + src.id + "\n" + src.cite).second)
        out->sources.push_back(src);
    for (const std::string& r : p.rules)
      if (seen_rule.insert(r).second) out->rules.push_back(r);
    for (const std::string& t : p.topics)
      if (count[t]++ == 0) order.push_back(t);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return count[a] > count[b]; });
  out->topics = order;
}

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

namespace {

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

}  // namespace

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

MergePlan MergeCountry(const std::vector<Principle>& base, const std::vector<Principle>& country,
                       const MergeTools& tools, const MergeOptions& options) {
  MergePlan plan;
  plan.country = options.country;
  plan.base_name = options.base_name;
  plan.options = options;
  plan.options.decisions.clear();
  plan.base = base;
  plan.country_input = country.size();
  Vectors cv;
  std::vector<Principle> combined = CombineWithVectors(country, tools, options, &cv);
  const std::vector<Principle>& cps = combined;

  Vectors bv = EmbedPrinciples(base, tools);
  if (cv.n != cps.size()) cv = EmbedPrinciples(cps, tools);
  const bool comparable = bv.n > 0 && cv.n > 0 && bv.dim == cv.dim;
  // Terms of base and country principles share one vocabulary and one IDF.
  std::vector<Sparse> blex, clex;
  const Weights w = WeightsFor(tools, options, false);
  if (w.lex > 0) {
    std::vector<const Principle*> both;
    both.reserve(base.size() + cps.size());
    for (const Principle& p : base) both.push_back(&p);
    for (const Principle& p : cps) both.push_back(&p);
    std::vector<Sparse> all = TermVectors(both, tools, /*normalise=*/false);
    blex.assign(all.begin(), all.begin() + static_cast<long>(base.size()));
    clex.assign(all.begin() + static_cast<long>(base.size()), all.end());
  }

  // Stances and rule sides, once per principle.
  const ConflictRules* rules = tools.conflicts;
  std::vector<int> base_stance(base.size(), 0), country_stance(cps.size(), 0);
  std::vector<std::vector<int>> base_sides(base.size()), country_sides(cps.size());
  if (rules) {
    for (size_t j = 0; j < base.size(); ++j) {
      base_stance[j] = rules->Stance(base[j].text);
      base_sides[j] = rules->Sides(base[j]);
    }
    for (size_t i = 0; i < cps.size(); ++i) {
      country_stance[i] = rules->Stance(cps[i].text);
      country_sides[i] = rules->Sides(cps[i]);
    }
  }

  // Ideas of each principle, sorted, when the tools can name them.
  std::vector<std::vector<std::string>> base_ideas, country_ideas;
  if (tools.ideas) {
    for (const Principle& p : base) base_ideas.push_back(SortedIdeas(tools.ideas(p)));
    for (const Principle& p : cps) country_ideas.push_back(tools.ideas(p));
  }

  // Classify each country principle against its nearest base principle.
  enum class Fate { kDuplicate, kCandidate, kNew };
  std::vector<Fate> fate(cps.size(), Fate::kNew);
  std::vector<size_t> candidate_of(cps.size(), 0);
  for (size_t i = 0; i < cps.size(); ++i) {
    float best = -2.0f;
    size_t bj = 0;
    // The most similar base principle that shares an idea (MergeTools::ideas).
    float best_shared = -2.0f;
    size_t sj = 0;
    for (size_t j = 0; comparable && j < base.size(); ++j) {
      float s = w.emb * Dot(cv.Row(i), bv.Row(j), cv.dim);
      if (w.lex > 0) s += w.lex * Coverage(clex[i], blex[j]);
      s = Round4(s);
      // Conflicts: same idea, opposite stance; or a pair rule.
      if (rules) {
        if (s >= options.negation && country_stance[i] * base_stance[j] < 0)
          plan.conflicts.push_back(
              NegationConflict(base[j], base_stance[j], "base", cps[i], options.country, s));
        AddPairConflicts(*rules, base[j], "base", base_sides[j], cps[i], options.country,
                         country_sides[i], s, &plan.conflicts);
      }
      // A principle that negates a base principle is never its duplicate
      // nor a candidate to merge with it.
      if (s >= options.negation && country_stance[i] * base_stance[j] < 0) continue;
      if (s > best) {
        best = s;
        bj = j;
      }
      if (tools.ideas && s > best_shared && !SharedIdeas(country_ideas[i], base_ideas[j]).empty()) {
        best_shared = s;
        sj = j;
      }
    }
    if (!comparable || best < options.similar) continue;
    if (best >= options.duplicate) {
      fate[i] = Fate::kDuplicate;
      plan.duplicates.push_back({cps[i], base[bj], best});
      continue;
    }
    if (tools.ideas) {
      if (best_shared < options.similar) continue;  // shares no idea: new
      best = best_shared;
      bj = sj;
    }
    fate[i] = Fate::kCandidate;
    MergeCandidate c;
    c.id = HashHex(base[bj].id + "\n" + cps[i].id);
    c.base = base[bj];
    c.country = cps[i];
    c.similarity = best;
    if (tools.ideas) c.shared_ideas = SharedIdeas(country_ideas[i], base_ideas[bj]);
    c.suggested = tools.ideas && tools.idea_wording
                      ? SuggestFromIdeas(base[bj], cps[i], country_ideas[i], base_ideas[bj], tools)
                      : WithId(tools.combine({base[bj], cps[i]}));
    candidate_of[i] = plan.candidates.size();
    plan.candidates.push_back(std::move(c));
  }

  // Reviewer decisions, by candidate id.
  std::map<std::string, size_t> by_id;
  for (size_t k = 0; k < plan.candidates.size(); ++k) by_id[plan.candidates[k].id] = k;
  for (const Decision& d : options.decisions) {
    auto it = by_id.find(d.candidate_id);
    if (it == by_id.end()) {
      plan.stale.push_back(d);
      continue;
    }
    MergeCandidate& c = plan.candidates[it->second];
    c.decision = d.action;
    c.decision_line = d.line;
    if (d.action == "accept") c.decided_text = c.suggested.text;
    if (d.action == "edit") c.decided_text = d.text;
    plan.applied.push_back(d);
  }

  // The constitution: base principles in order (combined where accepted),
  // then the added country principles in order.
  std::vector<std::vector<size_t>> accepted(base.size());
  std::map<std::string, size_t> base_index;
  for (size_t j = 0; j < base.size(); ++j) base_index.emplace(base[j].id, j);
  for (size_t k = 0; k < plan.candidates.size(); ++k) {
    const MergeCandidate& c = plan.candidates[k];
    if (c.decision == "accept" || c.decision == "edit")
      accepted[base_index.at(c.base.id)].push_back(k);
  }
  for (size_t j = 0; j < base.size(); ++j) {
    ConstitutionEntry e;
    if (accepted[j].empty()) {
      e.principle = base[j];
      e.status = "base";
    } else {
      const MergeCandidate* last_edit = nullptr;
      std::vector<Principle> cluster = {base[j]};
      for (size_t k : accepted[j]) {
        const MergeCandidate& c = plan.candidates[k];
        cluster.push_back(c.country);
        e.candidates.push_back(c.id);
        if (c.decision == "edit") last_edit = &c;
      }
      if (accepted[j].size() == 1)
        e.principle = plan.candidates[accepted[j][0]].suggested;
      else
        e.principle = WithId(tools.combine(cluster));
      if (last_edit) {
        // The reviewer's words, with the evidence of everything merged.
        e.principle.text = last_edit->decided_text;
        e.principle.id = HashHex(e.principle.text);
        e.principle.polarity = GuessPolarity(e.principle.text);
        e.principle.template_id = "reviewer-edit";
      }
      e.status = "combined";
    }
    plan.constitution.push_back(std::move(e));
  }
  for (size_t i = 0; i < cps.size(); ++i) {
    bool add = fate[i] == Fate::kNew;
    std::vector<std::string> cand;
    if (fate[i] == Fate::kCandidate) {
      const MergeCandidate& c = plan.candidates[candidate_of[i]];
      if (c.decision == "reject") {
        add = true;
        cand.push_back(c.id);
      }
    }
    if (!add) continue;
    if (fate[i] == Fate::kNew) plan.added.push_back(cps[i]);
    plan.constitution.push_back({cps[i], "added", cand});
  }
  plan.country_principles = std::move(combined);
  return plan;
}

GlobalPlan MergeGlobal(const std::vector<CountrySet>& sets, const MergeTools& tools,
                       const GlobalOptions& options) {
  GlobalPlan plan;
  plan.options = options;
  std::vector<Principle> all;
  std::vector<size_t> owner;  // set index of each principle
  for (size_t s = 0; s < sets.size(); ++s) {
    plan.countries.push_back(sets[s].country);
    const bool is_public = !sets[s].principles.empty() &&
                           std::all_of(sets[s].principles.begin(), sets[s].principles.end(),
                                       [](const Principle& p) { return p.origin == "public"; });
    if (is_public) plan.public_input.push_back(sets[s].country);
    for (const Principle& p : sets[s].principles) {
      all.push_back(p);
      owner.push_back(s);
    }
  }
  plan.input_principles = all.size();

  // Principles written from ideas are merged by idea: a document supports an
  // idea when one of its principles names it, whatever else that principle
  // names; the idea's own wording speaks for all of them. The rest (written
  // from one clause's words) are clustered by embedding.
  const bool by_idea = static_cast<bool>(tools.idea_principle);
  std::map<std::string, std::vector<int>> idea_members;  // idea -> indices into all
  std::vector<std::string> idea_order;                   // by first appearance
  std::vector<int> rest;                                 // indices into all
  // An idea's wording, once; an idea the inventory no longer has (a
  // principles.jsonl written with older rules) has none, and a principle
  // with no known idea is clustered like one without ideas.
  std::map<std::string, Principle> wording;
  auto known = [&](const std::string& idea) {
    auto it = wording.find(idea);
    if (it == wording.end()) it = wording.emplace(idea, tools.idea_principle(idea)).first;
    return !it->second.text.empty();
  };
  for (size_t i = 0; i < all.size(); ++i) {
    bool placed = false;
    for (const std::string& idea : by_idea ? all[i].ideas : std::vector<std::string>{}) {
      if (!known(idea)) continue;
      auto [it, fresh] = idea_members.try_emplace(idea);
      if (fresh) idea_order.push_back(idea);
      it->second.push_back(static_cast<int>(i));
      placed = true;
    }
    if (!placed) rest.push_back(static_cast<int>(i));
  }
  std::vector<Principle> rest_principles;
  rest_principles.reserve(rest.size());
  for (int i : rest) rest_principles.push_back(all[static_cast<size_t>(i)]);
  Vectors v = EmbedPrinciples(rest_principles, tools);
  std::vector<std::vector<int>> clusters = Cluster(tools, v, options.threshold);
  for (auto& c : clusters) std::sort(c.begin(), c.end());
  clusters.erase(
      std::remove_if(clusters.begin(), clusters.end(), [](const auto& c) { return c.empty(); }),
      clusters.end());
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  plan.clusters = clusters.size() + idea_order.size();

  struct Pending {
    GlobalEntry entry;
    int first = 0;
    std::vector<float> centroid;
    std::vector<int> members;  // indices into `all`
    bool idea = false;
  };
  std::vector<Pending> kept;
  // Ideas first: each one's entry, with one source per supporting clause.
  std::vector<Principle> idea_principles;
  for (const std::string& idea : idea_order) idea_principles.push_back(wording.at(idea));
  Vectors iv = EmbedPrinciples(idea_principles, tools);
  for (size_t k = 0; k < idea_order.size(); ++k) {
    const std::vector<int>& members = idea_members.at(idea_order[k]);
    std::set<std::string> countries;
    for (int i : members) countries.insert(sets[owner[static_cast<size_t>(i)]].country);
    if (countries.size() < options.min_support) continue;
    Pending p;
    p.idea = true;
    p.entry.principle = idea_principles[k];
    // The sources that state this idea: a country principle that names
    // several ideas cites the clauses of each (Source::ideas says which);
    // a source that does not say (older files) is kept.
    std::set<std::pair<std::string, std::string>> seen;  // (doc, id) of sources
    for (int i : members)
      for (const Source& src : all[static_cast<size_t>(i)].sources) {
        if (!src.ideas.empty() &&
            std::find(src.ideas.begin(), src.ideas.end(), idea_order[k]) == src.ideas.end())
          continue;
        if (seen.emplace(src.doc, src.id).second) p.entry.principle.sources.push_back(src);
      }
    p.entry.countries.assign(countries.begin(), countries.end());
    p.entry.members = members.size();
    p.members = members;
    p.first = members.front();
    if (iv.dim > 0 && iv.n == idea_order.size()) p.centroid.assign(iv.Row(k), iv.Row(k) + iv.dim);
    kept.push_back(std::move(p));
  }
  for (auto& c : clusters) {
    // Cluster rows are rows of `v` (the principles without ideas).
    std::vector<int> local = c;
    for (int& i : c) i = rest[static_cast<size_t>(i)];
    std::set<std::string> countries;
    for (int i : c) countries.insert(sets[owner[static_cast<size_t>(i)]].country);
    if (countries.size() < options.min_support) continue;
    Pending p;
    p.centroid.assign(static_cast<size_t>(v.dim), 0.0f);
    for (int i : local)
      for (int d = 0; d < v.dim; ++d)
        p.centroid[static_cast<size_t>(d)] += v.Row(static_cast<size_t>(i))[d];
    double norm = 0;
    for (float x : p.centroid) norm += double(x) * x;
    if (norm > 0)
      for (float& x : p.centroid) x = static_cast<float>(x / std::sqrt(norm));
    std::vector<Principle> members;
    for (int i : c) members.push_back(all[static_cast<size_t>(i)]);
    if (members.size() <= options.combine_max || v.dim == 0) {
      p.entry.principle = CombineOrKeep(members, tools);
    } else {
      // The member nearest the centroid speaks for the cluster; one a
      // specific template wrote, when there is one: a fallback's "violating
      // the principle that ..." is the wording of last resort. Among the
      // members as near (within kNear), one that speaks for every country:
      // not "... the territory of the Russian Federation", "... sixty percent
      // of Bhutan's total land".
      constexpr float kNear = 0.01f;
      std::vector<float> sim(c.size());
      bool any_specific = false;
      for (size_t k = 0; k < c.size(); ++k) {
        sim[k] = Round4(Dot(p.centroid.data(), v.Row(static_cast<size_t>(local[k])), v.dim));
        any_specific = any_specific || !StartsWith(members[k].template_id, "fallback");
      }
      auto eligible = [&](size_t k) {
        return !any_specific || !StartsWith(members[k].template_id, "fallback");
      };
      size_t central = 0;
      float best = -2.0f;
      for (size_t k = 0; k < c.size(); ++k) {
        if (eligible(k) && sim[k] > best) {
          best = sim[k];
          central = k;
        }
      }
      if (NamesParticulars(members[central].text)) {
        float best_general = -2.0f;
        for (size_t k = 0; k < c.size(); ++k) {
          if (eligible(k) && sim[k] >= best - kNear && sim[k] > best_general &&
              !NamesParticulars(members[k].text)) {
            best_general = sim[k];
            central = k;
          }
        }
      }
      p.entry.principle = members[central];
      for (size_t k = 0; k < members.size(); ++k)
        if (k != central)
          for (const Source& src : members[k].sources) p.entry.principle.sources.push_back(src);
    }
    p.entry.countries.assign(countries.begin(), countries.end());
    p.entry.members = c.size();
    p.members = c;
    p.first = c.front();
    kept.push_back(std::move(p));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Pending& a, const Pending& b) {
    if (a.entry.countries.size() != b.entry.countries.size())
      return a.entry.countries.size() > b.entry.countries.size();
    return a.first < b.first;
  });

  if (const ConflictRules* rules = tools.conflicts) {
    std::vector<int> stance(kept.size());
    for (size_t i = 0; i < kept.size(); ++i)
      stance[i] = rules->Stance(kept[i].entry.principle.text);
    for (size_t i = 0; i < kept.size(); ++i) {
      for (size_t j = i + 1; j < kept.size(); ++j) {
        if (stance[i] * stance[j] >= 0) continue;
        // Across countries only: a country is not in conflict with itself.
        if (kept[i].entry.countries == kept[j].entry.countries &&
            kept[i].entry.countries.size() == 1)
          continue;
        // Ideas that cannot both hold are declared (MergeTools::idea_conflicts).
        if (kept[i].idea && kept[j].idea) continue;
        float s = CentroidSimilarity(kept[i].centroid, kept[j].centroid);
        if (s < options.negation) continue;
        Conflict c = NegationConflict(kept[i].entry.principle, stance[i],
                                      Join(kept[i].entry.countries, ", "), kept[j].entry.principle,
                                      Join(kept[j].entry.countries, ", "), s);
        c.entry_a = kept[i].entry.principle.id;
        c.entry_b = kept[j].entry.principle.id;
        plan.conflicts.push_back(std::move(c));
      }
    }
    // Value declarations: one conflict per rule, each side naming every
    // country whose own principles or their sources make that declaration
    // (not every country of a cluster that happens to hold one), with one
    // piece of evidence per country: the source clause that declares it,
    // noted with the country. Pairing each country of one side with each
    // of the other listed the same disagreement dozens of times.
    struct Declaration {
      std::set<std::string> countries;
      // The first declaring member whose own words make the declaration
      // (else the first declaring member), its sources the clauses that
      // declare, one per country.
      Principle evidence;
      int cluster = -1;
      bool own_words = false;
    };
    std::map<int, Declaration> declared;  // rule * 2 + side -> declaration
    for (size_t i = 0; i < kept.size(); ++i) {
      for (int m : kept[i].members) {
        const Principle& member = all[static_cast<size_t>(m)];
        const std::string& country = sets[owner[static_cast<size_t>(m)]].country;
        for (int side : rules->Sides(member)) {
          Declaration& d = declared[side];
          if (!d.countries.insert(country).second) continue;
          auto states = [&](std::string_view text) {
            std::vector<int> sides = rules->Sides(text);
            return std::binary_search(sides.begin(), sides.end(), side);
          };
          const bool own_words = states(member.text);
          if (d.cluster < 0 || (!d.own_words && own_words)) {
            std::vector<Source> kept_sources = std::move(d.evidence.sources);
            d.cluster = static_cast<int>(i);
            d.evidence = member;
            d.evidence.sources = std::move(kept_sources);
            d.own_words = own_words;
          }
          Source said;
          for (const Source& src : member.sources) {
            if (states(src.text)) {
              said = src;
              break;
            }
          }
          // No single clause says it alone: the principle's own words do.
          if (said.text.empty()) {
            said.id = member.id;
            said.text = member.text;
          }
          said.note = country;
          d.evidence.sources.push_back(std::move(said));
        }
      }
    }
    for (size_t r = 0; r < rules->rules().size(); ++r) {
      auto a = declared.find(static_cast<int>(2 * r));
      auto b = declared.find(static_cast<int>(2 * r + 1));
      if (a == declared.end() || b == declared.end()) continue;
      const Declaration& da = a->second;
      const Declaration& db = b->second;
      if (da.countries == db.countries && da.countries.size() == 1) continue;
      const ConflictRule& rule = rules->rules()[r];
      Conflict c;
      c.kind = "rule";
      c.rule = rule.id;
      c.label_a = rule.label_a;
      c.label_b = rule.label_b;
      c.a = da.evidence;
      c.b = db.evidence;
      c.side_a = Join(std::vector<std::string>(da.countries.begin(), da.countries.end()), ", ");
      c.side_b = Join(std::vector<std::string>(db.countries.begin(), db.countries.end()), ", ");
      const Pending& ca = kept[static_cast<size_t>(da.cluster)];
      const Pending& cb = kept[static_cast<size_t>(db.cluster)];
      c.similarity = CentroidSimilarity(ca.centroid, cb.centroid);
      c.entry_a = ca.entry.principle.id;
      c.entry_b = cb.entry.principle.id;
      plan.conflicts.push_back(std::move(c));
    }
  }
  // Ideas that cannot both hold (a state religion and a secular state): one
  // conflict per pair both of whose ideas have support, each side with its
  // countries and one clause per country.
  // A declared pair of ideas says what a conflict rule of the same labels
  // says, with every country's own clause: that rule's conflict goes.
  for (const MergeTools::IdeaPair& pair : tools.idea_conflicts)
    std::erase_if(plan.conflicts, [&](const Conflict& c) {
      return c.kind == "rule" && ((c.label_a == pair.a && c.label_b == pair.b) ||
                                  (c.label_a == pair.b && c.label_b == pair.a));
    });
  std::map<std::string, size_t> entry_of_idea;
  for (size_t i = 0; i < kept.size(); ++i)
    if (kept[i].idea && !kept[i].entry.principle.ideas.empty())
      entry_of_idea[kept[i].entry.principle.ideas.front()] = i;
  for (const MergeTools::IdeaPair& pair : tools.idea_conflicts) {
    auto a = entry_of_idea.find(pair.a);
    auto b = entry_of_idea.find(pair.b);
    if (a == entry_of_idea.end() || b == entry_of_idea.end()) continue;
    const Pending& pa = kept[a->second];
    const Pending& pb = kept[b->second];
    if (pa.entry.countries == pb.entry.countries && pa.entry.countries.size() == 1) continue;
    auto side = [&](const Pending& p) {
      Principle evidence = p.entry.principle;
      evidence.sources.clear();
      std::set<std::string> done;
      for (int m : p.members) {
        const std::string& country = sets[owner[static_cast<size_t>(m)]].country;
        if (!done.insert(country).second) continue;
        const Principle& member = all[static_cast<size_t>(m)];
        if (member.sources.empty()) continue;
        Source said = NarrowestSource(member, p.entry.principle.ideas.front());
        said.note = country;
        evidence.sources.push_back(std::move(said));
      }
      return evidence;
    };
    Conflict c;
    c.kind = "idea";
    c.rule = pair.rule;
    c.label_a = pair.a;
    c.label_b = pair.b;
    c.a = side(pa);
    c.b = side(pb);
    c.side_a = Join(pa.entry.countries, ", ");
    c.side_b = Join(pb.entry.countries, ", ");
    c.similarity = CentroidSimilarity(pa.centroid, pb.centroid);
    c.entry_a = pa.entry.principle.id;
    c.entry_b = pb.entry.principle.id;
    plan.conflicts.push_back(std::move(c));
  }
  for (Conflict& c : plan.conflicts) c.id = ConflictId(c);
  for (Pending& p : kept) plan.entries.push_back(std::move(p.entry));
  plan.options.decisions.clear();
  ApplyConflictDecisions(options.decisions, &plan);
  return plan;
}

}  // namespace charter
