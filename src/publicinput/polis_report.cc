#include "publicinput/polis_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/text.h"
#include "report/render.h"

namespace charter {

using report_internal::HtmlSink;
using report_internal::Item;
using report_internal::Line;
using report_internal::MarkdownSink;
using report_internal::Sink;

namespace {

std::string Pct(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * x);
  return buf;
}
std::string Num(double x, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}
std::string Rate(const VoteCounts& c) {
  return std::to_string(c.agrees) + "/" + std::to_string(c.Seen()) + " (" + Pct(c.AgreeRate()) +
         ")";
}
std::string Ids(const std::vector<int>& ids) {
  std::string s;
  for (int id : ids) s += (s.empty() ? "" : ", ") + std::to_string(id);
  return s.empty() ? "none" : s;
}

// The section is written in the report stage's document model
// (report/render.h), so it renders as the rest of the report does.
void H(Sink* out, int level, const std::string& text) { out->Heading(level, text, ""); }

void P(Sink* out, const std::string& text) { out->Para({{'p', text}}); }

void L(Sink* out, const std::vector<std::string>& items) {
  std::vector<Item> list;
  for (const std::string& it : items) list.push_back({0, {{'p', it}}});
  out->Items(list);
}

void T(Sink* out, const std::vector<std::string>& head,
       const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<Line>> cells;
  for (const auto& row : rows) {
    cells.emplace_back();
    for (const std::string& cell : row) cells.back().push_back({{'p', cell}});
  }
  out->Table(head, cells);
}

std::vector<std::string> GroupHeads(int k, const char* what) {
  std::vector<std::string> h;
  for (int g = 0; g < k; ++g) h.push_back(std::string(what) + " " + std::to_string(g));
  return h;
}

// What every group agrees on, with the principle each became.
void WriteSelected(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  const int k = a.groups.k;
  std::map<size_t, const StatementOutcome*> outcome;
  if (r.principles)
    for (const StatementOutcome& o : r.principles->outcomes) outcome[o.statement] = &o;
  std::map<std::string, std::string> final_text;  // principle id -> combined text
  if (r.principles) {
    for (const Principle& p : r.principles->principles) final_text[p.id] = p.text;
    if (r.combined)
      for (const Principle& cp : *r.combined)
        for (const Source& src : cp.sources)
          for (const Principle& p : r.principles->principles)
            for (const Source& ps : p.sources)
              if (ps.id == src.id) final_text[p.id] = cp.text;
  }
  {
    std::vector<std::string> head = {"id", "statement", "overall"};
    for (auto& h : GroupHeads(k, "group")) head.push_back(h);
    head.push_back("consensus");
    head.push_back("principle");
    std::vector<std::vector<std::string>> rows;
    std::vector<size_t> order;
    for (size_t i = 0; i < a.decisions.size(); ++i)
      if (a.decisions[i].verdict == Verdict::kSelected) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return a.figures[x].consensus > a.figures[y].consensus;
    });
    double lowest = 1.0;
    for (size_t i : order) lowest = std::min(lowest, a.figures[i].MinGroupAgree());
    std::string weakest;
    if (!order.empty() && lowest < 0.5)
      weakest =
          " No statement is agreed by a majority of every group: the lowest group share "
          "among these is " +
          Pct(lowest) + ".";
    for (size_t i : order) {
      const StatementFigures& f = a.figures[i];
      std::vector<std::string> row = {std::to_string(c.statements[i].id),
                                      CollapseSpaces(c.statements[i].text), Rate(f.overall)};
      for (const VoteCounts& g : f.groups) row.push_back(Rate(g));
      row.push_back(Num(f.consensus, 3));
      auto it = outcome.find(i);
      if (it == outcome.end())
        row.push_back("");
      else if (!it->second->rewrite_error.empty())
        row.push_back("not rewritten: " + it->second->rewrite_error);
      else
        row.push_back(final_text[it->second->principle_id]);
      rows.push_back(std::move(row));
    }
    H(out, 3, "What everyone agrees on");
    P(out, "Selected by: " + a.selection_rule + "." + weakest);
    if (rows.empty())
      P(out, "None: no statement is agreed by every group.");
    else
      T(out, head, rows);
  }
}

