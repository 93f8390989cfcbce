// clause_vectors.cc — text + context + topic channels of a clause vector.
#include "embed/clause_vectors.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "embed/index.h"

namespace charter {

namespace {

void Normalize(float* v, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; ++i) s += static_cast<double>(v[i]) * v[i];
  if (s <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(s));
  for (size_t i = 0; i < n; ++i) v[i] *= inv;
}

}  // namespace

std::vector<ClauseText> ClauseTexts(const std::vector<Clause>& clauses) {
  std::vector<ClauseText> out;
  out.reserve(clauses.size());
  std::string caption;  // of the article record the units are in
  for (const Clause& c : clauses) {
    if (c.unit.type == "article") caption = c.unit.caption;
    out.push_back({c.unit.text, c.unit.caption.empty() ? caption : c.unit.caption, c.topics});
  }
  return out;
}

std::vector<std::string> ParseTopicTaxonomy(std::string_view topics_tsv) {
  std::vector<std::string> ids;
  for (std::string_view line : Split(topics_tsv, '\n')) {
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::string id(Trim(line.substr(0, line.find('\t'))));
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

ClauseEmbedder::ClauseEmbedder(Embedder embedder, ClauseVectorOptions options)
    : embedder_(std::move(embedder)), options_(std::move(options)) {}

int ClauseEmbedder::dim() const {
  return embedder_.dim() + static_cast<int>(options_.taxonomy.size());
}

void ClauseEmbedder::TextInto(const ClauseText& clause, float* out) const {
  const size_t d_text = static_cast<size_t>(embedder_.dim());
  std::vector<float> t = embedder_.Embed(clause.text);
  if (options_.context_weight > 0 && !clause.context.empty()) {
    std::vector<float> c = embedder_.Embed(clause.context);
    for (size_t i = 0; i < d_text; ++i) t[i] += options_.context_weight * c[i];
    Normalize(t.data(), d_text);
  }
  std::copy(t.begin(), t.end(), out);
}

bool ClauseEmbedder::TopicsInto(const ClauseText& clause, float* out) const {
  std::fill(out, out + options_.taxonomy.size(), 0.0f);
  float w = 1.0f;
  bool any = false;
  for (const std::string& id : clause.topics) {
    auto it = std::find(options_.taxonomy.begin(), options_.taxonomy.end(), id);
    if (it == options_.taxonomy.end()) continue;
    out[it - options_.taxonomy.begin()] += w;
    w *= options_.topic_decay;
    any = true;
  }
  if (any) Normalize(out, options_.taxonomy.size());
  return any;
}

namespace {

// [text, weight * topic] normalised, in place (topic already unit or zero).
void Combine(float* row, size_t d_text, size_t d_topic, float weight) {
  for (size_t i = 0; i < d_topic; ++i) row[d_text + i] *= weight;
  Normalize(row, d_text + d_topic);
}

}  // namespace

std::vector<float> ClauseEmbedder::Embed(const ClauseText& clause) const {
  const size_t d_text = static_cast<size_t>(embedder_.dim());
  std::vector<float> out(static_cast<size_t>(dim()));
  TextInto(clause, out.data());
  TopicsInto(clause, out.data() + d_text);
  Combine(out.data(), d_text, out.size() - d_text, options_.topic_weight);
  return out;
}

std::vector<float> ClauseEmbedder::WithInferredTopics(
    std::vector<float> v,
    const std::vector<std::pair<float, std::vector<std::string>>>& nearest) const {
  const size_t d_text = static_cast<size_t>(embedder_.dim());
  const size_t d_topic = options_.taxonomy.size();
  if (v.size() != d_text + d_topic || d_topic == 0 || options_.infer_k <= 0) return v;
  std::vector<float> inferred(d_topic, 0.0f), u(d_topic);
  int used = 0;
  for (const auto& [score, topics] : nearest) {
    if (used >= options_.infer_k || score <= 0) break;
    if (!TopicsInto({"", "", topics}, u.data())) continue;
    for (size_t k = 0; k < d_topic; ++k) inferred[k] += score * u[k];
    ++used;
  }
  if (used == 0) return v;
  Normalize(inferred.data(), d_topic);
  // v = [t, 0] with t unit; recover t, then combine as EmbedBatch does.
  Normalize(v.data(), d_text);
  for (size_t k = 0; k < d_topic; ++k) v[d_text + k] = options_.infer_weight * inferred[k];
  Combine(v.data(), d_text, d_topic, options_.topic_weight);
  return v;
}

std::vector<float> ClauseEmbedder::EmbedBatch(const std::vector<ClauseText>& clauses) const {
  const size_t d = static_cast<size_t>(dim());
  const size_t d_text = static_cast<size_t>(embedder_.dim());
  const size_t d_topic = d - d_text;
  const size_t n = clauses.size();
  std::vector<float> out(n * d);
  std::vector<char> has(n);
  for (size_t i = 0; i < n; ++i) {
    TextInto(clauses[i], &out[i * d]);
    has[i] = TopicsInto(clauses[i], &out[i * d + d_text]);
  }
  if (options_.infer_k > 0 && d_topic > 0) InferTopics(has, &out);
  for (size_t i = 0; i < n; ++i) Combine(&out[i * d], d_text, d_topic, options_.topic_weight);
  return out;
}

void ClauseEmbedder::InferTopics(const std::vector<char>& has, std::vector<float>* rows) const {
  const size_t d = static_cast<size_t>(dim());
  const size_t d_text = static_cast<size_t>(embedder_.dim());
  const size_t d_topic = d - d_text;
  // `with`: rows that have topics (the keys); `ask`: rows whose topic
  // channel is inferred (no topics) or smoothed (topics, smoothing > 0).
  const float smooth = options_.topic_smoothing;
  std::vector<size_t> with, ask;
  for (size_t i = 0; i < has.size(); ++i) {
    if (has[i]) with.push_back(i);
    if (!has[i] || smooth > 0) ask.push_back(i);
  }
  if (with.empty() || ask.empty()) return;
  // Exact inner-product search over the text channels of the rows with
  // topics (a row with topics finds itself first, so its own topics weigh most).
  std::vector<float> keys(with.size() * d_text), queries(ask.size() * d_text);
  for (size_t r = 0; r < with.size(); ++r) {
    std::copy_n(&(*rows)[with[r] * d], d_text, &keys[r * d_text]);
  }
  for (size_t r = 0; r < ask.size(); ++r) {
    std::copy_n(&(*rows)[ask[r] * d], d_text, &queries[r * d_text]);
  }
  auto idx = VectorIndex::Build(keys, static_cast<int>(d_text),
                                IndexOptions{.exact_max = int64_t{1} << 40});
  if (!idx) return;  // faiss failure: leave those rows without a topic channel
  auto hits = idx->SearchBatch(queries, options_.infer_k);
  if (!hits) return;
  std::vector<float> inferred(d_topic);
  // Read every neighbour's own topics before any row is smoothed.
  std::vector<float> own(with.size() * d_topic);
  for (size_t r = 0; r < with.size(); ++r) {
    std::copy_n(&(*rows)[with[r] * d + d_text], d_topic, &own[r * d_topic]);
  }
  for (size_t r = 0; r < ask.size(); ++r) {
    std::fill(inferred.begin(), inferred.end(), 0.0f);
    bool any = false;
    for (const Neighbor& h : (*hits)[r]) {
      if (h.score <= 0) break;
      const float* u = &own[static_cast<size_t>(h.id) * d_topic];
      for (size_t k = 0; k < d_topic; ++k) inferred[k] += h.score * u[k];
      any = true;
    }
    if (!any) continue;
    Normalize(inferred.data(), d_topic);
    float* t = &(*rows)[ask[r] * d + d_text];
    if (has[ask[r]]) {
      for (size_t k = 0; k < d_topic; ++k) t[k] += smooth * inferred[k];
      Normalize(t, d_topic);
      continue;
    }
    for (size_t k = 0; k < d_topic; ++k) t[k] = options_.infer_weight * inferred[k];
  }
}

}  // namespace charter
