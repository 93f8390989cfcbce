// thresholds.h — every threshold and weight a result of convert, bulk, merge
// and polis depends on, read from one file that ships with the rules
// (rules/thresholds.tsv: `name <TAB> value` a line, `#` comments; every name
// required). The CLI's defaults are these values; its options override them
// for one run; every report prints the values it used (ThresholdList).
//
// Where it sits: pipeline/, read once where the rules are read.
// Thread-safe: plain values and pure functions.
//
//   Result<Thresholds> t = ParseThresholds(bytes, "rules/thresholds.tsv");
//   MergeOptions o = t->country;               // duplicate, similar, combine ...
//   report_extras.thresholds = ThresholdList(*t);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "merge/merge.h"
#include "publicinput/agreement.h"
#include "report/report.h"

namespace charter {

// The file's name under the rules folder.
inline constexpr char kThresholdsFile[] = "thresholds.tsv";

struct Thresholds {
  // language.min_share: below this share of its language's common words a
  // document is in no language Charter has rules for.
  double min_language_share = 0;
  // country.*: the merge of a country's principles with the base
  // (duplicate, similar, combine, lexical, topical, max_chars, negation).
  MergeOptions country;
  // global.*: the merge across countries (threshold, negation).
  GlobalOptions global;
  // polis.*: combine (of different ideas), the merge thresholds over lexical
  // vectors when no trained embedder loads, and the statement selection.
  float polis_combine = 0;
  float polis_lexical_duplicate = 0;
  float polis_lexical_similar = 0;
  SelectionOptions polis_select;
  // diff.changed: cosine at which a principle of the new set is a changed
  // version of one of the old (`charter diff`).
  float diff_changed = 0;
};

// "off" in the file for a combining threshold: above any cosine.
inline constexpr float kCombineOff = 2.0f;

// Parses the file's text. `file` names it in errors, which read
// "rules/thresholds.tsv:12: country.similar: expected a number from 0 to 1,
// found '1.5'", "...:3: unknown name 'x'", "...:4: country.similar given
// twice", "rules/thresholds.tsv: missing global.threshold".
Result<Thresholds> ParseThresholds(std::string_view text, const std::string& file);

// The values a report prints, by name, in the file's order.
// `kind`: "country" (language.*, country.*), "global" (global.*), "polis"
// (country.*, polis.*) or "all".
std::vector<ReportThreshold> ThresholdList(const Thresholds& t, std::string_view kind);

}  // namespace charter
