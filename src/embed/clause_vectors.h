// clause_vectors.h — vectors for extracted clauses: the text vector of
// Embedder::Embed plus channels the extractor already knows — the clause's
// topic ids (language-independent, rules/topics.tsv) and its context (the
// article caption). Used by `charter similar` and `charter search` to find
// clauses about the same thing across documents; Embedder::Embed itself is
// unchanged (merge thresholds are measured on it).
//
// Vector = normalise([t, w_topic * u]) where
//   t = normalise(Embed(text) + w_context * Embed(context))   (text channel)
//   u = normalise(sum_i decay^i * e(topic_i))                  (topic channel,
//       one dimension per taxonomy id, topics in the clause's order)
// so for two clauses with topics, cosine = (cos_text + w^2 cos_topic) / (1 + w^2):
// sharing a topic lifts a pair, sharing none costs it. In a batch
// (EmbedBatch), a clause without topics takes those of its nearest clauses by
// wording, and a clause with topics is smoothed toward theirs (its own weigh
// most); a single Embed() without topics has only the text channel
// (WithInferredTopics adds it for a search query). Weights chosen by
// measurement (bench/embed.cc, "embed.clause.*" and "embed.similar.*": P@5
// 0.617 -> 0.857 on the gold lines, 0.651 -> 0.859 as `similar` runs).
//
// Thread-safe: immutable after construction.
//
//   ClauseEmbedder ce(embedder, {.taxonomy = ParseTopicTaxonomy(rules["topics.tsv"])});
//   std::vector<float> v = ce.Embed({.text = "No one shall be tortured.", .topics = {"torture"}});
//   auto idx = VectorIndex::Build(ce.EmbedBatch(items), ce.dim());
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/types.h"
#include "embed/embedder.h"

namespace charter {

// What a clause vector is made of.
struct ClauseText {
  std::string text;                 // the unit's text (a list item carries its lead-in)
  std::string context;              // the article caption ("Right to life"), "" if none
  std::vector<std::string> topics;  // topic ids, most central first; unknown ids are ignored
};

// One ClauseText per clause (same order) of the clauses of one document in
// document order (as Extractor::Extract returns them): the unit's text and
// topics, and as context its own caption or else the caption of the article
// record it follows (text units do not repeat their article's caption).
std::vector<ClauseText> ClauseTexts(const std::vector<Clause>& clauses);

struct ClauseVectorOptions {
  // Topic ids in taxonomy order (rules/topics.tsv): one dimension each.
  // Default: empty (no topic channel; vectors are Embed's plus context).
  std::vector<std::string> taxonomy;
  // Weight of the topic channel against the text channel (both unit length).
  // Default: 1.0 (measured, bench/embed.cc "embed.clause.topic_w*").
  float topic_weight = 1.0f;
  // Weight of a clause's i-th topic (0-based) = topic_decay^i. Default: 0.7.
  float topic_decay = 0.7f;
  // Weight of the context vector added to the text vector. Default: 0.5.
  float context_weight = 0.5f;
  // EmbedBatch only: a clause without known topics gets, as its topic
  // channel, the similarity-weighted topics of its `infer_k` nearest clauses
  // of the batch that have topics (text channel), scaled by `infer_weight`.
  // 0 = off. Default: 5, 0.7.
  int infer_k = 5;
  float infer_weight = 0.7f;
  // EmbedBatch only: a clause with topics adds `topic_smoothing` x the
  // (unit) topics of its infer_k nearest clauses with topics — itself
  // included, so its own weigh most — which softens an extraction that named
  // a side topic. 0 = off. Default: 0.5.
  float topic_smoothing = 0.5f;
};

// The ids of a topic taxonomy file (rules/topics.tsv: "id<TAB>description"
// rows, '#' comments, blank lines), in file order.
std::vector<std::string> ParseTopicTaxonomy(std::string_view topics_tsv);

class ClauseEmbedder {
 public:
  ClauseEmbedder(Embedder embedder, ClauseVectorOptions options);

  // embedder.dim() + taxonomy size.
  int dim() const;

  // L2-normalised vector of dim() floats (zeros when text and topics are empty).
  std::vector<float> Embed(const ClauseText& clause) const;

  // For a clause without topics (a search query): `v` = Embed() of it, and
  // its nearest clauses by `v` as (score, topics); returns v with the topic
  // channel inferred from them as EmbedBatch does (v unchanged if none has
  // topics).
  std::vector<float> WithInferredTopics(
      std::vector<float> v,
      const std::vector<std::pair<float, std::vector<std::string>>>& nearest) const;

  // Row-major n x dim() matrix; topics of clauses without any are inferred
  // from the batch (ClauseVectorOptions::infer_k), so a row depends on the
  // other rows of its batch.
  std::vector<float> EmbedBatch(const std::vector<ClauseText>& clauses) const;

  const ClauseVectorOptions& options() const { return options_; }

 private:
  // Text channel of `clause` into out[0, embedder.dim()), unit length.
  void TextInto(const ClauseText& clause, float* out) const;
  // Topic channel (unnormalised weights, one per taxonomy id); false if none known.
  bool TopicsInto(const ClauseText& clause, float* out) const;
  // Fills the topic channel of rows without topics (has[i] false) from their
  // nearest rows with topics, and smooths the others' (topic_smoothing);
  // rows are n x dim(), channels not yet combined.
  void InferTopics(const std::vector<char>& has, std::vector<float>* rows) const;

  Embedder embedder_;
  ClauseVectorOptions options_;
};

}  // namespace charter
