#include "core/rule_file.h"

#include <catch2/catch.hpp>

#include "core/pattern_gate.h"

using namespace charter;

TEST_CASE("a rule file with a bad RE2 pattern names the file, line and reason", "[core]") {
  auto f = ParseRuleFile("# modality cues\nright\t(?i)shall\nbad\t(?i:shall\n",
                         "rules/en/modality.tsv", 2, 2);
  REQUIRE(f);
  auto set = PatternSet::Compile(*f, 1, {});
  REQUIRE_FALSE(set);
  CHECK(set.error().message == "rules/en/modality.tsv:3: bad pattern: missing ): (?i:shall");
}

TEST_CASE("a rule line with the wrong column count is an error", "[core]") {
  auto f = ParseRuleFile("a\tb\tc\n", "x.tsv", 2, 2);
  REQUIRE_FALSE(f);
  CHECK(f.error().message == "x.tsv:1: expected 2 columns, found 3");
}

TEST_CASE("the pattern set reports every matching rule with its id", "[core]") {
  auto f = ParseRuleFile("right\thas the right\nprohibition\tno one shall\n\n# c\nduty\tshall\n",
                         "m.tsv", 2, 2);
  REQUIRE(f);
  auto set = PatternSet::Compile(*f, 1, {});
  REQUIRE(set);
  auto hits = set->Match("No one shall be held in slavery");
  REQUIRE(hits.size() == 2);
  CHECK(set->rules()[static_cast<size_t>(hits[0])].Id() == "m.tsv:2");
  CHECK(set->rules()[static_cast<size_t>(hits[1])].Id() == "m.tsv:5");
}

TEST_CASE("list files skip comments and blank lines and trim entries", "[core]") {
  auto l = ParseListFile("# abbreviations\nArt.\n  No. \n\ne.g.\n", "abbr.txt");
  REQUIRE(l);
  CHECK(*l == std::vector<std::string>{"Art.", "No.", "e.g."});
}

TEST_CASE("invalid UTF-8 in a rule file is reported with its line", "[core]") {
  auto f = ParseRuleFile("ok\tfine\nbad\t\xff\xfe\n", "r.tsv", 2, 2);
  REQUIRE_FALSE(f);
  CHECK(f.error().message == "r.tsv:2: invalid UTF-8");
}

TEST_CASE("patterns anchored at the start are told apart from the rest", "[core]") {
  CHECK(AnchoredAtStart("^no\\s+[^.;:]*?\\b(?:shall|may)\\b"));
  CHECK(AnchoredAtStart("(?-i)^[A-Z][^.;:,!?()]*$"));
  CHECK(AnchoredAtStart("^(?:article|section)\\s+\\d+(?:a|b)?$"));
  CHECK(AnchoredAtStart("^[|]x"));
  CHECK_FALSE(AnchoredAtStart("^subject to|except"));  // top-level alternative
  CHECK_FALSE(AnchoredAtStart("(?:^|\\[|\\()\\s*repealed"));
  CHECK_FALSE(AnchoredAtStart("\\bright\\s+to\\b"));
  CHECK_FALSE(AnchoredAtStart("\\^caret"));
}

TEST_CASE("a pattern anchored at the start with a long gap is matched through its gates",
          "[core]") {
  // "^no ... shall": its first gate "^no\s+" goes in the anchored set, its
  // second ("\bshall\b") in the main set; both must fire, at the right places,
  // and the pattern itself must match.
  auto f = ParseRuleFile(
      "prohibition\t^no\\s+[^.;:]*?\\b(?:shall|may)\\b\n"
      "duty\t\\bshall\\b\n"
      "whole\t^[\\W\\d]*$\n",
      "m.tsv", 2, 2);
  REQUIRE(f);
  auto set = PatternSet::Compile(*f, 1, {});
  REQUIRE(set);
  CHECK(set->Match("No person shall be held in slavery") == std::vector<int>{0, 1});
  CHECK(set->Match("No person; the State shall act") == std::vector<int>{1});  // gap crosses ';'
  CHECK(set->Match("Everyone shall know that no tax may be levied") == std::vector<int>{1});
  CHECK(set->Match("No person is held in slavery").empty());
  CHECK(set->Match("12. (3)") == std::vector<int>{2});
  CHECK(set->Match("no  may").size() == 1);
}
