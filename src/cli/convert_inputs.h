// convert_inputs.h — what `convert`, `bulk`, `merge` and `diff` read before
// the pipeline runs: the base, the reviewer decisions, the system chat, the
// thresholds (rules/thresholds.tsv, with the command line's overrides) and
// the model files, handed to ConvertContext (pipeline/convert.h) as values.
//
//   ConvertSettings s{.base_path = "base.jsonl"};
//   auto ctx = OpenConvertContext(s);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "pipeline/convert.h"
#include "pipeline/thresholds.h"
#include "files/files.h"

namespace CLI {
class App;
}

namespace charter::cli {

struct ConvertSettings {
  std::string base_path;         // base constitution file; "" = no base
  std::string decisions_path;    // reviewer decisions; "" = none
  std::string lang;              // forced language; "" = detect
  std::string rules_root;        // "" = DefaultRulesRoot()
  std::string models_root;       // "" = DefaultModelsRoot()
  std::string system_chat_path;  // JSON file whose "system_chat" (or array) goes into cai.json
  // Overrides of rules/thresholds.tsv's country.* values; unset: the file's.
  std::optional<float> duplicate, similar, combine, lexical, topical;
  std::optional<size_t> max_chars;
  std::optional<float> global_threshold;  // global.threshold (merge --global's --threshold)
};

// Adds the options `convert` and `bulk` share (--lang, --rules, --models,
// --system-chat and the similarity weights and thresholds) to a subcommand.
void AddConvertSettingsOptions(CLI::App* sub, ConvertSettings* settings);

// The stages over the rules folder `rules` ("" = DefaultRulesRoot()).
PipelineOptions PipelineFor(const std::string& lang, const std::string& rules);
// Reads the file at `path` and loads it.
Result<Document> LoadFile(Pipeline& pipeline, const std::string& path);

// " (default: 0.27, country.similar of rules/thresholds.tsv)": an option's
// help names the shipped value it stands for (without it when unreadable).
std::string ThresholdDefault(const std::string& name);

std::string RulesRoot(const std::string& given);   // "" -> DefaultRulesRoot()
std::string ModelsRoot(const std::string& given);  // "" -> DefaultModelsRoot()

// rules/thresholds.tsv with the settings' overrides applied.
Result<Thresholds> SettingsThresholds(const ConvertSettings& settings);

// A base constitution file (any format ParseBaseConstitution reads).
Result<std::vector<Principle>> ReadBase(const std::string& path);
// A reviewer decisions file.
Result<std::vector<Decision>> ReadDecisions(const std::string& path);

// Reads the inputs (errors in this order: base, decisions, system chat,
// thresholds, model files) and creates the context. Errors name the file
// (and line).
Result<std::shared_ptr<ConvertContext>> OpenConvertContext(const ConvertSettings& settings);

}  // namespace charter::cli
