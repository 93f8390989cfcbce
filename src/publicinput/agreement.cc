#include "publicinput/agreement.h"

#include <algorithm>
#include <cstdio>

namespace charter {

GroupAssignment GroupsFromExport(const Conversation& conv) {
  GroupAssignment g;
  g.method = "export group-id";
  g.group.reserve(conv.participants.size());
  for (const PolisParticipant& p : conv.participants) {
    g.group.push_back(p.group);
    g.k = std::max(g.k, p.group + 1);
  }
  g.sizes.assign(static_cast<size_t>(g.k), 0);
  for (int x : g.group)
    if (x >= 0) ++g.sizes[static_cast<size_t>(x)];
  return g;
}

double StatementFigures::MinGroupAgree() const {
  if (groups.empty()) return 0.0;
  double m = 1.0;
  for (const VoteCounts& c : groups) m = std::min(m, c.AgreeRate());
  return m;
}

double StatementFigures::MaxGroupAgree() const {
  double m = 0.0;
  for (const VoteCounts& c : groups) m = std::max(m, c.AgreeRate());
  return m;
}

namespace {
void Count(VoteCounts* c, int8_t v) {
  if (v == kAgree)
    ++c->agrees;
  else if (v == kDisagree)
    ++c->disagrees;
  else if (v == kPass)
    ++c->passes;
}
}  // namespace

std::vector<StatementFigures> ComputeAgreement(const Conversation& conv,
                                               const GroupAssignment& groups) {
  const size_t ns = conv.statements.size();
  std::vector<StatementFigures> out(ns);
  for (size_t s = 0; s < ns; ++s) {
    out[s].statement = s;
    out[s].groups.assign(static_cast<size_t>(groups.k), VoteCounts{});
  }
  for (size_t p = 0; p < conv.participants.size(); ++p) {
    const int8_t* row = conv.votes.data() + p * ns;
    const int g = p < groups.group.size() ? groups.group[p] : -1;
    for (size_t s = 0; s < ns; ++s) {
      if (row[s] == kUnseen) continue;
      Count(&out[s].overall, row[s]);
      if (g >= 0) Count(&out[s].groups[static_cast<size_t>(g)], row[s]);
    }
  }
  for (StatementFigures& f : out) {
    f.consensus = 1.0;
    for (const VoteCounts& c : f.groups) f.consensus *= c.SmoothedAgree();
    if (f.groups.empty()) f.consensus = f.overall.SmoothedAgree();
  }
  return out;
}

Status ValidateSelectionOptions(const SelectionOptions& o) {
  auto unit = [](double v) { return v >= 0.0 && v <= 1.0; };
  if (!unit(o.min_group_agree))
    return InvalidArgument("--min-group-agree: must be between 0 and 1, got " +
                           std::to_string(o.min_group_agree));
  if (o.min_group_seen < 0)
    return InvalidArgument("--min-group-seen: must be >= 0, got " +
                           std::to_string(o.min_group_seen));
  if (!unit(o.divisive_gap))
    return InvalidArgument("--divisive-gap: must be between 0 and 1, got " +
                           std::to_string(o.divisive_gap));
  if (!unit(o.divisive_high))
    return InvalidArgument("--divisive-high: must be between 0 and 1, got " +
                           std::to_string(o.divisive_high));
  if (o.top < 1) return InvalidArgument("--top: must be >= 1, got " + std::to_string(o.top));
  if (o.min_selected < 0)
    return InvalidArgument("--min-selected: must be >= 0, got " + std::to_string(o.min_selected));
  return {};
}

const char* SelectionModeName(SelectionOptions::Mode m) {
  switch (m) {
    case SelectionOptions::Mode::kAuto:
      return "auto";
    case SelectionOptions::Mode::kThreshold:
      return "threshold";
    case SelectionOptions::Mode::kTop:
      return "top";
  }
  return "?";
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kSelected:
      return "selected";
    case Verdict::kDivisive:
      return "divisive";
    case Verdict::kBelowThreshold:
      return "below threshold";
    case Verdict::kTooFewVotes:
      return "too few votes";
  }
  return "?";
}

namespace {
std::string Pct(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * x);
  return buf;
}
std::string Fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}
}  // namespace

namespace {

// One statement's verdict by the thresholds. `grouped`: participants in any group.
StatementDecision JudgeStatement(const StatementFigures& f, const GroupAssignment& assignment,
                                 int grouped, const SelectionOptions& o) {
  StatementDecision d;
  d.statement = f.statement;
  // Without groups, the whole conversation is one group.
  std::vector<VoteCounts> groups = f.groups.empty() ? std::vector<VoteCounts>{f.overall} : f.groups;
  // The group furthest below its required number of views.
  int fewest = groups.front().Seen(), fewest_need = 0;
  bool too_few = false;
  size_t lo = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    int members = f.groups.empty()              ? grouped
                  : g < assignment.sizes.size() ? assignment.sizes[g]
                                                : 0;
    if (f.groups.empty() && members == 0) members = o.min_group_seen;
    int need = std::min(o.min_group_seen, members);
    if (groups[g].Seen() < need && (!too_few || groups[g].Seen() < fewest)) {
      too_few = true;
      fewest = groups[g].Seen();
      fewest_need = need;
    }
    if (groups[g].AgreeRate() < groups[lo].AgreeRate()) lo = g;
  }
  const double min_rate = groups[lo].AgreeRate();
  // Divisiveness is judged on smoothed rates, so that one vote in a group
  // of three (2/3 against 3/3) is not a conflict.
  size_t slo = 0, shi = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].SmoothedAgree() < groups[slo].SmoothedAgree()) slo = g;
    if (groups[g].SmoothedAgree() > groups[shi].SmoothedAgree()) shi = g;
  }
  const double sgap = groups[shi].SmoothedAgree() - groups[slo].SmoothedAgree();
  if (too_few) {
    d.verdict = Verdict::kTooFewVotes;
    d.reason = "a group saw it only " + std::to_string(fewest) + " times (< " +
               std::to_string(fewest_need) + ")";
  } else if (groups.size() > 1 && sgap >= o.divisive_gap &&
             groups[shi].AgreeRate() >= o.divisive_high) {
    d.verdict = Verdict::kDivisive;
    d.reason = "group " + std::to_string(shi) + " agrees " + Pct(groups[shi].AgreeRate()) +
               ", group " + std::to_string(slo) + " only " + Pct(groups[slo].AgreeRate()) +
               " (smoothed gap " + Fixed(sgap, 2) + " >= " + Fixed(o.divisive_gap, 2) + ")";
  } else if (min_rate >= o.min_group_agree) {
    d.verdict = Verdict::kSelected;
    d.reason =
        "every group agrees >= " + Pct(o.min_group_agree) + " (lowest " + Pct(min_rate) + ")";
  } else {
    d.verdict = Verdict::kBelowThreshold;
    d.reason = (f.groups.empty() ? std::string("agreement ")
                                 : "group " + std::to_string(lo) + " agrees only ") +
               Pct(min_rate) + " (< " + Pct(o.min_group_agree) + ")";
  }
  return d;
}

