#include "merge/merge.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "core/hash.h"
#include "merge/conflict.h"
#include "merge/fake_tools.h"

namespace charter {
namespace {

using testing::JoinCombine;
using testing::P;
using testing::TableEmbed;

// Two base principles and three country principles with exact cosines:
// c1~b1 0.95 (duplicate), c2~b2 0.80 (candidate), c3 new.
struct Fixture {
  std::vector<Principle> base = {
      P("b1", "Choose the response that most respects privacy.", "base"),
      P("b2", "Choose the response that most supports free expression.", "base")};
  std::vector<Principle> country = {
      P("c1", "Choose the response that most respects private life."),
      P("c2", "Choose the response that most respects free speech and assembly."),
      P("c3", "Choose the response that most protects the environment.")};
  TableEmbed embed{{{"most respects privacy", {1, 0, 0, 0}},
                    {"most supports free expression", {0, 1, 0, 0}},
                    {"most respects private life", {0.95f, 0.3122f, 0, 0}},
                    {"most respects free speech and assembly", {0, 0.8f, 0.6f, 0}},
                    {"most protects the environment", {0, 0, 0, 1}}}};
  MergeTools tools() const { return {.embed = embed, .combine = JoinCombine}; }
  MergeOptions options(std::vector<Decision> d = {}) const {
    MergeOptions o;
    o.country = "ken";
    o.decisions = std::move(d);
    return o;
  }
};

TEST_CASE("a country principle at the duplicate threshold is dropped with its match", "[merge]") {
  Fixture f;
  MergePlan plan = MergeCountry(f.base, f.country, f.tools(), f.options());
  REQUIRE(plan.duplicates.size() == 1);
  CHECK(plan.duplicates[0].country.id == "c1");
  CHECK(plan.duplicates[0].base.id == "b1");
  CHECK(plan.duplicates[0].similarity == Approx(0.95f).margin(0.001));
  CHECK(plan.duplicates[0].country.sources[0].cite == "Art. c1");
}

TEST_CASE("a similar country principle becomes a merge candidate with a stable id", "[merge]") {
  Fixture f;
  MergePlan plan = MergeCountry(f.base, f.country, f.tools(), f.options());
  REQUIRE(plan.candidates.size() == 1);
  const MergeCandidate& c = plan.candidates[0];
  CHECK(c.id == HashHex("b2\nc2"));
  CHECK(c.base.id == "b2");
  CHECK(c.country.id == "c2");
  CHECK(c.similarity == Approx(0.8f).margin(0.001));
  CHECK(c.suggested.text ==
        "Choose the response that most supports free expression and most respects free speech "
        "and assembly.");
  CHECK(c.decision.empty());
  CHECK(plan.Pending() == 1);
}

// Ideas by principle id, and their wording, for the idea-aware candidates.
MergeTools WithIdeas(MergeTools t, std::map<std::string, std::vector<std::string>> ideas) {
  t.ideas = [ideas](const Principle& p) {
    auto it = ideas.find(p.id);
    return it == ideas.end() ? std::vector<std::string>() : it->second;
  };
  t.idea_wording = [](const std::vector<std::string>& ids) {
    std::string body = "most respects";
    for (size_t i = 0; i < ids.size(); ++i) body += (i ? " and " : " ") + ids[i];
    return body;
  };
  return t;
}

TEST_CASE("with ideas, a similar pair that shares no idea is no candidate", "[merge]") {
  Fixture f;
  MergeTools t = WithIdeas(f.tools(), {{"b2", {"expression"}}, {"c2", {"assembly"}}});
  MergePlan plan = MergeCountry(f.base, f.country, t, f.options());
  CHECK(plan.candidates.empty());
  REQUIRE(plan.added.size() == 2);
  CHECK(plan.added[0].id == "c2");
}

TEST_CASE("with ideas, a candidate adds the country's other ideas to the base's words", "[merge]") {
  Fixture f;
  f.base[1].text = "Please choose the response that most supports free expression.";
  MergeTools t = WithIdeas(f.tools(), {{"b2", {"expression"}}, {"c2", {"expression", "assembly"}}});
  std::vector<std::string> checked;
  t.validate = [&checked](const std::string& text) {
    checked.push_back(text);
    return std::vector<std::string>();
  };
  MergePlan plan = MergeCountry(f.base, f.country, t, f.options());
  REQUIRE(plan.candidates.size() == 1);
  const MergeCandidate& c = plan.candidates[0];
  CHECK(c.shared_ideas == std::vector<std::string>{"expression"});
  CHECK(c.suggested.text ==
        "Choose the response that most supports free expression, and that most respects "
        "assembly.");
  CHECK(checked == std::vector<std::string>{c.suggested.text});
  CHECK(c.suggested.sources.size() == 2);  // the base's and the country's
  // Text that fails validation is not suggested: the base stays as it is.
  t.validate = [](const std::string&) { return std::vector<std::string>{"too long"}; };
  MergePlan strict = MergeCountry(f.base, f.country, t, f.options());
  REQUIRE(strict.candidates.size() == 1);
  CHECK(strict.candidates[0].suggested.text == f.base[1].text);
}

TEST_CASE("a new idea is added after the base principles", "[merge]") {
  Fixture f;
  MergePlan plan = MergeCountry(f.base, f.country, f.tools(), f.options());
  REQUIRE(plan.added.size() == 1);
  CHECK(plan.added[0].id == "c3");
  REQUIRE(plan.constitution.size() == 3);
  CHECK(plan.constitution[0].principle.id == "b1");
  CHECK(plan.constitution[0].status == "base");
  CHECK(plan.constitution[1].principle.id == "b2");
  CHECK(plan.constitution[1].status == "base");
  CHECK(plan.constitution[2].principle.id == "c3");
  CHECK(plan.constitution[2].status == "added");
}

TEST_CASE("an accepted candidate replaces the base principle by the suggested text", "[merge]") {
  Fixture f;
  std::string id = HashHex("b2\nc2");
  MergePlan plan =
      MergeCountry(f.base, f.country, f.tools(), f.options({{id, "accept", "", "d.tsv", 3}}));
  REQUIRE(plan.applied.size() == 1);
  CHECK(plan.stale.empty());
  CHECK(plan.candidates[0].decision == "accept");
  CHECK(plan.Pending() == 0);
  REQUIRE(plan.constitution.size() == 3);
  CHECK(plan.constitution[1].status == "combined");
  CHECK(plan.constitution[1].principle.text == plan.candidates[0].suggested.text);
  CHECK(plan.constitution[1].candidates == std::vector<std::string>{id});
  CHECK(plan.constitution[1].principle.sources.size() == 2);
}

TEST_CASE("an edited candidate uses the reviewer's text", "[merge]") {
  Fixture f;
  std::string id = HashHex("b2\nc2");
  std::string text = "Choose the response that most respects freedom of expression and assembly.";
  MergePlan plan =
      MergeCountry(f.base, f.country, f.tools(), f.options({{id, "edit", text, "d.tsv", 1}}));
  CHECK(plan.constitution[1].status == "combined");
  CHECK(plan.constitution[1].principle.text == text);
  CHECK(plan.constitution[1].principle.id == HashHex(text));
  CHECK(plan.constitution[1].principle.template_id == "reviewer-edit");
}

TEST_CASE("a rejected candidate keeps the base and adds the country principle", "[merge]") {
  Fixture f;
  std::string id = HashHex("b2\nc2");
  MergePlan plan =
      MergeCountry(f.base, f.country, f.tools(), f.options({{id, "reject", "", "d.tsv", 1}}));
  REQUIRE(plan.constitution.size() == 4);
  CHECK(plan.constitution[1].status == "base");
  CHECK(plan.constitution[2].principle.id == "c2");
  CHECK(plan.constitution[2].status == "added");
  CHECK(plan.constitution[2].candidates == std::vector<std::string>{id});
  CHECK(plan.constitution[3].principle.id == "c3");
}

TEST_CASE("a dropped candidate leaves the base alone and adds nothing", "[merge]") {
  Fixture f;
  MergePlan plan = MergeCountry(f.base, f.country, f.tools(),
                                f.options({{HashHex("b2\nc2"), "drop", "", "d.tsv", 1}}));
  REQUIRE(plan.constitution.size() == 3);
  CHECK(plan.constitution[1].status == "base");
  CHECK(plan.constitution[2].principle.id == "c3");
}

TEST_CASE("a decision for a candidate that no longer exists is reported as stale", "[merge]") {
  Fixture f;
  Decision gone{"00000000deadbeef", "accept", "", "d.tsv", 4};
  Decision live{HashHex("b2\nc2"), "accept", "", "d.tsv", 5};
  MergePlan plan = MergeCountry(f.base, f.country, f.tools(), f.options({gone, live}));
  REQUIRE(plan.stale.size() == 1);
  CHECK(plan.stale[0].candidate_id == "00000000deadbeef");
  CHECK(plan.stale[0].line == 4);
  REQUIRE(plan.applied.size() == 1);
  CHECK(plan.applied[0].candidate_id == live.candidate_id);
}

TEST_CASE("similar country principles are combined before the comparison with the base",
          "[merge]") {
  Fixture f;
  f.country.push_back(P("c4", "Choose the response that most protects nature."));
  f.embed.table["most protects nature"] = {0, 0, 0.1f, 1};
  MergePlan plan = MergeCountry(f.base, f.country, f.tools(), f.options());
  CHECK(plan.country_input == 4);
  REQUIRE(plan.country_principles.size() == 3);
  const Principle& combined = plan.country_principles[2];
  CHECK(combined.text ==
        "Choose the response that most protects the environment and most protects nature.");
  REQUIRE(combined.sources.size() == 2);
  CHECK(combined.sources[0].id == "c3");
  CHECK(combined.sources[1].id == "c4");
  REQUIRE(plan.added.size() == 1);
  CHECK(plan.added[0].id == combined.id);
}

TEST_CASE("an empty country set yields the base alone", "[merge]") {
  Fixture f;
  MergePlan plan = MergeCountry(f.base, {}, f.tools(), f.options());
  REQUIRE(plan.constitution.size() == 2);
  CHECK(plan.constitution[0].status == "base");
  CHECK(plan.constitution[1].status == "base");
  CHECK(plan.duplicates.empty());
  CHECK(plan.candidates.empty());
}

TEST_CASE("an empty base yields the country principles as added", "[merge]") {
  Fixture f;
  MergePlan plan = MergeCountry({}, f.country, f.tools(), f.options());
  REQUIRE(plan.constitution.size() == 3);
  for (const ConstitutionEntry& e : plan.constitution) CHECK(e.status == "added");
}

TEST_CASE("dense average linkage does not chain through a bridge item", "[merge]") {
  // a~b 0.8, b~c 0.8, a~c 0.28: average linkage keeps c out at 0.7.
  TableEmbed e{{{"a", {1, 0, 0, 0}}, {"b", {0.8f, 0.6f, 0, 0}}, {"c", {0.28f, 0.96f, 0, 0}}}};
  std::vector<float> v = e({"a", "b", "c"});
  auto clusters = DenseAverageLinkage(v, 4, 0.7f);
  REQUIRE(clusters.size() == 2);
  CHECK(clusters[0] == std::vector<int>{0, 1});
  CHECK(clusters[1] == std::vector<int>{2});
}

TEST_CASE("global merge counts the countries that support each principle", "[merge]") {
  TableEmbed e{{{"most respects privacy", {1, 0, 0, 0}},
                {"most respects private life", {0.99f, 0.1f, 0, 0}},
                {"most protects the environment", {0, 0, 0, 1}},
                {"most respects labour rights", {0, 1, 0, 0}}}};
  std::vector<CountrySet> sets = {
      {"ken",
       {P("k1", "Choose the response that most respects privacy."),
        P("k2", "Choose the response that most protects the environment.")}},
      {"zaf",
       {P("z1", "Choose the response that most respects private life."),
        P("z2", "Choose the response that most respects labour rights.")}},
      {"ind", {P("i1", "Choose the response that most respects privacy.")}}};
  MergeTools tools{.embed = e, .combine = JoinCombine};
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  CHECK(plan.input_principles == 5);
  CHECK(plan.clusters == 3);
  REQUIRE(plan.entries.size() == 3);
  CHECK(plan.entries[0].countries == std::vector<std::string>{"ind", "ken", "zaf"});
  CHECK(plan.entries[0].members == 3);
  CHECK(plan.entries[1].countries == std::vector<std::string>{"ken"});
  CHECK(PrincipleCore(plan.entries[1].principle.text) == "most protects the environment");
  CHECK(plan.entries[2].countries == std::vector<std::string>{"zaf"});

  GlobalOptions two;
  two.min_support = 2;
  GlobalPlan filtered = MergeGlobal(sets, tools, two);
  REQUIRE(filtered.entries.size() == 1);
  CHECK(filtered.entries[0].countries.size() == 3);
  CHECK(filtered.clusters == 3);
}

}  // namespace
}  // namespace charter

