// merge_global.cc — MergeGlobal: the principles of many countries into one
// list, with the support of each and the conflicts between them.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>

#include "core/text.h"
#include "merge/merge.h"
#include "merge/merge_internal.h"

namespace charter {

using namespace merge_internal;

namespace {

// The idea whose global principle speaks for `idea`: its broader idea
// (MergeTools::idea_broader), else itself.
const std::string& EntryIdea(const MergeTools& tools, const std::string& idea) {
  auto it = tools.idea_broader.find(idea);
  return it == tools.idea_broader.end() ? idea : it->second;
}

// Whether one of `ideas` is `entry_idea` or a narrower idea it speaks for.
bool StatesEntryIdea(const std::vector<std::string>& ideas, const std::string& entry_idea,
                     const MergeTools& tools) {
  return std::any_of(ideas.begin(), ideas.end(),
                     [&](const std::string& idea) { return EntryIdea(tools, idea) == entry_idea; });
}

// The source of `p` (which has one) that states `idea` (or a narrower idea
// it speaks for) most narrowly: of those whose ideas name it, the one naming
// the fewest (Art. 41(h), not the lead-in Art. 41 that names all its items);
// the first source when none says which ideas it states (older files).
const Source& NarrowestSource(const Principle& p, const std::string& idea,
                              const MergeTools& tools) {
  const Source* best = &p.sources.front();
  size_t fewest = SIZE_MAX;
  for (const Source& src : p.sources) {
    if (src.ideas.size() >= fewest || !StatesEntryIdea(src.ideas, idea, tools)) continue;
    best = &src;
    fewest = src.ideas.size();
  }
  return *best;
}

// Reviewer decisions on a global plan's conflicts, by conflict id (every
// conflict of that id): marks each conflict decided, moves the entries the
// decisions drop to plan->dropped, lists the decisions applied and stale.
void ApplyConflictDecisions(const std::vector<Decision>& decisions, GlobalPlan* plan) {
  std::map<std::string, std::vector<std::string>> dropped_by;  // entry id -> conflict ids
  for (const Decision& d : decisions) {
    bool matched = false;
    for (Conflict& c : plan->conflicts) {
      if (c.id != d.candidate_id) continue;
      matched = true;
      c.decision = d.action;
      c.decision_line = d.line;
      // A side a decision keeps stays, even when both sides are one principle.
      // An empty entry (no entry states that side) is nothing to drop.
      const bool one = c.entry_a == c.entry_b;
      if (!c.entry_a.empty() && (d.action == "drop-both" || (d.action == "keep-b" && !one)))
        dropped_by[c.entry_a].push_back(c.id);
      if (!c.entry_b.empty() && !one && (d.action == "drop-both" || d.action == "keep-a"))
        dropped_by[c.entry_b].push_back(c.id);
    }
    (matched ? plan->applied : plan->stale).push_back(d);
  }
  if (dropped_by.empty()) return;
  // In conflict order, each id once.
  std::vector<GlobalEntry> kept;
  for (GlobalEntry& e : plan->entries) {
    auto it = dropped_by.find(e.principle.id);
    if (it == dropped_by.end()) {
      kept.push_back(std::move(e));
      continue;
    }
    for (const Conflict& c : plan->conflicts)
      if (std::find(it->second.begin(), it->second.end(), c.id) != it->second.end() &&
          std::find(e.dropped_by.begin(), e.dropped_by.end(), c.id) == e.dropped_by.end())
        e.dropped_by.push_back(c.id);
    plan->dropped.push_back(std::move(e));
  }
  plan->entries = std::move(kept);
}

// Whether a principle names particulars of one country: a proper name
// ("Russian Federation", "Bhutan's", "Ugandans") or a figure ("60", "sixty
// percent": MergeTools::figures). Capitalised words that every constitution
// uses ("the State", "this Constitution": MergeTools::common_names) are not
// particulars.
bool NamesParticulars(std::string_view text, const MergeTools& tools) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (std::isdigit(ch)) return true;
    if (!std::isalpha(ch)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '-'))
      ++j;
    std::string_view word = text.substr(i, j - i);
    const std::string w(word);
    // The text's first word is capitalised as a sentence's ("Choose").
    if (i > 0 && std::isupper(ch) && word.size() > 1 &&
        std::islower(static_cast<unsigned char>(word[1])) && !tools.common_names.count(w))
      return true;
    if (tools.figures.count(w)) return true;
    i = j;
  }
  return false;
}

