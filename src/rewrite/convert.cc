// convert.cc — Rewriter::Convert: a document's principles from the ideas its
// clauses state, and the clauses that state none, validated one by one.

#include <algorithm>
#include <map>
#include <set>

#include "core/hash.h"
#include "rewrite/rewrite.h"
#include "rewrite/templates.h"

namespace charter {

namespace {

constexpr std::string_view kPrefix = "Choose the response that ";

Source SourceOf(const Clause& c) {
  Source s;
  s.doc = c.unit.doc;
  s.id = c.unit.id;
  s.cite = c.unit.cite;
  s.line_start = c.unit.line_start;
  s.line_end = c.unit.line_end;
  s.text = c.unit.text;
  return s;
}

// One family's ideas in a document, with the clauses that state each.
struct FamilyUse {
  size_t first = 0;                             // index of its first clause
  std::map<int, std::vector<size_t>> clauses;   // idea -> clause indices, in order
  std::map<int, std::vector<std::string>> fired;  // idea -> pattern lines that coded it
};

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

// A principle for `ideas` (one family's, inventory order) from `clauses`.
Principle IdeaPrinciple(const IdeaSet& set, const std::vector<int>& ideas, const FamilyUse& use,
                        const std::vector<Clause>& clauses) {
  Principle p;
  p.text = std::string(kPrefix) + set.Wording(ideas) + ".";
  p.id = HashHex(p.text);
  p.origin = "country";
  p.template_id = "idea";
  std::set<size_t> sources;
  for (int i : ideas) {
    const Idea& idea = set.ideas()[static_cast<size_t>(i)];
    p.ideas.push_back(idea.id);
    AddUnique(&p.topics, idea.topic);
    p.rules.push_back(idea.rule_id);
    for (const std::string& r : use.fired.at(i)) AddUnique(&p.rules, r);
    for (size_t k : use.clauses.at(i)) sources.insert(k);
  }
  // The stance of the first idea speaks for the principle, as its words do.
  p.polarity = set.ideas()[static_cast<size_t>(ideas.front())].stance;
  for (size_t k : sources) p.sources.push_back(SourceOf(clauses[k]));
  p.kind = KindName(clauses[*sources.begin()].kind);
  return p;
}

}  // namespace

const IdeaSet& Rewriter::IdeaInventory() const { return impl_->ideas; }

std::vector<std::string> Rewriter::Validate(std::string_view text) const {
  std::vector<std::string> out;
  for (const Finding& f : impl_->validator.Check(text)) out.push_back(f.ToString());
  return out;
}

Conversion Rewriter::Convert(const std::vector<Clause>& clauses) const {
  const IdeaSet& set = impl_->ideas;
  Conversion out;
  // Principles keyed by the index of the clause that places them.
  std::vector<std::pair<size_t, Principle>> placed;
  std::map<std::string, FamilyUse> families;
  IdeaSet::Fired fired;
  for (size_t k = 0; k < clauses.size(); ++k) {
    const Clause& c = clauses[k];
    if (!c.principle) continue;
    // A lead-in on a line of its own speaks through its items, which carry
    // its words (as in Rewrite).
    if (k + 1 < clauses.size() && clauses[k + 1].principle &&
        IsLeadInOf(c.unit, clauses[k + 1].unit))
      continue;
    fired.clear();
    std::vector<int> ideas = set.Code(c.unit.text, &fired);
    if (!ideas.empty()) {
      for (int i : ideas) {
        const Idea& idea = set.ideas()[static_cast<size_t>(i)];
        auto [it, fresh] = families.try_emplace(idea.family);
        if (fresh) it->second.first = k;
        it->second.clauses[i].push_back(k);
      }
      for (const auto& [i, line] : fired)
        AddUnique(&families.at(set.ideas()[static_cast<size_t>(i)].family).fired[i], line);
      continue;
    }
    Principle p = RewriteClause(c);
    std::vector<std::string> findings;
    if (p.text.empty())
      findings.push_back("no_statement");
    else
      findings = Validate(p.text);
    if (findings.empty()) {
      placed.emplace_back(k, std::move(p));
      continue;
    }
    out.unconverted.push_back({SourceOf(c), KindName(c.kind), p.text, std::move(findings)});
  }
  for (const auto& [name, use] : families) {
    std::vector<int> ideas;
    for (const auto& [i, ks] : use.clauses) ideas.push_back(i);
    for (size_t b = 0; b < ideas.size(); b += kMaxIdeasPerPrinciple) {
      std::vector<int> chunk(ideas.begin() + static_cast<long>(b),
                             ideas.begin() + static_cast<long>(std::min(ideas.size(), b + kMaxIdeasPerPrinciple)));
      size_t first = clauses.size();
      for (int i : chunk) first = std::min(first, use.clauses.at(i).front());
      placed.emplace_back(first, IdeaPrinciple(set, chunk, use, clauses));
    }
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // One principle per text: a later one of the same words adds its sources.
  std::map<std::string, size_t> by_text;
  for (auto& [k, p] : placed) {
    auto [it, fresh] = by_text.try_emplace(p.text, out.principles.size());
    if (fresh) {
      out.principles.push_back(std::move(p));
      continue;
    }
    Principle& q = out.principles[it->second];
    for (Source& s : p.sources) {
      bool seen = false;
      for (const Source& t : q.sources) seen = seen || t.id == s.id;
      if (!seen) q.sources.push_back(std::move(s));
    }
    for (const std::string& r : p.rules) AddUnique(&q.rules, r);
  }
  return out;
}

}  // namespace charter
