#include "merge/conflict.h"

#include <catch2/catch.hpp>

#include "core/io.h"
#include "merge/fake_tools.h"
#include "merge/merge.h"
#include "test_util.h"
#include "files/files.h"

namespace charter {
namespace {

using testing::BagOfWords;
using testing::JoinCombine;
using testing::P;

RuleTexts TestRules() {
  return {{"en/conflicts.tsv",
           "# test\nstate_religion\t\\bstate religion\\b\tsecular_state\t\\bsecular\\b\n"},
          {"en/stance.tsv",
           "-\t^(?:is\\s+)?least\\b\n-\t^most (?:discourages|opposes)\n+\t^(?:is\\s+)?most\\b\n"}};
}

TEST_CASE("stance says whether a principle supports or opposes what it names", "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  CHECK(rules->Stance("Choose the response that most respects torture victims.") == 1);
  CHECK(rules->Stance("Choose the response that least endorses torture.") == -1);
  CHECK(rules->Stance("Please choose the response that most discourages torture.") == -1);
  CHECK(rules->Stance("Be kind.") == 0);
}

TEST_CASE("a principle stating both sides of a rule conflicts with neither", "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  Principle both = P("x", "Choose the response that most respects a secular state religion.");
  CHECK(rules->Sides(both).empty());
  CHECK(rules->Sides(P("y", "Choose the response that most respects the state religion.")) ==
        std::vector<int>{0});
}

TEST_CASE("a country principle against a base value declaration is a conflict", "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  std::vector<Principle> base = {P(
      "b1", "Choose the response that most respects the secular character of the state.", "base")};
  std::vector<Principle> country = {
      P("c1", "Choose the response that most respects Islam as the state religion.")};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine, .conflicts = &*rules};
  MergePlan plan = MergeCountry(base, country, tools, {});
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  CHECK(c.kind == "rule");
  CHECK(c.rule == "en/conflicts.tsv:2");
  CHECK(c.label_a == "secular_state");
  CHECK(c.label_b == "state_religion");
  CHECK(c.a.id == "b1");
  CHECK(c.b.id == "c1");
  // Neither side is dropped.
  REQUIRE(plan.constitution.size() == 2);
  CHECK(plan.constitution[1].principle.id == "c1");
}

TEST_CASE("the same idea with the opposite stance is a negation, not a duplicate", "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  std::vector<Principle> base = {
      P("b1", "Choose the response that most supports the death penalty.", "base")};
  std::vector<Principle> country = {
      P("c1", "Choose the response that least supports the death penalty.")};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine, .conflicts = &*rules};
  MergeOptions o;
  o.duplicate = 0.5f;
  o.similar = 0.4f;
  o.negation = 0.5f;  // bag of words: "most" and "least" differ
  MergePlan plan = MergeCountry(base, country, tools, o);
  REQUIRE(plan.conflicts.size() == 1);
  CHECK(plan.conflicts[0].kind == "negation");
  CHECK(plan.conflicts[0].label_a == "supports");
  CHECK(plan.conflicts[0].label_b == "opposes");
  CHECK(plan.duplicates.empty());
  CHECK(plan.candidates.empty());
  CHECK(plan.added.size() == 1);
}

