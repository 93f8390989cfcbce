#include "report/report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "core/hash.h"
#include "merge/fake_tools.h"
#include "merge/principle_io.h"
#include "report/review.h"

namespace charter {
namespace {

using testing::JoinCombine;
using testing::P;
using testing::TableEmbed;

MergePlan SamplePlan(std::vector<Decision> decisions = {}) {
  std::vector<Principle> base = {
      P("b1", "Choose the response that most respects privacy.", "base"),
      P("b2", "Choose the response that most supports free expression.", "base")};
  std::vector<Principle> country = {
      P("c1", "Choose the response that most respects private life."),
      P("c2", "Choose the response that most respects free speech and assembly."),
      P("c3", "Choose the response that most protects the environment <and> \"nature\".")};
  TableEmbed embed{{{"most respects privacy", {1, 0, 0, 0}},
                    {"most supports free expression", {0, 1, 0, 0}},
                    {"most respects private life", {0.95f, 0.3122f, 0, 0}},
                    {"most respects free speech and assembly", {0, 0.8f, 0.6f, 0}}}};
  MergeOptions o;
  o.country = "ken";
  o.base_name = "base.jsonl";
  o.decisions = std::move(decisions);
  return MergeCountry(base, country, {.embed = embed, .combine = JoinCombine}, o);
}

TEST_CASE("report JSON reads back into a plan that writes the same bytes", "[report]") {
  Decision live{HashHex("b2\nc2"), "edit", "Choose the response that most respects speech.",
                "d.tsv", 2};
  Decision gone{"00000000deadbeef", "accept", "", "d.tsv", 3};
  MergePlan listed = SamplePlan();
  Source clause{"usa.txt",
                "usa.txt#amend-18/sec-1/p1/s1",
                "Amend. XVIII, Sec. 1",
                380,
                380,
                "The manufacture ... of intoxicating liquors ... is hereby prohibited.",
                ""};
  listed.unconverted.push_back(
      {clause, "prohibition", "", {"repealed by Amend. XXI, Sec. 1 (en/repeal.tsv:8)"}});
  for (const MergePlan& plan : {SamplePlan(), SamplePlan({live, gone}), listed}) {
    std::string json = ReportJson(plan);
    auto back = ParseReportJson(json, "report.json");
    REQUIRE(back);
    CHECK(ReportJson(*back) == json);
    CHECK(ReportMarkdown(*back) == ReportMarkdown(plan));
  }
}

TEST_CASE("report JSON has the summary counts and the evidence of each duplicate", "[report]") {
  auto j = nlohmann::ordered_json::parse(ReportJson(SamplePlan()));
  CHECK(j["summary"]["base_principles"] == 2);
  CHECK(j["summary"]["duplicates"] == 1);
  CHECK(j["summary"]["merge_candidates"] == 1);
  CHECK(j["summary"]["pending"] == 1);
  CHECK(j["summary"]["added"] == 1);
  CHECK(j["summary"]["constitution"] == 3);
  const auto& d = j["duplicates"][0];
  CHECK(d["similarity"] == 0.95);
  CHECK(d["base"]["id"] == "b1");
  CHECK(d["country"]["sources"][0]["cite"] == "Art. c1");
  CHECK(d["country"]["sources"][0]["text"] == "clause of c1");
  CHECK(j["merge_candidates"][0]["id"] == HashHex("b2\nc2"));
  CHECK(j["merge_candidates"][0]["decision"] == "pending");
}

TEST_CASE("a bad report JSON is refused with a message", "[report]") {
  auto r = ParseReportJson("{\"kind\": \"diff\"}", "r.json");
  REQUIRE(!r);
  CHECK(r.error().message == "r.json: not a Charter country report");
  auto bad = ParseReportJson("{", "r.json");
  REQUIRE(!bad);
  CHECK(bad.error().message.starts_with("r.json: bad JSON: "));
}

TEST_CASE("Markdown report shows candidates, duplicates with citations, and stale decisions",
          "[report]") {
  std::string md = ReportMarkdown(SamplePlan({{"00000000deadbeef", "accept", "", "d.tsv", 3}}));
  std::string id = HashHex("b2\nc2");
  CHECK(md.starts_with("# Charter review: ken merged with base.jsonl\n"));
  CHECK(md.find("### Candidate " + id + " — similarity 0.800") != std::string::npos);
  CHECK(md.find("`" + id + "\taccept`") != std::string::npos);
  CHECK(md.find("repeats base `b1`: Choose the response that most respects privacy.") !=
        std::string::npos);
  CHECK(md.find("similarity 0.950") != std::string::npos);
  CHECK(md.find("*Art. c1 (ken.txt:7)*: “clause of c1”") != std::string::npos);
  CHECK(md.find("*d.tsv:3*: `00000000deadbeef` accept — no such candidate") != std::string::npos);
  CHECK(md.find("| Stale decisions (no such candidate) | 1 |") != std::string::npos);
}

TEST_CASE("HTML report is one self-contained page with escaped text", "[report]") {
  std::string html = ReportHtml(SamplePlan());
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.ends_with("</body>\n</html>\n"));
  // Its one script is inline: nothing is loaded.
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("&lt;and&gt; &quot;nature&quot;") != std::string::npos);
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t p = html.find(s); p != std::string::npos; p = html.find(s, p + 1)) ++n;
    return n;
  };
  CHECK(count("<li>") == count("</li>"));
  CHECK(count("<ul") == count("</ul>"));
  CHECK(count("<ol>") == count("</ol>"));
  CHECK(count("<table>") == count("</table>"));
  CHECK(count("<article") == count("</article>"));
}

