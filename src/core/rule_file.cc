#include "core/rule_file.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/io.h"
#include "core/pattern_gate.h"
#include "core/text.h"

namespace charter {

namespace fs = std::filesystem;

Result<RuleFile> ParseRuleFile(std::string_view text, const std::string& name, size_t min_columns,
                               size_t max_columns) {
  RuleFile file;
  file.name = name;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!IsValidUtf8(line))
      return InvalidArgument(name + ":" + std::to_string(line_no) + ": invalid UTF-8");
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    Rule rule;
    rule.file = name;
    rule.line = line_no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      rule.fields.emplace_back(
          line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    // Trailing empty optional columns are allowed; interior empties are not.
    while (rule.fields.size() > min_columns && rule.fields.back().empty()) rule.fields.pop_back();
    if (rule.fields.size() < min_columns || rule.fields.size() > max_columns) {
      std::string expected = min_columns == max_columns ? std::to_string(min_columns)
                                                        : std::to_string(min_columns) + " to " +
                                                              std::to_string(max_columns);
      return InvalidArgument(name + ":" + std::to_string(line_no) + ": expected " + expected +
                             " columns, found " + std::to_string(rule.fields.size()));
    }
    for (size_t i = 0; i < min_columns; ++i) {
      if (Trim(rule.fields[i]).empty())
        return InvalidArgument(name + ":" + std::to_string(line_no) + ": column " +
                               std::to_string(i + 1) + " is empty");
    }
    file.rules.push_back(std::move(rule));
    if (nl == text.size()) break;
  }
  return file;
}

Result<std::vector<std::string>> ParseListFile(std::string_view text, const std::string& name) {
  std::vector<std::string> out;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (!IsValidUtf8(line))
      return InvalidArgument(name + ":" + std::to_string(line_no) + ": invalid UTF-8");
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    out.emplace_back(t);
  }
  return out;
}

struct PatternSet::Regexes {
  explicit Regexes(size_t n) : once(n), re(n) {}
  std::vector<std::once_flag> once;
  std::vector<std::unique_ptr<const ::re2::RE2>> re;
};

namespace {
::re2::RE2::Options Re2Options(const PatternOptions& options) {
  ::re2::RE2::Options opt;
  opt.set_case_sensitive(options.case_sensitive);
  opt.set_log_errors(false);
  opt.set_encoding(::re2::RE2::Options::EncodingUTF8);
  return opt;
}
}  // namespace

// Builds a PatternSet's main and anchored RE2::Sets, one rule at a time.
class PatternSet::SetBuilder {
 public:
  SetBuilder(PatternSet* ps, const RuleFile& file, const PatternOptions& options)
      : ps_(*ps), file_(file), options_(options), opt_(Re2Options(options)) {
    // The main set may need more DFA states than RE2's default budget: past
    // it, the DFA is rebuilt again and again (measured 10x slower).
    ::re2::RE2::Options set_opt = opt_;
    set_opt.set_max_mem(int64_t{64} << 20);
    set_ = std::make_shared<::re2::RE2::Set>(
        set_opt, options.anchor_start ? ::re2::RE2::ANCHOR_START : ::re2::RE2::UNANCHORED);
    anchored_ = std::make_shared<::re2::RE2::Set>(opt_, ::re2::RE2::ANCHOR_START);
  }

  // Compiles rule i's own regex (once); a pattern RE2 rejects is an error.
  Status CompileEach(size_t i) {
    auto re = std::make_unique<::re2::RE2>(ps_.patterns_[i], opt_);
    if (!re->ok()) return InvalidArgument(file_.rules[i].Id() + ": bad pattern: " + re->error());
    std::call_once(ps_.regexes_->once[i], [&] { ps_.regexes_->re[i] = std::move(re); });
    return {};
  }

  Status AddRule(size_t i);
  Status Finish();

 private:
  GatePlan PlanOf(const std::string& pattern, bool at_start) const;
  Status AddAlternatives(size_t i, const std::vector<std::string>& alts);
  void AddGated(int rule, const std::vector<std::string>& pieces, bool at_start);

  PatternSet& ps_;
  const RuleFile& file_;
  const PatternOptions& options_;
  const ::re2::RE2::Options opt_;
  std::shared_ptr<::re2::RE2::Set> set_, anchored_;
  // Gate pattern (prefixed "^" for the anchored set) -> gate number.
  std::map<std::string, int> gate_entry_;
  std::string err_;
};