namespace charter {

TEST_CASE("matrix average linkage finds the clusters of greedy average linkage", "[merge]") {
  // Bag-of-words vectors of a dozen short texts: both methods must agree.
  std::vector<std::string> texts = {
      "right to life",         "right to life and liberty", "freedom of religion",
      "freedom of conscience", "religion and conscience",   "right to work",
      "work and rest",         "rest and leisure",          "torture is prohibited",
      "slavery is prohibited", "privacy of the home",       "home and family"};
  std::vector<float> v = testing::BagOfWords(texts);
  const size_t n = texts.size();
  std::vector<float> sim(n * n, 0.0f);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) {
      float s = 0;
      for (int d = 0; d < 64; ++d) s += v[i * 64 + d] * v[j * 64 + d];
      sim[i * n + j] = std::round(s * 10000.0f) / 10000.0f;
    }
  // The oracle: merge the pair of clusters with the highest mean similarity
  // while it reaches the threshold, O(n^3).
  auto greedy = [&](float t) {
    std::vector<std::vector<int>> cs;
    for (size_t i = 0; i < n; ++i) cs.push_back({static_cast<int>(i)});
    for (;;) {
      double best = -2;
      size_t bi = 0, bj = 0;
      for (size_t i = 0; i < cs.size(); ++i)
        for (size_t j = i + 1; j < cs.size(); ++j) {
          double sum = 0;
          for (int a : cs[i])
            for (int b : cs[j]) sum += sim[static_cast<size_t>(a) * n + static_cast<size_t>(b)];
          double mean = sum / double(cs[i].size() * cs[j].size());
          if (mean > best + 1e-12) {
            best = mean;
            bi = i;
            bj = j;
          }
        }
      if (cs.size() < 2 || best < double(t) - 1e-9) break;
      cs[bi].insert(cs[bi].end(), cs[bj].begin(), cs[bj].end());
      std::sort(cs[bi].begin(), cs[bi].end());
      cs.erase(cs.begin() + static_cast<long>(bj));
    }
    std::sort(cs.begin(), cs.end());
    return cs;
  };
  for (float t : {0.2f, 0.3f, 0.45f, 0.6f}) {
    CHECK(MatrixAverageLinkage(sim, n, t) == greedy(t));
    CHECK(DenseAverageLinkage(v, 64, t) == greedy(t));
  }
}

