#include "merge/principle_io.h"

#include <catch2/catch.hpp>

#include "core/hash.h"
#include "core/io.h"
#include "test_util.h"

namespace charter {
namespace {

TEST_CASE("a JSONL base keeps its ids and its other fields", "[merge]") {
  auto base = ParseBaseConstitution(
      "{\"id\": \"a-1\", \"text\": \"Please choose the response that is least racist.\", "
      "\"source_section\": \"UDHR\", \"global_index\": 2}\n"
      "\n"
      "{\"text\": \"Choose the response that most respects privacy.\"}\n",
      "base.jsonl");
  REQUIRE(base);
  REQUIRE(base->size() == 2);
  const Principle& a = (*base)[0];
  CHECK(a.id == "a-1");
  CHECK(a.origin == "base");
  CHECK(a.polarity == "least");
  CHECK(a.extra == "{\"source_section\":\"UDHR\",\"global_index\":2}");
  REQUIRE(a.sources.size() == 1);
  CHECK(a.sources[0].cite == "base #1");
  CHECK(a.sources[0].line_start == 1);
  const Principle& b = (*base)[1];
  CHECK(b.id == HashHex("Choose the response that most respects privacy."));
  CHECK(b.sources[0].line_start == 3);
  CHECK(b.polarity == "most");
  // The extra fields are written back after Charter's own.
  CHECK(PrinciplesToJsonl({a}).find("\"source_section\":\"UDHR\",\"global_index\":2}") !=
        std::string::npos);
}

TEST_CASE("a JSON array base may hold strings or objects", "[merge]") {
  auto base = ParseBaseConstitution(
      "[\n  \"Choose the response that is most honest.\",\n  {\"id\": 7, \"text\": \"Choose "
      "the response that is least harmful.\"}\n]\n",
      "base.json");
  REQUIRE(base);
  REQUIRE(base->size() == 2);
  CHECK((*base)[0].sources[0].line_start == 2);
  CHECK((*base)[1].id == "7");
  CHECK((*base)[1].sources[0].line_start == 3);
}

TEST_CASE("a plain text base has one principle a line", "[merge]") {
  auto base = ParseBaseConstitution(
      "# my base\nChoose the response that is most honest.\n\nChoose the response that is "
      "least harmful.\n",
      "base.txt");
  REQUIRE(base);
  REQUIRE(base->size() == 2);
  CHECK((*base)[1].sources[0].line_start == 4);
  CHECK((*base)[1].sources[0].cite == "base #2");
}

TEST_CASE("bad base files are refused with file and line", "[merge]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "b: no principles"},
      {"{\"id\": \"x\", \"text\": \"A\"}\n{\"id\": \"y\"}\n", "b:2: missing \"text\""},
      {"{\"text\": \"A\"}\n{\"text\": \"  \"}\n", "b:2: empty \"text\""},
      {"{\"id\": \"x\", \"text\": \"A\"}\n\n{\"id\": \"x\", \"text\": \"B\"}\n",
       "b:3: duplicate id 'x' (first on line 1)"},
      {"[\n\"A\",\n42\n]", "b:3: expected a string or an object with \"text\""},
      {"{\"text\": \"A\", \"topics\": \"privacy\"}\n",
       "b:1: \"topics\" must be an array of strings"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = ParseBaseConstitution(c.text, "b");
    REQUIRE(!r);
    CHECK(r.error().message == c.message);
  }
  auto broken = ParseBaseConstitution("{\"text\": \"A\"}\n{\"text\": \"B\"\n", "b");
  REQUIRE(!broken);
  CHECK(broken.error().message.starts_with("b:2: bad JSON: "));
  auto broken_array = ParseBaseConstitution("[\n\"A\",\n\"B\"\n", "b");
  REQUIRE(!broken_array);
  CHECK(broken_array.error().message.starts_with("b:4: bad JSON: "));
}

TEST_CASE("principles written, read and written again are byte-identical", "[merge]") {
  Principle p;
  p.id = "abc";
  p.text = "Choose the response that most respects the freedom of thought, conscience, and religion.";
  p.polarity = "most";
  p.kind = "right";
  p.origin = "country";
  p.topics = {"religion", "conscience"};
  p.template_id = "en/rewrite.tsv:3";
  p.rules = {"en/modality.tsv:2"};
  p.sources.push_back({"udhr.txt", "udhr.txt#art-18", "Art. 18", 40, 41,
                       "Everyone has the right to freedom of thought, “conscience”.", "", {}});
  p.extra = "{\"note\":\"x\"}";
  std::string once = PrinciplesToJsonl({p, p});
  auto back = ParsePrinciplesJsonl(once, "p.jsonl");
  REQUIRE(back);
  REQUIRE(back->size() == 2);
  CHECK((*back)[0].sources[0].line_end == 41);
  CHECK((*back)[0].extra == "{\"note\":\"x\"}");
  CHECK(PrinciplesToJsonl(*back) == once);
}

TEST_CASE("the polarity and the core of a principle come from its wording", "[merge]") {
  CHECK(GuessPolarity("Please choose the response that is least racist.") == "least");
  CHECK(GuessPolarity("Choose the response that more clearly recognizes a right.") == "most");
  CHECK(GuessPolarity("Be honest.") == "");
  CHECK(PrincipleCore("Please choose the response that most respects privacy.") ==
        "most respects privacy");
  CHECK(PrincipleCore("Be honest.") == "Be honest");
}

TEST_CASE("Anthropic's 2023 constitution reads as a base of 58 principles", "[merge]") {
  CHARTER_REQUIRE_SHARED();
  std::string path = testing::CorporaDir() + "/principles/claude-constitution-2023.jsonl";
  auto bytes = ReadFile(path);
  REQUIRE(bytes);
  auto base = ParseBaseConstitution(*bytes, "claude-constitution-2023.jsonl");
  REQUIRE(base);
  CHECK(base->size() == 58);
  CHECK((*base)[0].id == "claude2023-udhr-01");
  CHECK((*base)[0].extra.find("\"udhr_articles\":\"1\"") != std::string::npos);
}

TEST_CASE("the project's own base constitution parses", "[merge]") {
  auto bytes = ReadFile(testing::SourceDir() + "/corpora/base-principles.jsonl");
  REQUIRE(bytes);
  auto base = ParseBaseConstitution(*bytes, "base-principles.jsonl");
  REQUIRE(base);
  CHECK(base->size() >= 15);
  for (const Principle& p : *base) CHECK(p.text.starts_with("Choose the response that"));
}

}  // namespace
}  // namespace charter