// All principles of all sets in one list, with the set each came from.
struct Pool {
  const std::vector<CountrySet>& sets;
  std::vector<Principle> all;
  std::vector<size_t> owner;  // set index of each principle

  const std::string& CountryOf(int i) const { return sets[owner[static_cast<size_t>(i)]].country; }
};

// One entry of the global list before it is final.
struct Pending {
  GlobalEntry entry;
  int first = 0;
  std::vector<float> centroid;
  std::vector<int> members;  // indices into Pool::all
  bool idea = false;
};

// Principles written from ideas are merged by idea: a document supports an
// idea when one of its principles names it or a narrower idea it speaks for
// (MergeTools::idea_broader), whatever else that principle names; the
// idea's own wording speaks for all of them. The rest (written from one
// clause's words) are clustered by embedding.
struct ByIdea {
  std::map<std::string, std::vector<int>> members;  // idea -> indices into Pool::all
  std::vector<std::string> order;                   // by first appearance
  std::vector<int> rest;                            // indices into Pool::all
  // An idea's wording, once; an idea the inventory no longer has (a
  // principles.jsonl written with older rules) has none, and a principle
  // with no known idea is clustered like one without ideas.
  std::map<std::string, Principle> wording;
};

ByIdea GroupByIdea(const Pool& pool, const MergeTools& tools) {
  ByIdea out;
  const bool by_idea = static_cast<bool>(tools.idea_principle);
  auto known = [&](const std::string& idea) {
    auto it = out.wording.find(idea);
    if (it == out.wording.end()) it = out.wording.emplace(idea, tools.idea_principle(idea)).first;
    return !it->second.text.empty();
  };
  for (size_t i = 0; i < pool.all.size(); ++i) {
    bool placed = false;
    for (const std::string& named : by_idea ? pool.all[i].ideas : std::vector<std::string>{}) {
      const std::string& idea = EntryIdea(tools, named);
      if (!known(named) || !known(idea)) continue;
      auto [it, fresh] = out.members.try_emplace(idea);
      if (fresh) out.order.push_back(idea);
      // A principle naming an idea and a narrower one is one member.
      if (it->second.empty() || it->second.back() != static_cast<int>(i))
        it->second.push_back(static_cast<int>(i));
      placed = true;
    }
    if (!placed) out.rest.push_back(static_cast<int>(i));
  }
  return out;
}

std::set<std::string> CountriesOf(const std::vector<int>& members, const Pool& pool) {
  std::set<std::string> countries;
  for (int i : members) countries.insert(pool.CountryOf(i));
  return countries;
}

// Which countries state which idea among `entry_idea` and the narrower
// ideas it speaks for (GlobalEntry::variants); empty when no country
// states a narrower one.
std::vector<IdeaVariant> Variants(const std::string& entry_idea, const std::vector<int>& members,
                                  const Pool& pool, const ByIdea& ideas, const MergeTools& tools) {
  std::map<std::string, std::set<std::string>> by_idea;
  for (int i : members)
    for (const std::string& idea : pool.all[static_cast<size_t>(i)].ideas)
      if (EntryIdea(tools, idea) == entry_idea && ideas.wording.count(idea) &&
          !ideas.wording.at(idea).text.empty())
        by_idea[idea].insert(pool.CountryOf(i));
  if (by_idea.size() == 1 && by_idea.begin()->first == entry_idea) return {};
  std::vector<IdeaVariant> out;
  for (const auto& [idea, countries] : by_idea)
    out.push_back({idea, ideas.wording.at(idea).text, {countries.begin(), countries.end()}});
  std::stable_sort(out.begin(), out.end(), [&](const IdeaVariant& a, const IdeaVariant& b) {
    if (a.countries.size() != b.countries.size()) return a.countries.size() > b.countries.size();
    return a.idea == entry_idea && b.idea != entry_idea;
  });
  return out;
}

