#include "cli/convert_inputs.h"

#include <CLI/CLI.hpp>
#include <filesystem>

#include "core/io.h"
#include "core/rule_file.h"
#include "files/files.h"
#include "merge/principle_io.h"

namespace charter::cli {

std::string ThresholdDefault(const std::string& name) {
  static const Result<Thresholds> shipped = ReadThresholds(DefaultRulesRoot());
  std::string value;
  if (shipped)
    for (const ReportThreshold& t : ThresholdList(*shipped, "all"))
      if (t.name == name) value = t.value + ", ";
  return " (default: " + value + name + " of rules/thresholds.tsv)";
}

void AddConvertSettingsOptions(CLI::App* sub, ConvertSettings* settings) {
  sub->add_option("--lang", settings->lang, "Language of the rules (default: detected)");
  sub->add_option("--rules", settings->rules_root, "Rules folder");
  sub->add_option("--models", settings->models_root, "Models folder");
  sub->add_option("--system-chat", settings->system_chat_path,
                  "JSON with few-shot dialogues for cai.json's system_chat");
  auto weight = [&](const char* name, std::optional<float>* value, const std::string& what) {
    sub->add_option(name, *value, what)->check(CLI::Range(0.0f, 1.0f));
  };
  weight("--duplicate", &settings->duplicate,
         "Cosine at which a principle repeats a base principle" +
             ThresholdDefault("country.duplicate"));
  weight("--similar", &settings->similar,
         "Cosine at which it becomes a merge candidate" + ThresholdDefault("country.similar"));
  weight("--combine", &settings->combine,
         "Cosine for combining the country's own similar principles" +
             ThresholdDefault("country.combine"));
  weight(
      "--lexical", &settings->lexical,
      "Weight of shared words (TF-IDF) in every similarity" + ThresholdDefault("country.lexical"));
  weight("--topical", &settings->topical,
         "Weight of shared topics when combining the country's principles" +
             ThresholdDefault("country.topical"));
  sub->add_option(
      "--max-chars", settings->max_chars,
      "Longest combined principle (bytes; 0: no limit)" + ThresholdDefault("country.max_chars"));
}

PipelineOptions PipelineFor(const std::string& lang, const std::string& rules) {
  return {.lang = lang, .rules = RuleFolder(RulesRoot(rules)), .format = ""};
}

Result<Document> LoadFile(Pipeline& pipeline, const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  return pipeline.Load(*bytes, path);
}

std::string RulesRoot(const std::string& given) {
  return given.empty() ? DefaultRulesRoot() : given;
}

std::string ModelsRoot(const std::string& given) {
  return given.empty() ? DefaultModelsRoot() : given;
}

Result<Thresholds> SettingsThresholds(const ConvertSettings& s) {
  Result<Thresholds> t = ReadThresholds(RulesRoot(s.rules_root));
  if (!t) return t;
  MergeOptions& c = t->country;
  if (s.duplicate) c.duplicate = *s.duplicate;
  if (s.similar) c.similar = *s.similar;
  if (s.combine) c.combine = *s.combine;
  if (s.lexical) c.lexical = *s.lexical;
  if (s.topical) c.topical = *s.topical;
  if (s.max_chars) c.max_chars = *s.max_chars;
  if (s.global_threshold) t->global.threshold = *s.global_threshold;
  return t;
}

Result<std::vector<Principle>> ReadBase(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  return ParseBaseConstitution(*bytes, path);
}

Result<std::vector<Decision>> ReadDecisions(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  return ParseDecisions(*bytes, path);
}

Result<std::shared_ptr<ConvertContext>> OpenConvertContext(const ConvertSettings& s) {
  ConvertInputs in;
  in.lang = s.lang;
  in.rules = RuleFolder(RulesRoot(s.rules_root));
  if (!s.base_path.empty()) {
    auto base = ReadBase(s.base_path);
    if (!base) return std::unexpected(base.error());
    in.base = std::move(*base);
    in.base_name = std::filesystem::path(s.base_path).filename().string();
  }
  if (!s.decisions_path.empty()) {
    auto d = ReadDecisions(s.decisions_path);
    if (!d) return std::unexpected(d.error());
    in.decisions = std::move(*d);
  }
  if (!s.system_chat_path.empty()) {
    auto bytes = ReadFile(s.system_chat_path);
    if (!bytes) return std::unexpected(bytes.error());
    auto chat = ParseSystemChat(*bytes, s.system_chat_path);
    if (!chat) return std::unexpected(chat.error());
    in.system_chat = std::move(*chat);
  }
  auto thresholds = SettingsThresholds(s);
  if (!thresholds) return std::unexpected(thresholds.error());
  in.thresholds = std::move(*thresholds);
  auto model = ReadModelFiles(ModelsRoot(s.models_root));
  if (!model) return std::unexpected(model.error());
  in.model = std::move(*model);
  return ConvertContext::Create(std::move(in));
}

}  // namespace charter::cli