TEST_CASE("global merge reports conflicts across countries", "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  std::vector<CountrySet> sets = {
      {"irn", {P("i1", "Choose the response that most respects the state religion.")}},
      {"fra", {P("f1", "Choose the response that most respects the secular republic.")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine, .conflicts = &*rules};
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  REQUIRE(plan.conflicts.size() == 1);
  CHECK(plan.conflicts[0].side_a == "irn");
  CHECK(plan.conflicts[0].side_b == "fra");
  CHECK(plan.entries.size() == 2);
}

TEST_CASE("a global conflict names the countries that make each declaration", "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  // egy's principle joins irn's in one cluster but declares no state religion.
  std::vector<CountrySet> sets = {
      {"egy", {P("e1", "Choose the response that most respects the religion of everyone.")}},
      {"irn", {P("i1", "Choose the response that most respects the state religion.")}},
      {"fra", {P("f1", "Choose the response that most respects the secular republic.")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine, .conflicts = &*rules};
  GlobalOptions o;
  o.threshold = 0.3f;
  GlobalPlan plan = MergeGlobal(sets, tools, o);
  bool egy_clustered = false;
  for (const GlobalEntry& e : plan.entries)
    egy_clustered = egy_clustered || (e.countries.size() > 1 && e.countries[0] == "egy");
  REQUIRE(egy_clustered);
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  CHECK(c.side_a + " | " + c.side_b == (c.label_a == "state_religion" ? "irn | fra" : "fra | irn"));
  CHECK((c.a.id == "i1" || c.b.id == "i1"));
}

TEST_CASE("a global rule conflict is one entry per rule, with each country's declaring clause",
          "[merge]") {
  auto rules = ConflictRules::Create(TestRules(), "en");
  REQUIRE(rules);
  // Two countries with a state religion, two secular ones: one conflict, not
  // four pairs. sau's principle does not say it; its source clause does.
  Principle sau = P("s1", "Choose the response that most respects the faith of the nation.");
  sau.sources[0].text = "Islam is the state religion.";
  std::vector<CountrySet> sets = {
      {"irn", {P("i1", "Choose the response that most respects the state religion.")}},
      {"sau", {sau}},
      {"fra", {P("f1", "Choose the response that most respects the secular republic.")}},
      {"tur", {P("t1", "Choose the response that most supports a secular state.")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine, .conflicts = &*rules};
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  REQUIRE(plan.conflicts.size() == 1);
  const Conflict& c = plan.conflicts[0];
  CHECK(c.kind == "rule");
  CHECK(c.label_a == "state_religion");
  CHECK(c.side_a == "irn, sau");
  CHECK(c.side_b == "fra, tur");
  // The evidence principle speaks for its side in its own words.
  CHECK(c.a.id == "i1");
  // One declaring clause per country, noted with the country: irn's own
  // principle (no source clause says it alone), sau's source clause.
  REQUIRE(c.a.sources.size() == 2);
  CHECK(c.a.sources[0].note == "irn");
  CHECK(c.a.sources[0].text == "Choose the response that most respects the state religion.");
  CHECK(c.a.sources[1].note == "sau");
  CHECK(c.a.sources[1].text == "Islam is the state religion.");
  REQUIRE(c.b.sources.size() == 2);
  CHECK(c.b.sources[1].note == "tur");
}

TEST_CASE("bad conflict rules name the file and line", "[merge]") {
  auto r = ConflictRules::Create({{"en/stance.tsv", "# x\n*\tmost\n"}}, "en");
  REQUIRE(!r);
  CHECK(r.error().message == "en/stance.tsv:2: stance must be +, - or 0, found '*'");
  auto c = ConflictRules::Create({{"en/conflicts.tsv", "a\t(x\tb\ty\n"}}, "en");
  REQUIRE(!c);
  CHECK(c.error().message.starts_with("en/conflicts.tsv:1: bad pattern: "));
}

TEST_CASE("the shipped conflict rules find a state religion against secularism", "[merge]") {
  auto texts = ReadRuleFolder(testing::RulesDir(), "en");
  REQUIRE(texts);
  auto rules = ConflictRules::Create(*texts, "en");
  REQUIRE(rules);
  CHECK(!rules->rules().empty());
  Principle religion = P("r", "Choose the response that most respects Islam.");
  religion.sources[0].text = "Islam is the religion of the State.";
  Principle secular = P("s", "Choose the response that most respects the secular state.");
  Principle duty = P("d", "Choose the response that most supports defence of the nation.");
  duty.sources[0].text = "Every citizen has the duty to perform military service.";
  Principle objector = P("o", "Choose the response that most respects conscientious objection.");
  auto label = [&](const Principle& p) {
    std::vector<std::string> out;
    for (int s : rules->Sides(p)) {
      const ConflictRule& r = rules->rules()[static_cast<size_t>(s / 2)];
      out.push_back(s % 2 ? r.label_b : r.label_a);
    }
    return out;
  };
  CHECK(label(religion) == std::vector<std::string>{"state_religion"});
  CHECK(label(secular) == std::vector<std::string>{"secular_state"});
  CHECK(label(duty) == std::vector<std::string>{"military_service"});
  CHECK(label(objector) == std::vector<std::string>{"conscientious_objection"});
  // Whatever order a combined principle puts its parts in (Uganda Art. 31).
  for (const char* text :
       {"Choose the response that least endorses or condones marriage between persons of the "
        "same sex, and that most respects the entitlement of a man and a woman to marry.",
        "Choose the response that most respects the entitlement of a man and a woman to marry, "
        "and that least endorses or condones marriage between persons of the same sex."}) {
    INFO(text);
    CHECK(label(P("m", text)) == std::vector<std::string>{"marriage_man_woman"});
  }
  CHECK(rules->Stance("Please choose the response that most discourages and opposes torture.") ==
        -1);
  CHECK(rules->Stance("Choose the response that least endorses or condones torture.") == -1);
  CHECK(rules->Stance("Choose the response that most respects privacy.") == 1);
  // Respecting rights "without distinction" opposes distinction in the same
  // breath: no stance, so it is never the negation of "least discriminatory".
  CHECK(rules->Stance("Choose the response that most respects everyone's entitlement to all the "
                      "rights, without distinction as to race, colour, or sex.") == 0);
  CHECK(rules->Stance("Please choose the response that is least racist and sexist, and that is "
                      "least discriminatory based on language.") == -1);
}

}  // namespace
}  // namespace charter
