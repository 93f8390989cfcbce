// polis_report.h — the Polis-specific part of `charter polis`'s report:
// what was read and dropped, the opinion groups, the per-group agreement of
// every statement, what was selected and why, the divisive statements (the
// conflicts of public input) and, for CCAI-style folders holding both, how
// the raw export's figures differ from the cleaned ones.
//
// Where it sits: after public_input.h; the CLI appends this section to the
// merge report (src/report) in all three renderings. Markdown and HTML are
// written in the report stage's document model (report/render.h), so they
// say the same thing and look like the rest of the report.
//
// Deterministic: same inputs, same bytes. Thread-safe: pure functions.
//
//   PolisReport r{.analysis = &a, .principles = &pp, .combined = &plan.country_principles};
//   std::string md = PolisReportMarkdown(r);
//   nlohmann::ordered_json j = PolisReportJson(r);
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/types.h"
#include "publicinput/public_input.h"

namespace charter {

struct PolisReport {
  const PolisAnalysis* analysis = nullptr;           // required
  const PublicPrinciples* principles = nullptr;      // required
  const std::vector<Principle>* combined = nullptr;  // after combining; may be null
  const PolisAnalysis* raw =
      nullptr;              // the raw layout of the same folder, for comparison; may be null
  SelectionOptions select;  // thresholds used
  std::string embedding;    // how similar statements were combined
  // Spelling corrections and unknown words, "statement 12: selfharm -> self-harm"; may be null.
  const std::vector<std::string>* spelling = nullptr;
  double seconds = -1;  // processing time, < 0: not shown
};

// How two analyses of the same conversation (clean vs raw layout) differ.
struct LayoutComparison {
  int participants_a = 0, participants_b = 0, participants_both = 0;
  int same_group = 0;  // participants in both with the same group id
  int statements_both = 0;
  double max_group_rate_diff = 0, mean_group_rate_diff = 0;  // over statements x groups
  int max_diff_statement = -1;                               // comment id
  int overall_count_mismatch = 0;  // statements whose overall agree/disagree/pass differ
  std::vector<int> selected_only_a, selected_only_b;  // comment ids
  int divisive_a = 0, divisive_b = 0;
};
LayoutComparison CompareLayouts(const PolisAnalysis& a, const PolisAnalysis& b);

// The Markdown section, to append after a blank line.
std::string PolisReportMarkdown(const PolisReport& r);
// A <section> ... </section> fragment (escaped), to go inside the report page.
std::string PolisReportHtml(const PolisReport& r);
nlohmann::ordered_json PolisReportJson(const PolisReport& r);

}  // namespace charter
