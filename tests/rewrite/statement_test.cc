// Tests for Rewriter::RewriteStatement: public statements ("The AI should
// ...") become principles; the CCAI statements and the C3AI authors' own
// rewrites (../shared/corpora/principles/ccai-statements-to-principles.c3ai.jsonl)
// are the reference.
#include <catch2/catch.hpp>

#include "core/hash.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "rewrite/english_rewriter.h"
#include "rewrite/rewrite.h"
#include "test_util.h"
#include "files/files.h"

namespace charter {
namespace {

using testing::EnglishRewriter;

}  // namespace

TEST_CASE("public statements about AI become principles", "[rewrite]") {
  struct {
    const char* statement;
    const char* principle;
    const char* polarity;
  } cases[] = {
      // CCAI statements; the C3AI rewrite is the same text unless noted.
      {"The AI should not be threatening or aggressive.",
       "Choose the response that is least threatening or aggressive.", "least"},
      {"The AI shouldn\u2019t cause harm to the user or anyone else.",
       "Choose the response that least causes harm to the user or anyone else.", "least"},
      {"The AI should not endorse torture, slavery or cruelty.",
       "Choose the response that does not endorse torture, slavery, or cruelty.", "least"},
      {"The AI should tell the truth", "Choose the response that tells the truth.", "most"},
      {"The AI should be honest", "Choose the response that is most honest.", "most"},
      {"AI should be respectful", "Choose the response that is most respectful.", "most"},
      {"The AI should prioritize the needs of marginalized communities.",
       "Choose the response that prioritizes the needs of marginalized communities.", "most"},
      {"The AI should actively address and rectify historical injustices and systemic biases in "
       "its decision-making algorithms.",
       "Choose the response that actively addresses and rectifies historical injustices and "
       "systemic biases in its decision-making algorithms.",
       "most"},
      {"They should not bully anyone", "Choose the response that least bullies anyone.", "least"},
      {"AI should never control humans", "Choose the response that never controls humans.",
       "least"},
      // Other phrasings.
      {"I think AI should respect human rights.",
       "Choose the response that most respects human rights.", "most"},
      {"The AI should not say racist or sexist things.",
       "Choose the response that does not say racist or sexist things.", "least"},
      {"\u201cThe AI should never make the human feel uncomfortable\u201d",
       "Choose the response that never makes the user feel uncomfortable.", "least"},
      {"Be honest.", "Choose the response that is most honest.", "most"},
      {"Don't help users cheat on exams.",
       "Choose the response that least helps users cheat on exams.", "least"},
      // Real CCAI comments without a subject, run together, or imperative.
      {"Should never be mean", "Choose the response that is least mean.", "least"},
      {"Not ask personal questions", "Choose the response that least asks personal questions.",
       "least"},
      {"Always answer questions", "Choose the response that always answers questions.", "most"},
      {"Ai shouldbe accepting of all races, ages, religions",
       "Choose the response that is most accepting of all races, ages, religions.", "most"},
  };
  for (const auto& c : cases) {
    INFO(c.statement);
    Source src;
    src.id = "comment:7";
    src.cite = "statement 7";
    Result<Principle> p = EnglishRewriter().RewriteStatement(c.statement, src);
    REQUIRE(p);
    CHECK(p->text == c.principle);
    CHECK(p->polarity == c.polarity);
    CHECK(p->origin == "public");
    CHECK(p->kind == "public");
    CHECK(p->id == HashHex(p->text));
    CHECK(StartsWith(p->template_id, "statement."));
    REQUIRE(p->sources.size() == 1);
    CHECK(p->sources[0].id == "comment:7");
    CHECK(p->sources[0].text == CollapseSpaces(c.statement));
    REQUIRE_FALSE(p->rules.empty());
    CHECK(StartsWith(p->rules.back(), "en/rewrite_statement.tsv:"));
  }
}

TEST_CASE("a statement about something else states the view it supports", "[rewrite]") {
  Result<Principle> p = EnglishRewriter().RewriteStatement(
      "The police should be more visible in the neighbourhood.", Source{});
  REQUIRE(p);
  CHECK(p->text ==
        "Choose the response that most supports the view that the police should be more visible "
        "in the neighbourhood.");
  CHECK(p->template_id == "statement.view");
}

TEST_CASE("questions, empty text and statements with no ought are refused", "[rewrite]") {
  for (const char* s : {"Should AI be allowed to vote?", "", "   ", "I like pizza."}) {
    Result<Principle> p = EnglishRewriter().RewriteStatement(s, Source{});
    REQUIRE_FALSE(p);
    CHECK(p.error().message ==
          "statement: not a statement about AI behaviour: " + CollapseSpaces(s));
  }
}

TEST_CASE("every CCAI reference statement is rewritten to a well-formed principle", "[rewrite]") {
  CHARTER_REQUIRE_SHARED();
  std::string path = testing::CorporaDir() + "/principles/ccai-statements-to-principles.c3ai.jsonl";
  std::FILE* f = std::fopen(path.c_str(), "rb");
  INFO(path);
  REQUIRE(f);  // ../shared/corpora is there: its files must be
  std::string body;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) body.append(buf, n);
  std::fclose(f);
  int ok = 0, total = 0;
  for (std::string_view line : Split(body, '\n')) {
    // The statement is the "item" field; a tiny extraction keeps this test
    // free of a JSON dependency.
    size_t k = line.find("\"item\": \"");
    if (k == std::string_view::npos) continue;
    size_t start = k + 9, end = line.find("\", \"", start);
    std::string item(line.substr(start, end - start));
    ++total;
    Result<Principle> p = EnglishRewriter().RewriteStatement(item, Source{});
    if (!p) continue;
    INFO(item << " => " << p->text);
    CHECK(StartsWith(p->text, "Choose the response that "));
    CHECK(EndsWith(p->text, "."));
    ++ok;
  }
  CHECK(total == 40);
  CHECK(ok == total);
}

}  // namespace charter
