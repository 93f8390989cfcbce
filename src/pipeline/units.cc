#include "pipeline/units.h"

#include <algorithm>
#include <map>

namespace charter {

Result<std::vector<EmbedUnit>> DocumentUnits(Pipeline& pipeline, const DocumentInput& input,
                                             bool principles_only, std::string* note) {
  note->clear();
  auto doc = pipeline.Load(input.bytes, input.name);
  if (!doc) return std::unexpected(doc.error());
  auto units = pipeline.Segment(*doc);
  if (!units) return std::unexpected(units.error());
  std::vector<EmbedUnit> out;
  if (principles_only) {
    if (auto ex = pipeline.ExtractorFor(doc->lang)) {
      const std::vector<Clause> clauses = (*ex)->Extract(*units);
      const std::vector<ClauseText> cts = ClauseTexts(clauses);
      for (size_t i = 0; i < clauses.size(); ++i) {
        const Provision& p = clauses[i].unit;
        if (!clauses[i].principle || p.type != "text") continue;
        out.push_back(
            {p.doc, p.cite, p.line_start, p.line_end, p.text, cts[i].context, cts[i].topics});
      }
      return out;
    }
    *note = input.name + ": no extraction rules for '" + doc->lang + "'; using every text unit";
  }
  // Context: the caption of the article record a unit follows.
  std::string caption;
  for (const Provision& p : *units) {
    if (p.type == "article") caption = p.caption;
    if (p.type != "text") continue;
    out.push_back({p.doc,
                   p.cite,
                   p.line_start,
                   p.line_end,
                   p.text,
                   p.caption.empty() ? caption : p.caption,
                   {}});
  }
  return out;
}

Result<SearchIndex> IndexUnits(const ClauseEmbedder& emb, std::vector<EmbedUnit> units) {
  auto vecs = emb.EmbedBatch(ClauseTextsOf(units));
  auto idx = VectorIndex::Build(vecs, emb.dim());
  if (!idx) return std::unexpected(idx.error());
  return SearchIndex{std::move(units), std::move(*idx)};
}

Result<std::vector<Neighbor>> SearchUnits(const ClauseEmbedder& emb, const SearchIndex& si,
                                          const std::string& query, int k) {
  std::vector<float> q = emb.Embed({query, "", {}});
  if (!emb.options().taxonomy.empty() && emb.options().infer_k > 0) {
    auto first = si.index.Search(q, emb.options().infer_k);
    if (!first) return std::unexpected(first.error());
    std::vector<std::pair<float, std::vector<std::string>>> nearest;
    for (const auto& h : *first)
      nearest.push_back({h.score, si.units[static_cast<size_t>(h.id)].topics});
    q = emb.WithInferredTopics(std::move(q), nearest);
  }
  return si.index.Search(q, k);
}

Result<std::vector<std::vector<Neighbor>>> SimilarUnits(const ClauseEmbedder& emb,
                                                        const std::vector<EmbedUnit>& units, int k,
                                                        float min_score) {
  const auto vecs = emb.EmbedBatch(ClauseTextsOf(units));
  auto idx = VectorIndex::Build(vecs, emb.dim());
  if (!idx) return std::unexpected(idx.error());
  const size_t d = static_cast<size_t>(emb.dim());
  std::map<std::string, std::vector<size_t>> rows_of;
  for (size_t i = 0; i < units.size(); ++i) rows_of[units[i].doc].push_back(i);
  std::vector<std::vector<Neighbor>> hits_of(units.size());
  for (const auto& [doc, rows] : rows_of) {
    std::vector<float> queries(rows.size() * d);
    for (size_t r = 0; r < rows.size(); ++r) std::copy_n(&vecs[rows[r] * d], d, &queries[r * d]);
    auto hits = idx->SearchBatch(queries, k + static_cast<int>(rows.size()));
    if (!hits) return std::unexpected(hits.error());
    for (size_t r = 0; r < rows.size(); ++r) hits_of[rows[r]] = std::move((*hits)[r]);
  }
  for (size_t i = 0; i < units.size(); ++i) {
    std::vector<Neighbor> kept;
    for (const Neighbor& h : hits_of[i]) {
      if (units[static_cast<size_t>(h.id)].doc == units[i].doc || h.score < min_score) continue;
      kept.push_back(h);
      if (static_cast<int>(kept.size()) >= k) break;
    }
    hits_of[i] = std::move(kept);
  }
  return hits_of;
}

}  // namespace charter
