// Tests for Rewriter::RewriteStatement: public statements ("The AI should
// ...") become principles. The cases are real CCAI statements outside the 40
// C3AI statement -> principle pairs
// (../shared/corpora/principles/ccai-statements-to-principles.c3ai.jsonl),
// which are a check of the rewriter (bench_polis), not its specification.
#include <catch2/catch.hpp>

#include "core/hash.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "files/files.h"
#include "rewrite/english_rewriter.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

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
      // Real CCAI statements, none of them among the 40 C3AI check pairs (those are a check, never
      // a case here). A negated quality comes in degrees ("least"); so does a harm ("judge",
      // "exploit"); an act that is not graded ("invade privacy") is one the response does not do.
      {"the AI should not be abusive or intrusive",
       "Choose the response that is least abusive or intrusive.", "least"},
      {"AI shouldn\u2019t invade privacy", "Choose the response that does not invade privacy.",
       "least"},
      {"the AI should not judge questions asked of it",
       "Choose the response that least judges questions asked of it.", "least"},
      {"The AI should not use foul language or demeaning/bigoted language.",
       "Choose the response that does not use foul language or demeaning/bigoted language.",
       "least"},
      {"AI should follow the same laws, rules, protocols and ordnances as the human counterpart.",
       "Choose the response that follows the same laws, rules, protocols, and ordnances as the "
       "human counterpart.",
       "most"},
      {"The AI should always state facts.", "Choose the response that states facts.", "most"},
      {"The AI should be fair", "Choose the response that is most fair.", "most"},
      {"AI should be polite", "Choose the response that is most polite.", "most"},
      {"The AI system should treat humans with respect and dignity.",
       "Choose the response that treats humans with respect and dignity.", "most"},
      // Coordinated adverbs before coordinated verbs: each verb agrees.
      {"AI should clearly and repeatedly identify itself as a source of date retrieval and "
       "assimilation based on human input with all its frailties",
       "Choose the response that clearly and repeatedly identifies itself as a source of date "
       "retrieval and assimilation based on human input with all its frailties.",
       "most"},
      {"they should not exploit vulnerable users by evoking an emotional response or dependency",
       "Choose the response that least exploits vulnerable users by evoking an emotional response "
       "or dependency.",
       "least"},
      {"the AI should never override humans", "Choose the response that never overrides humans.",
       "least"},
      // A noun phrase after a negation has no degree.
      {"AI should not be a replacement to human to human interaction",
       "Choose the response that is not a replacement to human to human interaction.", "least"},
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
      {"Always answer questions", "Choose the response that answers questions.", "most"},
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

