// merge_country.cc — MergeCountry: a country's principles against the base
// constitution.
#include <algorithm>
#include <map>

#include "core/hash.h"
#include "core/principle_text.h"
#include "merge/merge.h"
#include "merge/merge_internal.h"

namespace charter {

using namespace merge_internal;

namespace {

void AddPairConflicts(const ConflictRules& rules, const Principle& a, const std::string& side_a,
                      const std::vector<int>& sides_a, const Principle& b,
                      const std::string& side_b, const std::vector<int>& sides_b, float sim,
                      std::vector<Conflict>* out) {
  for (int sa : sides_a) {
    int want = sa ^ 1;  // the other side of the same rule
    if (!std::binary_search(sides_b.begin(), sides_b.end(), want)) continue;
    const ConflictRule& r = rules.rules()[static_cast<size_t>(sa / 2)];
    Conflict c;
    c.kind = "rule";
    c.rule = r.id;
    c.label_a = (sa & 1) ? r.label_b : r.label_a;
    c.label_b = (sa & 1) ? r.label_a : r.label_b;
    c.a = a;
    c.b = b;
    c.side_a = side_a;
    c.side_b = side_b;
    c.similarity = sim;
    out->push_back(std::move(c));
  }
}

// Sorted, distinct.
std::vector<std::string> SortedIdeas(std::vector<std::string> ideas) {
  std::sort(ideas.begin(), ideas.end());
  ideas.erase(std::unique(ideas.begin(), ideas.end()), ideas.end());
  return ideas;
}

// The ideas of `country` (in its order) that `base_sorted` names too.
std::vector<std::string> SharedIdeas(const std::vector<std::string>& country,
                                     const std::vector<std::string>& base_sorted) {
  std::vector<std::string> out;
  for (const std::string& id : country)
    if (std::binary_search(base_sorted.begin(), base_sorted.end(), id)) out.push_back(id);
  return out;
}

// A merge candidate's suggested text (MergeTools::idea_wording): the base
// principle in its own words (a reviewer sees exactly what is added), then
// the ideas the country principle states that the base does not, as many as
// pass validation; the country's sources and ideas come along.
Principle SuggestFromIdeas(const Principle& base, const Principle& country,
                           const std::vector<std::string>& country_ideas,
                           const std::vector<std::string>& base_sorted, const MergeTools& tools) {
  std::vector<std::string> extra;
  for (const std::string& id : country_ideas)
    if (!std::binary_search(base_sorted.begin(), base_sorted.end(), id)) extra.push_back(id);
  // Every principle opens "Choose the response that" (validation's form);
  // the base's own polite "Please choose ..." is kept when nothing is added.
  std::string head = base.text;
  if (head.starts_with("Please choose ")) head = "Choose " + head.substr(14);
  while (!head.empty() && (head.back() == '.' || head.back() == ' ')) head.pop_back();
  std::string text = base.text;
  for (; !extra.empty(); extra.pop_back()) {
    std::string body = tools.idea_wording(extra);
    if (body.empty()) continue;
    std::string t = head + ", and that " + body + ".";
    if (!tools.validate || tools.validate(t).empty()) {
      text = std::move(t);
      break;
    }
  }
  Principle p = base;
  p.text = std::move(text);
  p.template_id = "merge.ideas";
  p.origin = base.origin;
  for (const Source& s : country.sources) p.sources.push_back(s);
  std::vector<std::string> ids = base.ideas;
  for (const std::string& id : country_ideas)
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  p.ideas = std::move(ids);
  p.id = HashHex(p.text);
  return p;
}

// What MergeCountry compares: the base and the (combined) country
// principles, their vectors and terms, and their stances, rule sides and
// ideas where the tools give them.
struct Comparison {
  const std::vector<Principle>& base;
  const std::vector<Principle>& cps;
  Vectors bv, cv;
  bool comparable = false;
  Weights w;
  std::vector<Sparse> blex, clex;  // terms of both share one vocabulary and one IDF
  std::vector<int> base_stance, country_stance;
  std::vector<std::vector<int>> base_sides, country_sides;
  std::vector<std::vector<std::string>> base_ideas, country_ideas;  // base's sorted

  Comparison(const std::vector<Principle>& b, const std::vector<Principle>& c) : base(b), cps(c) {}

