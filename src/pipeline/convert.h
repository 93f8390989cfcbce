// convert.h — one document through the whole pipeline (load, segment,
// extract, rewrite, merge with the base) and every output file of a country
// merge rendered in memory, from values: the document's bytes, the rule
// texts (RuleSource), the model files or a loaded embedder, the base, the
// reviewer decisions and the thresholds. The CLI reads the files and writes
// the outputs.
//
// The language policy lives here: a document in no language Charter has
// rules for (Thresholds::min_language_share), or in one without rewrite
// rules, is refused with a one-line error that says what to do.
//
// Thread-safe: a ConvertContext may be shared by bulk's worker threads (the
// per-language caches are locked; Embedder, Rewriter and ConflictRules are
// immutable).
//
//   auto ctx = ConvertContext::Create(std::move(inputs));
//   DocumentInput doc{"ken.txt", bytes};
//   auto run = (*ctx)->Convert(&doc, "ken");   // run->files: name -> bytes
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/types.h"
#include "embed/embedder.h"
#include "merge/conflict.h"
#include "merge/decisions.h"
#include "merge/merge.h"
#include "pipeline/stages.h"
#include "pipeline/thresholds.h"
#include "report/report.h"
#include "rewrite/rewrite.h"

namespace charter {

// One document: its bytes and the name that stands for it in messages and
// provenance (its path, as the user gave it).
struct DocumentInput {
  std::string name;
  std::string bytes;
};

struct ConvertInputs {
  std::string lang;  // forced language; "" = detect
  RuleSource rules;
  // The embedder: `embedder` when set, else loaded from `model` (on a second
  // thread while the rules compile). Error from Create if it does not load.
  std::shared_ptr<const Embedder> embedder;
  ModelFiles model;
  std::vector<Principle> base;  // "" base_name: none
  std::string base_name;        // the base's file name, for the report
  std::vector<Decision> decisions;
  std::string system_chat;  // JSON array text for cai.json (ParseSystemChat); "" = none
  Thresholds thresholds;    // as the run uses them (the file's, with options applied)
};

// A system-chat file's text: a JSON array of dialogues, or an object with
// "system_chat" holding one; returns the array's JSON text. Error: one line
// naming `name`.
Result<std::string> ParseSystemChat(const std::string& bytes, const std::string& name);

// What one converted document produced.
struct ConvertRun {
  std::string name;  // country / document name
  MergePlan plan;
  std::map<std::string, std::string> files;  // output file name -> bytes
};

class ConvertContext {
 public:
  // Compiles what every document needs (English's rewriter and extractor
  // when the base or the language asks for them), loads the embedder and
  // embeds the base once. Error: the embedder does not load.
  static Result<std::shared_ptr<ConvertContext>> Create(ConvertInputs inputs);

  // One document -> its principles and the clauses that became none
  // (Rewriter::Convert; no merge). If `lang` is given it receives the
  // document's language. Error: the language policy above, or a stage's.
  Result<Conversion> ConvertDocument(const DocumentInput& doc, std::string* lang = nullptr);

  // One document through the pipeline and the merge, outputs rendered.
  // `doc` nullptr converts an empty set (the base alone).
  Result<ConvertRun> Convert(const DocumentInput* doc, const std::string& name);

  // Merge an already rewritten principle set (e.g. a principles.jsonl) with
  // the base, by the thresholds' country.* values. Error: the merge tools of
  // `lang` cannot be built (its rules are missing or bad).
  Result<MergePlan> Merge(const std::vector<Principle>& principles, const std::string& name,
                          const std::string& lang);
  // Merge, then every output rendered; `unconverted` goes into the report
  // as it is, `positions` (the State's positions) into positions.jsonl.
  Result<ConvertRun> MergeSet(const std::vector<Principle>& principles, const std::string& name,
                              const std::string& lang, std::vector<Unconverted> unconverted = {},
                              std::vector<Principle> positions = {});

  // Tools for the merge stage for `lang` (embedding, Rewriter::Combine,
  // clustering, conflict rules). Error if the rewrite rules of `lang` fail.
  Result<MergeTools> Tools(const std::string& lang);
  // The words of `lang` that the critique/revision export reads as no verb
  // (ReportExtras::not_verbs). Error as Tools.
  Result<std::set<std::string>> NotVerbs(const std::string& lang);

  const ConvertInputs& inputs() const { return inputs_; }
  Pipeline& pipeline() { return *pipeline_; }

 private:
  // The rewriter and conflict rules of `lang`, compiled once.
  Status CompileLanguage(const std::string& lang, std::shared_ptr<const Rewriter>* rw,
                         std::shared_ptr<const ConflictRules>* conflicts);
  // The base's ideas and vectors, once the embedder has loaded.
  void BaseVectors();

  ConvertInputs inputs_;
  std::unique_ptr<Pipeline> pipeline_;
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
                                                        const std::string& system_chat,
                                                        const ReportExtras& extras);

}  // namespace charter
