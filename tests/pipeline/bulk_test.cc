#include "pipeline/bulk.h"

#include <catch2/catch.hpp>

namespace charter {
namespace {

BulkOutcome Done(const std::string& name, const std::string& stamp) {
  BulkOutcome o;
  o.name = name;
  o.stamp = stamp;
  o.ok = true;
  o.rewritten = 12;
  o.principles = 10;
  o.constitution = 70;
  return o;
}

TEST_CASE("a journal line reads back as the outcome it was written from", "[pipeline]") {
  const BulkOutcome ken = Done("ken", "0123456789abcdef");
  std::map<std::string, BulkOutcome> back = ParseJournal(JournalLine(ken));
  REQUIRE(back.count("ken"));
  CHECK(back.at("ken").stamp == ken.stamp);
  CHECK(back.at("ken").principles == 10);
  CHECK(back.at("ken").constitution == 70);
}

TEST_CASE("a journal line cut short or malformed is left out", "[pipeline]") {
  const std::string good = JournalLine(Done("ken", "0123456789abcdef"));
  const std::string cut = JournalLine(Done("zaf", "fedcba9876543210"));
  CHECK(ParseJournal(good + cut.substr(0, cut.size() - 3)).size() == 1);
  CHECK(ParseJournal("short\tken\tok\t1\t2\t3\t4\t5\t6\t7\n").empty());
  CHECK(ParseJournal("0123456789abcdef\tken\tok\t1\t2\tx\t4\t5\t6\t7\n").empty());
}

TEST_CASE("a stamp depends on where its parts begin and end", "[pipeline]") {
  uint64_t a = 1, b = 1;
  AddToStamp("ab", &a);
  AddToStamp("c", &a);
  AddToStamp("a", &b);
  AddToStamp("bc", &b);
  CHECK(a != b);
  CHECK(StampHex(0xabcULL) == "0000000000000abc");
}

TEST_CASE("the summary table has a row per outcome, failures with their error", "[pipeline]") {
  BulkOutcome bad;
  bad.name = "xyz";
  bad.error = "xyz.txt: not found";
  const std::string table = SummaryTable({Done("ken", "0123456789abcdef"), bad});
  CHECK(table.find("\nken\tok\t12\t10\t0\t0\t0\t0\t70\n") != std::string::npos);
  CHECK(table.find("\nxyz\tFAILED\txyz.txt: not found\n") != std::string::npos);
}

}  // namespace
}  // namespace charter
