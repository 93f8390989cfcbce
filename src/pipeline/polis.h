// polis.h — a Polis conversation export -> public-input principles, merged
// with a base exactly as `convert` merges a country's, with convert's
// outputs and a Polis section in the reports.
//
// Steps: analyse the export (statements kept, opinion groups, agreement,
// selection; the raw layout of a cleaned folder too, for comparison),
// correct the spelling where the dictionary is sure, rewrite each selected
// statement into a principle (Rewriter::RewriteStatement), make one
// principle per agreed idea (agreed_ideas.h), merge with the base (the
// trained embedder's ConvertContext; lexical vectors without one, said in
// the report), render.
//
// From values: the export's files, the rules, the model files, the base and
// decisions, the thresholds; the CLI reads them and writes PolisRun::files.
// Thread-safe: one call at a time per SpellChecker.
//
//   PolisInputs in{.files = export_files, .name = "ccai-2023", ...};
//   Result<PolisRun> run = RunPolis(in);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/types.h"
#include "embed/embedder.h"
#include "merge/decisions.h"
#include "merge/merge.h"
#include "pipeline/stages.h"
#include "pipeline/thresholds.h"
#include "publicinput/polis.h"
#include "publicinput/public_input.h"
#include "publicinput/spelling.h"

namespace charter {

struct PolisInputs {
  PolisExport files;
  std::string name;  // the conversation's name in the outputs (its folder's)
  // Loading and grouping; the selection comes from thresholds.polis_select
  // (its mode from here).
  PolisOptions options;
  // Also analyse the raw layout of a folder that has both, to report how
  // they differ. Default: true.
  bool compare_raw = true;
  RuleSource rules;  // English's are used
  // The model files as read, or why they could not be: lexical vectors then.
  Result<ModelFiles> model = NotFound("no model files");
  std::vector<Principle> base;
  std::string base_name;
  std::vector<Decision> decisions;
  // The dictionary, or why it did not open (the report says "not checked").
  std::optional<SpellChecker> speller;
  std::string speller_error;
  Thresholds thresholds;  // polis.* and country.* as the run uses them
};

struct PolisRun {
  PolisAnalysis analysis;
  MergePlan plan;
  std::map<std::string, std::string> files;  // as RenderCountryOutputs, Polis section included
};

// Error: the export does not parse, the selection settings are out of
// range, the English rules or the merge fail.
Result<PolisRun> RunPolis(PolisInputs inputs);

}  // namespace charter
