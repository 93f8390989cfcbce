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

Result<PatternSet> PatternSet::Compile(const RuleFile& file, size_t pattern_column,
                                       const PatternOptions& options) {
  const ::re2::RE2::Options opt = Re2Options(options);
  PatternSet ps;
  ps.options_ = options;
  ps.regexes_ = std::make_shared<Regexes>(file.rules.size());
  auto bad = [&](size_t i, const std::string& err) {
    return InvalidArgument(file.rules[i].Id() + ": bad pattern: " + err);
  };
  auto compile_each = [&](size_t i) -> Status {
    auto re = std::make_unique<::re2::RE2>(ps.patterns_[i], opt);
    if (!re->ok()) return bad(i, re->error());
    std::call_once(ps.regexes_->once[i], [&] { ps.regexes_->re[i] = std::move(re); });
    return {};
  };
  for (size_t i = 0; i < file.rules.size(); ++i) {
    const Rule& rule = file.rules[i];
    if (pattern_column >= rule.fields.size())
      return InvalidArgument(rule.Id() + ": missing pattern column");
    ps.patterns_.push_back(rule.fields[pattern_column]);
    if (options.each)
      if (auto st = compile_each(i); !st) return std::unexpected(st.error());
  }
  if (options.set && !file.rules.empty()) {
    // The main set may need more DFA states than RE2's default budget: past
    // it, the DFA is rebuilt again and again (measured 10x slower).
    ::re2::RE2::Options set_opt = opt;
    set_opt.set_max_mem(int64_t{64} << 20);
    auto set = std::make_shared<::re2::RE2::Set>(
        set_opt, options.anchor_start ? ::re2::RE2::ANCHOR_START : ::re2::RE2::UNANCHORED);
    auto anchored = std::make_shared<::re2::RE2::Set>(opt, ::re2::RE2::ANCHOR_START);
    // Gate pattern (prefixed "^" for the anchored set) -> gate number.
    std::map<std::string, int> gate_entry;
    // Adds a gated group for `rule`: its gates (shared with other rules by
    // text) in the main set, or in the anchored one for a "^" piece of a
    // pattern that starts there; no gate at all means it is asked of every
    // text. A gate that does not parse is left out: one may be missing,
    // never wrong.
    std::string err;
    auto add_gated = [&](int rule, const std::vector<std::string>& pieces, bool at_start) {
      const int g = static_cast<int>(ps.gated_.size());
      std::vector<int> gates;
      for (const std::string& gate : pieces) {
        const bool anchored_gate = at_start && AnchoredAtStart(gate);
        auto [it, added] = gate_entry.emplace((anchored_gate ? "^" : "") + gate,
                                              static_cast<int>(ps.gate_users_.size()));
        if (added) {
          re2::RE2::Set& target = anchored_gate ? *anchored : *set;
          if (target.Add(gate, &err) < 0) {
            gate_entry.erase(it);
            continue;
          }
          (anchored_gate ? ps.anchored_entry_ : ps.entry_)
              .push_back(-1 - static_cast<int>(ps.gate_users_.size()));
          ps.gate_users_.emplace_back();
        }
        if (std::find(gates.begin(), gates.end(), it->second) == gates.end())
          gates.push_back(it->second);
      }
      for (int gate : gates) ps.gate_users_[static_cast<size_t>(gate)].push_back(g);
      if (gates.empty()) ps.ungated_.push_back(g);
      ps.gated_.push_back({rule, static_cast<int>(gates.size())});
    };
    for (size_t i = 0; i < file.rules.size(); ++i) {
      const std::string& pattern = ps.patterns_[i];
      const int rule = static_cast<int>(i);
      const bool at_start = !options.anchor_start && AnchoredAtStart(pattern);
      GatePlan plan;
      if (options.anchor_start) {
        plan = GatePlan{.exact = true, .local = pattern};
      } else if (at_start) {
        // A "^" pattern stops the anchored set within a few bytes unless it
        // has a long-range gap; then its pieces are gates. Without usable
        // gates it stays whole in the anchored set ("^[\W\d]*$" stops at the
        // first letter anyway).
        if (HasLongRange(pattern)) plan = PlanGates(pattern);
        if (!plan.exact && plan.gates.empty()) plan = GatePlan{.exact = true, .local = pattern};
      } else {
        plan = PlanGates(pattern);
        // A top-level "|" joining pieces with gaps can be neither put in the
        // set whole nor gated: each alternative is, as an entry or gated
        // group of its own that answers for the whole rule (an alternative
        // that matches means the rule does; a gated one is confirmed with
        // the rule's own regex).
        if (!plan.exact && plan.gates.empty() && !options.anchor_start &&
            !pattern.starts_with("(?-i)")) {
          std::vector<std::string> alts = TopLevelAlternatives(pattern);
          if (alts.size() > 1) {
            if (!options.each)
              if (auto st = compile_each(i); !st) return std::unexpected(st.error());
            for (const std::string& alt : alts) {
              GatePlan ap = PlanGates(alt);
              if (ap.exact && set->Add(ap.local, &err) >= 0) {
                ps.entry_.push_back(rule);
                continue;
              }
              add_gated(rule, ap.exact ? std::vector<std::string>{} : ap.gates, false);
            }
            continue;
          }
        }
        // A case-sensitive pattern in a case-insensitive set ("(?-i)[A-Z]...
        // Act, 2004") splits every letter's byte class into upper and lower
        // case, which makes every DFA state larger and slower to build (the
        // English cue set built its states 10% faster without one). Its
        // pieces go in without the flag, as gates (they match a superset),
        // and its own regex confirms it.
        if (!options.case_sensitive && pattern.starts_with("(?-i)")) {
          plan = PlanGates(std::string_view(pattern).substr(5));
          if (plan.exact) plan.gates = {plan.local};
          plan.exact = false;
        }
      }
      if (plan.exact) {
        if (at_start ? anchored->Add(plan.local, &err) >= 0 : set->Add(plan.local, &err) >= 0) {
          (at_start ? ps.anchored_entry_ : ps.entry_).push_back(rule);
          continue;
        }
        plan.gates.clear();  // the planner's local part did not parse
      }
      // The pattern is asked on its own: check it (with RE2's message).
      if (!options.each)
        if (auto st = compile_each(i); !st) return std::unexpected(st.error());
      // A pattern's first piece keeps its "^" (after any inline flags the
      // planner carried into it): it goes in the anchored set.
      add_gated(rule, plan.gates, at_start);
    }
    if (!ps.entry_.empty()) {
      if (!set->Compile())
        return InvalidArgument(file.name + ": patterns too large to compile together");
      ps.set_ = std::move(set);
    }
    if (!ps.anchored_entry_.empty()) {
      if (!anchored->Compile())
        return InvalidArgument(file.name + ": patterns too large to compile together");
      ps.anchored_ = std::move(anchored);
    }
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

}  // namespace charter