// What divides the groups, most divisive first.
void WriteDivisive(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  const int k = a.groups.k;
  std::vector<std::string> head = {"id", "statement"};
  for (auto& h : GroupHeads(k, "group")) head.push_back(h);
  head.push_back("why");
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> divisive;
  for (size_t i = 0; i < a.decisions.size(); ++i)
    if (a.decisions[i].verdict == Verdict::kDivisive) divisive.push_back(i);
  // Most divisive first: the widest gap between two groups' agree rates.
  std::stable_sort(divisive.begin(), divisive.end(), [&](size_t x, size_t y) {
    return a.figures[x].MaxGroupAgree() - a.figures[x].MinGroupAgree() >
           a.figures[y].MaxGroupAgree() - a.figures[y].MinGroupAgree();
  });
  for (size_t i : divisive) {
    std::vector<std::string> row = {std::to_string(c.statements[i].id),
                                    CollapseSpaces(c.statements[i].text)};
    for (const VoteCounts& g : a.figures[i].groups) row.push_back(Rate(g));
    row.push_back(a.decisions[i].reason);
    rows.push_back(std::move(row));
  }
  H(out, 3, "What divides the groups");
  if (rows.empty())
    P(out, "None.");
  else
    T(out, head, rows);
}

// Selected statements that state no response criterion.
void WriteNotCriteria(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  std::vector<std::string> items;
  if (r.principles)
    for (const StatementOutcome& o : r.principles->outcomes) {
      if (o.rewrite_error.empty()) continue;
      std::string why = o.rewrite_error;
      if (StartsWith(why, "statement: ")) why = why.substr(11);
      const size_t colon = why.find("): ");
      if (colon != std::string::npos)
        why = why.substr(0, colon + 1);
      else if (why.find(": ") != std::string::npos)
        why = why.substr(0, why.find(": "));
      items.push_back("statement " + std::to_string(c.statements[o.statement].id) + " (" +
                      FiguresNote(a.figures[o.statement]) +
                      "): " + CollapseSpaces(c.statements[o.statement].text) + " — " + why);
    }
  H(out, 3, "Agreed, but not a response criterion");
  if (items.empty())
    P(out, "None: every selected statement became a principle.");
  else
    L(out, items);
}

// The spelling corrections made before rewriting.
void WriteSpelling(const PolisReport& r, Sink* out) {
  if (r.spelling && !r.spelling->empty()) {
    H(out, 3, "Spelling");
    P(out,
      "Corrected before rewriting only where the dictionary (hunspell) is sure; "
      "the sources keep the statements as written.");
    L(out, *r.spelling);
  }
}

// Who the groups are: what each agrees with most.
void WriteGroupFavourites(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  const int k = a.groups.k;
  if (k > 1) {
    H(out, 3, "What each opinion group agrees with most");
    for (int g = 0; g < k; ++g) {
      const size_t gi = static_cast<size_t>(g);
      const int need = std::min(r.select.min_group_seen, a.groups.sizes[gi]);
      std::vector<size_t> order;
      for (size_t i = 0; i < a.figures.size(); ++i)
        if (gi < a.figures[i].groups.size() && a.figures[i].groups[gi].Seen() >= std::max(need, 1))
          order.push_back(i);
      // Most agreed by this group, and most distinctive of it: ties by how far
      // the other groups are below.
      auto others = [&](size_t i) {
        double lo = 1.0;
        for (size_t h = 0; h < a.figures[i].groups.size(); ++h)
          if (h != gi) lo = std::min(lo, a.figures[i].groups[h].AgreeRate());
        return lo;
      };
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const double ax = a.figures[x].groups[gi].AgreeRate(),
                     ay = a.figures[y].groups[gi].AgreeRate();
        if (ax != ay) return ax > ay;
        return others(x) < others(y);
      });
      std::vector<std::string> items;
      for (size_t j = 0; j < std::min<size_t>(3, order.size()); ++j) {
        const size_t i = order[j];
        std::string rates;
        for (size_t h = 0; h < a.figures[i].groups.size(); ++h)
          rates += (h ? ", " : "") + std::string("group ") + std::to_string(h) + " " +
                   Rate(a.figures[i].groups[h]);
        items.push_back("statement " + std::to_string(c.statements[i].id) + " (" + rates +
                        "): " + CollapseSpaces(c.statements[i].text));
      }
      P(out, "Group " + std::to_string(g) + " (" + std::to_string(a.groups.sizes[gi]) +
                 " participants):");
      L(out, items);
    }
  }
}

