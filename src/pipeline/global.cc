#include "pipeline/global.h"

#include <utility>

#include "report/report.h"

namespace charter {

Result<GlobalRun> MergeCountries(ConvertContext& ctx, const std::vector<CountrySet>& sets,
                                 size_t min_support, std::vector<Decision> decisions) {
  const ConvertInputs& in = ctx.inputs();
  auto tools = ctx.Tools(in.lang.empty() ? "en" : in.lang);
  if (!tools) return std::unexpected(tools.error());
  GlobalOptions g = in.thresholds.global;
  g.min_support = min_support;
  g.decisions = std::move(decisions);
  GlobalRun run;
  run.plan = MergeGlobal(sets, *tools, g);
  std::vector<Principle> ps;
  for (const GlobalEntry& e : run.plan.entries) ps.push_back(e.principle);
  auto not_verbs = ctx.NotVerbs(in.lang.empty() ? "en" : in.lang);
  if (!not_verbs) return std::unexpected(not_verbs.error());
  const ReportExtras extras{ThresholdList(in.thresholds, "global"), {}, *not_verbs};
  run.files = {{"constitution.jsonl", GlobalConstitutionJsonl(run.plan)},
               {"constitution.md", GlobalConstitutionMarkdown(run.plan)},
               {"report.md", GlobalReportMarkdown(run.plan, extras)},
               {"report.html", GlobalReportHtml(run.plan, extras)},
               {"report.json", GlobalReportJson(run.plan, extras)},
               {"cai.json", CaiJson(ps, in.system_chat, extras)},
               {"langchain.json", LangChainJson(ps, extras)}};
  return run;
}

}  // namespace charter
