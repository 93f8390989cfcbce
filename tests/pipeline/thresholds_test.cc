#include "pipeline/thresholds.h"

#include <catch2/catch.hpp>

#include "core/io.h"
#include "files/files.h"
#include "test_util.h"

namespace charter {
namespace {

// Every name with a good value, so that one line can be changed at a time.
std::string Complete() {
  return "language.min_share\t0.2\ncountry.duplicate\t0.70\ncountry.similar\t0.27\n"
         "country.combine\toff\ncountry.lexical\t0.25\ncountry.topical\t0.40\n"
         "country.max_chars\t0\ncountry.negation\t0.85\nglobal.threshold\t0.60\n"
         "global.negation\t0.85\npolis.combine\toff\npolis.lexical_duplicate\t0.90\n"
         "polis.lexical_similar\t0.60\npolis.min_group_agree\t0.85\npolis.min_group_seen\t5\n"
         "polis.divisive_gap\t0.30\npolis.divisive_high\t0.50\npolis.top\t10\n"
         "polis.min_selected\t5\ndiff.changed\t0.45\n";
}

TEST_CASE("the shipped thresholds file parses", "[pipeline]") {
  Result<Thresholds> t = ReadThresholds(testing::RulesDir());
  REQUIRE(t);
  CHECK(t->country.duplicate == 0.70f);
  CHECK(t->country.similar == 0.27f);
  CHECK(t->country.combine == kCombineOff);
  CHECK(t->global.threshold == 0.60f);
  CHECK(t->polis_select.min_group_seen == 5);
}

TEST_CASE("every threshold is read from its line", "[pipeline]") {
  Result<Thresholds> t = ParseThresholds(Complete(), "t.tsv");
  REQUIRE(t);
  CHECK(t->min_language_share == 0.2);
  CHECK(t->country.lexical == 0.25f);
  CHECK(t->country.topical == 0.40f);
  CHECK(t->country.negation == 0.85f);
  CHECK(t->global.negation == 0.85f);
  CHECK(t->polis_combine == kCombineOff);
  CHECK(t->polis_lexical_duplicate == 0.90f);
  CHECK(t->polis_lexical_similar == 0.60f);
  CHECK(t->polis_select.min_group_agree == 0.85);
  CHECK(t->polis_select.divisive_gap == 0.30);
  CHECK(t->polis_select.top == 10);
  CHECK(t->diff_changed == 0.45f);
}

TEST_CASE("a bad thresholds line is a one-line error naming file and line", "[pipeline]") {
  struct Case {
    std::string from, to, error;
  };
  const Case cases[] = {
      {"country.similar\t0.27", "country.similar\t1.5",
       "t.tsv:3: country.similar: expected a number from 0 to 1, found '1.5'"},
      {"country.similar\t0.27", "country.similar\tabc",
       "t.tsv:3: country.similar: expected a number from 0 to 1, found 'abc'"},
      {"country.combine\toff", "country.combine\tnever",
       "t.tsv:4: country.combine: expected a number from 0 to 1 or off, found 'never'"},
      {"polis.top\t10", "polis.top\t2.5",
       "t.tsv:18: polis.top: expected a whole number of at least 0, found '2.5'"},
      {"country.similar\t0.27", "country.simlar\t0.27", "t.tsv:3: unknown name 'country.simlar'"},
      {"country.similar\t0.27", "country.similar 0.27",
       "t.tsv:3: expected 2 columns (name, value)"},
      {"country.similar\t0.27", "country.duplicate\t0.27",
       "t.tsv:3: country.duplicate given twice"},
      {"global.threshold\t0.60\n", "", "t.tsv: missing global.threshold"},
  };
  for (const Case& c : cases) {
    std::string text = Complete();
    text.replace(text.find(c.from), c.from.size(), c.to);
    Result<Thresholds> t = ParseThresholds(text, "t.tsv");
    REQUIRE_FALSE(t);
    CHECK(t.error().message == c.error);
  }
}

TEST_CASE("comments and blank lines in the thresholds file are skipped", "[pipeline]") {
  CHECK(ParseThresholds("# what\n\n" + Complete() + "  # end\n", "t.tsv"));
}

TEST_CASE("a report lists the thresholds of its kind as the file writes them", "[pipeline]") {
  Result<Thresholds> t = ParseThresholds(Complete(), "t.tsv");
  REQUIRE(t);
  std::vector<ReportThreshold> global = ThresholdList(*t, "global");
  REQUIRE(global.size() == 2);
  CHECK(global[0].name == "global.threshold");
  CHECK(global[0].value == "0.60");
  std::vector<ReportThreshold> country = ThresholdList(*t, "country");
  REQUIRE(country.size() == 8);
  CHECK(country[0].name == "language.min_share");
  CHECK(country[3].name == "country.combine");
  CHECK(country[3].value == "off");
  CHECK(ThresholdList(*t, "polis").size() == 16);
  CHECK(ThresholdList(*t, "all").size() == 20);
}

}  // namespace
}  // namespace charter