// What was read, dropped and kept.
void WriteCounts(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  std::vector<std::string> read = {
      std::to_string(c.comments_total) + " comments read; " + std::to_string(c.comments_rejected) +
          " rejected (moderated = -1) and " + std::to_string(c.comments_unmoderated_dropped) +
          " unmoderated (moderated = 0) dropped; " + std::to_string(c.statements.size()) +
          " statements kept",
      std::to_string(c.participants_total) + " participants; " +
          std::to_string(c.participants_tossed) + " excluded by ids-to-toss.csv; " +
          std::to_string(c.participants.size()) + " kept",
      std::to_string(c.votes_total) + " votes read; " + std::to_string(c.votes_kept) +
          " on kept statements by kept participants"};
  if (c.comments_by_tossed_authors)
    read.push_back(
        std::to_string(c.comments_by_tossed_authors) +
        " kept statements were written by excluded participants (their votes are dropped, "
        "their statements stay)");
  if (r.seconds >= 0) read.push_back("processed in " + Num(r.seconds, 3) + " s");
  L(out, read);
}

// The opinion groups and their sizes.
void WriteGroups(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  const int k = a.groups.k;
  H(out, 3, "Opinion groups");
  std::string sizes;
  int grouped = 0;
  for (int g = 0; g < k; ++g) {
    sizes += (g ? ", " : "") + std::string("group ") + std::to_string(g) + ": " +
             std::to_string(a.groups.sizes[static_cast<size_t>(g)]);
    grouped += a.groups.sizes[static_cast<size_t>(g)];
  }
  P(out, std::to_string(k) + " groups from " + a.groups.method + " — " + sizes + "; " +
             std::to_string(static_cast<int>(c.participants.size()) - grouped) +
             " participants in no group (counted in the overall figures only).");
}

// How statements were selected, and what came of them.
void WriteSelection(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const SelectionOptions& s = r.select;
  H(out, 3, "Selection");
  P(out,
    "A statement is selected when every group saw it at least " + std::to_string(s.min_group_seen) +
        " times (or, in a smaller group, every member did) and " +
        "each group's agree rate (agrees / seen, passes counting as not agreeing) is at least " +
        Pct(s.min_group_agree) +
        ". It is divisive when the most favourable group's agree rate is at least " +
        Pct(s.divisive_high) +
        " and the lowest group's smoothed agreement, (agrees + 1) / (seen + 2), is " +
        Num(s.divisive_gap, 2) +
        " or more below that group's. Consensus is Polis's group-informed consensus: the product "
        "over groups of (agrees + 1) / (seen + 2). Mode " +
        SelectionModeName(s.mode) + " (top " + std::to_string(s.top) +
        " by consensus when the threshold selects fewer than " + std::to_string(s.min_selected) +
        "); used: " + a.selection_rule + ".");
  L(out, {std::to_string(a.Count(Verdict::kSelected)) + " selected",
          std::to_string(a.Count(Verdict::kDivisive)) + " divisive (listed below as conflicts)",
          std::to_string(a.Count(Verdict::kBelowThreshold)) + " below the threshold",
          std::to_string(a.Count(Verdict::kTooFewVotes)) + " with too few votes in some group"});
  if (r.principles) {
    size_t errors = 0;
    for (const StatementOutcome& o : r.principles->outcomes) errors += !o.rewrite_error.empty();
    std::string line = std::to_string(r.principles->principles.size()) +
                       " principles rewritten from the " +
                       std::to_string(r.principles->outcomes.size()) + " selected statements (" +
                       std::to_string(errors) + " could not be rewritten)";
    if (r.combined)
      line += "; " + std::to_string(r.combined->size()) + " after combining similar ones (" +
              r.embedding + ")";
    P(out, line + ".");
  }
}

