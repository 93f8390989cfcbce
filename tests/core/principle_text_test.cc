#include "core/principle_text.h"

#include <catch2/catch.hpp>

namespace charter {
namespace {

TEST_CASE("the lead of a principle is found in each of its written forms", "[core]") {
  struct {
    const char* text;
    size_t body;  // npos: no lead
  } cases[] = {
      {"Choose the response that most respects X.", 25},
      {"Please choose the response that is least racist.", 32},
      {"Choose the assistant response that is most helpful.", 35},
      {"Choose the assistant's response that is most helpful.", 37},
      {"  CHOOSE  the response   that most supports X.", 30},
      {"Choose the response thatmost respects X.", std::string_view::npos},
      {"Which response is least harmful?", std::string_view::npos},
      {"", std::string_view::npos},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(PrincipleBodyStart(c.text) == c.body);
  }
}

TEST_CASE("polarity is the first degree word among the first three after the lead", "[core]") {
  CHECK(GuessPolarity("Choose the response that most respects X.") == "most");
  CHECK(GuessPolarity("Please choose the response that is least racist.") == "least");
  CHECK(GuessPolarity("Choose the response that more clearly recognizes X.") == "most");
  CHECK(GuessPolarity("Choose the response that is the less harmful one.") == "least");
  CHECK(GuessPolarity("Choose the response that does not endorse the most harm.") == "");
  CHECK(GuessPolarity("Most respects X.") == "");
}

TEST_CASE("a principle's core is its text without the lead and the final period", "[core]") {
  CHECK(PrincipleCore("Choose the response that most respects X.") == "most respects X");
  CHECK(PrincipleCore("Please choose the response that is least racist. ") == "is least racist");
  CHECK(PrincipleCore("No lead here.") == "No lead here");
}

TEST_CASE("evidence of merged principles: sources and rules once, topics by frequency", "[core]") {
  auto source = [](const char* doc, const char* id, const char* cite) {
    Source s;
    s.doc = doc;
    s.id = id;
    s.cite = cite;
    return s;
  };
  Principle a, b, out;
  a.sources = {source("ken.txt", "k1", "Art. 1")};
  a.rules = {"r1", "r2"};
  a.topics = {"life", "privacy"};
  b.sources = {source("ken.txt", "k1", "Art. 1"), source("zaf.txt", "z1", "s 9")};
  b.rules = {"r2", "r3"};
  b.topics = {"privacy", "speech"};
  out.sources = {source("old", "", "")};
  TakeEvidence({a, b}, &out);
  REQUIRE(out.sources.size() == 2);
  CHECK(out.sources[1].doc == "zaf.txt");
  CHECK(out.rules == std::vector<std::string>{"r1", "r2", "r3"});
  CHECK(out.topics == std::vector<std::string>{"privacy", "life", "speech"});
}

}  // namespace
}  // namespace charter