// An entry for each idea with enough support, with one source per
// supporting clause.
void AddIdeaEntries(const ByIdea& ideas, const Pool& pool, const MergeTools& tools,
                    const GlobalOptions& options, std::vector<Pending>* kept) {
  std::vector<Principle> idea_principles;
  for (const std::string& idea : ideas.order) idea_principles.push_back(ideas.wording.at(idea));
  Vectors iv = EmbedPrinciples(idea_principles, tools);
  for (size_t k = 0; k < ideas.order.size(); ++k) {
    const std::vector<int>& members = ideas.members.at(ideas.order[k]);
    std::set<std::string> countries = CountriesOf(members, pool);
    if (countries.size() < options.min_support) continue;
    Pending p;
    p.idea = true;
    p.entry.principle = idea_principles[k];
    // The sources that state this idea (or a narrower one it speaks for):
    // a country principle that names several ideas cites the clauses of
    // each (Source::ideas says which); a source that does not say (older
    // files) is kept.
    std::set<std::pair<std::string, std::string>> seen;  // (doc, id) of sources
    for (int i : members)
      for (const Source& src : pool.all[static_cast<size_t>(i)].sources) {
        if (!src.ideas.empty() && !StatesEntryIdea(src.ideas, ideas.order[k], tools)) continue;
        if (seen.emplace(src.doc, src.id).second) p.entry.principle.sources.push_back(src);
      }
    p.entry.countries.assign(countries.begin(), countries.end());
    p.entry.variants = Variants(ideas.order[k], members, pool, ideas, tools);
    p.entry.members = members.size();
    p.members = members;
    p.first = members.front();
    if (iv.dim > 0 && iv.n == ideas.order.size()) p.centroid.assign(iv.Row(k), iv.Row(k) + iv.dim);
    kept->push_back(std::move(p));
  }
}

// The unit mean of the rows `local` of `v`.
std::vector<float> Centroid(const Vectors& v, const std::vector<int>& local) {
  std::vector<float> centroid(static_cast<size_t>(v.dim), 0.0f);
  for (int i : local)
    for (int d = 0; d < v.dim; ++d)
      centroid[static_cast<size_t>(d)] += v.Row(static_cast<size_t>(i))[d];
  double norm = 0;
  for (float x : centroid) norm += double(x) * x;
  if (norm > 0)
    for (float& x : centroid) x = static_cast<float>(x / std::sqrt(norm));
  return centroid;
}

// The member that speaks for a cluster too large to combine (`local`: its
// rows of `v`).
size_t Spokesman(const std::vector<Principle>& members, const std::vector<int>& local,
                 const std::vector<float>& centroid, const Vectors& v, const MergeTools& tools) {
  // The member nearest the centroid speaks for the cluster; one a
  // specific template wrote, when there is one: a fallback's "violating
  // the principle that ..." is the wording of last resort. Among the
  // members as near (within kNear), one that speaks for every country:
  // not "... the territory of the Russian Federation", "... sixty percent
  // of Bhutan's total land".
  constexpr float kNear = 0.01f;
  std::vector<float> sim(members.size());
  bool any_specific = false;
  for (size_t k = 0; k < members.size(); ++k) {
    sim[k] = Round4(Dot(centroid.data(), v.Row(static_cast<size_t>(local[k])), v.dim));
    any_specific = any_specific || !StartsWith(members[k].template_id, "fallback");
  }
  auto eligible = [&](size_t k) {
    return !any_specific || !StartsWith(members[k].template_id, "fallback");
  };
  size_t central = 0;
  float best = -2.0f;
  for (size_t k = 0; k < members.size(); ++k) {
    if (eligible(k) && sim[k] > best) {
      best = sim[k];
      central = k;
    }
  }
  if (NamesParticulars(members[central].text, tools)) {
    float best_general = -2.0f;
    for (size_t k = 0; k < members.size(); ++k) {
      if (eligible(k) && sim[k] >= best - kNear && sim[k] > best_general &&
          !NamesParticulars(members[k].text, tools)) {
        best_general = sim[k];
        central = k;
      }
    }
  }
  return central;
}