// Closest to consensus, for conversations where nothing was selected.
void WriteClosest(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  if (a.Count(Verdict::kSelected) == 0 && !a.figures.empty()) {
    std::vector<size_t> order(a.figures.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return a.figures[x].consensus > a.figures[y].consensus;
    });
    std::vector<std::string> items;
    for (size_t j = 0; j < std::min<size_t>(5, order.size()); ++j) {
      size_t i = order[j];
      items.push_back("statement " + std::to_string(c.statements[i].id) + " (consensus " +
                      Num(a.figures[i].consensus, 3) + ", lowest group " +
                      Pct(a.figures[i].MinGroupAgree()) +
                      "): " + CollapseSpaces(c.statements[i].text));
    }
    H(out, 3, "Closest to consensus");
    L(out, items);
  }
}

// Every statement's figures and decision.
void WriteEveryStatement(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  const int k = a.groups.k;
  bool published = false;
  for (const PolisStatement& st : c.statements) published |= !st.published_group_agree.empty();
  std::vector<std::string> head = {"id", "statement", "agree", "disagree", "pass"};
  for (auto& h : GroupHeads(k, "group")) head.push_back(h);
  if (published) head.push_back("published group rates");
  head.push_back("consensus");
  head.push_back("decision");
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < a.figures.size(); ++i) {
    const StatementFigures& f = a.figures[i];
    std::vector<std::string> row = {
        std::to_string(c.statements[i].id), CollapseSpaces(c.statements[i].text),
        std::to_string(f.overall.agrees), std::to_string(f.overall.disagrees),
        std::to_string(f.overall.passes)};
    for (const VoteCounts& g : f.groups) row.push_back(Rate(g));
    if (published) {
      std::string p;
      for (double x : c.statements[i].published_group_agree) p += (p.empty() ? "" : " / ") + Pct(x);
      row.push_back(p);
    }
    row.push_back(Num(f.consensus, 3));
    row.push_back(std::string(VerdictName(a.decisions[i].verdict)) + ": " + a.decisions[i].reason);
    rows.push_back(std::move(row));
  }
  H(out, 3, "Per-group agreement, every statement");
  if (published) {
    double mx = 0;
    for (size_t i = 0; i < a.figures.size(); ++i)
      for (size_t g = 0;
           g < c.statements[i].published_group_agree.size() && g < a.figures[i].groups.size(); ++g)
        mx = std::max(mx, std::abs(c.statements[i].published_group_agree[g] -
                                   a.figures[i].groups[g].AgreeRate()));
    P(out,
      "The published group_<g>_consensus columns are the groups' agree rates (agrees / seen); "
      "Charter's figures differ from them by at most " +
          Num(mx, 9) + ".");
  }
  T(out, head, rows);
}

// For folders with both layouts: how the raw export's figures differ.
void WriteRaw(const PolisReport& r, Sink* out) {
  const PolisAnalysis& a = *r.analysis;
  if (r.raw) {
    LayoutComparison d = CompareLayouts(a, *r.raw);
    H(out, 3, "Raw export against the cleaned variant");
    P(out,
      "The same conversation read from the raw export (comments.csv + participants-votes.csv "
      "+ ids-to-toss.csv, same moderation and thresholds) instead of the cleaned files:");
    std::vector<std::string> items = {
        "participants kept: " + std::to_string(d.participants_a) + " cleaned, " +
            std::to_string(d.participants_b) + " raw (" + std::to_string(d.participants_both) +
            " in both)",
        "opinion group: the same group id for " + std::to_string(d.same_group) + " of the " +
            std::to_string(d.participants_both) + " participants in both (" +
            Pct(d.participants_both ? static_cast<double>(d.same_group) / d.participants_both : 0) +
            ") — the cleaned file's group-id is not the raw export's",
        "statements in both: " + std::to_string(d.statements_both) +
            "; overall agree/disagree/pass counts differ for " +
            std::to_string(d.overall_count_mismatch),
        "per-group agree rate: mean absolute difference " + Num(d.mean_group_rate_diff, 3) +
            ", largest " + Num(d.max_group_rate_diff, 3) + " (statement " +
            std::to_string(d.max_diff_statement) + ")",
        "divisive: " + std::to_string(d.divisive_a) + " cleaned, " + std::to_string(d.divisive_b) +
            " raw",
        "selected only from the cleaned files: " + Ids(d.selected_only_a),
        "selected only from the raw export: " + Ids(d.selected_only_b)};
    L(out, items);
  }
}

