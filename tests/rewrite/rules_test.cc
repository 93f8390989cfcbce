// Tests for loading the rewriter's rule files: malformed files give exact
// "file:line: problem" messages.
#include <catch2/catch.hpp>

#include "core/rule_file.h"
#include "rewrite/rewrite.h"
#include "test_util.h"
#include "files/files.h"

namespace charter {
namespace {

RuleTexts Shipped() {
  Result<RuleTexts> texts = ReadRuleFolder(testing::RulesDir(), "en");
  if (!texts) FAIL(texts.error().message);
  return *texts;
}

std::string CreateError(const RuleTexts& texts) {
  Result<Rewriter> rw = Rewriter::Create(texts, "en");
  return rw ? std::string("no error") : rw.error().message;
}

}  // namespace

TEST_CASE("the shipped rewrite rules load", "[rewrite]") {
  Result<Rewriter> rw = Rewriter::Create(Shipped(), "en");
  if (!rw) FAIL(rw.error().message);
}

TEST_CASE("malformed rewrite.tsv lines are reported with file and line", "[rewrite]") {
  struct {
    const char* text;
    const char* error;
  } cases[] = {
      {"# header\nright.x\trigth\t(?P<a>.+)\tmost respects ${a}\n",
       "en/rewrite.tsv:2: unknown kind 'rigth'"},
      {"right.x\tright\t(?P<a>.+\tmost respects ${a}\n",
       "en/rewrite.tsv:1: bad pattern: missing ): (?P<a>.+"},
      {"\n\nright.x\tright\t(?P<a>.+)\tmost respects ${b}\n",
       "en/rewrite.tsv:3: unknown slot ${b}"},
      {"right.x\tright\t(?P<a>.+)\tmost respects ${a:shout}\n",
       "en/rewrite.tsv:1: unknown filter :shout in ${a:shout}"},
      {"right.x\tright\t(?P<a>.+)\tmost respects ${a\n", "en/rewrite.tsv:1: unclosed ${ in output"},
      {"right.x\tright\t(?P<a>.+)\n", "en/rewrite.tsv:1: expected 4 columns, found 3"},
      {"# nothing\n", "en/rewrite.tsv: no templates"},
  };
  for (const auto& c : cases) {
    RuleTexts texts = Shipped();
    texts["en/rewrite.tsv"] = c.text;
    INFO(c.text);
    CHECK(CreateError(texts) == c.error);
  }
}

TEST_CASE("malformed companion rule files are reported with file and line", "[rewrite]") {
  {
    RuleTexts texts = Shipped();
    texts["en/rewrite_words.tsv"] = "proper\tState\nnoun\tcat\n";
    CHECK(CreateError(texts) == "en/rewrite_words.tsv:2: unknown class 'noun'");
  }
  {
    RuleTexts texts = Shipped();
    texts["en/rewrite_words.tsv"] = "ing\tbe\n";
    CHECK(CreateError(texts) == "en/rewrite_words.tsv:1: class ing needs a third column");
  }
  {
    RuleTexts texts = Shipped();
    texts["en/rewrite_clean.tsv"] = "\\bhis\\b\ttheir\n(a\tb\n";
    CHECK(CreateError(texts) == "en/rewrite_clean.tsv:2: bad pattern: missing ): (a");
  }
  {
    RuleTexts texts = Shipped();
    texts["en/rewrite_clean.tsv"] = "(a)\t\\2\n";
    CHECK(CreateError(texts) ==
          "en/rewrite_clean.tsv:1: bad replacement: Rewrite schema requests 2 matches, but the "
          "regexp only has 1 parenthesized subexpressions.");
  }
  {
    RuleTexts texts = Shipped();
    texts["en/rewrite_statement.tsv"] = "s.x\t(?P<vp>.+)\t${vq}\n";
    CHECK(CreateError(texts) == "en/rewrite_statement.tsv:1: unknown slot ${vq}");
  }
  {
    RuleTexts texts = Shipped();
    texts.erase("en/rewrite.tsv");
    CHECK(CreateError(texts) == "en/rewrite.tsv: missing");
  }
}

}  // namespace charter