// An entry for each cluster (of the rows of `v`, the principles without
// ideas) with enough support.
void AddClusterEntries(const std::vector<std::vector<int>>& clusters, const Vectors& v,
                       const ByIdea& ideas, const Pool& pool, const MergeTools& tools,
                       const GlobalOptions& options, std::vector<Pending>* kept) {
  for (const std::vector<int>& local : clusters) {
    std::vector<int> c = local;
    for (int& i : c) i = ideas.rest[static_cast<size_t>(i)];
    std::set<std::string> countries = CountriesOf(c, pool);
    if (countries.size() < options.min_support) continue;
    Pending p;
    p.centroid = Centroid(v, local);
    std::vector<Principle> members;
    for (int i : c) members.push_back(pool.all[static_cast<size_t>(i)]);
    if (members.size() <= options.combine_max || v.dim == 0) {
      p.entry.principle = CombineOrKeep(members, tools);
    } else {
      const size_t central = Spokesman(members, local, p.centroid, v, tools);
      p.entry.principle = members[central];
      for (size_t k = 0; k < members.size(); ++k)
        if (k != central)
          for (const Source& src : members[k].sources) p.entry.principle.sources.push_back(src);
    }
    p.entry.countries.assign(countries.begin(), countries.end());
    p.entry.members = c.size();
    p.members = c;
    p.first = c.front();
    kept->push_back(std::move(p));
  }
}

// Whether two entries are of one country only (a country is not in
// conflict with itself).
bool SameSingleCountry(const Pending& a, const Pending& b) {
  return a.entry.countries == b.entry.countries && a.entry.countries.size() == 1;
}

// Entries of opposite stance and similar centroids, across countries.
void AddNegationConflicts(const std::vector<Pending>& kept, const ConflictRules& rules,
                          const GlobalOptions& options, std::vector<Conflict>* out) {
  std::vector<int> stance(kept.size());
  for (size_t i = 0; i < kept.size(); ++i) stance[i] = rules.Stance(kept[i].entry.principle.text);
  for (size_t i = 0; i < kept.size(); ++i) {
    for (size_t j = i + 1; j < kept.size(); ++j) {
      if (stance[i] * stance[j] >= 0) continue;
      if (SameSingleCountry(kept[i], kept[j])) continue;
      // Ideas that cannot both hold are declared (MergeTools::idea_conflicts).
      if (kept[i].idea && kept[j].idea) continue;
      float s = CentroidSimilarity(kept[i].centroid, kept[j].centroid);
      if (s < options.negation) continue;
      Conflict c =
          NegationConflict(kept[i].entry.principle, stance[i], Join(kept[i].entry.countries, ", "),
                           kept[j].entry.principle, Join(kept[j].entry.countries, ", "), s);
      c.entry_a = kept[i].entry.principle.id;
      c.entry_b = kept[j].entry.principle.id;
      out->push_back(std::move(c));
    }
  }
}

// Value declarations: one conflict per rule, each side naming every
// country whose own principles or their sources make that declaration
// (not every country of a cluster that happens to hold one), with one
// piece of evidence per country: the source clause that declares it,
// noted with the country. Pairing each country of one side with each
// of the other listed the same disagreement dozens of times.
struct Declaration {
  std::set<std::string> countries;
  // The first declaring member whose own words make the declaration
  // (else the first declaring member), its sources the clauses that
  // declare, one per country.
  Principle evidence;
  int cluster = -1;
  bool own_words = false;
};

