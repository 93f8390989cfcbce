#include "publicinput/agreed_ideas.h"

#include <catch2/catch.hpp>
#include <set>

#include "core/rule_file.h"
#include "files/files.h"
#include "publicinput/public_input.h"
#include "publicinput/spelling.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

using namespace charter;

namespace {

const RuleTexts& Rules() {
  static const RuleTexts rules = *ReadRuleFolder(testing::RulesDir(), "en");
  return rules;
}

const Rewriter& En() {
  static const Rewriter rw = *Rewriter::Create(Rules(), "en");
  return rw;
}

Principle P(const std::string& body, const std::string& id) {
  Principle p;
  p.text = "Choose the response that " + body + ".";
  p.id = id;
  p.polarity = body.find("least") != std::string::npos ? "least" : "most";
  p.kind = p.origin = "public";
  Source s;
  s.id = "comment:" + id;
  p.sources.push_back(s);
  return p;
}

}  // namespace

TEST_CASE("public statements are rewritten in the forms people write them", "[publicinput]") {
  const std::pair<const char*, const char*> cases[] = {
      {"The AI should only use factual, verifiable information",
       "only uses factual, verifiable information"},
      {"The AI should not judge and condemn users", "least judges and condemns users"},
      {"AI shouldn't spread lies nor insult people", "does not spread lies or insult people"},
      {"Ai should not lie", "least lies"},
      {"The AI should not scare anyone younger unless they ask",
       "does not scare anyone younger unless they ask"},
      {"AI should avoid giving financial advice", "avoids giving financial advice"},
      {"The AI should be careful about balancing both sides of political issues",
       "carefully balances both sides of political issues"},
      {"The AI should be used as a tool that does not replace human judgment",
       "does not replace human judgment"},
      {"The AI should be an educational tool", "is most educational"},
      {"the AI should not be censored based on region", "is not censored based on region"},
      {"AI should never be nasty or lead a person on",
       "is least nasty and does not lead a person on"},
      {"AI should not be overly critical or bully others.",
       "is not overly critical and does not bully others"},
      {"The AI should be as objective and unbiased regardless of topic",
       "is objective and unbiased regardless of topic"},
      {"AI should be helpful and kind, but support inventions and discoveries",
       "is most helpful and kind, but also supports inventions and discoveries"},
      {"The AI should not judge and condemn it users", "least judges and condemns its users"},
      {"AI should assist users with their questions, providing thoughtful and truthful answers.",
       "assists users with their questions, providing thoughtful and truthful answers"},
      {"The AI should be as helpful to the user as possible",
       "is as helpful to the user as possible"},
      {"AI should be more convenient", "is more convenient"},
      {"I believe the AI should never lie", "never lies"},
      {"AI must never manipulate people.", "never manipulates people"},
      {"It is important for the AI to respect privacy", "respects privacy"},
      {"It is important that AI should explain its reasoning", "explains its reasoning"},
      {"\xe2\x80\x9cThe AI should be kind\xe2\x80\x9d", "is most kind"},
      {"The AI should be able to admit mistakes", "admits mistakes"},
      {"The AI should act in support of human rights", "most supports human rights"},
      {"AI should not act in a way that could endanger people", "least endangers people"},
      {"AI should be honest and transparent", "is most honest and transparent"},
  };
  for (auto [in, want] : cases) {
    Result<Principle> p = En().RewriteStatement(in, Source{});
    INFO(in);
    REQUIRE(p);
    CHECK(p->text == std::string("Choose the response that ") + want + ".");
  }
}

TEST_CASE("statements about the system, not a response, are no response criteria",
          "[publicinput]") {
  for (const char* in :
       {"AI should be watched", "The AI should be regulated by the government.",
        "The AI should speak all languages", "The AI should not feed itself with bad habits.",
        // Real CCAI statements: oversight with an adverb, testing, features of the system.
        "The AI should be carefully monitored",
        "AI should be tested by trained corporate personnel.", "Ai must have a stop mode",
        "The AI should have better memory.",
        "The AI should have unbroachable safeguards to prevent hacking."}) {
    Result<Principle> p = En().RewriteStatement(in, Source{});
    INFO(in);
    REQUIRE_FALSE(p);
    CHECK(p.error().message.find("statement: not a response criterion (") == 0);
  }
}