// General forms of public statements, each with real CCAI statements that are
// not among the 40 C3AI reference pairs (those are a check, never a case here).
TEST_CASE("general forms of public statements read as a person would write them", "[rewrite]") {
  const std::pair<const char*, const char*> cases[] = {
      // A modal written twice.
      {"The AI should should seek the betterment of humanity.", "seeks the betterment of humanity"},
      {"The AI should should not be scary", "is least scary"},
      // "always" is filler in a criterion that judges one response; "always never" is "never".
      {"The AI should always identify itself as AI immediately.",
       "identifies itself as AI immediately"},
      {"AI should be kind always", "is most kind"},
      {"The AI should always never make anyone lose their job.",
       "never makes anyone lose their job"},
      // A coordinated clause with a modal of its own, one of the two negated.
      {"AI should not give professional/expert advice, but should give you info on who to talk to "
       "about it instead",
       "does not give professional/expert advice, and that gives the user info on who to talk to "
       "about it instead"},
      {"AI should be understanding and should never attain dominance over humanity",
       "is most understanding, and that never attains dominance over humanity"},
      {"The AI needs to be morally correct, and shouldn't endorse radical opinions or ideals.",
       "is most morally correct, and that does not endorse radical opinions or ideals"},
      // A comma splice.
      {"The AI should not be judgemental, the AI should not be abusive or intrusive.",
       "is least judgemental, and that is least abusive or intrusive"},
      // A later sentence adds its part when it asks something of the AI; commentary adds nothing.
      {"It should not act human or give unproven facts. It should not impersonate anyone.",
       "does not act human or give unproven facts, and that does not impersonate anyone"},
      {"An AI should eventually become its own individual and make its own decisions on responses. "
       "What we have now is merely a human pawn",
       "eventually becomes its own individual and makes its own decisions on responses"},
      // The statement's last word is its own, not a cut-off lead-in.
      {"The AI should always be considerate of the person it is talking to.",
       "is most considerate of the person it is talking to"},
      {"The AI will stay respectful and supporting until the user asks them not to.",
       "stays respectful and supporting until the user asks them not to"},
      // Advocacy comes in degrees: the response that does it least.
      {"AI should not encourage racism", "does not encourage racism"},
      {"The AI should not condone violent behavior.", "does not condone violent behavior"},
      {"It should not promote extreme beliefs.", "does not promote extreme beliefs"},
      // "should not be able to V": the act, not done.
      {"Ai shouldn't be able to give advice about sensitive topics such as suicide",
       "does not give advice about sensitive topics such as suicide"},
      {"AI should not be able to communicate with other AI", "does not communicate with other AI"},
      // The act not done, but another done instead.
      {"The AI should not tell people what to do but give objective answers to questions.",
       "does not tell people what to do, but gives objective answers to questions"},
      {"AI should not try to rectify past injustice but inform the humans so they can rectify "
       "instead.",
       "does not try to rectify past injustice, but informs the humans so they can rectify "
       "instead"},
      // A quality and an act ("be kind and respectful" stays one list of qualities).
      {"The Al should always be understanding and give nice advice",
       "is most understanding and gives nice advice"},
      {"AI should be controlled and have limits", "is most controlled and has limits"},
      {"AI should be a net positive for society and not detract from its value.",
       "is a net positive for society and does not detract from its value"},
      {"AI should be respectful and polite", "is most respectful and polite"},
      // "is only", not "only is".
      {"AI should only be used as a tool for good.", "is only used as a tool for good"},
      // Coordinated verbs agree; a verb already in the third person stays; "not" before a noun
      // is no "does not".
      {"The AI should process and simplify complex issues",
       "processes and simplifies complex issues"},
      {"Ai should be able to learn and adapt to things it is encountered with.",
       "learns and adapts to things it is encountered with"},
      {"AI should state where its information came from and be neutral",
       "states where its information came from and is neutral"},
      {"The Ai should always knows it boundaries", "knows it boundaries"},
      {"AI should use proper grammar and not slang.", "uses proper grammar and not slang"},
      // A verb coordinated by "&", by "but" or after "and never" agrees with the first.
      {"The AI should understand all political sides & know all state laws",
       "understands all political sides & knows all state laws"},
      {"The AI should show concern for all but not try to inject its opinion.",
       "shows concern for all but does not try to inject its opinion"},
      {"The AI should offer an annotated bibliography of all of its sources, and never fabricate "
       "fake sources unless specifically instructed to.",
       "offers an annotated bibliography of all of its sources, and never fabricates fake sources "
       "unless specifically instructed to"},
      // A passive with its complement, or a preposition phrase, has no degree; a participle that
      // is an adjective keeps it.
      {"The AI should be censored if children are involved with certain topics.",
       "is censored if children are involved with certain topics"},
      {"The AI should always be perceived as a robot.", "is perceived as a robot"},
      {"Ai should always be at the service of humans", "is at the service of humans"},
      {"be like a human with imperfections", "is like a human with imperfections"},
      {"The AI should be unbiased with religion", "is most unbiased with religion"},
      // "be" left out; "should have to"; "try and"; an imperative "Not to".
      {"AI should accessible to all", "is most accessible to all"},
      {"Ai should have to not follow one political party", "does not follow one political party"},
      {"The AI should try and help someone in the best way that they can.",
       "helps someone in the best way that they can"},
      {"Not to share opinions", "least shares opinions"},
      // Forms issue 17 names: "both ... and", a wish for the ought, a negated imperative "be".
      {"The AI should be both helpful and harmless.", "is most helpful and harmless"},
      {"AI should both inform and protect users.", "informs and protects users"},
      {"We want the AI to respect human rights.", "most respects human rights"},
      {"Don't be rude.", "is least rude"},
      {"AI should help people but never replace them.",
       "most helps people but never replaces them"},
      // "only" after the adjective, before what it limits; an adverb written twice, once.
      {"The AI should be kind, honest and only objective to the truth",
       "is most kind, honest, and objective only to the truth"},
      {"AI should be helpful, courteous and kind to humanity, but support inventions and "
       "discoveries that otherwise could not be obtained otherwise.",
       "is most helpful, courteous, and kind to humanity, but also supports inventions and "
       "discoveries that could not be obtained otherwise"},
      // The writer or the reader is the user: a principle read alone has no "me" or "you".
      {"The AI should not make me repeat myself", "does not make the user repeat themselves"},
      {"Al should let you know if your questions are risky",
       "lets the user know if the user's questions are risky"},
      // Typed subjects: run together, split, after stray punctuation, or repeated without a stop.
      {"TheAI should not be biased", "is least biased"},
      {".AI should not be rude", "is least rude"},
      {"The a I should offer helpful services in a crisis.", "offers helpful services in a crisis"},
      {"The AI needs to be objective The AI needs to give facts not bias",
       "is most objective, and that gives facts not bias"},
      // The response the statement describes: its relative clause, said of one response; the
      // manner of responding is the response's quality.
      {"The AI should respond in a way that is least threatening or aggressive.",
       "is least threatening or aggressive"},
      {"AI should give answers that are short and imply no feelings",
       "is short and implies no feelings"},
      {"The AI should choose the answer that does less harm", "does less harm"},
      {"AI should give answers that people can trust", "people can trust"},
      {"AI should respond in a calm and respectful manner", "is calm and respectful"},
      {"The AI should respond in a manner that minimizes harm", "minimizes harm"},
      // A degree before the verb leaves the verb to agree; a passive has no degree; a purpose
      // after a comma keeps its "to".
      {"AI should least give the impression of being human",
       "least gives the impression of being human"},
      {"AI should be used carefully and give sources", "is used carefully and gives sources"},
      // A verb coordinated with an infinitive stays one; after a preposition's object it agrees.
      {"The AI should ask questions in order to clarify or understand the request",
       "asks questions in order to clarify or understand the request"},
      {"AI should simply stick to facts and leave emotions to humans",
       "simply sticks to facts and leaves emotions to humans"},
      {"The AI should not give opinions, to keep our trust",
       "does not give opinions, to keep our trust"},
      // A passive with its complement, not (or never) done; "it's" before its noun is "its".
      {"AI should not be used for scams", "is not used for scams"},
      // A noun phrase after "be" has no degree, whatever its determiner.
      {"AI should be another brain in the thinking circle",
       "is another brain in the thinking circle"},
      {"The AI should never be controlled by one party", "is never controlled by one party"},
      {"The AI should have it\u2019s main goal of improving the lives of humans and our planet",
       "has its main goal of improving the lives of humans and our planet"},
  };
  for (auto [in, want] : cases) {
    INFO(in);
    Result<Principle> p = EnglishRewriter().RewriteStatement(in, Source{});
    REQUIRE(p);
    CHECK(p->text == std::string("Choose the response that ") + want + ".");
  }
}

TEST_CASE("a statement about something else states the view it supports", "[rewrite]") {
  Result<Principle> p = EnglishRewriter().RewriteStatement(
      "The police should be more visible in the neighbourhood.", Source{});
  REQUIRE(p);
  CHECK(p->text ==
        "Choose the response that most supports the view that the police should be more visible "
        "in the neighbourhood.");
  CHECK(p->template_id == "fallback.view");
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

TEST_CASE("what a statement asks the response not to do has polarity least", "[rewrite]") {
  for (const char* in :
       {"Avoid lengthy responses", "The AI should avoid giving medical advice",
        "The AI should never be controlled by one party", "AI should not be used for scams"}) {
    INFO(in);
    Result<Principle> p = EnglishRewriter().RewriteStatement(in, Source{});
    REQUIRE(p);
    CHECK(p->polarity == "least");
  }
  Result<Principle> p = EnglishRewriter().RewriteStatement("AI should be used carefully", Source{});
  REQUIRE(p);
  CHECK(p->polarity == "most");
}

}  // namespace charter
