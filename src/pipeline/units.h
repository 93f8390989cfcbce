// units.h — the units `charter search` and `charter similar` embed: a
// document's principle-worthy clauses when its language has extraction
// rules, else every "text" provision, each with its article caption as
// context.
//
// Thread-safe: as Pipeline.
//
//   std::string note;
//   Result<std::vector<EmbedUnit>> units = DocumentUnits(pipeline, doc, true, &note);
//   Result<SearchIndex> si = IndexUnits(embedder, std::move(*units));
//   Result<std::vector<Neighbor>> hits = SearchUnits(embedder, *si, "freedom of the press", 5);
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "embed/clause_vectors.h"
#include "embed/index.h"
#include "embed/search_index.h"
#include "pipeline/convert.h"
#include "pipeline/stages.h"

namespace charter {

// The units of one document. `principles_only`: clauses the extractor marks
// principle-worthy; for a language without extraction rules every text
// unit, and `note` says so ("" otherwise).
Result<std::vector<EmbedUnit>> DocumentUnits(Pipeline& pipeline, const DocumentInput& doc,
                                             bool principles_only, std::string* note);

// The units embedded and indexed (`charter search` over documents).
Result<SearchIndex> IndexUnits(const ClauseEmbedder& emb, std::vector<EmbedUnit> units);

// The `k` units nearest `query`, best first. With a topic channel the query,
// which has no topics of its own, takes them from its nearest units by
// wording first (ClauseEmbedder::WithInferredTopics).
Result<std::vector<Neighbor>> SearchUnits(const ClauseEmbedder& emb, const SearchIndex& si,
                                          const std::string& query, int k);

// For each unit, its `k` nearest units of other documents scoring at least
// `min_score`, best first (`charter similar`): one batched search per
// document, asking for enough that k remain after dropping its own.
Result<std::vector<std::vector<Neighbor>>> SimilarUnits(const ClauseEmbedder& emb,
                                                        const std::vector<EmbedUnit>& units, int k,
                                                        float min_score);

}  // namespace charter