// Every declaration (rule * 2 + side) the members of `kept` make.
std::map<int, Declaration> Declarations(const std::vector<Pending>& kept, const Pool& pool,
                                        const ConflictRules& rules) {
  std::map<int, Declaration> declared;
  for (size_t i = 0; i < kept.size(); ++i) {
    for (int m : kept[i].members) {
      const Principle& member = pool.all[static_cast<size_t>(m)];
      const std::string& country = pool.CountryOf(m);
      for (int side : rules.Sides(member)) {
        Declaration& d = declared[side];
        if (!d.countries.insert(country).second) continue;
        auto states = [&](std::string_view text) {
          std::vector<int> sides = rules.Sides(text);
          return std::binary_search(sides.begin(), sides.end(), side);
        };
        const bool own_words = states(member.text);
        if (d.cluster < 0 || (!d.own_words && own_words)) {
          std::vector<Source> kept_sources = std::move(d.evidence.sources);
          d.cluster = static_cast<int>(i);
          d.evidence = member;
          d.evidence.sources = std::move(kept_sources);
          d.own_words = own_words;
        }
        Source said;
        for (const Source& src : member.sources) {
          if (states(src.text)) {
            said = src;
            break;
          }
        }
        // No single clause says it alone: the principle's own words do.
        if (said.text.empty()) {
          said.id = member.id;
          said.text = member.text;
        }
        said.note = country;
        d.evidence.sources.push_back(std::move(said));
      }
    }
  }
  return declared;
}

std::string JoinSet(const std::set<std::string>& s) {
  return Join(std::vector<std::string>(s.begin(), s.end()), ", ");
}

// The entry of each idea that has one: its index in `kept`.
std::map<std::string, size_t> EntryOfIdea(const std::vector<Pending>& kept) {
  std::map<std::string, size_t> entry_of_idea;
  for (size_t i = 0; i < kept.size(); ++i)
    if (kept[i].idea && !kept[i].entry.principle.ideas.empty())
      entry_of_idea[kept[i].entry.principle.ideas.front()] = i;
  return entry_of_idea;
}

// The entry in `kept` that states a rule's side itself, the one a reviewer's
// keep decision on the other side drops: the entry of the idea the side's
// label names (life_from_conception); else the first entry whose own words
// declare the side; else the entry of the idea the side's declaring clauses
// state most (see below; of equal votes the one with the fewest countries, the
// narrowest: reproductive health, not the health principle that folds it in).
// -1 when none states it: a decision then drops nothing on that side. (The
// cluster of the first declaring member is no answer: once ideas are folded,
// that is a whole family's principle, the right to work for a clause on
// reproductive rights.)
int RuleSideEntry(const std::vector<Pending>& kept, const ConflictRules& rules,
                  const MergeTools& tools, const std::map<std::string, size_t>& entry_of_idea,
                  int side, const std::string& label, const Declaration& d) {
  if (auto it = entry_of_idea.find(EntryIdea(tools, label)); it != entry_of_idea.end())
    return static_cast<int>(it->second);
  for (size_t i = 0; i < kept.size(); ++i) {
    const std::vector<int> sides = rules.Sides(kept[i].entry.principle.text);
    if (std::binary_search(sides.begin(), sides.end(), side)) return static_cast<int>(i);
  }
  // Each declaring clause votes for the entries of the ideas it is coded with, a clause of
  // one idea with all its weight ("Women and men are guaranteed ... their reproductive
  // rights"), a clause of k ideas with 1/k each (workers' reproductive rights among job
  // security and dismissal).
  std::map<size_t, double> votes;
  for (const Source& src : d.evidence.sources) {
    std::set<size_t> entries;
    for (const std::string& idea : src.ideas)
      if (auto it = entry_of_idea.find(EntryIdea(tools, idea)); it != entry_of_idea.end())
        entries.insert(it->second);
    for (size_t e : entries) votes[e] += 1.0 / static_cast<double>(entries.size());
  }
  int best = -1;
  for (const auto& [e, n] : votes) {
    if (best >= 0) {
      const double bn = votes[static_cast<size_t>(best)];
      const size_t bc = kept[static_cast<size_t>(best)].entry.countries.size();
      if (n < bn || (n == bn && kept[e].entry.countries.size() >= bc)) continue;
    }
    best = static_cast<int>(e);
  }
  return best;
}