void Build(const PolisReport& r, Sink* out) {
  const Conversation& c = r.analysis->conv;
  H(out, 2, "Public input (Polis)");
  P(out, "Conversation " + c.dir + ", " + c.layout + " layout: statements from " + c.comments_path +
             ", votes from " + c.votes_path + " (" +
             (c.has_xid ? "export with xid" : "export without xid") + ").");
  WriteSelected(r, out);
  WriteDivisive(r, out);
  WriteNotCriteria(r, out);
  WriteSpelling(r, out);
  WriteGroupFavourites(r, out);
  WriteCounts(r, out);
  WriteGroups(r, out);
  WriteSelection(r, out);
  WriteClosest(r, out);
  WriteEveryStatement(r, out);
  WriteRaw(r, out);
}

}  // namespace

LayoutComparison CompareLayouts(const PolisAnalysis& a, const PolisAnalysis& b) {
  LayoutComparison d;
  d.participants_a = static_cast<int>(a.conv.participants.size());
  d.participants_b = static_cast<int>(b.conv.participants.size());
  std::map<int, int> group_b;
  for (size_t i = 0; i < b.conv.participants.size(); ++i)
    group_b[b.conv.participants[i].id] = i < b.groups.group.size() ? b.groups.group[i] : -1;
  for (size_t i = 0; i < a.conv.participants.size(); ++i) {
    auto it = group_b.find(a.conv.participants[i].id);
    if (it == group_b.end()) continue;
    ++d.participants_both;
    d.same_group += it->second == a.groups.group[i];
  }
  double sum = 0;
  int n = 0;
  for (size_t i = 0; i < a.conv.statements.size(); ++i) {
    int j = b.conv.StatementIndex(a.conv.statements[i].id);
    if (j < 0) continue;
    ++d.statements_both;
    const StatementFigures& fa = a.figures[i];
    const StatementFigures& fb = b.figures[static_cast<size_t>(j)];
    d.overall_count_mismatch += fa.overall.agrees != fb.overall.agrees ||
                                fa.overall.disagrees != fb.overall.disagrees ||
                                fa.overall.passes != fb.overall.passes;
    for (size_t g = 0; g < std::min(fa.groups.size(), fb.groups.size()); ++g) {
      double diff = std::abs(fa.groups[g].AgreeRate() - fb.groups[g].AgreeRate());
      sum += diff;
      ++n;
      if (diff > d.max_group_rate_diff) {
        d.max_group_rate_diff = diff;
        d.max_diff_statement = a.conv.statements[i].id;
      }
    }
    bool sa = a.decisions[i].verdict == Verdict::kSelected;
    bool sb = b.decisions[static_cast<size_t>(j)].verdict == Verdict::kSelected;
    if (sa && !sb) d.selected_only_a.push_back(a.conv.statements[i].id);
    if (sb && !sa) d.selected_only_b.push_back(a.conv.statements[i].id);
  }
  for (size_t j = 0; j < b.conv.statements.size(); ++j)
    if (a.conv.StatementIndex(b.conv.statements[j].id) < 0 &&
        b.decisions[j].verdict == Verdict::kSelected)
      d.selected_only_b.push_back(b.conv.statements[j].id);
  d.mean_group_rate_diff = n ? sum / n : 0.0;
  d.divisive_a = a.Count(Verdict::kDivisive);
  d.divisive_b = b.Count(Verdict::kDivisive);
  return d;
}

std::string PolisReportMarkdown(const PolisReport& r) {
  MarkdownSink md;
  Build(r, &md);
  // The blocks open with the blank line before them: the caller places it.
  std::string out = md.Section();
  if (out.starts_with('\n')) out.erase(0, 1);
  return out;
}

std::string PolisReportHtml(const PolisReport& r) {
  HtmlSink html;
  Build(r, &html);
  return "<section id=\"polis\">\n" + html.Section() + "</section>\n";
}