TEST_CASE("a word diff marks the words only one side has", "[report]") {
  using report_internal::WordDiffHtml;
  struct Case {
    std::string before, after;
    bool side_before;
    std::string expected;
  };
  for (const Case& c : std::vector<Case>{
           {"a b c", "a c d", true, "a <del>b</del> c"},
           {"a b c", "a c d", false, "a c <ins>d</ins>"},
           {"x y", "p q x y", false, "<ins>p q</ins> x y"},
           {"same words", "same words", false, "same words"},
           {"", "new text", false, "<ins>new text</ins>"},
           {"a <b> c", "a c", true, "a <del>&lt;b&gt;</del> c"},
       }) {
    INFO(c.before << " | " << c.after);
    CHECK(WordDiffHtml(c.before, c.after, c.side_before) == c.expected);
  }
}

TEST_CASE("the HTML review form has one decidable article per candidate", "[report]") {
  std::string id = HashHex("b2\nc2");
  std::string pending = ReportHtml(SamplePlan());
  CHECK(pending.find("<article class=\"cand\" id=\"cand-" + id + "\"") != std::string::npos);
  CHECK(pending.find("data-decision=\"\"") != std::string::npos);
  CHECK(pending.find("<p id=\"progress\" aria-live=\"polite\">0 of 1 decided</p>") !=
        std::string::npos);
  for (const char* act : {"accept", "edit", "reject", "drop"})
    CHECK(pending.find(std::string("data-act=\"") + act + "\"") != std::string::npos);
  // The base's words the country lacks are struck, the country's own marked.
  CHECK(pending.find("most <del>supports</del> free <del>expression.</del>") != std::string::npos);
  CHECK(pending.find("most <ins>respects</ins> free <ins>speech and assembly.</ins>") !=
        std::string::npos);
  // A decision from the file shows as decided.
  Decision edit{id, "edit", "Choose the response that most respects speech.", "d.tsv", 2};
  std::string decided = ReportHtml(SamplePlan({edit}));
  CHECK(decided.find("data-decision=\"edit\" data-decided=\"Choose the response that most "
                     "respects speech.\"") != std::string::npos);
  CHECK(decided.find(">1 of 1 decided</p>") != std::string::npos);
}

