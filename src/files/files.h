// files.h — the one place that reads folders: a rules folder, a models
// folder, a Polis export folder, and the thresholds file under the rules;
// and where the rules and models are by default.
// The library stages take what these return (values); the CLI, the tests
// and the benchmarks call these.
//
// Thread-safe: each call reads on its own; RuleFolder's functions may be
// called from several threads.
//
//   RuleSource rules = RuleFolder(DefaultRulesRoot());
//   Result<ModelFiles> model = ReadModelFiles(DefaultModelsRoot());
//   Result<Thresholds> t = ReadThresholds(DefaultRulesRoot());
#pragma once

#include <string>

#include "core/error.h"
#include "core/rule_file.h"
#include "embed/embedder.h"
#include "pipeline/stages.h"
#include "pipeline/thresholds.h"
#include "publicinput/polis.h"

namespace charter {

// Reads rules_root/*.tsv|txt and rules_root/<lang>/*.tsv|txt . Error if rules_root/<lang> does not
// exist.
Result<RuleTexts> ReadRuleFolder(const std::string& rules_root, const std::string& lang);

// Languages that have a folder under rules_root, sorted ("en", "es", "fr").
std::vector<std::string> AvailableLanguages(const std::string& rules_root);

// Where the rules and models are: $CHARTER_RULES / $CHARTER_MODELS if set,
// else next to the executable (../rules, ../../rules), else the source tree.
std::string DefaultRulesRoot();
std::string DefaultModelsRoot();

// Every file of a models folder (charter.spm.model, charter.emb,
// manifest.json). Error: one is missing ("... (run `charter train` or pass
// --models)") or unreadable.
Result<ModelFiles> ReadModelFiles(const std::string& dir);

// Whichever of the known files of a Polis export exist in `dir`. Error if
// `dir` is not a folder or holds neither comments.csv nor clean_comments.csv.
Result<PolisExport> ReadPolisExport(const std::string& dir);

// The rules under `root` (ReadRuleFolder, AvailableLanguages); `root` names
// them in messages.
RuleSource RuleFolder(const std::string& root);

// `root`/thresholds.tsv parsed (ParseThresholds). Error: the file is
// unreadable or bad, naming it (and the line).
Result<Thresholds> ReadThresholds(const std::string& rules_root);

}  // namespace charter
