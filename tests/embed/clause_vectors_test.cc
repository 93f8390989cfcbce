// Tests for ClauseEmbedder (src/embed/clause_vectors.h): the topic channel
// lifts clauses about the same topic, context comes from the article record,
// clauses without topics take them from their nearest neighbours, and with
// no extra channel the vectors are Embed's.
#include "embed/clause_vectors.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "embed/committed_embedder.h"
#include "files/files.h"
#include "test_util.h"

using namespace charter;

namespace {

using charter::testing::CommittedEmbedder;

float Dot(const std::vector<float>& a, const std::vector<float>& b) {
  REQUIRE(a.size() == b.size());
  float s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

const std::vector<std::string> kTaxonomy = {"life", "torture", "education", "privacy"};

ClauseEmbedder WithTopics() {
  ClauseVectorOptions o;
  o.taxonomy = kTaxonomy;
  return ClauseEmbedder(CommittedEmbedder(), o);
}

}  // namespace

TEST_CASE("the taxonomy is the first column of topics.tsv in file order", "[embed]") {
  const std::string tsv =
      "# Topic taxonomy\n"
      "life\tright to life\n"
      "\n"
      "dignity\thuman dignity\n"
      "life\tduplicate row\n"
      "torture\n";
  CHECK(ParseTopicTaxonomy(tsv) == std::vector<std::string>{"life", "dignity", "torture"});
  CHECK(ParseTopicTaxonomy("").empty());
}

TEST_CASE("a clause vector has one dimension per taxonomy id and unit length", "[embed]") {
  ClauseEmbedder ce = WithTopics();
  CHECK(ce.dim() == CommittedEmbedder().dim() + 4);
  auto v = ce.Embed({"No one shall be subjected to torture.", "", {"torture"}});
  REQUIRE(static_cast<int>(v.size()) == ce.dim());
  CHECK(std::fabs(Dot(v, v) - 1.0f) < 1e-4f);
}

TEST_CASE("without topic and context channels a clause vector is Embed's vector", "[embed]") {
  ClauseVectorOptions o;
  o.context_weight = 0;
  ClauseEmbedder ce(CommittedEmbedder(), o);
  const std::string text = "Everyone has the right to education.";
  auto a = ce.Embed({text, "Education", {"education"}});
  auto b = CommittedEmbedder().Embed(text);
  REQUIRE(a.size() == b.size());
  CHECK(Dot(a, b) > 0.9999f);
}

TEST_CASE("sharing a topic makes two clauses closer than sharing none", "[embed]") {
  ClauseEmbedder ce = WithTopics();
  const std::string a = "Every person shall be protected by the State.";
  const std::string b = "Every person shall be protected by the law.";
  const float same = Dot(ce.Embed({a, "", {"privacy"}}), ce.Embed({b, "", {"privacy", "life"}}));
  const float other = Dot(ce.Embed({a, "", {"privacy"}}), ce.Embed({b, "", {"education"}}));
  CHECK(same > other + 0.2f);
}

TEST_CASE("topic ids outside the taxonomy are ignored", "[embed]") {
  ClauseEmbedder ce = WithTopics();
  const std::string text = "The State shall provide free schooling.";
  CHECK(Dot(ce.Embed({text, "", {"no_such_topic"}}), ce.Embed({text, "", {}})) > 0.9999f);
}

TEST_CASE("a unit takes the caption of the article record it follows as context", "[embed]") {
  auto clause = [](const std::string& type, const std::string& text, const std::string& caption) {
    Clause c;
    c.unit.type = type;
    c.unit.text = text;
    c.unit.caption = caption;
    return c;
  };
  std::vector<Clause> clauses = {clause("article", "21. Protection of life", "Protection of life"),
                                 clause("text", "No person shall be deprived of his life.", ""),
                                 clause("article", "22. Something", ""),
                                 clause("text", "Parliament may make laws.", "")};
  clauses[1].topics = {"life"};
  auto t = ClauseTexts(clauses);
  REQUIRE(t.size() == 4);
  CHECK(t[1].context == "Protection of life");
  CHECK(t[1].topics == std::vector<std::string>{"life"});
  CHECK(t[3].context.empty());
}

TEST_CASE("a clause without topics takes those of its nearest clauses in the batch", "[embed]") {
  ClauseEmbedder ce = WithTopics();
  std::vector<ClauseText> batch = {
      {"No one shall be subjected to torture or to cruel treatment.", "", {"torture"}},
      {"Everyone has the right to education.", "", {"education"}},
      {"Every person has the right to privacy of their correspondence.", "", {"privacy"}},
      {"Nobody may be tortured or treated cruelly.", "", {}}};
  auto v = ce.EmbedBatch(batch);
  const size_t d = static_cast<size_t>(ce.dim());
  const size_t d_text = static_cast<size_t>(CommittedEmbedder().dim());
  // The topic channel of the last row leans on "torture" (index 1).
  const float* topic = &v[3 * d + d_text];
  CHECK(topic[1] > topic[2]);
  CHECK(topic[1] > topic[3]);
  CHECK(topic[1] > 0.0f);
  // A row with its own topics keeps its own topic first.
  const float* own = &v[0 * d + d_text];
  CHECK(own[1] > own[0]);
  CHECK(own[1] > own[2]);
  CHECK(own[1] > own[3]);
}

TEST_CASE("without smoothing a clause with topics does not depend on its batch", "[embed]") {
  ClauseVectorOptions o;
  o.taxonomy = kTaxonomy;
  o.topic_smoothing = 0;
  ClauseEmbedder ce(CommittedEmbedder(), o);
  std::vector<ClauseText> batch = {{"No one shall be subjected to torture.", "", {"torture"}},
                                   {"No one shall be subjected to cruel treatment.", "", {"life"}},
                                   {"Nobody may be treated cruelly.", "", {}}};
  auto v = ce.EmbedBatch(batch);
  auto alone = ce.Embed(batch[0]);
  CHECK(Dot(alone, std::vector<float>(v.begin(), v.begin() + ce.dim())) > 0.9999f);
}

TEST_CASE("a query takes the topics of its nearest clauses", "[embed]") {
  ClauseEmbedder ce = WithTopics();
  auto q = ce.Embed({"torture", "", {}});
  auto with = ce.WithInferredTopics(q, {{0.6f, {"torture"}}, {0.2f, {"education"}}});
  auto target = ce.Embed({"torture", "", {"torture"}});
  auto wrong = ce.Embed({"torture", "", {"education"}});
  CHECK(Dot(with, target) > Dot(with, wrong));
  CHECK(std::fabs(Dot(with, with) - 1.0f) < 1e-4f);
  // No neighbour with topics: unchanged.
  CHECK(Dot(ce.WithInferredTopics(q, {{0.5f, {}}}), q) > 0.9999f);
}