TEST_CASE("the diff page shows a changed principle's word diff and its new clause", "[report]") {
  PrincipleDiff d;
  d.options.old_name = "old.txt";
  d.options.new_name = "new.txt";
  Principle before = P("p1", "Choose the response that most respects the right of petition.");
  Principle after = P("p1",
                      "Choose the response that most respects the right to vote and the "
                      "right of petition.");
  Source amend;
  amend.doc = "new.txt";
  amend.cite = "Amend. XIX";
  amend.line_start = amend.line_end = 381;
  amend.text = "The right ... to vote ...";
  after.sources.push_back(amend);
  d.changed.push_back({before, after, 0.948f});
  d.added.push_back(P("p2", "Choose the response that least endorses slavery."));
  d.old_count = 1;
  d.new_count = 2;
  std::string html = DiffHtml(d);
  CHECK(html.find("<title>Charter diff: old.txt → new.txt</title>") != std::string::npos);
  CHECK(html.find("the right <ins>to vote and the right</ins> of petition.") != std::string::npos);
  CHECK(html.find("<li><ins>new clause</ins> <i>Amend. XIX (new.txt:381)</i>") !=
        std::string::npos);
  CHECK(html.find("<h2 id=\"added\">Added (1)</h2>") != std::string::npos);
  CHECK(html.find("<h2 id=\"removed\">Removed (0)</h2>") != std::string::npos);
}

TEST_CASE("the same plan renders the same bytes", "[report]") {
  CHECK(ReportJson(SamplePlan()) == ReportJson(SamplePlan()));
  CHECK(ReportHtml(SamplePlan()) == ReportHtml(SamplePlan()));
  CHECK(ConstitutionJsonl(SamplePlan()) == ConstitutionJsonl(SamplePlan()));
}

TEST_CASE("constitution.jsonl carries each principle's status after its text", "[report]") {
  std::string jsonl = ConstitutionJsonl(SamplePlan());
  std::vector<std::string_view> lines;
  for (std::string_view l : Split(jsonl, '\n'))
    if (!l.empty()) lines.push_back(l);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].starts_with(
      "{\"id\":\"b1\",\"text\":\"Choose the response that most respects privacy.\","
      "\"status\":\"base\""));
  CHECK(lines[2].find("\"status\":\"added\"") != std::string::npos);
  // It reads back as principles.
  auto back = ParsePrinciplesJsonl(jsonl, "c.jsonl");
  REQUIRE(back);
  CHECK(back->size() == 3);
}

// As rules/en/rewrite_words.tsv lists them (class not_verb).
const std::set<std::string> kNotVerbs = {"is",      "this",     "its",    "his",     "us",
                                         "as",      "was",      "always", "rights",  "others",
                                         "persons", "citizens", "laws",   "freedoms"};

TEST_CASE("critique and revision requests are phrased from the principle", "[report]") {
  // A word the language lists as no verb ("always") is not read as one: the
  // principle gets the generic phrasing; without the list it would be a verb.
  {
    Principle p;
    p.text = "Choose the response that most always respects privacy.";
    CHECK(ToCritiqueRevision(p, kNotVerbs).revision ==
          "Please rewrite the response so that it follows this principle: " + p.text);
    CHECK(ToCritiqueRevision(p, {}).revision ==
          "Please rewrite the response so that it always respects privacy.");
  }
  struct Case {
    const char* text;
    const char* critique;
    const char* revision;
  };
  const Case cases[] = {
      {"Choose the response that least endorses or condones torture.",
       "Identify specific ways in which the response endorses or condones torture.",
       "Please rewrite the response so that it does not endorse or condone torture."},
      {"Choose the response that most respects the right to privacy.",
       "Identify specific ways in which the response fails to respect the right to privacy.",
       "Please rewrite the response so that it respects the right to privacy."},
      {"Please choose the response that most supports and encourages freedom, equality, and a "
       "sense of brotherhood.",
       "Identify specific ways in which the response fails to support and encourage freedom, "
       "equality, and a sense of brotherhood.",
       "Please rewrite the response so that it supports and encourages freedom, equality, and a "
       "sense of brotherhood."},
      {"Choose the response that is most honest and helpful.",
       "Identify specific ways in which the response is not honest and helpful.",
       "Please rewrite the response so that it is honest and helpful."},
      {"Be kind.",
       "Identify specific ways in which the response does not follow this principle: Be kind.",
       "Please rewrite the response so that it follows this principle: Be kind."},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Principle p;
    p.text = c.text;
    CritiqueRevision cr = ToCritiqueRevision(p, kNotVerbs);
    CHECK(cr.critique == c.critique);
    CHECK(cr.revision == c.revision);
  }
}