  float Similarity(size_t i, size_t j) const {
    float s = w.emb * Dot(cv.Row(i), bv.Row(j), cv.dim);
    if (w.lex > 0) s += w.lex * Coverage(clex[i], blex[j]);
    return Round4(s);
  }
};

void PrepareComparison(const MergeTools& tools, const MergeOptions& options, Vectors cv,
                       Comparison* c) {
  const std::vector<Principle>& base = c->base;
  const std::vector<Principle>& cps = c->cps;
  c->bv = EmbedPrinciples(base, tools);
  c->cv = cv.n == cps.size() ? std::move(cv) : EmbedPrinciples(cps, tools);
  c->comparable = c->bv.n > 0 && c->cv.n > 0 && c->bv.dim == c->cv.dim;
  c->w = WeightsFor(tools, options, false);
  if (c->w.lex > 0) {
    std::vector<const Principle*> both;
    both.reserve(base.size() + cps.size());
    for (const Principle& p : base) both.push_back(&p);
    for (const Principle& p : cps) both.push_back(&p);
    std::vector<Sparse> all = TermVectors(both, tools, /*normalise=*/false);
    c->blex.assign(all.begin(), all.begin() + static_cast<long>(base.size()));
    c->clex.assign(all.begin() + static_cast<long>(base.size()), all.end());
  }
  // Stances and rule sides, once per principle.
  c->base_stance.assign(base.size(), 0);
  c->country_stance.assign(cps.size(), 0);
  c->base_sides.assign(base.size(), {});
  c->country_sides.assign(cps.size(), {});
  if (const ConflictRules* rules = tools.conflicts) {
    for (size_t j = 0; j < base.size(); ++j) {
      c->base_stance[j] = rules->Stance(base[j].text);
      c->base_sides[j] = rules->Sides(base[j]);
    }
    for (size_t i = 0; i < cps.size(); ++i) {
      c->country_stance[i] = rules->Stance(cps[i].text);
      c->country_sides[i] = rules->Sides(cps[i]);
    }
  }
  if (tools.ideas) {
    for (const Principle& p : base) c->base_ideas.push_back(SortedIdeas(tools.ideas(p)));
    for (const Principle& p : cps) c->country_ideas.push_back(tools.ideas(p));
  }
}

// What became of a country principle.
enum class Fate { kDuplicate, kCandidate, kNew };

// Country principle `i` against every base principle: the conflicts it
// takes part in, and its fate (a duplicate of its nearest base principle, a
// candidate to merge with the nearest that shares an idea, or new). Returns
// the fate; a candidate is appended to plan->candidates.
Fate Classify(size_t i, const Comparison& c, const MergeTools& tools, const MergeOptions& options,
              MergePlan* plan) {
  const std::vector<Principle>& base = c.base;
  const std::vector<Principle>& cps = c.cps;
  const ConflictRules* rules = tools.conflicts;
  float best = -2.0f;
  size_t bj = 0;
  // The most similar base principle that shares an idea (MergeTools::ideas).
  float best_shared = -2.0f;
  size_t sj = 0;
  for (size_t j = 0; c.comparable && j < base.size(); ++j) {
    const float s = c.Similarity(i, j);
    const bool negates = s >= options.negation && c.country_stance[i] * c.base_stance[j] < 0;
    // Conflicts: same idea, opposite stance; or a pair rule.
    if (rules) {
      if (negates)
        plan->conflicts.push_back(
            NegationConflict(base[j], c.base_stance[j], "base", cps[i], options.country, s));
      AddPairConflicts(*rules, base[j], "base", c.base_sides[j], cps[i], options.country,
                       c.country_sides[i], s, &plan->conflicts);
    }
    // A principle that negates a base principle is never its duplicate
    // nor a candidate to merge with it.
    if (negates) continue;
    if (s > best) {
      best = s;
      bj = j;
    }
    if (tools.ideas && s > best_shared &&
        !SharedIdeas(c.country_ideas[i], c.base_ideas[j]).empty()) {
      best_shared = s;
      sj = j;
    }
  }
  if (!c.comparable || best < options.similar) return Fate::kNew;
  if (best >= options.duplicate) {
    plan->duplicates.push_back({cps[i], base[bj], best});
    return Fate::kDuplicate;
  }
  if (tools.ideas) {
    if (best_shared < options.similar) return Fate::kNew;  // shares no idea
    best = best_shared;
    bj = sj;
  }
  MergeCandidate m;
  m.id = HashHex(base[bj].id + "\n" + cps[i].id);
  m.base = base[bj];
  m.country = cps[i];
  m.similarity = best;
  if (tools.ideas) m.shared_ideas = SharedIdeas(c.country_ideas[i], c.base_ideas[bj]);
  m.suggested =
      tools.ideas && tools.idea_wording
          ? SuggestFromIdeas(base[bj], cps[i], c.country_ideas[i], c.base_ideas[bj], tools)
          : WithId(tools.combine({base[bj], cps[i]}));
  plan->candidates.push_back(std::move(m));
  return Fate::kCandidate;
}

// Reviewer decisions onto their candidates (by id); a decision for no
// candidate is stale.
void ApplyDecisions(const std::vector<Decision>& decisions, MergePlan* plan) {
  std::map<std::string, size_t> by_id;
  for (size_t k = 0; k < plan->candidates.size(); ++k) by_id[plan->candidates[k].id] = k;
  for (const Decision& d : decisions) {
    auto it = by_id.find(d.candidate_id);
    if (it == by_id.end()) {
      plan->stale.push_back(d);
      continue;
    }
    MergeCandidate& c = plan->candidates[it->second];
    c.decision = d.action;
    c.decision_line = d.line;
    if (d.action == "accept") c.decided_text = c.suggested.text;
    if (d.action == "edit") c.decided_text = d.text;
    plan->applied.push_back(d);
  }
}

// Base principle `j` as the constitution has it: as it is, or combined with
// the country principles of its accepted candidates (`accepted`, indices
// into plan.candidates), in the reviewer's words where one edited.
ConstitutionEntry BaseEntry(const Principle& base, const std::vector<size_t>& accepted,
                            const MergePlan& plan, const MergeTools& tools) {
  ConstitutionEntry e;
  if (accepted.empty()) {
    e.principle = base;
    e.status = "base";
    return e;
  }
  const MergeCandidate* last_edit = nullptr;
  std::vector<Principle> cluster = {base};
  for (size_t k : accepted) {
    const MergeCandidate& c = plan.candidates[k];
    cluster.push_back(c.country);
    e.candidates.push_back(c.id);
    if (c.decision == "edit") last_edit = &c;
  }
  if (accepted.size() == 1)
    e.principle = plan.candidates[accepted[0]].suggested;
  else
    e.principle = WithId(tools.combine(cluster));
  if (last_edit) {
    // The reviewer's words, with the evidence of everything merged.
    e.principle.text = last_edit->decided_text;
    e.principle.id = HashHex(e.principle.text);
    e.principle.polarity = GuessPolarity(e.principle.text);
    e.principle.template_id = "reviewer-edit";
  }
  e.status = "combined";
  return e;
}

// The constitution: base principles in order (combined where accepted),
// then the added country principles in order (new ones, and candidates the
// reviewer rejected).
void BuildConstitution(const std::vector<Principle>& base, const std::vector<Principle>& cps,
                       const std::vector<Fate>& fate, const std::vector<size_t>& candidate_of,
                       const MergeTools& tools, MergePlan* plan) {
  std::vector<std::vector<size_t>> accepted(base.size());
  std::map<std::string, size_t> base_index;
  for (size_t j = 0; j < base.size(); ++j) base_index.emplace(base[j].id, j);
  for (size_t k = 0; k < plan->candidates.size(); ++k) {
    const MergeCandidate& c = plan->candidates[k];
    if (c.decision == "accept" || c.decision == "edit")
      accepted[base_index.at(c.base.id)].push_back(k);
  }
  for (size_t j = 0; j < base.size(); ++j)
    plan->constitution.push_back(BaseEntry(base[j], accepted[j], *plan, tools));
  for (size_t i = 0; i < cps.size(); ++i) {
    bool add = fate[i] == Fate::kNew;
    std::vector<std::string> cand;
    if (fate[i] == Fate::kCandidate) {
      const MergeCandidate& c = plan->candidates[candidate_of[i]];
      if (c.decision == "reject") {
        add = true;
        cand.push_back(c.id);
      }
    }
    if (!add) continue;
    if (fate[i] == Fate::kNew) plan->added.push_back(cps[i]);
    plan->constitution.push_back({cps[i], "added", cand});
  }
}

}  // namespace

MergePlan MergeCountry(const std::vector<Principle>& base, const std::vector<Principle>& country,
                       const MergeTools& tools, const MergeOptions& options) {
  MergePlan plan;
  plan.country = options.country;
  plan.base_name = options.base_name;
  plan.options = options;
  plan.options.decisions.clear();
  plan.base = base;
  plan.country_input = country.size();
  Vectors cv;
  std::vector<Principle> combined = CombineWithVectors(country, tools, options, &cv);
  Comparison c(base, combined);
  PrepareComparison(tools, options, std::move(cv), &c);
  // Each country principle against its nearest base principle.
  std::vector<Fate> fate(combined.size(), Fate::kNew);
  std::vector<size_t> candidate_of(combined.size(), 0);
  for (size_t i = 0; i < combined.size(); ++i) {
    candidate_of[i] = plan.candidates.size();
    fate[i] = Classify(i, c, tools, options, &plan);
  }
  ApplyDecisions(options.decisions, &plan);
  BuildConstitution(base, combined, fate, candidate_of, tools, &plan);
  plan.country_principles = std::move(combined);
  return plan;
}

}  // namespace charter
