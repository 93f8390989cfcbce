#include "publicinput/public_input.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/hash.h"
#include "core/rule_file.h"
#include "files/files.h"
#include "merge/merge.h"
#include "publicinput/polis_report.h"
#include "publicinput/tools.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

using namespace charter;

namespace {

PolisExport::File File(std::string_view name, std::string bytes) {
  PolisExport::File f;
  f.path = "conv/";
  f.path += name;
  f.bytes = std::move(bytes);
  f.present = true;
  return f;
}

// Three statements, two groups of five; 0 and 1 agreed by all, 2 divisive.
PolisExport SmallExport() {
  PolisExport e;
  e.dir = "conv";
  e.comments =
      File("comments.csv",
           "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
           "1,d,0,0,10,0,1,The AI should be honest.\n"
           "2,d,1,0,10,0,1,AI should be truthful\n"
           "3,d,2,1,5,5,1,The AI should obey the user.\n");
  std::string pv = "participant,group-id,0,1,2\n";
  for (int p = 0; p < 10; ++p)
    pv += std::to_string(p) + "," + (p < 5 ? "0" : "1") + ",1,1," + (p < 5 ? "1" : "-1") + "\n";
  e.participants_votes = File("participants-votes.csv", pv);
  return e;
}

// A stand-in for Rewriter::RewriteStatement: "The AI should be X" -> "... is most X".
Result<Principle> FakeRewrite(std::string_view text, const Source& src) {
  std::string t(text);
  size_t at = t.find("be ");
  if (at == std::string::npos)
    return InvalidArgument("statement: not a statement about AI behaviour: " + t);
  std::string adj = t.substr(at + 3);
  if (!adj.empty() && adj.back() == '.') adj.pop_back();
  Principle p;
  p.text = "Choose the response that is most " + adj + ".";
  p.id = HashHex(p.text);
  p.polarity = "most";
  p.sources.push_back(src);
  return p;
}

std::string CcaiDir() { return testing::CorporaDir() + "/public-input/ccai-2023"; }

}  // namespace

TEST_CASE("every selected statement becomes a principle citing its statement and votes",
          "[publicinput]") {
  PolisOptions threshold;
  threshold.select.mode = SelectionOptions::Mode::kThreshold;
  auto a = AnalyzePolis(SmallExport(), threshold);
  REQUIRE(a);
  CHECK(a->Count(Verdict::kSelected) == 2);
  CHECK(a->Count(Verdict::kDivisive) == 1);
  PublicPrinciples pp = StatementsToPrinciples(*a, FakeRewrite);
  REQUIRE(pp.principles.size() == 2);
  const Principle& p = pp.principles[0];
  CHECK(p.text == "Choose the response that is most honest.");
  CHECK(p.origin == "public");
  REQUIRE(p.sources.size() == 1);
  const Source& s = p.sources[0];
  CHECK(s.doc == "conv/comments.csv");
  CHECK(s.id == "comment:0");
  CHECK(s.cite == "statement 0");
  CHECK(s.line_start == 2);
  CHECK(s.text == "The AI should be honest.");
  CHECK(s.note ==
        "agree 10/10 (100.0%), disagree 0, pass 0; group 0: 5/5 (100.0%); group 1: 5/5 (100.0%); "
        "consensus 0.735; selected: every group agrees >= 85.0% (lowest 100.0%)");
}

TEST_CASE("statements that rewrite to the same text share one principle", "[publicinput]") {
  PolisExport e = SmallExport();
  e.comments.bytes += "4,d,3,2,0,0,1,The AI should be honest\n";
  std::string pv = "participant,group-id,0,1,2,3\n";
  for (int p = 0; p < 10; ++p) pv += std::to_string(p) + "," + (p < 5 ? "0" : "1") + ",1,1,1,1\n";
  e.participants_votes.bytes = pv;
  auto a = AnalyzePolis(e, {});
  REQUIRE(a);
  PublicPrinciples pp = StatementsToPrinciples(*a, FakeRewrite);
  REQUIRE(pp.principles.size() == 2);  // honest (twice), truthful; "obey" is not rewritable
  size_t honest = 0;
  for (const Principle& p : pp.principles)
    if (p.text == "Choose the response that is most honest.") honest = p.sources.size();
  CHECK(honest == 2);
}

