#include "pipeline/bulk.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <set>

#include "files/files.h"
#include "test_util.h"

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

// A context over the shipped rules and model, without a base.
std::shared_ptr<ConvertContext> Context() {
  ConvertInputs in;
  in.rules = RuleFolder(testing::RulesDir());
  in.model = ReadModelFiles(testing::ModelsDir()).value();
  in.thresholds = ReadThresholds(testing::RulesDir()).value();
  return ConvertContext::Create(std::move(in)).value();
}

TEST_CASE("bulk converts documents given as bytes and reuses a journaled one", "[pipeline]") {
  auto ctx = Context();
  const std::map<std::string, std::string> bytes = {
      {"a.txt", "Article 1\nEveryone has the right to life.\n"},
      {"b.txt", "Article 1\nNo one shall be subjected to torture.\n"}};
  std::mutex mu;
  std::set<std::string> written;
  std::vector<std::string> journaled;
  BulkIO io;
  io.read = [&](const std::string& f) -> Result<std::string> {
    if (f == "gone.txt") return NotFound("gone.txt: no such file");
    return bytes.at(f);
  };
  io.has_output = [](const std::string&) { return true; };
  io.write = [&](const std::string& name, const std::map<std::string, std::string>& files) {
    std::lock_guard<std::mutex> lock(mu);
    CHECK(files.count("principles.jsonl"));
    written.insert(name);
    return Status{};
  };
  io.journal = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(mu);
    journaled.push_back(line);
  };
  io.progress = [](const BulkOutcome&, size_t, size_t) {};
  const std::vector<BulkDocument> docs = {
      {"a.txt", "a", 10}, {"b.txt", "b", 20}, {"gone.txt", "gone", 0}};
  BulkSettings settings{.jobs = 2, .force = false, .run_stamp = 7, .journal = {}};
  std::vector<BulkOutcome> first = RunBulk(*ctx, docs, settings, io);
  REQUIRE(first.size() == 3);
  CHECK(first[0].ok);
  CHECK(first[1].ok);
  CHECK_FALSE(first[2].ok);
  CHECK(first[2].error == "gone.txt: no such file");
  CHECK(written == std::set<std::string>{"a", "b"});
  REQUIRE(journaled.size() == 2);

  // A rerun with the journal keeps both; forced, it converts them again.
  std::string journal;
  for (const std::string& l : journaled) journal += l;
  settings.journal = ParseJournal(journal);
  written.clear();
  std::vector<BulkOutcome> again = RunBulk(*ctx, docs, settings, io);
  CHECK(again[0].reused);
  CHECK(again[1].reused);
  CHECK(again[0].principles == first[0].principles);
  CHECK(written.empty());
  settings.force = true;
  RunBulk(*ctx, docs, settings, io);
  CHECK(written.size() == 2);
}

}  // namespace
}  // namespace charter
