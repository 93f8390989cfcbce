// embed_units.h — what `charter search` and `charter similar` read: the
// documents of their inputs as units (pipeline/units.h), and the models and
// topics behind their vectors.
//
// Thread-safe: no shared state beyond the Pipeline's own lock.
//
//   auto units = CollectUnits(pipeline, {"constitutions/en/ken.txt"}, /*principles_only=*/true);
//   auto ce = LoadClauseEmbedder(pipeline, models_dir, /*text_only=*/false);
//   auto vecs = ce->EmbedBatch(ClauseTextsOf(*units));
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "embed/clause_vectors.h"
#include "embed/search_index.h"
#include "pipeline/stages.h"
#include "files/files.h"

namespace charter::cli {

// Expands folders (.txt .md .html .htm files, sorted) and keeps files as given.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs);

// Units of every file (DocumentUnits), with its note on stderr.
Result<std::vector<EmbedUnit>> CollectUnits(Pipeline& pipeline,
                                            const std::vector<std::string>& files,
                                            bool principles_only);

// The embedder of search/similar: the models folder's (default
// DefaultModelsRoot()) with the topic channel of the pipeline's rules
// (topics.tsv; none if the file is absent). `text_only`: Embed() vectors, no
// extra channels.
Result<ClauseEmbedder> LoadClauseEmbedder(const Pipeline& pipeline, const std::string& models_dir,
                                          bool text_only);

// Whether `path` is a search-index file (by its magic).
bool LooksLikeSearchIndex(const std::string& path);

}  // namespace charter::cli
