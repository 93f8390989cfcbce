// embed_units.h — CLI glue shared by `charter search` and `charter similar`:
// the units of a set of documents (principle-worthy clauses when extraction
// works for the document's language, else every "text" provision), their
// vectors, and the search-index file that bundles both.
//
// I/O and orchestration only; the library stages never see paths.
// Thread-safe: no shared state beyond the Pipeline's own lock.
//
//   auto units = CollectUnits(pipeline, {"constitutions/en"}, /*principles_only=*/true);
//   auto emb = LoadEmbedder(models_dir);
//   auto vecs = emb->EmbedBatch(Texts(*units));
#pragma once

#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "core/error.h"
#include "embed/embedder.h"
#include "embed/index.h"

namespace charter::cli {

struct EmbedUnit {
  std::string doc;
  std::string cite;
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  std::string text;
};

// Expands folders (.txt .md .html .htm files, sorted) and keeps files as given.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs);

// Units of every file. `principles_only`: clauses the extractor marks
// principle-worthy (falls back to all text units for a language without
// extraction rules, with a note on stderr).
Result<std::vector<EmbedUnit>> CollectUnits(Pipeline& pipeline,
                                            const std::vector<std::string>& files,
                                            bool principles_only);

std::vector<std::string> Texts(const std::vector<EmbedUnit>& units);

// Reads and loads the models folder (default DefaultModelsRoot()).
Result<Embedder> LoadEmbedder(const std::string& dir);

// Search-index file: "CHARSRCH" magic, u32 version, u32 model dim, u64 JSON
// length, JSON list of units, then a VectorIndex file (index.h).
Result<std::string> SaveSearchIndex(const std::vector<EmbedUnit>& units, const VectorIndex& index);
struct SearchIndex {
  std::vector<EmbedUnit> units;
  VectorIndex index;
};
Result<SearchIndex> LoadSearchIndex(const std::string& bytes, const std::string& name);
bool LooksLikeSearchIndex(const std::string& path);

}  // namespace charter::cli
