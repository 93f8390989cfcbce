#include "cli/embed_units.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/io.h"
#include "core/rule_file.h"
#include "files/files.h"
#include "pipeline/units.h"

namespace charter::cli {

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
    auto bytes = ReadFile(f);
    if (!bytes) return std::unexpected(bytes.error());
    std::string note;
    auto units = DocumentUnits(pipeline, {f, std::move(*bytes)}, principles_only, &note);
    if (!units) return std::unexpected(units.error());
    if (!note.empty()) std::cerr << "charter: " << note << "\n";
    out.insert(out.end(), std::make_move_iterator(units->begin()),
               std::make_move_iterator(units->end()));
  }
  return out;
}

Result<ClauseEmbedder> LoadClauseEmbedder(const Pipeline& pipeline, const std::string& models_dir,
                                          bool text_only) {
  auto files = ReadModelFiles(models_dir.empty() ? DefaultModelsRoot() : models_dir);
  if (!files) return std::unexpected(files.error());
  auto emb = Embedder::Load(*files);
  if (!emb) return std::unexpected(emb.error());
  ClauseVectorOptions o;
  if (text_only) {
    o.context_weight = 0;
    o.infer_k = 0;
    return ClauseEmbedder(std::move(*emb), std::move(o));
  }
  const std::string taxonomy = pipeline.options().rules.root + "/topics.tsv";
  if (std::filesystem::exists(taxonomy)) {
    auto bytes = ReadFile(taxonomy);
    if (!bytes) return std::unexpected(bytes.error());
    o.taxonomy = ParseTopicTaxonomy(*bytes);
  }
  return ClauseEmbedder(std::move(*emb), std::move(o));
}

bool LooksLikeSearchIndex(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, 8);
  return in.gcount() == 8 && HasSearchIndexMagic(std::string_view(head, 8));
}

}  // namespace charter::cli
