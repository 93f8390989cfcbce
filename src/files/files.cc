#include "files/files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/io.h"
#include "core/rule_file.h"
#include "embed/model.h"

namespace charter {

namespace fs = std::filesystem;

Result<RuleTexts> ReadRuleFolder(const std::string& rules_root, const std::string& lang) {
  RuleTexts out;
  std::error_code ec;
  if (!fs::is_directory(rules_root, ec)) return NotFound(rules_root + ": rules folder not found");
  std::string lang_dir = (fs::path(rules_root) / lang).string();
  if (!fs::is_directory(lang_dir, ec))
    return NotFound(lang_dir + ": no rules for language '" + lang + "'");
  auto add_dir = [&](const std::string& dir, const std::string& prefix) -> Status {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (!e.is_regular_file()) continue;
      std::string ext = e.path().extension().string();
      if (ext == ".tsv" || ext == ".txt") names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      auto bytes = ReadFile((fs::path(dir) / n).string());
      if (!bytes) return std::unexpected(bytes.error());
      out[prefix + n] = std::move(*bytes);
    }
    return {};
  };
  if (auto st = add_dir(rules_root, ""); !st) return std::unexpected(st.error());
  if (auto st = add_dir(lang_dir, lang + "/"); !st) return std::unexpected(st.error());
  return out;
}

std::vector<std::string> AvailableLanguages(const std::string& rules_root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(rules_root, ec))
    if (e.is_directory()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
std::string FindNextToExe(const char* env, const std::string& leaf) {
  if (const char* v = std::getenv(env); v && *v) return v;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      fs::path candidate = dir / leaf;
      if (fs::is_directory(candidate / "en", ec) || fs::exists(candidate / "MANIFEST.json", ec) ||
          fs::exists(candidate / "manifest.json", ec))
        return candidate.string();
    }
  }
  return (fs::path(CHARTER_SOURCE_DIR) / leaf).string();
}
}  // namespace

std::string DefaultRulesRoot() { return FindNextToExe("CHARTER_RULES", "rules"); }
std::string DefaultModelsRoot() { return FindNextToExe("CHARTER_MODELS", "models"); }

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
