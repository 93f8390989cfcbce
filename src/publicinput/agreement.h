// agreement.h — vote figures per statement, overall and per opinion group,
// Polis's group-aware consensus, and the selection of statements to keep.
//
// Where it sits: after polis.h (a loaded Conversation) and groups.h (who is
// in which opinion group); its decisions feed statements -> principles.
//
// Figures (each statement, overall and per group g):
//   agrees, disagrees, passes, seen = agrees + disagrees + passes;
//   agree rate          = agrees / seen (0 when unseen). This is exactly the
//                         `group_<g>_consensus` column of CCAI's
//                         clean_comments.csv (checked to 0 difference on all
//                         275 statements, tests/publicinput);
//   smoothed agreement  = (agrees + 1) / (seen + 2), Polis's pa with a
//                         Beta(1,1) prior, so 1 agree of 1 seen is not 100%;
//   consensus           = product over groups of the smoothed agreement —
//                         Polis's "group-informed consensus": high only when
//                         every group agrees.
// Selection (SelectionOptions, defaults explained there): a statement is
// selected when every group saw it often enough and each group's agree rate
// reaches the threshold; divisive when one group agrees and another does not
// (the gap between the highest and lowest smoothed group agreement is large) — the
// conflicts of public input, reported, never silently dropped.
//
// Thread-safe: pure functions over values.
//
//   GroupAssignment groups = GroupsFromExport(conv);
//   std::vector<StatementFigures> figs = ComputeAgreement(conv, groups);
//   std::vector<StatementDecision> ds = SelectStatements(figs, groups, {});
#pragma once

#include <string>
#include <vector>

#include "publicinput/polis.h"

namespace charter {

struct VoteCounts {
  int agrees = 0;
  int disagrees = 0;
  int passes = 0;
  int Seen() const { return agrees + disagrees + passes; }
  double AgreeRate() const { return Seen() ? static_cast<double>(agrees) / Seen() : 0.0; }
  double DisagreeRate() const { return Seen() ? static_cast<double>(disagrees) / Seen() : 0.0; }
  double SmoothedAgree() const { return (agrees + 1.0) / (Seen() + 2.0); }
};

// Opinion group of every participant (indices as in Conversation::participants).
struct GroupAssignment {
  int k = 0;               // number of groups (ids 0..k-1)
  std::vector<int> group;  // per participant: 0..k-1, or -1 = in no group
  std::vector<int> sizes;  // members per group
  std::string method;      // "export group-id" or a description of the computation
};

// The export's group-id column. k = highest id + 1.
GroupAssignment GroupsFromExport(const Conversation& conv);

struct StatementFigures {
  size_t statement = 0;            // index into Conversation::statements
  VoteCounts overall;              // every kept participant, grouped or not
  std::vector<VoteCounts> groups;  // one per group
  double consensus = 0.0;          // product of the groups' SmoothedAgree()
  double MinGroupAgree() const;    // lowest group agree rate (0 without groups)
  double MaxGroupAgree() const;
};

// One entry per statement, in Conversation::statements order.
std::vector<StatementFigures> ComputeAgreement(const Conversation& conv,
                                               const GroupAssignment& groups);

struct SelectionOptions {
  // Each group's agree rate (agrees / seen) must reach this. Default: 0.85 —
  // a clear majority of every group, passes counted as not agreeing. On CCAI
  // it keeps 84 of 275 statements (0.8 keeps 143, 0.7 keeps 197, 0.9 only
  // 34), which combine into about 75 principles — the size of the public
  // constitution the CCAI process made from the same 275 statements; on
  // polarised conversations (Seattle's $15/hour) it rightly keeps nothing.
  double min_group_agree = 0.85;
  // A group must have seen the statement at least this often to vouch for it
  // (or, for a group with fewer members, every member must have); otherwise
  // the statement is "too few votes". Default: 5 (below that a group's rate
  // is the say of a handful of people). The
  // small-group rule keeps 3-person groups of small conversations (London:
  // 26 voters in groups of 18, 3 and 3) from vetoing everything.
  int min_group_seen = 5;
  // Divisive: the gap between the highest and the lowest group's smoothed
  // agreement ((agrees + 1) / (seen + 2)) is >= divisive_gap while the most
  // favourable group's agree rate is >= divisive_high. Default 0.3 and 0.5:
  // a majority of one group agrees and another group is at least 30 points
  // lower. Smoothing keeps one vote in a 3-person group (2/3 against 3/3,
  // smoothed 0.6 against 0.8) from counting as a conflict.
  double divisive_gap = 0.3;
  double divisive_high = 0.5;
  // How statements are chosen:
  //   kThreshold  the per-group threshold above (min_group_agree);
  //   kTop        the `top` statements of highest group-informed consensus
  //               that no group rejects: not divisive, seen often enough, and
  //               agreed by at least as many as disagree in every group — what
  //               Polis reports as consensus, whatever its strength;
  //   kAuto       the threshold, or kTop when the threshold selects fewer than
  //               `min_selected` statements (a divided conversation: Seattle's
  //               $15/hour selects 0 at 0.85, London's youth policing 1).
  // Default: kAuto, top 10, min_selected 5.
  enum class Mode { kAuto, kThreshold, kTop };
  Mode mode = Mode::kAuto;
  int top = 10;
  int min_selected = 5;
};

// "auto", "threshold", "top".
const char* SelectionModeName(SelectionOptions::Mode m);

// Error (InvalidArgument) naming the first setting out of range.
Status ValidateSelectionOptions(const SelectionOptions& options);

enum class Verdict { kSelected, kDivisive, kBelowThreshold, kTooFewVotes };
const char* VerdictName(Verdict v);  // "selected", "divisive", "below threshold", "too few votes"

struct StatementDecision {
  size_t statement = 0;  // index into Conversation::statements
  Verdict verdict = Verdict::kBelowThreshold;
  std::string reason;  // one line, with the figures behind it
};

// One decision per statement, in figures order. A divisive statement is never
// selected, whatever its rates. `groups` gives the group sizes. `rule`, when
// given, receives the rule that selected, one line: "every group agrees >=
// 85.0%" or "top 10 by group-informed consensus (the 85.0% threshold selected
// 0)".
std::vector<StatementDecision> SelectStatements(const std::vector<StatementFigures>& figures,
                                                const GroupAssignment& groups,
                                                const SelectionOptions& options,
                                                std::string* rule = nullptr);

// "agree 188/207 (90.8%), disagree 12, pass 7; group 0: 102/115 (88.7%) ..."
std::string FiguresNote(const StatementFigures& f);

}  // namespace charter