void AddRuleConflicts(const std::vector<Pending>& kept, const Pool& pool,
                      const ConflictRules& rules, const MergeTools& tools,
                      std::vector<Conflict>* out) {
  std::map<int, Declaration> declared = Declarations(kept, pool, rules);
  const std::map<std::string, size_t> entry_of_idea = EntryOfIdea(kept);
  for (size_t r = 0; r < rules.rules().size(); ++r) {
    auto a = declared.find(static_cast<int>(2 * r));
    auto b = declared.find(static_cast<int>(2 * r + 1));
    if (a == declared.end() || b == declared.end()) continue;
    const Declaration& da = a->second;
    const Declaration& db = b->second;
    if (da.countries == db.countries && da.countries.size() == 1) continue;
    const ConflictRule& rule = rules.rules()[r];
    Conflict c;
    c.kind = "rule";
    c.rule = rule.id;
    c.label_a = rule.label_a;
    c.label_b = rule.label_b;
    c.a = da.evidence;
    c.b = db.evidence;
    c.side_a = JoinSet(da.countries);
    c.side_b = JoinSet(db.countries);
    const int ea = RuleSideEntry(kept, rules, tools, entry_of_idea, a->first, rule.label_a, da);
    const int eb = RuleSideEntry(kept, rules, tools, entry_of_idea, b->first, rule.label_b, db);
    if (ea >= 0 && eb >= 0)
      c.similarity = CentroidSimilarity(kept[static_cast<size_t>(ea)].centroid,
                                        kept[static_cast<size_t>(eb)].centroid);
    if (ea >= 0) c.entry_a = kept[static_cast<size_t>(ea)].entry.principle.id;
    if (eb >= 0) c.entry_b = kept[static_cast<size_t>(eb)].entry.principle.id;
    out->push_back(std::move(c));
  }
}

// Ideas that cannot both hold (a state religion and a secular state): one
// conflict per pair both of whose ideas have support, each side with its
// countries and one clause per country. A declared pair of ideas says what
// a conflict rule of the same labels says, with every country's own clause:
// that rule's conflict goes.
void AddIdeaConflicts(const std::vector<Pending>& kept, const Pool& pool, const MergeTools& tools,
                      std::vector<Conflict>* out) {
  for (const MergeTools::IdeaPair& pair : tools.idea_conflicts)
    std::erase_if(*out, [&](const Conflict& c) {
      return c.kind == "rule" && ((c.label_a == pair.a && c.label_b == pair.b) ||
                                  (c.label_a == pair.b && c.label_b == pair.a));
    });
  const std::map<std::string, size_t> entry_of_idea = EntryOfIdea(kept);
  // An entry's principle with one source per country: the clause of its first
  // member that states the entry's idea most narrowly.
  auto side = [&](const Pending& p) {
    Principle evidence = p.entry.principle;
    evidence.sources.clear();
    std::set<std::string> done;
    for (int m : p.members) {
      const std::string& country = pool.CountryOf(m);
      if (!done.insert(country).second) continue;
      const Principle& member = pool.all[static_cast<size_t>(m)];
      if (member.sources.empty()) continue;
      Source said = NarrowestSource(member, p.entry.principle.ideas.front(), tools);
      said.note = country;
      evidence.sources.push_back(std::move(said));
    }
    return evidence;
  };
  for (const MergeTools::IdeaPair& pair : tools.idea_conflicts) {
    auto a = entry_of_idea.find(pair.a);
    auto b = entry_of_idea.find(pair.b);
    if (a == entry_of_idea.end() || b == entry_of_idea.end()) continue;
    const Pending& pa = kept[a->second];
    const Pending& pb = kept[b->second];
    if (SameSingleCountry(pa, pb)) continue;
    Conflict c;
    c.kind = "idea";
    c.rule = pair.rule;
    c.label_a = pair.a;
    c.label_b = pair.b;
    c.a = side(pa);
    c.b = side(pb);
    c.side_a = Join(pa.entry.countries, ", ");
    c.side_b = Join(pb.entry.countries, ", ");
    c.similarity = CentroidSimilarity(pa.centroid, pb.centroid);
    c.entry_a = pa.entry.principle.id;
    c.entry_b = pb.entry.principle.id;
    out->push_back(std::move(c));
  }
}

}  // namespace

