// embed_units.h — CLI glue shared by `charter search` and `charter similar`:
// the units of a set of documents (principle-worthy clauses when extraction
// works for the document's language, else every "text" provision), their
// vectors, and the search-index file that bundles both.
//
// I/O and orchestration only; the library stages never see paths.
// Thread-safe: no shared state beyond the Pipeline's own lock.
//
//   auto units = CollectUnits(pipeline, {"constitutions/en"}, /*principles_only=*/true);
//   auto ce = LoadClauseEmbedder(pipeline, models_dir);
//   auto vecs = ce->EmbedBatch(ClauseTextsOf(*units));
#pragma once

#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "core/error.h"
#include "embed/clause_vectors.h"
#include "embed/embedder.h"
#include "embed/index.h"

namespace charter::cli {

struct EmbedUnit {
  std::string doc;
  std::string cite;
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  std::string text;
  std::string context;              // the article caption, "" if none
  std::vector<std::string> topics;  // extracted topic ids (principle clauses only)
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

// What ClauseEmbedder embeds: text, context and topics of each unit.
std::vector<ClauseText> ClauseTextsOf(const std::vector<EmbedUnit>& units);

// Reads and loads the models folder (default DefaultModelsRoot()).
Result<Embedder> LoadEmbedder(const std::string& dir);

// The embedder of search/similar: the models folder's Embedder with the
// topic channel of the pipeline's rules root (topics.tsv; no topic channel
// if the file is absent). `text_only`: Embed() vectors, no extra channels.
Result<ClauseEmbedder> LoadClauseEmbedder(const Pipeline& pipeline, const std::string& models_dir,
                                          bool text_only);

// Search-index file: "CHARSRCH" magic, u32 version (2), u32 vector dim, u64
// JSON length, JSON list of units (with their topics), then a VectorIndex
// file (index.h). Version 1 files (text-only vectors) are refused with a
// message to rebuild.
Result<std::string> SaveSearchIndex(const std::vector<EmbedUnit>& units, const VectorIndex& index);
struct SearchIndex {
  std::vector<EmbedUnit> units;
  VectorIndex index;
};
Result<SearchIndex> LoadSearchIndex(const std::string& bytes, const std::string& name);
bool LooksLikeSearchIndex(const std::string& path);

}  // namespace charter::cli
