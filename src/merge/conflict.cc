#include "merge/conflict.h"

#include <algorithm>
#include <optional>

#include "core/hash.h"
#include "core/text.h"
#include "merge/principle_io.h"

namespace charter {

struct ConflictRules::Impl {
  std::vector<ConflictRule> rules;
  std::optional<PatternSet> side_a;
  std::optional<PatternSet> side_b;
  std::optional<PatternSet> stance;
  std::vector<int> stance_sign;  // per stance rule
};

Result<ConflictRules> ConflictRules::Create(const RuleTexts& rules, const std::string& lang) {
  auto impl = std::make_shared<Impl>();
  auto it = rules.find(lang + "/conflicts.tsv");
  if (it != rules.end()) {
    auto file = ParseRuleFile(it->second, it->first, 4, 4);
    if (!file) return std::unexpected(file.error());
    auto a = PatternSet::Compile(*file, 1, {});
    if (!a) return std::unexpected(a.error());
    auto b = PatternSet::Compile(*file, 3, {});
    if (!b) return std::unexpected(b.error());
    for (const Rule& r : file->rules) impl->rules.push_back({r.Id(), r.fields[0], r.fields[2]});
    impl->side_a = std::move(*a);
    impl->side_b = std::move(*b);
  }
  it = rules.find(lang + "/stance.tsv");
  if (it != rules.end()) {
    auto file = ParseRuleFile(it->second, it->first, 2, 2);
    if (!file) return std::unexpected(file.error());
    for (const Rule& r : file->rules) {
      if (r.fields[0] != "+" && r.fields[0] != "-" && r.fields[0] != "0")
        return InvalidArgument(r.Id() + ": stance must be +, - or 0, found '" + r.fields[0] + "'");
      impl->stance_sign.push_back(r.fields[0] == "+" ? 1 : r.fields[0] == "-" ? -1 : 0);
    }
    auto set = PatternSet::Compile(*file, 1, {});
    if (!set) return std::unexpected(set.error());
    impl->stance = std::move(*set);
  }
  ConflictRules out;
  out.impl_ = std::move(impl);
  return out;
}

int ConflictRules::Stance(std::string_view principle_text) const {
  if (!impl_ || !impl_->stance) return 0;
  std::string core = PrincipleCore(principle_text);
  std::vector<int> hits = impl_->stance->Match(core);
  if (hits.empty()) return 0;
  return impl_->stance_sign[static_cast<size_t>(hits.front())];
}

std::vector<int> ConflictRules::Sides(const Principle& p) const {
  if (!impl_ || !impl_->side_a) return {};
  std::string text = p.text;
  for (const Source& s : p.sources) {
    if (s.text.empty()) continue;
    text += '\n';
    text += s.text;
  }
  return Sides(std::string_view(text));
}

std::vector<int> ConflictRules::Sides(std::string_view text) const {
  std::vector<int> out;
  if (!impl_ || !impl_->side_a) return out;
  std::vector<int> a = impl_->side_a->Match(text);
  std::vector<int> b = impl_->side_b->Match(text);
  for (int r : a)
    if (!std::binary_search(b.begin(), b.end(), r)) out.push_back(r * 2);
  for (int r : b)
    if (!std::binary_search(a.begin(), a.end(), r)) out.push_back(r * 2 + 1);
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<ConflictRule>& ConflictRules::rules() const {
  static const std::vector<ConflictRule> kNone;
  return impl_ ? impl_->rules : kNone;
}

bool ConflictRules::empty() const { return !impl_ || (!impl_->side_a && !impl_->stance); }

std::string ConflictId(const Conflict& c) {
  return HashHex("conflict\n" + c.kind + "\n" + c.label_a + "\n" + c.label_b + "\n" + c.entry_a +
                 "\n" + c.entry_b);
}

}  // namespace charter
