// convert_job.h — CLI glue shared by `charter convert`, `bulk`, `merge` and
// `diff`: one document through the whole pipeline (load, segment, extract,
// rewrite, merge with the base) and every output file of a run rendered in
// memory first, then written with WriteFileAtomic — so an error leaves no
// half-written output folder.
//
// I/O and orchestration only; the library stages never see paths.
// Thread-safe: a ConvertContext may be shared by bulk's worker threads (the
// per-language caches are locked; Embedder, Rewriter and ConflictRules are
// immutable).
//
//   auto ctx = ConvertContext::Create({.base_path = "base.jsonl"});
//   auto run = ctx->Convert("ken.txt", "ken");
//   Status st = WriteOutputs("out/ken", run->files);
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "core/error.h"
#include "core/types.h"
#include "embed/embedder.h"
#include "merge/conflict.h"
#include "merge/decisions.h"
#include "merge/merge.h"
#include "rewrite/rewrite.h"

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
  // Similarity weights and thresholds (MergeOptions). Against the base:
  // embedding 0.75 + term coverage 0.25; >= 0.70 is a duplicate, >= 0.27 a
  // merge candidate when the two share an idea (MergeTools::ideas): of 50
  // candidates judged at 0.25 (bench/judgments/candidates-128da57.tsv), 84%
  // were worth accepting or editing, 91% of the 44 at 0.27 or above (the
  // four left out were all rejects). A country's principles are not combined among
  // themselves (combine above 1: off): they are
  // already one per family of ideas (Rewriter::Convert), and combining by
  // embedding kept some members' words only, losing the others' ideas.
  // Nor are they cut (max_chars 0): validation bounds their length.
  float duplicate = 0.70f;
  float similar = 0.27f;
  float combine = 2.0f;
  float lexical = 0.25f;  // MergeOptions::lexical
  float topical = 0.40f;  // MergeOptions::topical
  size_t max_chars = 0;   // MergeOptions::max_chars
};

// Adds the options `convert` and `bulk` share (--lang, --rules, --models,
// --system-chat and the similarity weights and thresholds) to a subcommand.
void AddConvertSettingsOptions(CLI::App* sub, ConvertSettings* settings);

// What one converted document produced.
struct ConvertRun {
  std::string name;  // country / document name
  MergePlan plan;
  std::map<std::string, std::string> files;  // output file name -> bytes
};

class ConvertContext {
 public:
  // Reads the base, the decisions, the models and the system chat once.
  // Errors name the file (and line).
  static Result<std::shared_ptr<ConvertContext>> Create(const ConvertSettings& settings);

  // One document -> its principles and the clauses that became none
  // (Rewriter::Convert; no merge). If `lang` is given it receives the
  // document's language.
  Result<Conversion> ConvertDocument(const std::string& path, std::string* lang = nullptr);
  // The principles alone. For `diff`.
  Result<std::vector<Principle>> Principles(const std::string& path, std::string* lang = nullptr);

  // One document through the pipeline and the merge, outputs rendered.
  // `path` "" converts an empty set (the base alone).
  Result<ConvertRun> Convert(const std::string& path, const std::string& name);

  // Merge an already rewritten principle set (e.g. a principles.jsonl);
  // `unconverted` goes into the report as it is.
  // Error: the merge tools of `lang` cannot be built (its rules are missing
  // or bad).
  Result<ConvertRun> MergeSet(const std::vector<Principle>& principles, const std::string& name,
                              const std::string& lang, std::vector<Unconverted> unconverted = {});

  // Tools for the merge stage for `lang` (embedding, Rewriter::Combine,
  // clustering, conflict rules). Error if the rewrite rules of `lang` fail.
  Result<MergeTools> Tools(const std::string& lang);

  const ConvertSettings& settings() const { return settings_; }
  const std::vector<Principle>& base() const { return base_; }
  Pipeline& pipeline() { return *pipeline_; }
  const std::string& system_chat() const { return system_chat_; }

 private:
  // Create's halves: the pipeline, base, decisions and system chat (read
  // while the model loads), and the base's ideas and vectors (once it has).
  Status ReadInputs();
  void BaseVectors();

  ConvertSettings settings_;
  std::unique_ptr<Pipeline> pipeline_;
  std::vector<Principle> base_;
  std::string base_name_;
  std::vector<Decision> decisions_;
  std::string system_chat_;  // JSON array text
  std::shared_ptr<const Embedder> embedder_;
  // Vectors of the base principles' cores, computed once: every document of
  // a bulk run compares against the same base. Immutable after Create.
  std::shared_ptr<const std::map<std::string, std::vector<float>>> base_vectors_;
  // The base principles' ideas and idea terms (MergeTools::idea, ::terms) by
  // principle text, computed once for the same reason. Immutable after Create.
  struct Ideas {
    std::string text;
    std::vector<std::string> terms;
    std::vector<std::string> coded;  // MergeTools::ideas: the inventory's ideas it states
  };
  std::shared_ptr<const std::map<std::string, Ideas>> base_ideas_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Rewriter>> rewriters_;
  std::map<std::string, std::shared_ptr<const ConflictRules>> conflicts_;
};

// Every output of a country merge, by file name: principles.jsonl,
// constitution.jsonl, constitution.md, report.md, report.html, report.json,
// cai.json, langchain.json, decisions.template.tsv.
std::map<std::string, std::string> RenderCountryOutputs(const MergePlan& plan,
                                                        const std::string& system_chat);

// Writes `files` into `dir` so that a run killed at any point (kill -9)
// leaves no half-written file under a final name. A folder that does not
// exist yet is written whole under a temporary name beside it
// (".NAME.partial.PID") and renamed into place, so it appears complete or not
// at all; into an existing folder each file is written atomically
// (WriteFileAtomic), and temporary files a killed run left there are removed.
// `replace`: an existing folder is replaced as a whole, the same way (for
// bulk's own per-document folders). Creates the parents of `dir`.
Status WriteOutputs(const std::string& dir, const std::map<std::string, std::string>& files,
                    bool replace = false);

// "ken" from "corpora/constitutions/en/ken.txt".
std::string DocumentName(const std::string& path);

}  // namespace charter::cli
