#include "embed/search_index.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace charter {

namespace {
constexpr char kSearchMagic[8] = {'C', 'H', 'A', 'R', 'S', 'R', 'C', 'H'};
constexpr uint32_t kSearchVersion = 2;
}  // namespace

std::vector<ClauseText> ClauseTextsOf(const std::vector<EmbedUnit>& units) {
  std::vector<ClauseText> out;
  out.reserve(units.size());
  for (const auto& u : units) out.push_back({u.text, u.context, u.topics});
  return out;
}

bool HasSearchIndexMagic(std::string_view head) {
  return head.size() >= 8 && std::memcmp(head.data(), kSearchMagic, 8) == 0;
}

Result<std::string> SaveSearchIndex(const std::vector<EmbedUnit>& units, const VectorIndex& index) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& u : units) {
    j.push_back({{"doc", u.doc},
                 {"cite", u.cite},
                 {"line_start", u.line_start},
                 {"line_end", u.line_end},
                 {"text", u.text},
                 {"context", u.context},
                 {"topics", u.topics}});
  }
  std::string meta = j.dump();
  auto idx = index.Save();
  if (!idx) return std::unexpected(idx.error());
  std::string out(kSearchMagic, 8);
  uint32_t u32[2] = {kSearchVersion, static_cast<uint32_t>(index.dim())};
  uint64_t len = meta.size();
  out.append(reinterpret_cast<const char*>(u32), 8);
  out.append(reinterpret_cast<const char*>(&len), 8);
  out += meta;
  out += *idx;
  return out;
}

Result<SearchIndex> LoadSearchIndex(const std::string& bytes, const std::string& name) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSearchMagic, 8) != 0) {
    return Corruption(name + ": not a Charter search index (bad magic)");
  }
  if (bytes.size() < 24)
    return Corruption(name + ": truncated (" + std::to_string(bytes.size()) + " bytes)");
  uint32_t u32[2];
  uint64_t len;
  std::memcpy(u32, bytes.data() + 8, 8);
  std::memcpy(&len, bytes.data() + 16, 8);
  if (u32[0] != kSearchVersion) {
    return Corruption(name + ": unsupported search index version " + std::to_string(u32[0]) +
                      " (expected " + std::to_string(kSearchVersion) +
                      "; rebuild it with --save-index)");
  }
  if (len > bytes.size() - 24) return Corruption(name + ": truncated (unit list cut short)");
  auto j = nlohmann::json::parse(bytes.substr(24, len), nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Corruption(name + ": unit list is not valid JSON");
  SearchIndex si;
  for (const auto& u : j) {
    if (!u.is_object()) return Corruption(name + ": unit list entry is not an object");
    std::vector<std::string> topics;
    if (auto t = u.find("topics"); t != u.end() && t->is_array()) {
      for (const auto& x : *t) {
        if (!x.is_string()) return Corruption(name + ": unit topic is not a string");
        topics.push_back(x.get<std::string>());
      }
    }
    // A field of the wrong type ("doc": [..]) is a corrupt file, not an
    // uncaught nlohmann::type_error (found by fuzz_search_index).
    for (const char* k : {"doc", "cite", "text", "context"})
      if (auto f = u.find(k); f != u.end() && !f->is_string())
        return Corruption(name + ": unit \"" + k + "\" is not a string");
    for (const char* k : {"line_start", "line_end"})
      if (auto f = u.find(k); f != u.end() && !f->is_number_unsigned())
        return Corruption(name + ": unit \"" + k + "\" is not a line number");
    si.units.push_back({u.value("doc", ""), u.value("cite", ""), u.value("line_start", 0u),
                        u.value("line_end", 0u), u.value("text", ""), u.value("context", ""),
                        std::move(topics)});
  }
  auto idx = VectorIndex::Load(std::string_view(bytes).substr(24 + len), name);
  if (!idx) return std::unexpected(idx.error());
  if (idx->size() != static_cast<int64_t>(si.units.size()) ||
      static_cast<uint32_t>(idx->dim()) != u32[1]) {
    return Corruption(name + ": " + std::to_string(si.units.size()) + " units but " +
                      std::to_string(idx->size()) + " vectors");
  }
  si.index = std::move(*idx);
  return si;
}

}  // namespace charter