TEST_CASE("CAI export follows llm-swarm's layout and LangChain's field names", "[report]") {
  std::vector<Principle> ps = ConstitutionPrinciples(SamplePlan());
  auto cai = nlohmann::ordered_json::parse(CaiJson(ps, ""));
  REQUIRE(cai.size() == 2);
  CHECK(cai.begin().key() == "constitutions");
  REQUIRE(cai["constitutions"].size() == 3);
  CHECK(cai["constitutions"][0].contains("critic"));
  CHECK(cai["constitutions"][0].contains("revision"));
  CHECK(cai["system_chat"].is_array());
  auto with_chat =
      nlohmann::ordered_json::parse(CaiJson(ps, "[[{\"role\":\"user\",\"content\":\"hi\"}]]"));
  CHECK(with_chat["system_chat"][0][0]["content"] == "hi");
  auto lc = nlohmann::ordered_json::parse(LangChainJson(ps));
  REQUIRE(lc.size() == 3);
  CHECK(lc[0]["name"] == "b1");
  CHECK(lc[0]["critique_request"] ==
        "Identify specific ways in which the response fails to respect privacy.");
  CHECK(lc[0]["revision_request"] == "Please rewrite the response so that it respects privacy.");
}

TEST_CASE("the decisions template lists every candidate ready to uncomment", "[report]") {
  MergePlan plan = SamplePlan();
  std::string t = DecisionsTemplate(plan);
  std::string id = HashHex("b2\nc2");
  CHECK(t.find("# " + id + "\taccept\n") != std::string::npos);
  // Uncommenting the line gives a valid decisions file.
  std::string uncommented = id + "\taccept\n";
  auto d = ParseDecisions(t + uncommented, "t.tsv");
  REQUIRE(d);
  CHECK(d->size() == 1);
}

TEST_CASE("Markdown and JSON of a diff list added, removed and changed with citations",
          "[report]") {
  std::vector<Principle> before = {P("o1", "Choose the response that most respects privacy."),
                                   P("o2", "Choose the response that most respects the king.")};
  std::vector<Principle> after = {P("n1", "Choose the response that most respects privacy."),
                                  P("n2", "Choose the response that most protects nature.")};
  DiffOptions o;
  o.old_name = "v1";
  o.new_name = "v2";
  PrincipleDiff d = DiffPrinciples(before, after, {.embed = testing::BagOfWords}, o);
  std::string md = DiffMarkdown(d);
  CHECK(md.starts_with("# Charter diff: v1 → v2\n"));
  CHECK(md.find("**+ **Choose the response that most protects nature.") != std::string::npos);
  CHECK(md.find("*Art. n2 (ken.txt:7)*") != std::string::npos);
  auto j = nlohmann::ordered_json::parse(DiffJson(d));
  CHECK(j["summary"]["unchanged"] == 1);
  CHECK(j["summary"]["removed"] == 1);
  CHECK(j["summary"]["added"] == 1);
}