TEST_CASE("a combination longer than max_chars keeps the central members' words and every source",
          "[merge]") {
  // Three similar principles; their combination is too long for the limit,
  // so the words of the most central member (b, nearest to both others) and
  // whichever others fit are kept, with all three sources.
  testing::TableEmbed e{{{"most respects alpha", {1, 0.2f, 0, 0}},
                         {"most respects beta", {1, 0, 0, 0}},
                         {"most respects gamma", {1, -0.2f, 0, 0}}}};
  std::vector<Principle> ps = {testing::P("a", "Choose the response that most respects alpha."),
                               testing::P("b", "Choose the response that most respects beta."),
                               testing::P("c", "Choose the response that most respects gamma.")};
  MergeTools tools{.embed = e, .combine = testing::JoinCombine};
  MergeOptions o;
  o.combine = 0.5f;
  o.max_chars = 80;
  std::vector<Principle> out = CombineSimilar(ps, tools, o);
  REQUIRE(out.size() == 1);
  CHECK(out[0].text.size() <= 80);
  CHECK(out[0].text.find("beta") != std::string::npos);
  CHECK(out[0].sources.size() == 3);
  o.max_chars = 0;
  std::vector<Principle> all = CombineSimilar(ps, tools, o);
  REQUIRE(all.size() == 1);
  CHECK(all[0].text.size() > 80);
}

