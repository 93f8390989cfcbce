// global.h — the global constitution over countries' principle sets
// (`charter merge --global`): merged by idea and clustered across countries
// by the thresholds' global.* values, with support counts and conflicts,
// with a reviewer's decisions on the conflicts applied, and every output
// rendered.
//
// Thread-safe: as ConvertContext.
//
//   Result<GlobalRun> run = MergeCountries(*ctx, sets, /*min_support=*/2, decisions);
#pragma once

#include <map>
#include <string>
#include <vector>

#include "merge/decisions.h"
#include "merge/merge.h"
#include "pipeline/convert.h"

namespace charter {

struct GlobalRun {
  GlobalPlan plan;
  std::map<std::string, std::string> files;  // constitution.jsonl, .md, report.*, cai.json ...
};

// `ctx` gives the merge tools of its language ("" = en), the thresholds and
// the system chat; `decisions` are a reviewer's on the conflicts
// (ParseDecisions with DecisionOn::kConflicts; GlobalOptions::decisions).
// Error: that language's rules cannot merge.
Result<GlobalRun> MergeCountries(ConvertContext& ctx, const std::vector<CountrySet>& sets,
                                 size_t min_support, std::vector<Decision> decisions = {});

}  // namespace charter