// Adds a gated group for `rule`: its gates (shared with other rules by
// text) in the main set, or in the anchored one for a "^" piece of a
// pattern that starts there; no gate at all means it is asked of every
// text. A gate that does not parse is left out: one may be missing,
// never wrong.
void PatternSet::SetBuilder::AddGated(int rule, const std::vector<std::string>& pieces,
                                      bool at_start) {
  const int g = static_cast<int>(ps_.gated_.size());
  std::vector<int> gates;
  for (const std::string& gate : pieces) {
    const bool anchored_gate = at_start && AnchoredAtStart(gate);
    auto [it, added] = gate_entry_.emplace((anchored_gate ? "^" : "") + gate,
                                           static_cast<int>(ps_.gate_users_.size()));
    if (added) {
      re2::RE2::Set& target = anchored_gate ? *anchored_ : *set_;
      if (target.Add(gate, &err_) < 0) {
        gate_entry_.erase(it);
        continue;
      }
      (anchored_gate ? ps_.anchored_entry_ : ps_.entry_)
          .push_back(-1 - static_cast<int>(ps_.gate_users_.size()));
      ps_.gate_users_.emplace_back();
    }
    if (std::find(gates.begin(), gates.end(), it->second) == gates.end())
      gates.push_back(it->second);
  }
  for (int gate : gates) ps_.gate_users_[static_cast<size_t>(gate)].push_back(g);
  if (gates.empty()) ps_.ungated_.push_back(g);
  ps_.gated_.push_back({rule, static_cast<int>(gates.size())});
}

// How a pattern goes in: whole (exact, in `local`) or through its gates.
GatePlan PatternSet::SetBuilder::PlanOf(const std::string& pattern, bool at_start) const {
  if (options_.anchor_start) return GatePlan{.exact = true, .local = pattern};
  if (at_start) {
    // A "^" pattern stops the anchored set within a few bytes unless it
    // has a long-range gap; then its pieces are gates. Without usable
    // gates it stays whole in the anchored set ("^[\W\d]*$" stops at the
    // first letter anyway).
    GatePlan plan;
    if (HasLongRange(pattern)) plan = PlanGates(pattern);
    if (!plan.exact && plan.gates.empty()) plan = GatePlan{.exact = true, .local = pattern};
    return plan;
  }
  GatePlan plan = PlanGates(pattern);
  // A case-sensitive pattern in a case-insensitive set ("(?-i)[A-Z]...
  // Act, 2004") splits every letter's byte class into upper and lower
  // case, which makes every DFA state larger and slower to build (the
  // English cue set built its states 10% faster without one). Its
  // pieces go in without the flag, as gates (they match a superset),
  // and its own regex confirms it.
  if (!options_.case_sensitive && pattern.starts_with("(?-i)")) {
    plan = PlanGates(std::string_view(pattern).substr(5));
    if (plan.exact) plan.gates = {plan.local};
    plan.exact = false;
  }
  return plan;
}

// A top-level "|" joining pieces with gaps can be neither put in the set
// whole nor gated: each alternative is, as an entry or gated group of its
// own that answers for the whole rule (an alternative that matches means
// the rule does; a gated one is confirmed with the rule's own regex).
Status PatternSet::SetBuilder::AddAlternatives(size_t i, const std::vector<std::string>& alts) {
  const int rule = static_cast<int>(i);
  if (!options_.each)
    if (auto st = CompileEach(i); !st) return st;
  for (const std::string& alt : alts) {
    GatePlan ap = PlanGates(alt);
    if (ap.exact && set_->Add(ap.local, &err_) >= 0) {
      ps_.entry_.push_back(rule);
      continue;
    }
    AddGated(rule, ap.exact ? std::vector<std::string>{} : ap.gates, false);
  }
  return {};
}

Status PatternSet::SetBuilder::AddRule(size_t i) {
  const std::string& pattern = ps_.patterns_[i];
  const int rule = static_cast<int>(i);
  const bool at_start = !options_.anchor_start && AnchoredAtStart(pattern);
  GatePlan plan = PlanOf(pattern, at_start);
  if (!options_.anchor_start && !at_start && !pattern.starts_with("(?-i)") && !plan.exact &&
      plan.gates.empty()) {
    std::vector<std::string> alts = TopLevelAlternatives(pattern);
    if (alts.size() > 1) return AddAlternatives(i, alts);
  }
  if (plan.exact) {
    if (at_start ? anchored_->Add(plan.local, &err_) >= 0 : set_->Add(plan.local, &err_) >= 0) {
      (at_start ? ps_.anchored_entry_ : ps_.entry_).push_back(rule);
      return {};
    }
    plan.gates.clear();  // the planner's local part did not parse
  }
  // The pattern is asked on its own: check it (with RE2's message).
  if (!options_.each)
    if (auto st = CompileEach(i); !st) return st;
  // A pattern's first piece keeps its "^" (after any inline flags the
  // planner carried into it): it goes in the anchored set.
  AddGated(rule, plan.gates, at_start);
  return {};
}

