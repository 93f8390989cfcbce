// embed_units.cc — units, models and search-index files for search/similar.
#include "cli/embed_units.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/io.h"
#include "core/rule_file.h"
#include "extract/extract.h"

namespace charter::cli {

namespace {
constexpr char kSearchMagic[8] = {'C', 'H', 'A', 'R', 'S', 'R', 'C', 'H'};
constexpr uint32_t kSearchVersion = 1;
}  // namespace

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    if (std::filesystem::is_directory(in)) {
      auto list = ListFiles(in, {".txt", ".md", ".html", ".htm"});
      if (!list) return std::unexpected(list.error());
      out.insert(out.end(), list->begin(), list->end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

Result<std::vector<EmbedUnit>> CollectUnits(Pipeline& pipeline,
                                            const std::vector<std::string>& files,
                                            bool principles_only) {
  std::vector<EmbedUnit> out;
  for (const auto& f : files) {
    auto doc = pipeline.Load(f);
    if (!doc) return std::unexpected(doc.error());
    auto units = pipeline.Segment(*doc);
    if (!units) return std::unexpected(units.error());
    std::vector<const Provision*> keep;
    bool extracted = false;
    std::vector<Clause> clauses;
    if (principles_only) {
      auto rules = pipeline.Rules(doc->lang);
      if (rules) {
        auto ex = Extractor::Create(*rules, doc->lang);
        if (ex) {
          clauses = ex->Extract(*units);
          extracted = true;
          for (const auto& c : clauses) {
            if (c.principle && c.unit.type == "text") keep.push_back(&c.unit);
          }
        }
      }
      if (!extracted) {
        std::cerr << "charter: " << f << ": no extraction rules for '" << doc->lang
                  << "'; using every text unit\n";
      }
    }
    if (!extracted) {
      for (const auto& u : *units) {
        if (u.type == "text") keep.push_back(&u);
      }
    }
    for (const Provision* p : keep) {
      out.push_back({p->doc, p->cite, p->line_start, p->line_end, p->text});
    }
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<EmbedUnit>& units) {
  std::vector<std::string> t;
  t.reserve(units.size());
  for (const auto& u : units) t.push_back(u.text);
  return t;
}

Result<Embedder> LoadEmbedder(const std::string& dir) {
  auto files = ReadModelFiles(dir.empty() ? DefaultModelsRoot() : dir);
  if (!files) return std::unexpected(files.error());
  return Embedder::Load(*files);
}

Result<std::string> SaveSearchIndex(const std::vector<EmbedUnit>& units, const VectorIndex& index) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& u : units) {
    j.push_back({{"doc", u.doc},
                 {"cite", u.cite},
                 {"line_start", u.line_start},
                 {"line_end", u.line_end},
                 {"text", u.text}});
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

bool LooksLikeSearchIndex(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, 8);
  return in.gcount() == 8 && std::memcmp(head, kSearchMagic, 8) == 0;
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
                      " (expected " + std::to_string(kSearchVersion) + ")");
  }
  if (len > bytes.size() - 24) return Corruption(name + ": truncated (unit list cut short)");
  auto j = nlohmann::json::parse(bytes.substr(24, len), nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Corruption(name + ": unit list is not valid JSON");
  SearchIndex si;
  for (const auto& u : j) {
    if (!u.is_object()) return Corruption(name + ": unit list entry is not an object");
    si.units.push_back({u.value("doc", ""), u.value("cite", ""), u.value("line_start", 0u),
                        u.value("line_end", 0u), u.value("text", "")});
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

}  // namespace charter::cli