// Top by consensus among the statements no group rejects; the threshold's
// selections are ranked with them, and those not in the top lose their selection.
void SelectTop(const std::vector<StatementFigures>& figures, const SelectionOptions& o,
               std::vector<StatementDecision>* out_p) {
  std::vector<StatementDecision>& out = *out_p;
  std::vector<size_t> eligible;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].verdict == Verdict::kDivisive || out[i].verdict == Verdict::kTooFewVotes) continue;
    const StatementFigures& f = figures[i];
    std::vector<VoteCounts> groups =
        f.groups.empty() ? std::vector<VoteCounts>{f.overall} : f.groups;
    bool rejected = false;
    for (const VoteCounts& c : groups) rejected = rejected || c.disagrees > c.agrees;
    if (rejected) {
      if (out[i].verdict == Verdict::kSelected) continue;  // cannot happen at >= 0.5
      out[i].reason += "; a group disagrees more than it agrees";
      continue;
    }
    eligible.push_back(i);
  }
  std::stable_sort(eligible.begin(), eligible.end(),
                   [&](size_t x, size_t y) { return figures[x].consensus > figures[y].consensus; });
  if (eligible.size() > static_cast<size_t>(o.top)) eligible.resize(static_cast<size_t>(o.top));
  for (size_t rank = 0; rank < eligible.size(); ++rank) {
    StatementDecision& d = out[eligible[rank]];
    const StatementFigures& f = figures[eligible[rank]];
    const double lowest = f.groups.empty() ? f.overall.AgreeRate() : f.MinGroupAgree();
    d.verdict = Verdict::kSelected;
    d.reason = "top " + std::to_string(rank + 1) + " of " + std::to_string(eligible.size()) +
               " by group-informed consensus " + Fixed(f.consensus, 3) + " (lowest group " +
               Pct(lowest) + ")";
  }
  for (StatementDecision& d : out)
    if (d.verdict == Verdict::kSelected && d.reason.rfind("top ", 0) != 0) {
      d.verdict = Verdict::kBelowThreshold;
      d.reason += "; not among the top " + std::to_string(o.top) + " by consensus";
    }
}

}  // namespace

std::vector<StatementDecision> SelectStatements(const std::vector<StatementFigures>& figures,
                                                const GroupAssignment& assignment,
                                                const SelectionOptions& o, std::string* rule) {
  int grouped = 0;
  for (int s : assignment.sizes) grouped += s;
  std::vector<StatementDecision> out;
  out.reserve(figures.size());
  for (const StatementFigures& f : figures)
    out.push_back(JudgeStatement(f, assignment, grouped, o));
  const auto selected = std::count_if(out.begin(), out.end(), [](const StatementDecision& d) {
    return d.verdict == Verdict::kSelected;
  });
  const std::string threshold = "every group agrees >= " + Pct(o.min_group_agree);
  if (o.mode == SelectionOptions::Mode::kThreshold ||
      (o.mode == SelectionOptions::Mode::kAuto && selected >= o.min_selected)) {
    if (rule) *rule = threshold;
    return out;
  }
  SelectTop(figures, o, &out);
  if (rule)
    *rule = "top " + std::to_string(o.top) +
            " by group-informed consensus, none divisive or rejected by a group" +
            (o.mode == SelectionOptions::Mode::kAuto
                 ? " (" + threshold + " selected " + std::to_string(selected) + ", fewer than " +
                       std::to_string(o.min_selected) + ")"
                 : std::string());
  return out;
}

std::string FiguresNote(const StatementFigures& f) {
  std::string s = "agree " + std::to_string(f.overall.agrees) + "/" +
                  std::to_string(f.overall.Seen()) + " (" + Pct(f.overall.AgreeRate()) +
                  "), disagree " + std::to_string(f.overall.disagrees) + ", pass " +
                  std::to_string(f.overall.passes);
  for (size_t g = 0; g < f.groups.size(); ++g)
    s += "; group " + std::to_string(g) + ": " + std::to_string(f.groups[g].agrees) + "/" +
         std::to_string(f.groups[g].Seen()) + " (" + Pct(f.groups[g].AgreeRate()) + ")";
  s += "; consensus " + Fixed(f.consensus, 3);
  return s;
}

}  // namespace charter
