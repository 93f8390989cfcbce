#include "merge/diff.h"

#include <catch2/catch.hpp>

#include "merge/fake_tools.h"

namespace charter {
namespace {

using testing::JoinCombine;
using testing::P;
using testing::TableEmbed;

TEST_CASE("diff tells unchanged, changed, removed and added principles apart", "[merge]") {
  std::vector<Principle> before = {
      P("o1", "Choose the response that most respects privacy."),
      P("o2", "Choose the response that most respects free speech."),
      P("o3", "Choose the response that most respects the monarchy.")};
  std::vector<Principle> after = {
      P("n1", "Choose the response that most respects free speech and a free press."),
      P("n2", "Choose the response that most respects privacy."),
      P("n3", "Choose the response that most protects the environment.")};
  TableEmbed e{{{"most respects free speech", {0, 1, 0, 0}},
                {"most respects free speech and a free press", {0, 0.9f, 0.436f, 0}},
                {"most respects the monarchy", {0, 0, 0, 1}},
                {"most protects the environment", {1, 0, 0, 0.2f}}}};
  MergeTools tools{.embed = e, .combine = JoinCombine};
  PrincipleDiff d = DiffPrinciples(before, after, tools, {});
  CHECK(d.old_count == 3);
  CHECK(d.new_count == 3);
  REQUIRE(d.unchanged.size() == 1);
  CHECK(d.unchanged[0].id == "n2");
  REQUIRE(d.changed.size() == 1);
  CHECK(d.changed[0].before.id == "o2");
  CHECK(d.changed[0].after.id == "n1");
  CHECK(d.changed[0].similarity == Approx(0.9f).margin(0.001));
  REQUIRE(d.removed.size() == 1);
  CHECK(d.removed[0].id == "o3");
  REQUIRE(d.added.size() == 1);
  CHECK(d.added[0].id == "n3");
}

TEST_CASE("diff of a set with itself has no changes", "[merge]") {
  std::vector<Principle> ps = {P("a", "Choose the response that is most honest."),
                               P("b", "Choose the response that is least harmful.")};
  MergeTools tools{.embed = testing::BagOfWords, .combine = JoinCombine};
  PrincipleDiff d = DiffPrinciples(ps, ps, tools, {});
  CHECK(d.unchanged.size() == 2);
  CHECK(d.changed.empty());
  CHECK(d.added.empty());
  CHECK(d.removed.empty());
}

}  // namespace
}  // namespace charter
