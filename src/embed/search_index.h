// search_index.h — the search-index file of `charter search --save-index`:
// the units searched (citation, lines, text, context, topics) and their
// vector index, in one file.
//
// Format: "CHARSRCH" magic, u32 version (2), u32 vector dim, u64 JSON
// length, the JSON list of units, then a VectorIndex file (index.h).
// Version 1 files (text-only vectors) are refused with a message to rebuild.
// Errors name the file and what is wrong ("x.idx: truncated (unit list cut
// short)").
//
// Thread-safe: pure functions.
//
//   Result<std::string> bytes = SaveSearchIndex(units, index);
//   Result<SearchIndex> back = LoadSearchIndex(*bytes, "press.idx");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "embed/clause_vectors.h"
#include "embed/index.h"

namespace charter {

// One unit searched: a clause (or a text provision) of a document.
struct EmbedUnit {
  std::string doc;
  std::string cite;
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  std::string text;
  std::string context;              // the article caption, "" if none
  std::vector<std::string> topics;  // extracted topic ids (principle clauses only)
};

// What ClauseEmbedder embeds: text, context and topics of each unit.
std::vector<ClauseText> ClauseTextsOf(const std::vector<EmbedUnit>& units);

struct SearchIndex {
  std::vector<EmbedUnit> units;
  VectorIndex index;
};

Result<std::string> SaveSearchIndex(const std::vector<EmbedUnit>& units, const VectorIndex& index);
Result<SearchIndex> LoadSearchIndex(const std::string& bytes, const std::string& name);
// Whether a file's first bytes are a search index's magic.
bool HasSearchIndexMagic(std::string_view head);

}  // namespace charter