TEST_CASE("statements of one idea become one principle that keeps every statement's words",
          "[publicinput]") {
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(Rules(), "en");
  REQUIRE(ideas);
  std::vector<Principle> in = {P("is most fair and impartial", "1"),
                               P("least lies", "2"),
                               P("is most unbiased", "3"),
                               P("is most fair", "4"),
                               P("tells the truth", "5"),
                               P("is most friendly", "6")};
  std::vector<Principle> out = ideas->Combine(in);
  REQUIRE(out.size() == 3);
  CHECK(out[0].text == "Choose the response that is most fair, impartial, and unbiased.");
  CHECK(out[0].sources.size() == 3);
  CHECK(out[0].template_id == "combine.idea");
  CHECK(out[1].text == "Choose the response that least lies, and that tells the truth.");
  CHECK(out[2].text == in[5].text);  // alone: unchanged
  // A list of several ideas' adjectives: one piece per idea, the source kept.
  Principle multi = P("is most kind, honest, and helpful", "7");
  std::vector<Principle> pieces = ideas->Split(multi);
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].text == "Choose the response that is most kind.");
  CHECK(ideas->Primary(pieces[1].text) == "honesty");
  CHECK(pieces[2].sources.size() == 1);
  // Precedence: a statement about all sides is about balance, not impartiality.
  CHECK(ideas->Primary("Choose the response that gives objective information expressing all "
                       "sides to a question.") == "political_balance");
}

TEST_CASE("a combined principle never passes the size limit: the rest starts a new one",
          "[publicinput]") {
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(Rules(), "en");
  REQUIRE(ideas);
  std::vector<Principle> in = {
      P("least causes harm to the user or anyone else in any situation that could arise", "1"),
      P("least hurts humans physically, emotionally or financially in the short or long run", "2"),
      P("least injures a human being or, through inaction, allows a human being to come to harm",
        "3")};
  std::vector<Principle> out = ideas->Combine(in, 200);
  REQUIRE(out.size() == 2);
  for (const Principle& p : out) CHECK(p.text.size() <= 200);
  CHECK(out[0].sources.size() + out[1].sources.size() == 3);
}

TEST_CASE("a bad public idea pattern is an error naming its line", "[publicinput]") {
  RuleTexts rules = {{"en/public_ideas.tsv", "# c\nhonesty\t(?:honest\n"}};
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(rules, "en");
  REQUIRE_FALSE(ideas);
  CHECK(ideas.error().message.find("en/public_ideas.tsv:2: bad pattern") == 0);
}

TEST_CASE("a divided conversation selects its top statements by consensus", "[publicinput]") {
  GroupAssignment groups;
  groups.k = 2;
  groups.sizes = {10, 10};
  auto fig = [](size_t i, int a0, int d0, int a1, int d1) {
    StatementFigures f;
    f.statement = i;
    f.groups = {VoteCounts{a0, d0, 0}, VoteCounts{a1, d1, 0}};
    f.overall = VoteCounts{a0 + a1, d0 + d1, 0};
    f.consensus = f.groups[0].SmoothedAgree() * f.groups[1].SmoothedAgree();
    return f;
  };
  // 0: 70%/60%, 1: 90%/10% (divisive), 2: 40%/70% (group 0 disagrees more), 3: 55%/55%.
  std::vector<StatementFigures> figs = {fig(0, 7, 3, 6, 4), fig(1, 9, 1, 1, 9), fig(2, 4, 6, 7, 3),
                                        fig(3, 11, 9, 11, 9)};
  std::string rule;
  std::vector<StatementDecision> d = SelectStatements(figs, groups, {}, &rule);
  CHECK(d[0].verdict == Verdict::kSelected);
  CHECK(d[0].reason.find("top 1 of 2 by group-informed consensus") == 0);
  CHECK(d[1].verdict == Verdict::kDivisive);
  CHECK(d[2].verdict == Verdict::kBelowThreshold);
  CHECK(d[3].verdict == Verdict::kSelected);
  CHECK(rule.find("top 10 by group-informed consensus") == 0);
  CHECK(rule.find("every group agrees >= 85.0% selected 0, fewer than 5") != std::string::npos);

  SelectionOptions threshold;
  threshold.mode = SelectionOptions::Mode::kThreshold;
  d = SelectStatements(figs, groups, threshold, &rule);
  CHECK(d[0].verdict == Verdict::kBelowThreshold);
  CHECK(rule == "every group agrees >= 85.0%");
}