TEST_CASE("term coverage makes a base principle listing many rights a match for one of them",
          "[merge]") {
  // Embeddings say nothing (orthogonal); the words decide. The country
  // principle names "asylum", which only b2 names too.
  std::vector<Principle> base = {
      testing::P("b1", "Choose the response that most respects privacy and family.", "base"),
      testing::P("b2",
                 "Choose the response that most respects movement, residence, asylum, "
                 "nationality, marriage and property.",
                 "base")};
  std::vector<Principle> country = {
      testing::P("c1", "Choose the response that most respects asylum.")};
  auto words = [](const Principle& p) {
    std::vector<std::string> out;
    const std::string core = AsciiLower(PrincipleCore(p.text));  // Split gives views into it
    for (std::string_view w : Split(core, ' ')) {
      std::string t(w);
      while (!t.empty() && (t.back() == ',' || t.back() == '.')) t.pop_back();
      if (t.size() > 3 && t != "most" && t != "respects") out.push_back(t);
    }
    return out;
  };
  MergeTools tools{.embed = testing::TableEmbed{}, .combine = testing::JoinCombine};
  tools.terms = words;
  MergeOptions o;
  o.similar = 0.2f;
  o.duplicate = 0.9f;
  o.lexical = 0.25f;
  MergePlan plan = MergeCountry(base, country, tools, o);
  REQUIRE(plan.candidates.size() == 1);
  CHECK(plan.candidates[0].base.id == "b2");
  CHECK(plan.candidates[0].similarity == Approx(0.25f));
  o.lexical = 0.0f;
  CHECK(MergeCountry(base, country, tools, o).candidates.empty());
}

TEST_CASE("a large global cluster speaks through a member that names no one country", "[merge]") {
  // Both members are as near the centroid as each other; the first names a
  // country, the second speaks for all.
  std::vector<CountrySet> sets = {
      {"fre",
       {P("f1", "Choose the response that most respects the freedom to move within Freedonia.")}},
      {"xan",
       {P("x1", "Choose the response that most respects the freedom to move within borders.")}}};
  MergeTools tools{.embed = testing::BagOfWords, .combine = JoinCombine};
  // As rules/en/rewrite_words.tsv lists them (classes common_name, figure).
  tools.common_names = {"Choose", "State"};
  tools.figures = {"percent"};
  GlobalOptions o;
  o.combine_max = 1;  // a cluster of two is "large": one member speaks for it
  GlobalPlan plan = MergeGlobal(sets, tools, o);
  REQUIRE(plan.entries.size() == 1);
  CHECK(plan.entries[0].countries == std::vector<std::string>{"fre", "xan"});
  CHECK(plan.entries[0].principle.text ==
        "Choose the response that most respects the freedom to move within borders.");
}

TEST_CASE("a figure word (MergeTools::figures) names one country's particulars", "[merge]") {
  std::vector<CountrySet> sets = {
      {"fre",
       {P("f1", "Choose the response that most respects the freedom to move within percent.")}},
      {"xan",
       {P("x1", "Choose the response that most respects the freedom to move within borders.")}}};
  MergeTools tools{.embed = testing::BagOfWords, .combine = JoinCombine};
  tools.common_names = {"Choose"};
  GlobalOptions o;
  o.combine_max = 1;
  // Without the figure list the first member speaks; with it, the second.
  CHECK(MergeGlobal(sets, tools, o).entries.at(0).principle.text.ends_with("within percent."));
  tools.figures = {"percent"};
  CHECK(MergeGlobal(sets, tools, o).entries.at(0).principle.text.ends_with("within borders."));
}

}  // namespace charter