TEST_CASE("global report orders principles by support", "[report]") {
  TableEmbed e{{{"most respects privacy", {1, 0, 0, 0}}, {"most protects nature", {0, 1, 0, 0}}}};
  std::vector<CountrySet> sets = {
      {"ken", {P("k1", "Choose the response that most protects nature.")}},
      {"zaf", {P("z1", "Choose the response that most respects privacy.")}},
      {"ind", {P("i1", "Choose the response that most respects privacy.")}}};
  GlobalPlan plan = MergeGlobal(sets, {.embed = e, .combine = JoinCombine}, {});
  std::string md = GlobalReportMarkdown(plan);
  CHECK(md.find("| 1 | Choose the response that most respects privacy. and most respects "
                "privacy. | 2 | ind, zaf |") == std::string::npos);  // combine joins cores
  CHECK(md.find("| 2 | ind, zaf |") != std::string::npos);
  std::string jsonl = GlobalConstitutionJsonl(plan);
  CHECK(jsonl.find("\"support\":2,\"countries\":[\"ind\",\"zaf\"]") != std::string::npos);
  CHECK(GlobalReportHtml(plan).find("<script") == std::string::npos);
}

}  // namespace
}  // namespace charter

namespace charter {

TEST_CASE("the similarity weights and the length limit of a run read back from report JSON",
          "[report]") {
  MergePlan plan = SamplePlan();
  plan.options.lexical = 0.25f;
  plan.options.topical = 0.4f;
  plan.options.max_chars = 300;
  std::string json = ReportJson(plan);
  auto j = nlohmann::ordered_json::parse(json);
  CHECK(j["thresholds"]["lexical"] == 0.25);
  CHECK(j["thresholds"]["max_chars"] == 300);
  auto back = ParseReportJson(json, "report.json");
  REQUIRE(back);
  CHECK(back->options.max_chars == 300);
  CHECK(ReportJson(*back) == json);
  CHECK(ReportMarkdown(plan).find("term coverage weighted 0.25") != std::string::npos);
}

}  // namespace charter