namespace {

using J = nlohmann::ordered_json;

J CountsJson(const VoteCounts& v) {
  return J{{"agrees", v.agrees},
           {"disagrees", v.disagrees},
           {"passes", v.passes},
           {"seen", v.Seen()},
           {"agree_rate", v.AgreeRate()}};
}

// Every statement: its figures, the decision on it and what became of it.
J StatementsJson(const PolisReport& r) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  std::map<size_t, const StatementOutcome*> outcome;
  if (r.principles)
    for (const StatementOutcome& o : r.principles->outcomes) outcome[o.statement] = &o;
  J statements = J::array();
  for (size_t i = 0; i < a.figures.size(); ++i) {
    const StatementFigures& f = a.figures[i];
    J s;
    s["id"] = c.statements[i].id;
    s["text"] = c.statements[i].text;
    s["line"] = c.statements[i].line;
    s["overall"] = CountsJson(f.overall);
    J groups = J::array();
    for (const VoteCounts& g : f.groups) groups.push_back(CountsJson(g));
    s["groups"] = groups;
    if (!c.statements[i].published_group_agree.empty())
      s["published_group_agree"] = c.statements[i].published_group_agree;
    s["consensus"] = f.consensus;
    s["decision"] = VerdictName(a.decisions[i].verdict);
    s["reason"] = a.decisions[i].reason;
    if (auto it = outcome.find(i); it != outcome.end()) {
      if (!it->second->principle_id.empty()) s["principle"] = it->second->principle_id;
      if (!it->second->rewrite_error.empty()) s["rewrite_error"] = it->second->rewrite_error;
    }
    statements.push_back(std::move(s));
  }
  return statements;
}

// How the raw export's figures differ from the cleaned files'.
J RawJson(const PolisAnalysis& a, const PolisAnalysis& raw) {
  LayoutComparison d = CompareLayouts(a, raw);
  return J{{"participants_clean", d.participants_a},
           {"participants_raw", d.participants_b},
           {"participants_both", d.participants_both},
           {"same_group", d.same_group},
           {"statements_both", d.statements_both},
           {"overall_count_mismatch", d.overall_count_mismatch},
           {"mean_group_rate_diff", d.mean_group_rate_diff},
           {"max_group_rate_diff", d.max_group_rate_diff},
           {"max_diff_statement", d.max_diff_statement},
           {"divisive_clean", d.divisive_a},
           {"divisive_raw", d.divisive_b},
           {"selected_only_clean", d.selected_only_a},
           {"selected_only_raw", d.selected_only_b}};
}

}  // namespace

nlohmann::ordered_json PolisReportJson(const PolisReport& r) {
  const PolisAnalysis& a = *r.analysis;
  const Conversation& c = a.conv;
  J j;
  j["dir"] = c.dir;
  j["layout"] = c.layout;
  j["comments_file"] = c.comments_path;
  j["votes_file"] = c.votes_path;
  j["xid"] = c.has_xid;
  j["counts"] = J{{"comments", c.comments_total},
                  {"rejected", c.comments_rejected},
                  {"unmoderated_dropped", c.comments_unmoderated_dropped},
                  {"statements", c.statements.size()},
                  {"participants", c.participants_total},
                  {"tossed", c.participants_tossed},
                  {"participants_kept", c.participants.size()},
                  {"votes", c.votes_total},
                  {"votes_kept", c.votes_kept}};
  j["groups"] = J{{"k", a.groups.k}, {"method", a.groups.method}, {"sizes", a.groups.sizes}};
  j["thresholds"] =
      J{{"min_group_agree", r.select.min_group_agree}, {"min_group_seen", r.select.min_group_seen},
        {"divisive_gap", r.select.divisive_gap},       {"divisive_high", r.select.divisive_high},
        {"mode", SelectionModeName(r.select.mode)},    {"top", r.select.top},
        {"min_selected", r.select.min_selected}};
  j["selection_rule"] = a.selection_rule;
  if (r.spelling) j["spelling"] = *r.spelling;
  j["summary"] = J{{"selected", a.Count(Verdict::kSelected)},
                   {"divisive", a.Count(Verdict::kDivisive)},
                   {"below_threshold", a.Count(Verdict::kBelowThreshold)},
                   {"too_few_votes", a.Count(Verdict::kTooFewVotes)}};
  if (r.principles) {
    j["summary"]["principles_rewritten"] = r.principles->principles.size();
    if (r.combined) j["summary"]["principles_combined"] = r.combined->size();
    j["embedding"] = r.embedding;
  }
  j["statements"] = StatementsJson(r);
  if (r.raw) j["raw_vs_clean"] = RawJson(a, *r.raw);
  return j;
}

}  // namespace charter