Status PatternSet::SetBuilder::Finish() {
  if (!ps_.entry_.empty()) {
    if (!set_->Compile())
      return InvalidArgument(file_.name + ": patterns too large to compile together");
    ps_.set_ = std::move(set_);
  }
  if (!ps_.anchored_entry_.empty()) {
    if (!anchored_->Compile())
      return InvalidArgument(file_.name + ": patterns too large to compile together");
    ps_.anchored_ = std::move(anchored_);
  }
  return {};
}

Result<PatternSet> PatternSet::Compile(const RuleFile& file, size_t pattern_column,
                                       const PatternOptions& options) {
  PatternSet ps;
  ps.options_ = options;
  ps.regexes_ = std::make_shared<Regexes>(file.rules.size());
  SetBuilder builder(&ps, file, options);
  for (size_t i = 0; i < file.rules.size(); ++i) {
    const Rule& rule = file.rules[i];
    if (pattern_column >= rule.fields.size())
      return InvalidArgument(rule.Id() + ": missing pattern column");
    ps.patterns_.push_back(rule.fields[pattern_column]);
    if (options.each)
      if (auto st = builder.CompileEach(i); !st) return std::unexpected(st.error());
  }
  if (options.set && !file.rules.empty()) {
    for (size_t i = 0; i < file.rules.size(); ++i)
      if (auto st = builder.AddRule(i); !st) return std::unexpected(st.error());
    if (auto st = builder.Finish(); !st) return std::unexpected(st.error());
  }
  ps.rules_ = file.rules;
  return ps;
}

std::vector<int> PatternSet::Match(std::string_view text) const {
  std::vector<int> hits;
  Match(text, &hits);
  return hits;
}

void PatternSet::Match(std::string_view text, std::vector<int>* hits) const {
  hits->clear();
  if (rules_.empty()) return;
  const ::re2::StringPiece in(text.data(), text.size());
  const ::re2::RE2::Anchor anchor =
      options_.anchor_start ? ::re2::RE2::ANCHOR_START : ::re2::RE2::UNANCHORED;
  auto ask = [&](int rule) { return Regex(rule).Match(in, 0, text.size(), anchor, nullptr, 0); };
  // Per thread, reused: the sets' entries that fired, per gated rule how many
  // of its gates fired, and the gated rules whose gates all fired.
  thread_local std::vector<int> entries;
  thread_local std::vector<int> fired;
  thread_local std::vector<int> ready;
  fired.assign(gated_.size(), 0);
  ready.assign(ungated_.begin(), ungated_.end());
  auto take = [&](const std::vector<int>& entry) {
    for (int e : entries) {
      const int r = entry[static_cast<size_t>(e)];
      if (r >= 0) {
        hits->push_back(r);
        continue;
      }
      for (int g : gate_users_[static_cast<size_t>(-1 - r)])
        if (++fired[static_cast<size_t>(g)] == gated_[static_cast<size_t>(g)].num_gates)
          ready.push_back(g);
    }
  };
  bool ok = options_.set;
  ::re2::RE2::Set::ErrorInfo info;
  for (const auto& [set, entry] :
       {std::pair{set_.get(), &entry_}, std::pair{anchored_.get(), &anchored_entry_}}) {
    if (!ok || !set) continue;
    if (set->Match(text, &entries, &info))
      take(*entry);
    else
      ok = info.kind == ::re2::RE2::Set::kNoError;
  }
  if (ok) {
    for (int g : ready)
      if (ask(gated_[static_cast<size_t>(g)].rule))
        hits->push_back(gated_[static_cast<size_t>(g)].rule);
  } else {
    // No set compiled, or a DFA ran out of memory: ask each pattern.
    hits->clear();
    for (size_t i = 0; i < patterns_.size(); ++i)
      if (ask(static_cast<int>(i))) hits->push_back(static_cast<int>(i));
    return;
  }
  // A rule split into alternatives may answer through several of them.
  std::sort(hits->begin(), hits->end());
  hits->erase(std::unique(hits->begin(), hits->end()), hits->end());
}

const ::re2::RE2& PatternSet::Regex(int i) const {
  const size_t k = static_cast<size_t>(i);
  std::call_once(regexes_->once[k], [&] {
    regexes_->re[k] = std::make_unique<::re2::RE2>(patterns_[k], Re2Options(options_));
  });
  return *regexes_->re[k];
}

Result<RuleFile> ParseOptionalRuleFile(const RuleTexts& rules, const std::string& name,
                                       size_t min_columns, size_t max_columns) {
  auto it = rules.find(name);
  if (it == rules.end()) return RuleFile{name, {}};
  return ParseRuleFile(it->second, name, min_columns, max_columns);
}

}  // namespace charter