namespace charter {

TEST_CASE("the global report pictures support per idea and the documents x ideas matrix",
          "[report]") {
  using testing::BagOfWords;
  using testing::JoinCombine;
  using testing::P;
  auto with = [](Principle p, std::string idea) {
    p.ideas = {std::move(idea)};
    return p;
  };
  std::vector<CountrySet> sets = {
      {"ken", {with(P("k1", "Choose the response that most respects the right to vote."), "vote")}},
      {"zaf",
       {with(P("z1", "Choose the response that most respects the right to vote."), "vote"),
        with(P("z2", "Choose the response that least endorses torture."), "torture")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = [](const std::string& idea) {
    Principle p;
    p.text = "Choose the response that most respects " + idea + " <&>.";
    p.ideas = {idea};
    return p;
  };
  GlobalPlan plan = MergeGlobal(sets, tools, {});
  std::string html = GlobalReportHtml(plan);
  size_t first = html.find("<svg");
  REQUIRE(first != std::string::npos);
  CHECK(html.find("<svg", first + 1) != std::string::npos);
  // Two cells for vote (ken, zaf), one for torture (zaf); text escaped.
  CHECK(html.find("<title>ken: vote</title>") != std::string::npos);
  CHECK(html.find("<title>zaf: torture</title>") != std::string::npos);
  CHECK(html.find("<title>ken: torture</title>") == std::string::npos);
  CHECK(html.find("vote &lt;&amp;&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  std::string md = GlobalReportMarkdown(plan);
  CHECK(md.find("<svg") == std::string::npos);
  CHECK(md.find("Support per idea: how many of the 2 documents") != std::string::npos);
}

}  // namespace charter

namespace charter {

namespace {

// A state religion (ken) against a secular state (zaf): one declared conflict.
GlobalPlan ReligionPlan(std::vector<Decision> decisions = {}) {
  using testing::BagOfWords;
  using testing::JoinCombine;
  using testing::P;
  auto with = [](Principle p, std::string idea) {
    p.ideas = {std::move(idea)};
    p.sources[0].note = "";
    return p;
  };
  std::vector<CountrySet> sets = {
      {"ken",
       {with(P("k1", "Choose the response that most respects the state's religion."),
             "state_religion")}},
      {"zaf",
       {with(P("z1", "Choose the response that most respects a secular state."),
             "secular_state")}}};
  MergeTools tools{.embed = BagOfWords, .combine = JoinCombine};
  tools.idea_principle = [](const std::string& idea) {
    Principle p;
    p.text = "Choose the response that most respects the idea " + idea + ".";
    p.id = idea;
    p.ideas = {idea};
    return p;
  };
  tools.idea_conflicts = {{"state_religion", "secular_state", "idea_conflicts.tsv:1"}};
  GlobalOptions o;
  o.decisions = std::move(decisions);
  return MergeGlobal(sets, tools, o);
}

}  // namespace

TEST_CASE("the global report's conflicts are a review form: keep A, keep B, both or neither",
          "[report]") {
  GlobalPlan pending = ReligionPlan();
  REQUIRE(pending.conflicts.size() == 1);
  const std::string id = pending.conflicts[0].id;
  std::string html = GlobalReportHtml(pending);
  CHECK(html.find("<article class=\"cand\" id=\"conflict-" + id + "\"") != std::string::npos);
  CHECK(html.find("<p id=\"progress\" aria-live=\"polite\">0 of 1 decided</p>") !=
        std::string::npos);
  for (const char* act : {"keep-a", "keep-b", "keep-both", "drop-both", "undo"})
    CHECK(html.find(std::string("data-act=\"") + act + "\"") != std::string::npos);
  // What they conflict on, each side's documents and clauses.
  CHECK(html.find("Ideas that cannot both hold: <code>state_religion</code> against "
                  "<code>secular_state</code> (rule <code>idea_conflicts.tsv:1</code>)") !=
        std::string::npos);
  CHECK(html.find("Stated by 1 document: ken") != std::string::npos);
  CHECK(html.find("<i>Art. k1 (ken.txt:7)</i>") != std::string::npos);
  // The filter lists documents and ideas; the keys are the conflict's own.
  CHECK(html.find("<optgroup label=\"Documents\"><option value=\"ken\">") != std::string::npos);
  CHECK(html.find(
            "var acts = { a: 'keep-a', b: 'keep-b', o: 'keep-both', x: 'drop-both', u: '' };") !=
        std::string::npos);
  CHECK(html.find("ev.key === null") != std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(GlobalReportMarkdown(pending).find("conflict `" + id + "`: awaiting review") !=
        std::string::npos);

  GlobalPlan decided = ReligionPlan({{id, "keep-b", "", "g.tsv", 2}});
  std::string page = GlobalReportHtml(decided);
  CHECK(page.find("data-decision=\"keep-b\"") != std::string::npos);
  CHECK(page.find(">1 of 1 decided</p>") != std::string::npos);
  CHECK(page.find("Dropped from the global constitution by a decision: <q>Choose the response "
                  "that most respects the idea state_religion.</q>") != std::string::npos);
  std::string md = GlobalReportMarkdown(decided);
  CHECK(md.find("conflict `" + id + "`: decided keep-b") != std::string::npos);
  CHECK(md.find("## Dropped by conflict decisions (1)") != std::string::npos);
  CHECK(md.find("`" + id + "` keep-b") != std::string::npos);
  auto json = nlohmann::ordered_json::parse(GlobalReportJson(decided));
  CHECK(json["summary"]["conflicts_pending"] == 0);
  CHECK(json["summary"]["dropped"] == 1);
  CHECK(json["conflicts"][0]["id"] == id);
  CHECK(json["conflicts"][0]["decision"] == "keep-b");
  CHECK(json["dropped"][0]["principle"]["id"] == "state_religion");
  CHECK(json["decisions_applied"][0]["conflict"] == id);
  CHECK(GlobalConstitutionJsonl(decided).find("state_religion") == std::string::npos);
}

}  // namespace charter