size_t GlobalPlan::Pending() const {
  size_t n = 0;
  for (const Conflict& c : conflicts) n += c.decision.empty() ? 1 : 0;
  return n;
}

GlobalPlan MergeGlobal(const std::vector<CountrySet>& sets, const MergeTools& tools,
                       const GlobalOptions& options) {
  GlobalPlan plan;
  plan.options = options;
  Pool pool{sets, {}, {}};
  for (size_t s = 0; s < sets.size(); ++s) {
    plan.countries.push_back(sets[s].country);
    const bool is_public = !sets[s].principles.empty() &&
                           std::all_of(sets[s].principles.begin(), sets[s].principles.end(),
                                       [](const Principle& p) { return p.origin == "public"; });
    if (is_public) plan.public_input.push_back(sets[s].country);
    for (const Principle& p : sets[s].principles) {
      pool.all.push_back(p);
      pool.owner.push_back(s);
    }
  }
  plan.input_principles = pool.all.size();

  ByIdea ideas = GroupByIdea(pool, tools);
  std::vector<Principle> rest_principles;
  rest_principles.reserve(ideas.rest.size());
  for (int i : ideas.rest) rest_principles.push_back(pool.all[static_cast<size_t>(i)]);
  Vectors v = EmbedPrinciples(rest_principles, tools);
  std::vector<std::vector<int>> clusters = Cluster(tools, v, options.threshold);
  for (auto& c : clusters) std::sort(c.begin(), c.end());
  std::erase_if(clusters, [](const auto& c) { return c.empty(); });
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  plan.clusters = clusters.size() + ideas.order.size();

  // Ideas first, then clusters; by support, then first appearance.
  std::vector<Pending> kept;
  AddIdeaEntries(ideas, pool, tools, options, &kept);
  AddClusterEntries(clusters, v, ideas, pool, tools, options, &kept);
  std::stable_sort(kept.begin(), kept.end(), [](const Pending& a, const Pending& b) {
    if (a.entry.countries.size() != b.entry.countries.size())
      return a.entry.countries.size() > b.entry.countries.size();
    return a.first < b.first;
  });

  // "the right of citizens of the Russian Federation to return", "Bolivians'
  // right": whatever its support, such a wording is no global principle.
  std::vector<Pending> general;
  for (Pending& p : kept) {
    if (!p.idea && NamesParticulars(p.entry.principle.text, tools))
      plan.particular.push_back(std::move(p.entry));
    else
      general.push_back(std::move(p));
  }
  kept = std::move(general);

  if (const ConflictRules* rules = tools.conflicts) {
    AddNegationConflicts(kept, *rules, options, &plan.conflicts);
    AddRuleConflicts(kept, pool, *rules, tools, &plan.conflicts);
  }
  AddIdeaConflicts(kept, pool, tools, &plan.conflicts);
  for (Conflict& c : plan.conflicts) c.id = ConflictId(c);
  for (Pending& p : kept) plan.entries.push_back(std::move(p.entry));
  plan.options.decisions.clear();
  ApplyConflictDecisions(options.decisions, &plan);
  return plan;
}

}  // namespace charter