TEST_CASE("spelling is corrected only where the dictionary is sure", "[publicinput]") {
  Result<SpellChecker> sc = SpellChecker::Open(SpellChecker::kDefaultDictionary);
  if (!sc) {
    WARN("skipped: " << sc.error().message);
    return;
  }
  SpellResult r = sc->Correct("The AI should discourage selfharm and not try to decept anyone.");
  CHECK(r.text == "The AI should discourage self harm and not try to decept anyone.");
  REQUIRE(r.corrections.size() == 1);
  CHECK(r.corrections[0] == "selfharm -> self harm");
  CHECK(r.unknown == std::vector<std::string>{"decept"});
  CHECK(sc->Correct("AI should be honest, e.g. tell the truth").corrections.empty());
  // Real statements: a typo one edit from one word is corrected ...
  r = sc->Correct("AI should be culturally sensitve");
  CHECK(r.corrections == std::vector<std::string>{"sensitve -> sensitive"});
  // ... British spellings are no mistakes (London: "police behaviour"; CCAI: "judgement") ...
  r = sc->Correct("patterns in police behaviour, neutral in its judgement, prioritise the user");
  CHECK(r.corrections.empty());
  CHECK(r.unknown.empty());
  // ... a short unknown word is left as written ("bhai" is no typo of "bhaji"), and a word is
  // split only into words ("disclaimered" is no "disclaimer ed").
  r = sc->Correct("Very nice looking bhai. Output should be disclaimered.");
  CHECK(r.text == "Very nice looking bhai. Output should be disclaimered.");
  CHECK(r.corrections.empty());
  // A misspelling the dictionary is not sure of, listed in misspellings.tsv.
  REQUIRE(sc->AddMisspellings(Rules(), "en"));
  r = sc->Correct("The AI should not try to decept anyone.");
  CHECK(r.text == "The AI should not try to deceive anyone.");
  CHECK(r.corrections == std::vector<std::string>{"decept -> deceive (misspellings.tsv)"});
  CHECK(r.unknown.empty());
  CHECK_FALSE(SpellChecker::Open("/nonexistent/xx_XX"));
}

TEST_CASE("CCAI: statements of one idea are one principle, every source kept", "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  Result<PolisExport> files = ReadPolisExport(testing::CorporaDir() + "/public-input/ccai-2023");
  REQUIRE(files);
  Result<PolisAnalysis> a = AnalyzePolis(*files, {});
  REQUIRE(a);
  PublicPrinciples pp = StatementsToPrinciples(
      *a, [](std::string_view t, const Source& s) { return En().RewriteStatement(t, s); });
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(Rules(), "en");
  REQUIRE(ideas);
  std::vector<Principle> out = ideas->Combine(pp.principles);
  CHECK(out.size() < pp.principles.size());
  // Every source of the rewritten principles is in a combined one (a statement
  // listing several ideas' adjectives is in each of their principles).
  std::set<std::string> before, after;
  for (const Principle& p : pp.principles)
    for (const Source& s : p.sources) before.insert(s.id);
  for (const Principle& p : out)
    for (const Source& s : p.sources) after.insert(s.id);
  CHECK(before == after);
  // "The AI should be unbiased" and "The AI should be fair" say one idea.
  auto holder = [&](const std::string& statement) {
    for (size_t i = 0; i < out.size(); ++i)
      for (const Source& s : out[i].sources)
        if (s.text == statement) return static_cast<int>(i);
    return -1;
  };
  const int unbiased = holder("The AI should be unbiased");
  REQUIRE(unbiased >= 0);
  CHECK(holder("The AI should be fair") == unbiased);
  CHECK(holder("Ai should not lie") != unbiased);
  // Issue 17's pairs a reader would merge are one principle each.
  CHECK(holder("The AI should not say racist or sexist things.") ==
        holder("AI should not encourage racism"));
  CHECK(holder("The AI should encourage the common good between humans.") ==
        holder("The AI should contribute to the good of humans"));
  CHECK(holder("The AI should never provide misinformation.") ==
        holder(
            "The AI should not endorse misinformation nor expand conspiracy theories or violence"));
  for (const Principle& p : out) {
    CHECK(p.text.find("thoughtful, and truthful") == std::string::npos);
  }
  for (const Principle& p : out) CHECK(p.text.size() <= 300);
}

TEST_CASE("Seattle and London: a divided conversation still reports what people agree on",
          "[publicinput]") {
  CHARTER_REQUIRE_SHARED();
  for (const char* dir : {"polis-15-per-hour-seattle", "polis-london-youth-policing"}) {
    Result<PolisExport> files = ReadPolisExport(testing::CorporaDir() + "/public-input/" + dir);
    REQUIRE(files);
    Result<PolisAnalysis> a = AnalyzePolis(*files, {});
    REQUIRE(a);
    INFO(dir);
    CHECK(a->selection_rule.find("top 10 by group-informed consensus") == 0);
    CHECK(a->Count(Verdict::kSelected) > 0);
    CHECK(a->Count(Verdict::kDivisive) > 0);
    for (const StatementDecision& d : a->decisions)
      if (d.verdict == Verdict::kSelected)
        for (const VoteCounts& g : a->figures[d.statement].groups) CHECK(g.agrees >= g.disagrees);
  }
}
