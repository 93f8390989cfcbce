#include "publicinput/public_input.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/hash.h"

namespace charter {

int PolisAnalysis::Count(Verdict v) const {
  return static_cast<int>(
      std::count_if(decisions.begin(), decisions.end(),
                    [v](const StatementDecision& d) { return d.verdict == v; }));
}

Result<PolisAnalysis> AnalyzePolis(const PolisExport& files, const PolisOptions& options) {
  if (Status st = ValidateSelectionOptions(options.select); !st) return std::unexpected(st.error());
  if (options.grouping.min_votes < 1 || options.grouping.max_k < 2 ||
      options.grouping.components < 1)
    return InvalidArgument("grouping: min_votes >= 1, max_k >= 2 and components >= 1 are required");
  Result<Conversation> conv = LoadConversation(files, options.load);
  if (!conv) return std::unexpected(conv.error());
  PolisAnalysis a;
  a.conv = std::move(*conv);
  if (a.conv.has_group_ids && !options.compute_groups) {
    a.groups = GroupsFromExport(a.conv);
  } else {
    a.computed = ComputeGroups(a.conv, options.grouping);
    a.groups = *a.computed;
  }
  a.figures = ComputeAgreement(a.conv, a.groups);
  a.decisions = SelectStatements(a.figures, a.groups, options.select, &a.selection_rule);
  return a;
}

Source StatementSource(const PolisAnalysis& a, size_t statement) {
  const PolisStatement& s = a.conv.statements[statement];
  Source src;
  src.doc = a.conv.comments_path;
  src.id = "comment:" + std::to_string(s.id);
  src.cite = "statement " + std::to_string(s.id);
  src.line_start = src.line_end = s.line;
  src.text = s.text;
  src.note = FiguresNote(a.figures[statement]) + "; " +
             VerdictName(a.decisions[statement].verdict) + ": " + a.decisions[statement].reason;
  return src;
}

PublicPrinciples StatementsToPrinciples(const PolisAnalysis& a, const RewriteStatementFn& rewrite) {
  PublicPrinciples out;
  std::vector<size_t> order;
  for (size_t i = 0; i < a.decisions.size(); ++i)
    if (a.decisions[i].verdict == Verdict::kSelected) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return a.figures[x].consensus > a.figures[y].consensus;
  });
  std::map<std::string, size_t> by_text;  // principle text -> index in out.principles
  std::map<size_t, StatementOutcome> outcomes;
  for (size_t i : order) {
    StatementOutcome o;
    o.statement = i;
    Source src = StatementSource(a, i);
    Result<Principle> p = rewrite(a.conv.statements[i].text, src);
    if (!p) {
      o.rewrite_error = p.error().message;
    } else {
      p->origin = "public";
      p->kind = "public";
      auto it = by_text.find(p->text);
      if (it == by_text.end()) {
        o.principle_id = p->id;
        by_text.emplace(p->text, out.principles.size());
        out.principles.push_back(std::move(*p));
      } else {
        Principle& same = out.principles[it->second];
        o.principle_id = same.id;
        same.sources.push_back(std::move(src));
      }
    }
    outcomes.emplace(i, std::move(o));
  }
  for (auto& [i, o] : outcomes) out.outcomes.push_back(std::move(o));
  return out;
}

}  // namespace charter