namespace charter {
namespace {

using testing::BagOfWords;
using testing::JoinCombine;
using testing::P;

Principle WithIdeas(Principle p, std::vector<std::string> ideas) {
  p.ideas = std::move(ideas);
  return p;
}

Principle IdeaWording(const std::string& idea) {
  Principle p;
  p.text = "Choose the response that most respects the idea " + idea + ".";
  p.id = idea;
  p.ideas = {idea};
  p.template_id = "idea";
  return p;
}

}  // namespace

TEST_CASE("the global merge supports an idea by every country that names it, in its own words",
          "[merge][global]") {
  // Three countries state the right to vote in three family principles of
  // different words; one also states a state religion, another a secular
  // state: a declared conflict with the countries of each side.
  std::vector<CountrySet> sets = {
      {"ken",
       {WithIdeas(P("k1",
                    "Choose the response that most respects the right to vote and to stand "
                    "for office."),
                  {"vote", "stand_for_office"}),
        WithIdeas(P("k2", "Choose the response that most respects the state's religion."),
                  {"state_religion"})}},
      {"zaf",
       {WithIdeas(P("z1", "Choose the response that most respects the right to vote."), {"vote"}),
        WithIdeas(P("z2", "Choose the response that most respects a secular state."),
                  {"secular_state"})}},
      {"ind",
       {WithIdeas(P("i1",
                    "Choose the response that most respects universal suffrage and the "
                    "right to vote."),
                  {"universal_suffrage", "vote"}),
        P("i2", "Choose the response that most protects the cows.")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = IdeaWording;
  tools.idea_conflicts = {{"state_religion", "secular_state", "idea_conflicts.tsv:1"}};
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  REQUIRE_FALSE(plan.entries.empty());
  const GlobalEntry& vote = plan.entries[0];
  CHECK(vote.principle.text == "Choose the response that most respects the idea vote.");
  CHECK(vote.countries == std::vector<std::string>{"ind", "ken", "zaf"});
  CHECK(vote.members == 3);
  CHECK(vote.principle.sources.size() == 3);
  // The principle without ideas is clustered as before, with its country.
  bool cows = false;
  for (const GlobalEntry& e : plan.entries)
    cows = cows || (e.principle.text.find("cows") != std::string::npos &&
                    e.countries == std::vector<std::string>{"ind"});
  CHECK(cows);
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  CHECK(c.kind == "idea");
  CHECK(c.label_a == "state_religion");
  CHECK(c.side_a == "ken");
  CHECK(c.side_b == "zaf");
  REQUIRE(c.a.sources.size() == 1);
  CHECK(c.a.sources[0].note == "ken");
  GlobalOptions two;
  two.min_support = 2;
  GlobalPlan filtered = MergeGlobal(sets, tools, two);
  REQUIRE(filtered.entries.size() == 1);
  CHECK(filtered.entries[0].principle.ideas == std::vector<std::string>{"vote"});
}

// Two countries of a state religion (ken, egy), one of a secular state (zaf),
// all three of the right to vote: one declared conflict of ideas.
struct ReligionConflict {
  std::vector<CountrySet> sets = {
      {"ken",
       {WithIdeas(P("k1", "Choose the response that most respects the right to vote."), {"vote"}),
        WithIdeas(P("k2", "Choose the response that most respects the state's religion."),
                  {"state_religion"})}},
      {"egy",
       {WithIdeas(P("e1", "Choose the response that most respects the state religion."),
                  {"state_religion"})}},
      {"zaf",
       {WithIdeas(P("z1", "Choose the response that most respects the right to vote."), {"vote"}),
        WithIdeas(P("z2", "Choose the response that most respects a secular state."),
                  {"secular_state"})}}};
  MergeTools tools() const {
    MergeTools t{.embed = BagOfWords, .combine = JoinCombine};
    t.idea_principle = IdeaWording;
    t.idea_conflicts = {{"state_religion", "secular_state", "idea_conflicts.tsv:1"}};
    return t;
  }
  GlobalPlan Merge(std::vector<Decision> decisions = {}) const {
    GlobalOptions o;
    o.decisions = std::move(decisions);
    return MergeGlobal(sets, tools(), o);
  }
};

std::vector<std::string> EntryIds(const std::vector<GlobalEntry>& entries) {
  std::vector<std::string> out;
  for (const GlobalEntry& e : entries) out.push_back(e.principle.id);
  return out;
}

TEST_CASE("a global conflict has a stable id and names the global principle of each side",
          "[merge][global]") {
  ReligionConflict f;
  GlobalPlan plan = f.Merge();
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  CHECK(c.entry_a == "state_religion");
  CHECK(c.entry_b == "secular_state");
  CHECK(c.id == ConflictId(c));
  CHECK(c.id.size() == 16);
  CHECK(c.decision.empty());
  CHECK(plan.Pending() == 1);
  // Another set of countries that states the same two ideas: the same conflict.
  ReligionConflict other;
  other.sets.erase(other.sets.begin());
  GlobalPlan again = other.Merge();
  REQUIRE(again.conflicts.size() == 1);
  CHECK(again.conflicts[0].id == c.id);
}

TEST_CASE("keeping side a of a global conflict drops side b's principle", "[merge][global]") {
  ReligionConflict f;
  const std::string id = f.Merge().conflicts.at(0).id;
  GlobalPlan plan = f.Merge({{id, "keep-a", "", "d.tsv", 3}});
  REQUIRE(plan.conflicts.size() == 1);
  CHECK(plan.conflicts[0].decision == "keep-a");
  CHECK(plan.conflicts[0].decision_line == 3);
  CHECK(plan.Pending() == 0);
  CHECK(EntryIds(plan.entries) == std::vector<std::string>{"vote", "state_religion"});
  REQUIRE(plan.dropped.size() == 1);
  CHECK(plan.dropped[0].principle.id == "secular_state");
  CHECK(plan.dropped[0].countries == std::vector<std::string>{"zaf"});
  CHECK(plan.dropped[0].dropped_by == std::vector<std::string>{id});
  CHECK(plan.applied.size() == 1);
  CHECK(plan.stale.empty());
  CHECK(plan.options.decisions.empty());
}

TEST_CASE("keep-b, keep-both and drop-both keep the sides they say", "[merge][global]") {
  ReligionConflict f;
  const std::string id = f.Merge().conflicts.at(0).id;
  struct Case {
    const char* action;
    std::vector<std::string> entries;
    std::vector<std::string> dropped;
  };
  const Case cases[] = {
      {"keep-b", {"vote", "secular_state"}, {"state_religion"}},
      {"keep-both", {"vote", "state_religion", "secular_state"}, {}},
      {"drop-both", {"vote"}, {"state_religion", "secular_state"}},
  };
  for (const Case& c : cases) {
    INFO(c.action);
    GlobalPlan plan = f.Merge({{id, c.action, "", "d.tsv", 1}});
    CHECK(plan.conflicts.at(0).decision == c.action);
    CHECK(EntryIds(plan.entries) == c.entries);
    CHECK(EntryIds(plan.dropped) == c.dropped);
  }
}

TEST_CASE("a declared conflict's evidence is each country's clause that states the idea",
          "[merge][global]") {
  ReligionConflict f;
  // Egypt's principle cites a clause on something else first, then a
  // lead-in naming several ideas, then the clause of the state religion.
  Principle& egy = f.sets[1].principles[0];
  Source other = egy.sources[0], lead = egy.sources[0], narrow = egy.sources[0];
  other.cite = "Art. 1";
  other.ideas = {"vote"};
  lead.cite = "Art. 2";
  lead.ideas = {"vote", "state_religion"};
  narrow.cite = "Art. 2(a)";
  narrow.ideas = {"state_religion"};
  egy.sources = {other, lead, narrow};
  egy.ideas = {"vote", "state_religion"};
  GlobalPlan plan = f.Merge();
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  REQUIRE(c.a.sources.size() == 2);
  CHECK(c.a.sources[0].note == "ken");
  CHECK(c.a.sources[1].note == "egy");
  CHECK(c.a.sources[1].cite == "Art. 2(a)");
}

TEST_CASE("a decision on a conflict that no longer exists is stale and changes nothing",
          "[merge][global]") {
  ReligionConflict f;
  GlobalPlan plan = f.Merge({{"0123456789abcdef", "keep-a", "", "d.tsv", 2}});
  CHECK(plan.applied.empty());
  REQUIRE(plan.stale.size() == 1);
  CHECK(plan.stale[0].line == 2);
  CHECK(plan.dropped.empty());
  CHECK(plan.entries.size() == 3);
  CHECK(plan.Pending() == 1);
}

// A principle whose sources are `clauses`: {text, ideas} each.
Principle WithClauses(Principle p,
                      std::vector<std::pair<std::string, std::vector<std::string>>> clauses) {
  Source first = p.sources.at(0);
  p.sources.clear();
  for (auto& [text, ideas] : clauses) {
    Source s = first;
    s.text = text;
    s.ideas = ideas;
    p.sources.push_back(std::move(s));
  }
  return p;
}

TEST_CASE("a rule conflict names the entries that state its sides, not their members' families",
          "[merge][global]") {
  // aaa's liberty principle protects life from conception; bbb's health principle
  // names reproductive rights in one clause; ccc states health and liberty. Folded by
  // idea, the first entry holding a declaring member is liberty's (side a) and
  // health's (side b): a keep-a decision dropped the whole health principle.
  auto rules =
      ConflictRules::Create({{"en/conflicts.tsv",
                              "life_from_conception\t\\bfrom conception\\b\treproductive_choice\t"
                              "\\breproductive rights\\b\n"}},
                            "en");
  REQUIRE(rules);
  std::vector<CountrySet> sets = {
      {"ccc",
       {WithIdeas(P("c1", "Choose the response that most supports health care."), {"health"}),
        WithIdeas(P("c2", "Choose the response that most respects liberty."),
                  {"personal_liberty"})}},
      {"aaa",
       {WithClauses(WithIdeas(P("a1",
                                "Choose the response that most respects liberty and the "
                                "protection of life from conception."),
                              {"personal_liberty", "life_from_conception"}),
                    {{"Everyone has the right to liberty.", {"personal_liberty"}},
                     {"Life is protected from conception.", {"life_from_conception"}}})}},
      {"bbb",
       {WithClauses(WithIdeas(P("b1",
                                "Choose the response that most supports health care and "
                                "reproductive health."),
                              {"health", "reproductive_health"}),
                    {{"Everyone has the right to health care.", {"health"}},
                     {"Every woman has reproductive rights.", {"reproductive_health"}}})}},
      // A clause of three ideas names reproductive rights among job security; another
      // country states reproductive health without declaring the side.
      {"ddd",
       {WithClauses(WithIdeas(P("d1",
                                "Choose the response that least endorses dismissing workers "
                                "unfairly."),
                              {"unfair_dismissal", "workers_protection", "employment_promotion"}),
                    {{"The State respects the reproductive rights of all workers and their job "
                      "security.",
                      {"unfair_dismissal", "workers_protection", "employment_promotion"}}})}},
      {"eee",
       {WithIdeas(P("e1", "Choose the response that most supports reproductive health."),
                  {"reproductive_health"})}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = IdeaWording;
  tools.conflicts = &*rules;
  auto merge = [&](std::vector<Decision> decisions) {
    GlobalOptions o;
    o.decisions = std::move(decisions);
    return MergeGlobal(sets, tools, o);
  };
  GlobalPlan plan = merge({});
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  CHECK(c.kind == "rule");
  CHECK(c.side_a == "aaa");
  CHECK(c.side_b == "bbb, ddd");
  // Side a by the idea its label names; side b by the idea its declaring clauses state
  // most (bbb's clause of one idea outweighs ddd's of three).
  CHECK(c.entry_a == "life_from_conception");
  CHECK(c.entry_b == "reproductive_health");
  GlobalPlan kept = merge({{c.id, "keep-a", "", "d.tsv", 1}});
  CHECK(EntryIds(kept.dropped) == std::vector<std::string>{"reproductive_health"});
  std::vector<std::string> ids = EntryIds(kept.entries);
  CHECK(std::find(ids.begin(), ids.end(), "health") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "personal_liberty") != ids.end());
}

TEST_CASE("a broader idea's global principle counts the countries of its narrower ideas",
          "[merge][global]") {
  // ken states a healthy environment only, zaf the protection of the
  // environment and the conservation of nature, ind the protection alone:
  // one principle of the broader idea, supported by all three, with which
  // country states which idea; the narrower ideas have no principle of
  // their own. kor's state religion is no narrower idea and keeps its own.
  auto clause = [](const char* id, std::vector<std::string> ideas) {
    Source s;
    s.doc = std::string(id).substr(0, 3);
    s.id = id;
    s.text = "a clause";
    s.ideas = std::move(ideas);
    return s;
  };
  Principle ken = WithIdeas(
      P("k1", "Choose the response that most supports the right to a healthy environment."),
      {"healthy_environment"});
  ken.sources = {clause("ken#art-42", {"healthy_environment"})};
  Principle zaf = WithIdeas(P("z1",
                              "Choose the response that most supports protecting the environment "
                              "and the conservation of nature."),
                            {"environment_protection", "nature_conservation"});
  zaf.sources = {clause("zaf#s-24", {"environment_protection", "nature_conservation"}),
                 clause("zaf#s-25", {"nature_conservation"})};
  Principle ind =
      WithIdeas(P("i1", "Choose the response that most supports protecting the environment."),
                {"environment_protection"});
  ind.sources = {clause("ind#art-48a", {"environment_protection"})};
  Principle kor = WithIdeas(P("r1", "Choose the response that most respects a state religion."),
                            {"state_religion"});
  std::vector<CountrySet> sets = {{"ken", {ken}}, {"zaf", {zaf}}, {"ind", {ind}}, {"kor", {kor}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = IdeaWording;
  tools.idea_broader = {{"healthy_environment", "environment_protection"},
                        {"nature_conservation", "environment_protection"}};
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  REQUIRE(plan.entries.size() == 2);
  const GlobalEntry& env = plan.entries[0];
  CHECK(env.principle.ideas == std::vector<std::string>{"environment_protection"});
  CHECK(env.countries == std::vector<std::string>{"ind", "ken", "zaf"});
  CHECK(env.members == 3);
  std::vector<std::string> cited;
  for (const Source& src : env.principle.sources) cited.push_back(src.id);
  CHECK(cited == std::vector<std::string>{"ken#art-42", "zaf#s-24", "zaf#s-25", "ind#art-48a"});
  REQUIRE(env.variants.size() == 3);
  CHECK(env.variants[0].idea == "environment_protection");
  CHECK(env.variants[0].countries == std::vector<std::string>{"ind", "zaf"});
  CHECK(env.variants[0].text == IdeaWording("environment_protection").text);
  // One country each: ties go by idea id.
  CHECK(env.variants[1].idea == "healthy_environment");
  CHECK(env.variants[1].countries == std::vector<std::string>{"ken"});
  CHECK(env.variants[2].idea == "nature_conservation");
  CHECK(env.variants[2].countries == std::vector<std::string>{"zaf"});
  CHECK(plan.entries[1].principle.ideas == std::vector<std::string>{"state_religion"});
  CHECK(plan.entries[1].variants.empty());
  CHECK(plan.clusters == 2);
  // Without the rule, each idea is its own principle and splits the count.
  tools.idea_broader.clear();
  GlobalPlan split = MergeGlobal(sets, tools, {});
  CHECK(split.entries.size() == 4);
  CHECK(split.entries[0].countries == std::vector<std::string>{"ind", "zaf"});
  CHECK(split.entries[0].variants.empty());
}

TEST_CASE("a global idea cites only the clauses that state it, not its principle's others",
          "[merge][global]") {
  // One country principle names life and torture (one group of families) and
  // cites the clause of each; the global principle of each idea cites its own.
  Principle both = WithIdeas(P("k1",
                               "Choose the response that most respects the right to life, and "
                               "that least endorses torture."),
                             {"life", "torture"});
  Source life_clause, torture_clause, untagged;
  life_clause.id = "ken#art-26";
  life_clause.text = "Every person has the right to life.";
  life_clause.ideas = {"life"};
  torture_clause.id = "ken#art-29";
  torture_clause.text = "Every person has the right not to be subjected to torture.";
  torture_clause.ideas = {"torture"};
  both.sources = {life_clause, torture_clause};
  Principle old =
      WithIdeas(P("z1", "Choose the response that least endorses torture."), {"torture"});
  untagged.id = "zaf#s-12";  // a file written before sources said their ideas
  untagged.text = "Everyone has the right not to be tortured in any way.";
  old.sources = {untagged};
  std::vector<CountrySet> sets = {{"ken", {both}}, {"zaf", {old}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = IdeaWording;
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  std::map<std::string, std::vector<std::string>> cited;
  for (const GlobalEntry& e : plan.entries)
    for (const Source& src : e.principle.sources) cited[e.principle.ideas.at(0)].push_back(src.id);
  CHECK(cited["life"] == std::vector<std::string>{"ken#art-26"});
  CHECK(cited["torture"] == std::vector<std::string>{"ken#art-29", "zaf#s-12"});
}

}  // namespace charter

namespace charter {

TEST_CASE("a principle naming an idea the inventory no longer has is clustered, not dropped",
          "[merge][global]") {
  using testing::BagOfWords;
  using testing::JoinCombine;
  using testing::P;
  Principle old = P("k1", "Choose the response that most supports freedom of enterprise.");
  old.ideas = {"freedom_of_enterprise"};
  std::vector<CountrySet> sets = {{"ken", {old}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = [](const std::string&) { return Principle{}; };  // unknown
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  REQUIRE(plan.entries.size() == 1);
  CHECK(plan.entries[0].principle.text == old.text);
  CHECK(plan.entries[0].countries == std::vector<std::string>{"ken"});
}

}  // namespace charter

namespace charter {

TEST_CASE("a public-input voice joins the global merge and is marked as such", "[merge][global]") {
  using testing::BagOfWords;
  using testing::JoinCombine;
  using testing::P;
  std::vector<CountrySet> sets = {
      {"ken", {P("k1", "Choose the response that most respects privacy.")}},
      {"seattle", {P("s1", "Choose the response that most respects privacy.", "public")}}};
  GlobalPlan plan = MergeGlobal(sets, {.embed = BagOfWords, .combine = JoinCombine}, {});
  CHECK(plan.public_input == std::vector<std::string>{"seattle"});
  REQUIRE(plan.entries.size() == 1);
  CHECK(plan.entries[0].countries == std::vector<std::string>{"ken", "seattle"});
}

}  // namespace charter

namespace charter {

TEST_CASE("a wording that names one country's particulars is no global principle",
          "[merge][global]") {
  using testing::BagOfWords;
  using testing::JoinCombine;
  using testing::P;
  // Real wordings of the Russian and Kazakh constitutions' clause principles.
  std::vector<CountrySet> sets = {
      {"rus",
       {P("r1",
          "Choose the response that most respects the right of citizens of the Russian "
          "Federation freely to return to the Russian Federation."),
        P("r2", "Choose the response that least endorses torture by State officials.")}},
      {"kaz",
       {P("k1",
          "Choose the response that most respects the right of citizens of the Russian "
          "Federation freely to return to the Russian Federation.")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.common_names = {"State"};
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  // Its support (two documents) does not make it global; the first word
  // ("Choose") and a common name ("State") name no country.
  REQUIRE(plan.particular.size() == 1);
  CHECK(plan.particular[0].countries == std::vector<std::string>{"kaz", "rus"});
  REQUIRE(plan.entries.size() == 1);
  CHECK(plan.entries[0].principle.id == "r2");
}

}  // namespace charter
