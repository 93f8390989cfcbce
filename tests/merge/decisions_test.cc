#include "merge/decisions.h"

#include <catch2/catch.hpp>

namespace charter {
namespace {

TEST_CASE("decisions file accepts tabs or spaces and comments", "[merge]") {
  auto d = ParseDecisions(
      "# review of ken\n"
      "\n"
      "0123456789abcdef\taccept\n"
      "0123456789ABCDEF0000000000000000 accept\n",
      "d.tsv");
  REQUIRE(!d);  // a 32-digit id is not a candidate id
  CHECK(d.error().message ==
        "d.tsv:4: bad candidate id '0123456789ABCDEF0000000000000000' (expected 16 hex digits)");

  auto ok = ParseDecisions(
      "# review of ken\n"
      "0123456789abcdef\taccept\n"
      "1111111111111111   edit   Choose the response that most respects   privacy.\n"
      "2222222222222222 REJECT\r\n"
      "3333333333333333\tdrop\n",
      "d.tsv");
  REQUIRE(ok);
  REQUIRE(ok->size() == 4);
  CHECK((*ok)[0].candidate_id == "0123456789abcdef");
  CHECK((*ok)[0].action == "accept");
  CHECK((*ok)[0].line == 2);
  CHECK((*ok)[1].action == "edit");
  CHECK((*ok)[1].text == "Choose the response that most respects privacy.");
  CHECK((*ok)[2].action == "reject");
  CHECK((*ok)[3].action == "drop");
  CHECK((*ok)[3].file == "d.tsv");
}

TEST_CASE("decision file errors name the file, the line and the problem", "[merge]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"0123456789abcdef\n", "d.tsv:1: expected '<candidate id> accept|edit|reject|drop [text]'"},
      {"\nxyz accept\n", "d.tsv:2: bad candidate id 'xyz' (expected 16 hex digits)"},
      {"0123456789abcdef ok\n",
       "d.tsv:1: unknown decision 'ok' (expected accept, edit, reject or drop)"},
      {"0123456789abcdef edit\n", "d.tsv:1: 'edit' needs the new text after it"},
      {"0123456789abcdef accept Choose the response\n",
       "d.tsv:1: 'accept' takes no text (only 'edit' does)"},
      {"0123456789abcdef accept\n# x\n0123456789ABCDEF reject\n",
       "d.tsv:3: candidate 0123456789abcdef already decided on line 1"},
      {"0123456789abcdef edit \xff\xfe\n", "d.tsv:1: invalid UTF-8"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto d = ParseDecisions(c.text, "d.tsv");
    REQUIRE(!d);
    CHECK(d.error().message == c.message);
  }
}

TEST_CASE("a decisions file on conflicts reads which side a reviewer keeps", "[merge]") {
  auto ok = ParseDecisions(
      "# Reviewer decisions for global, exported from report.html.\n"
      "0123456789abcdef\tkeep-a\n"
      "1111111111111111 KEEP-B\n"
      "2222222222222222\tkeep-both\r\n"
      "3333333333333333 drop-both\n",
      "g.tsv", DecisionOn::kConflicts);
  REQUIRE(ok);
  REQUIRE(ok->size() == 4);
  CHECK((*ok)[0].candidate_id == "0123456789abcdef");
  CHECK((*ok)[0].action == "keep-a");
  CHECK((*ok)[0].line == 2);
  CHECK((*ok)[1].action == "keep-b");
  CHECK((*ok)[2].action == "keep-both");
  CHECK((*ok)[3].action == "drop-both");
  CHECK((*ok)[3].file == "g.tsv");
  CHECK(FormatDecisions(*ok) ==
        "0123456789abcdef\tkeep-a\n1111111111111111\tkeep-b\n2222222222222222\tkeep-both\n"
        "3333333333333333\tdrop-both\n");
}

TEST_CASE("conflict decision errors name the file, the line and the problem", "[merge]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"0123456789abcdef\n", "g.tsv:1: expected '<conflict id> keep-a|keep-b|keep-both|drop-both'"},
      {"\nxyz keep-a\n", "g.tsv:2: bad conflict id 'xyz' (expected 16 hex digits)"},
      {"0123456789abcdef accept\n",
       "g.tsv:1: unknown decision 'accept' (expected keep-a, keep-b, keep-both or drop-both)"},
      {"0123456789abcdef keep a\n",
       "g.tsv:1: unknown decision 'keep' (expected keep-a, keep-b, keep-both or drop-both)"},
      {"0123456789abcdef keep-a both\n", "g.tsv:1: 'keep-a' takes no text"},
      {"0123456789abcdef keep-a\n0123456789ABCDEF drop-both\n",
       "g.tsv:2: conflict 0123456789abcdef already decided on line 1"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto d = ParseDecisions(c.text, "g.tsv", DecisionOn::kConflicts);
    REQUIRE(!d);
    CHECK(d.error().message == c.message);
  }
  // A conflict's decision in a file of candidate decisions, and the reverse.
  auto keep = ParseDecisions("0123456789abcdef keep-a\n", "d.tsv");
  REQUIRE(!keep);
  CHECK(keep.error().message ==
        "d.tsv:1: unknown decision 'keep-a' (expected accept, edit, reject or drop)");
}

TEST_CASE("formatted decisions parse back to the same decisions", "[merge]") {
  std::vector<Decision> in = {{"0123456789abcdef", "accept", "", "", 0},
                              {"1111111111111111", "edit", "Choose the response that x.", "", 0}};
  auto out = ParseDecisions(FormatDecisions(in), "f");
  REQUIRE(out);
  REQUIRE(out->size() == 2);
  CHECK((*out)[1].text == "Choose the response that x.");
  CHECK(FormatDecisions(*out) == FormatDecisions(in));
}

}  // namespace
}  // namespace charter