TEST_CASE("a selected statement that cannot be rewritten is reported, not dropped silently",
          "[publicinput]") {
  PolisExport e = SmallExport();
  e.comments.bytes += "4,d,3,2,0,0,1,Robots are coming\n";
  std::string pv = "participant,group-id,0,1,2,3\n";
  for (int p = 0; p < 10; ++p) pv += std::to_string(p) + "," + (p < 5 ? "0" : "1") + ",1,1,1,1\n";
  e.participants_votes.bytes = pv;
  auto a = AnalyzePolis(e, {});
  REQUIRE(a);
  PublicPrinciples pp = StatementsToPrinciples(*a, FakeRewrite);
  REQUIRE(pp.outcomes.size() == 4);
  CHECK(pp.outcomes[3].rewrite_error ==
        "statement: not a statement about AI behaviour: Robots are coming");
  PolisReport r;
  r.analysis = &*a;
  r.principles = &pp;
  CHECK(PolisReportMarkdown(r).find("not rewritten: statement: not a statement about AI behaviour: "
                                    "Robots are coming") != std::string::npos);
}

TEST_CASE("the Polis report lists groups, selected and divisive statements, deterministically",
          "[publicinput]") {
  auto a = AnalyzePolis(SmallExport(), {});
  REQUIRE(a);
  PublicPrinciples pp = StatementsToPrinciples(*a, FakeRewrite);
  PolisReport r;
  r.analysis = &*a;
  r.principles = &pp;
  std::string md = PolisReportMarkdown(r);
  CHECK(md.find("## Public input (Polis)") != std::string::npos);
  CHECK(md.find("2 groups from export group-id — group 0: 5, group 1: 5") != std::string::npos);
  CHECK(
      md.find(
          "| 2 | The AI should obey the user. | 5/5 (100.0%) | 0/5 (0.0%) | group 0 agrees 100.0%, "
          "group 1 only 0.0% (smoothed gap 0.71 >= 0.30) |") != std::string::npos);
  CHECK(md == PolisReportMarkdown(r));
  std::string html = PolisReportHtml(r);
  CHECK(html.find("<h3>What divides the groups</h3>") != std::string::npos);
  auto j = PolisReportJson(r);
  CHECK(j["summary"]["selected"] == 2);
  CHECK(j["statements"][2]["decision"] == "divisive");
}

TEST_CASE("bad selection settings are rejected before any work", "[publicinput]") {
  PolisOptions o;
  o.select.min_group_agree = 1.5;
  auto a = AnalyzePolis(SmallExport(), o);
  REQUIRE_FALSE(a);
  CHECK(a.error().message == "--min-group-agree: must be between 0 and 1, got 1.500000");
}

TEST_CASE("the raw CCAI export's groups differ from the cleaned file's, and the report says so",
          "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  auto files = ReadPolisExport(CcaiDir());
  REQUIRE(files);
  auto clean = AnalyzePolis(*files, {});
  PolisOptions ro;
  ro.load.layout = PolisLoadOptions::Layout::kRaw;
  auto raw = AnalyzePolis(*files, ro);
  REQUIRE(clean);
  REQUIRE(raw);
  LayoutComparison d = CompareLayouts(*clean, *raw);
  CHECK(d.participants_a == 1002);
  CHECK(d.participants_b == 1089);
  CHECK(d.participants_both == 1002);
  CHECK(d.statements_both == 275);
  // Near chance: the cleaned group-id is not the raw export's.
  CHECK(d.same_group == 510);
  CHECK(d.max_group_rate_diff > 0.4);
}

TEST_CASE("CCAI yields tens of principles, each a 'Choose the response that' sentence",
          "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  auto rules = ReadRuleFolder(testing::RulesDir(), "en");
  if (!rules) FAIL(rules.error().message);
  auto rw = Rewriter::Create(*rules, "en");
  if (!rw) FAIL(rw.error().message);
  auto files = ReadPolisExport(CcaiDir());
  REQUIRE(files);
  auto a = AnalyzePolis(*files, {});
  REQUIRE(a);
  PublicPrinciples pp = StatementsToPrinciples(
      *a, [&](std::string_view t, const Source& s) { return rw->RewriteStatement(t, s); });
  PolisTools tools = MakePolisTools(*rw, *rules, ReadModelFiles(testing::ModelsDir()));
  std::vector<Principle> combined =
      CombineSimilar(pp.principles, tools.merge, tools.embedder ? 0.60f : 0.50f);
  CHECK(combined.size() >= 20);
  CHECK(combined.size() < 100);
  for (const Principle& p : combined) {
    CHECK(p.text.rfind("Choose the response that ", 0) == 0);
    for (const Source& s : p.sources) CHECK(s.id.rfind("comment:", 0) == 0);
  }
}
