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
constexpr uint32_t kSearchVersion = 2;
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
    bool extracted = false;
    std::vector<Clause> clauses;
    if (principles_only) {
      auto ex = pipeline.ExtractorFor(doc->lang);
      if (ex) {
        clauses = (*ex)->Extract(*units);
        extracted = true;
      }
      if (!extracted) {
        std::cerr << "charter: " << f << ": no extraction rules for '" << doc->lang
                  << "'; using every text unit\n";
      }
    }
    // Context: the caption of the article record a unit follows.
    if (extracted) {
      const std::vector<ClauseText> cts = ClauseTexts(clauses);
      for (size_t i = 0; i < clauses.size(); ++i) {
        const Provision& p = clauses[i].unit;
        if (!clauses[i].principle || p.type != "text") continue;
        out.push_back(
            {p.doc, p.cite, p.line_start, p.line_end, p.text, cts[i].context, cts[i].topics});
      }
      continue;
    }
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
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<EmbedUnit>& units) {
  std::vector<std::string> t;
  t.reserve(units.size());
  for (const auto& u : units) t.push_back(u.text);
  return t;
}

std::vector<ClauseText> ClauseTextsOf(const std::vector<EmbedUnit>& units) {
  std::vector<ClauseText> out;
  out.reserve(units.size());
  for (const auto& u : units) out.push_back({u.text, u.context, u.topics});
  return out;
}

Result<Embedder> LoadEmbedder(const std::string& dir) {
  auto files = ReadModelFiles(dir.empty() ? DefaultModelsRoot() : dir);
  if (!files) return std::unexpected(files.error());
  return Embedder::Load(*files);
}

Result<ClauseEmbedder> LoadClauseEmbedder(const Pipeline& pipeline, const std::string& models_dir,
                                          bool text_only) {
  auto emb = LoadEmbedder(models_dir);
  if (!emb) return std::unexpected(emb.error());
  ClauseVectorOptions o;
  if (text_only) {
    o.context_weight = 0;
    o.infer_k = 0;
    return ClauseEmbedder(std::move(*emb), std::move(o));
  }
  const std::string taxonomy = pipeline.options().rules_root + "/topics.tsv";
  if (std::filesystem::exists(taxonomy)) {
    auto bytes = ReadFile(taxonomy);
    if (!bytes) return std::unexpected(bytes.error());
    o.taxonomy = ParseTopicTaxonomy(*bytes);
  }
  return ClauseEmbedder(std::move(*emb), std::move(o));
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

}  // namespace charter::cli
