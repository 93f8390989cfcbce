#include "files/files.h"

#include <filesystem>

#include "core/io.h"
#include "core/rule_file.h"
#include "embed/model.h"

namespace charter {

namespace fs = std::filesystem;

Result<ModelFiles> ReadModelFiles(const std::string& dir) {
  ModelFiles mf;
  mf.dir = dir;
  for (const char* name : {embed::kSpmFile, embed::kEmbFile, embed::kManifestFile}) {
    std::string path = dir + "/" + name;
    if (!fs::exists(path)) {
      return NotFound(path + ": model file not found (run `charter train` or pass --models)");
    }
    auto bytes = ReadFile(path, 256u << 20);
    if (!bytes) return std::unexpected(bytes.error());
    mf.files[name] = std::move(*bytes);
  }
  return mf;
}

Result<PolisExport> ReadPolisExport(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": not a folder");
  PolisExport out;
  out.dir = dir;
  auto read = [&](const char* name, PolisExport::File* f) -> Status {
    fs::path p = fs::path(dir) / name;
    f->path = p.string();
    if (!fs::exists(p, ec)) return {};
    Result<std::string> bytes = ReadFile(f->path);
    if (!bytes) return std::unexpected(bytes.error());
    f->bytes = std::move(*bytes);
    f->present = true;
    return {};
  };
  for (auto [name, file] : std::initializer_list<std::pair<const char*, PolisExport::File*>>{
           {"comments.csv", &out.comments},
           {"votes.csv", &out.votes},
           {"participants-votes.csv", &out.participants_votes},
           {"ids-to-toss.csv", &out.ids_to_toss},
           {"clean_comments.csv", &out.clean_comments},
           {"clean_votes.csv", &out.clean_votes},
           {"summary.csv", &out.summary}}) {
    if (Status st = read(name, file); !st) return std::unexpected(st.error());
  }
  if (!out.comments.present && !out.clean_comments.present)
    return NotFound(dir + ": no comments.csv or clean_comments.csv (not a Polis export)");
  return out;
}

RuleSource RuleFolder(const std::string& root) {
  return {root, [root] { return AvailableLanguages(root); },
          [root](const std::string& lang) { return ReadRuleFolder(root, lang); }};
}

Result<Thresholds> ReadThresholds(const std::string& rules_root) {
  const std::string path = (fs::path(rules_root) / kThresholdsFile).string();
  Result<std::string> bytes = ReadFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  return ParseThresholds(*bytes, path);
}

}  // namespace charter
