// Tests for Rewriter::RewriteClause / Rewrite: real sentences from the UDHR,
// the ICCPR and national constitutions (India, South Africa, Germany, Kenya),
// hand-built into Clauses so these tests do not depend on extraction.
#include "rewrite/rewrite.h"

#include <catch2/catch.hpp>
#include <set>

#include "core/hash.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "rewrite/english_rewriter.h"
#include "test_util.h"
#include "files/files.h"

namespace charter {
namespace {

using testing::EnglishRewriter;

Clause MakeClause(Kind kind, const std::string& text, const std::string& core = "") {
  Clause c;
  c.kind = kind;
  c.principle = true;
  c.unit.doc = "udhr.txt";
  c.unit.id = "udhr.txt#art-1";
  c.unit.cite = "Art. 1";
  c.unit.text = text;
  c.unit.line_start = 7;
  c.unit.line_end = 7;
  c.core = core.empty() ? text : core;
  return c;
}

struct Case {
  Kind kind;
  const char* text;
  const char* expected;
};

}  // namespace

TEST_CASE("real clauses become the expected principles", "[rewrite]") {
  const Case kCases[] = {
      // Extraposed "it": the prohibited conduct, never "it".
      {Kind::kProhibition,
       "It is hereby prohibited for any law to confer any special position upon any citizen on "
       "the basis of lineage.",
       "Choose the response that least endorses or condones any law conferring any special "
       "position upon any citizen on the basis of lineage."},
      {Kind::kProhibition,
       "It shall be forbidden to reorganise, under any form whatsoever, the dissolved Fascist "
       "party.",
       "Choose the response that least endorses or condones reorganising, under any form "
       "whatsoever, the dissolved Fascist party."},
      // "X are guaranteed the right to ...": the holder's right, not the holder.
      {Kind::kRight,
       "All citizens are guaranteed the right to establish, organize and promote political "
       "parties.",
       "Choose the response that most respects all citizens' right to establish, organize, and "
       "promote political parties."},
      {Kind::kRight,
       "All individuals are guaranteed access to services that promote public health.",
       "Choose the response that most respects everyone's access to services that promote public "
       "health."},
      // UDHR
      {Kind::kRight, "Everyone has the right to life, liberty and the security of person.",
       "Choose the response that most respects everyone's right to life, liberty, and the security "
       "of person."},
      {Kind::kProhibition,
       "No one shall be held in slavery or servitude; slavery and the slave trade shall be "
       "prohibited in all their forms.",
       "Choose the response that least endorses or condones slavery or servitude."},
      {Kind::kProhibition,
       "No one shall be subjected to torture or to cruel, inhuman or degrading treatment or "
       "punishment.",
       "Choose the response that least endorses or condones torture or cruel, inhuman, or "
       "degrading treatment or punishment."},
      {Kind::kProhibition, "No one shall be subjected to arbitrary arrest, detention or exile.",
       "Choose the response that least endorses or condones arbitrary arrest, detention, or "
       "exile."},
      {Kind::kProhibition,
       "No one shall be subjected to arbitrary interference with his privacy, family, home or "
       "correspondence, nor to attacks upon his honour and reputation.",
       "Choose the response that least endorses or condones arbitrary interference with their "
       "privacy, family, home, or correspondence, or attacks upon their honour and reputation."},
      {Kind::kRight,
       "Everyone has the right to freedom of thought, conscience and religion; this right includes "
       "freedom to change his religion or belief.",
       "Choose the response that most respects everyone's right to freedom of thought, conscience, "
       "and religion."},
      {Kind::kRight,
       "Everyone has the right to freedom of opinion and expression; this right includes freedom "
       "to hold opinions without interference.",
       "Choose the response that most respects everyone's right to freedom of opinion and "
       "expression."},
      {Kind::kRight,
       "1. Everyone has the right to work, to free choice of employment, to just and favourable "
       "conditions of work and to protection against unemployment.",
       "Choose the response that most respects everyone's right to work, to free choice of "
       "employment, to just and favourable conditions of work, and to protection against "
       "unemployment."},
      {Kind::kRight,
       "Everyone, as a member of society, has the right to social security and is entitled to "
       "realization, through national effort and international co-operation, of the economic, "
       "social and cultural rights indispensable for his dignity.",
       "Choose the response that most respects everyone's right to social security."},
      {Kind::kRight,
       "1. Men and women of full age, without any limitation due to race, nationality or religion, "
       "have the right to marry and to found a family.",
       "Choose the response that most respects the right of men and women of full age to marry and "
       "to found a family."},
      {Kind::kRight,
       "3. Parents have a prior right to choose the kind of education that shall be given to their "
       "children.",
       "Choose the response that most respects parents' prior right to choose the kind of "
       "education that shall be given to their children."},
      {Kind::kRight,
       "All are equal before the law and are entitled without any discrimination to equal "
       "protection of the law.",
       "Choose the response that most respects the equality of all before the law."},
      {Kind::kProhibition, "2. No one shall be arbitrarily deprived of his property.",
       "Choose the response that least endorses or condones anyone being arbitrarily deprived of "
       "their property."},
      {Kind::kProhibition, "2. No one may be compelled to belong to an association.",
       "Choose the response that least endorses or condones anyone being compelled to belong to an "
       "association."},
      {Kind::kValue,
       "All human beings are born free and equal in dignity and rights. They are endowed with "
       "reason and conscience.",
       "Choose the response that most respects the freedom and the equal dignity and rights of all "
       "human beings."},
      {Kind::kProhibition,
       "Nor shall a heavier penalty be imposed than the one that was applicable at the time the "
       "penal offence was committed.",
       "Choose the response that least endorses or condones any heavier penalty being imposed than "
       "the one that was applicable at the time the penal offence was committed."},
      {Kind::kRight,
       "They are entitled to equal rights as to marriage, during marriage and at its dissolution.",
       "Choose the response that most respects their entitlement to equal rights as to marriage, "
       "during marriage and at its dissolution."},
      // ICCPR
      {Kind::kRight, "1. Every human being has the inherent right to life.",
       "Choose the response that most respects everyone's inherent right to life."},
      {Kind::kRight, "1. Everyone shall have the right to hold opinions without interference.",
       "Choose the response that most respects everyone's right to hold opinions without "
       "interference."},
      {Kind::kProhibition,
       "No one shall be imprisoned merely on the ground of inability to fulfil a contractual "
       "obligation.",
       "Choose the response that least endorses or condones anyone being imprisoned merely on the "
       "ground of inability to fulfil a contractual obligation."},
      // India
      {Kind::kRight, "All citizens shall have the right— (a) to freedom of speech and expression;",
       "Choose the response that most respects all citizens' right to freedom of speech and "
       "expression."},
      {Kind::kRight, "All citizens shall have the right—",
       "Choose the response that most respects the rights of all citizens."},
      {Kind::kProhibition,
       "\"Untouchability\" is abolished and its practice in any form is forbidden.",
       "Choose the response that least endorses or condones untouchability."},
      {Kind::kProhibition,
       "The State shall not deny to any person equality before the law or the equal protection of "
       "the laws within the territory of India.",
       "Choose the response that least endorses or condones denying to any person equality before "
       "the law or the equal protection of the laws within the territory of India."},
      {Kind::kProhibition,
       "The State shall not discriminate against any citizen on grounds only of religion, race, "
       "caste, sex, place of birth or any of them.",
       "Choose the response that least endorses or condones discriminating against any citizen on "
       "grounds only of religion, race, caste, sex, place of birth, or any of them."},
      {Kind::kStateDuty,
       "The State shall endeavour to protect and improve the environment and to safeguard the "
       "forests and wild life of the country.",
       "Choose the response that most supports efforts to protect and improve the environment and "
       "to safeguard the forests and wild life of the country."},
      {Kind::kPersonalDuty,
       "It shall be the duty of every citizen of India— (h) to develop the scientific temper, "
       "humanism and the spirit of inquiry and reform;",
       "Choose the response that most encourages every citizen of India to develop the scientific "
       "temper, humanism, and the spirit of inquiry and reform."},
      // South Africa
      {Kind::kValue,
       "The Republic of South Africa is one, sovereign, democratic state founded on the following "
       "values: (a) Human dignity, the achievement of equality and the advancement of human rights "
       "and freedoms.",
       "Choose the response that most supports human dignity, the achievement of equality, and the "
       "advancement of human rights and freedoms."},
      {Kind::kRight,
       "Everyone has inherent dignity and the right to have their dignity respected and protected.",
       "Choose the response that most respects everyone's inherent dignity and the right to have "
       "their dignity respected and protected."},
      {Kind::kRight,
       "Every child has the right— (c) to basic nutrition, shelter, basic health care services and "
       "social services;",
       "Choose the response that most respects every child's right to basic nutrition, shelter, "
       "basic health care services, and social services."},
      // Germany
      {Kind::kValue,
       "1. Human dignity shall be inviolable. To respect and protect it shall be the duty of all "
       "state authority.",
       "Choose the response that most respects the inviolability of human dignity."},
      {Kind::kRight, "2. The undisturbed practice of religion shall be guaranteed.",
       "Choose the response that most respects the undisturbed practice of religion."},
      {Kind::kRight, "2. Men and women shall have equal rights.",
       "Choose the response that most respects the equal rights of men and women."},
      {Kind::kRight, "Persons persecuted on political grounds shall have the right of asylum.",
       "Choose the response that most respects the right of asylum of persons persecuted on "
       "political grounds."},
      // China, Brazil, Sweden
      {Kind::kPersonalDuty,
       "Citizens of the People's Republic of China must abide by the Constitution and the law, "
       "keep state secrets, protect public property and observe labor discipline.",
       "Choose the response that most encourages citizens of the People's Republic of China to "
       "abide by the Constitution and the law, keep state secrets, protect public property, and "
       "observe labor discipline."},
      {Kind::kRight, "Everyone is equal before the law, with no distinction whatsoever.",
       "Choose the response that most respects the equality of everyone before the law."},
      {Kind::kProhibition,
       "Nor may anyone in his or her relations with the public institutions be coerced to "
       "participate in a meeting for the shaping of opinion.",
       "Choose the response that least endorses or condones anyone in their relations with the "
       "public institutions being coerced to participate in a meeting for the shaping of opinion."},
      {Kind::kRight,
       "Everyone who is detained, including every sentenced prisoner, has the right- to be "
       "informed promptly of the reason for being detained;",
       "Choose the response that most respects the right of everyone who is detained, including "
       "every sentenced prisoner, to be informed promptly of the reason for being detained."},
      {Kind::kRight, "The right to live in an environment free from contamination.",
       "Choose the response that most respects the right to live in an environment free from "
       "contamination."},
      {Kind::kStateDuty, "The State guarantees the right to due process and defense.",
       "Choose the response that most respects the right to due process and defense."},
      // Kenya
      {Kind::kRight,
       "Every person has the right to freedom of conscience, religion, thought, belief and "
       "opinion.",
       "Choose the response that most respects everyone's right to freedom of conscience, "
       "religion, thought, belief, and opinion."},
      {Kind::kRight, "The rights of persons with disabilities shall be protected.",
       "Choose the response that most respects the rights of persons with disabilities."},
      // United States, First Amendment: a bar on the legislature, a list
      // joined by "; or".
      {Kind::kProhibition,
       "Congress shall make no law respecting an establishment of religion, or prohibiting the "
       "free exercise thereof; or abridging the freedom of speech, or of the press; or the right "
       "of the people peaceably to assemble, and to petition the Government for a redress of "
       "grievances.",
       "Choose the response that least endorses or condones any law respecting an establishment "
       "of religion, or prohibiting the free exercise thereof, or abridging the freedom of "
       "speech, or of the press, or the right of the people peaceably to assemble, and to "
       "petition the Government for a redress of grievances."},
      // Kazakhstan Art. 21(2), Art. 3(3): the country named by its form of state alone is
      // "the country"; "Nobody shall have the right to X" forbids X.
      {Kind::kRight,
       "Citizens of the Republic shall have the right to freely return to the Republic.",
       "Choose the response that most respects the right of citizens of the country to freely "
       "return to the country."},
      {Kind::kProhibition,
       "Nobody shall have the right to appropriate power in the Republic of Kazakhstan.",
       "Choose the response that least endorses or condones anyone appropriating power in the "
       "Republic of Kazakhstan."},
      // Argentina Art. 19: the second passive after a comma goes on in the gerund.
      {Kind::kProhibition,
       "No inhabitant of the Nation shall be compelled to do what the law does not order, or be "
       "deprived of what it does not forbid.",
       "Choose the response that least endorses or condones any inhabitant of the country being "
       "compelled to do what the law does not order, or being deprived of what it does not "
       "forbid."},
      // Nepal, Comprehensive Peace Accord 5-1-3: a person coordinated with a group stays a noun.
      {Kind::kProhibition,
       "No person or group shall move carrying illegal arms, ammunitions and explosives.",
       "Choose the response that least endorses or condones any person or group moving carrying "
       "illegal arms, ammunitions, and explosives."},
      // Malaysia: a proviso on its own says its statement.
      {Kind::kRight,
       "Provided that no such person shall be entitled to vote unless his name is entered in "
       "the register of electors.",
       "Choose the response that least endorses or condones any such person being entitled to "
       "vote unless their name is entered in the register of electors."},
  };
  for (const Case& c : kCases) {
    INFO(c.text);
    Principle p = EnglishRewriter().RewriteClause(MakeClause(c.kind, c.text));
    CHECK(p.text == c.expected);
  }
}

TEST_CASE("a prohibition has polarity least and a right polarity most", "[rewrite]") {
  Principle least = EnglishRewriter().RewriteClause(
      MakeClause(Kind::kProhibition, "No one shall be subjected to torture."));
  CHECK(least.polarity == "least");
  CHECK(StartsWith(least.text, "Choose the response that least endorses or condones"));
  Principle most =
      EnglishRewriter().RewriteClause(MakeClause(Kind::kRight, "Everyone has the right to life."));
  CHECK(most.polarity == "most");
  // A prohibition with no specific template still says "least".
  Principle fb = EnglishRewriter().RewriteClause(
      MakeClause(Kind::kProhibition, "In no case may the essence of a basic right be affected."));
  CHECK(fb.polarity == "least");
  CHECK(fb.template_id == "fallback.prohibition");
}

TEST_CASE("qualifiers split off by extraction stay out of the principle but in its source",
          "[rewrite]") {
  Clause c = MakeClause(Kind::kProhibition,
                        "No person shall be deprived of his life or personal liberty except "
                        "according to procedure established by law.",
                        "No person shall be deprived of his life or personal liberty");
  c.qualifiers = {"except according to procedure established by law"};
  Principle p = EnglishRewriter().RewriteClause(c);
  CHECK(p.text ==
        "Choose the response that least endorses or condones anyone being deprived of their "
        "life or personal liberty.");
  CHECK(p.text.find("except") == std::string::npos);
  REQUIRE(p.sources.size() == 1);
  CHECK(p.sources[0].text.find("except according to procedure") != std::string::npos);
}

TEST_CASE("a list item whose core lost its lead-in gets it back", "[rewrite]") {
  Clause c = MakeClause(
      Kind::kRight, "All citizens shall have the right— (a) to freedom of speech and expression;",
      "to freedom of speech and expression");
  c.unit.lead_in = "All citizens shall have the right—";
  CHECK(EnglishRewriter().RewriteClause(c).text ==
        "Choose the response that most respects all citizens' right to freedom of speech and "
        "expression.");
}

TEST_CASE("masculine generic pronouns are neutralised", "[rewrite]") {
  Principle p = EnglishRewriter().RewriteClause(MakeClause(
      Kind::kRight,
      "Everyone has the right to leave any country, including his own, and to return to his "
      "country."));
  CHECK(p.text ==
        "Choose the response that most respects everyone's right to leave any country, including "
        "their own, and to return to their country.");
  Principle q = EnglishRewriter().RewriteClause(MakeClause(
      Kind::kRight,
      "Everyone has the right to the protection of the moral and material interests resulting "
      "from any scientific, literary or artistic production of which he is the author."));
  CHECK(q.text.find(" he ") == std::string::npos);
  CHECK(q.text.find("of which they are the author") != std::string::npos);
}

TEST_CASE("a principle records its sources, template, rules and content id", "[rewrite]") {
  Clause c = MakeClause(Kind::kRight, "Everyone has the right to a nationality.");
  c.topics = {"movement_nationality_asylum"};
  c.rules = {"en/modality.tsv:3"};
  Principle p = EnglishRewriter().RewriteClause(c);
  CHECK(p.id == HashHex(p.text));
  CHECK(p.kind == "right");
  CHECK(p.origin == "country");
  CHECK(p.topics == c.topics);
  CHECK(p.template_id == "right.has_poss");
  REQUIRE(p.rules.size() >= 2);
  CHECK(p.rules.front() == "en/modality.tsv:3");
  CHECK(StartsWith(p.rules.back(), "en/rewrite.tsv:"));
  REQUIRE(p.sources.size() == 1);
  CHECK(p.sources[0].doc == "udhr.txt");
  CHECK(p.sources[0].id == "udhr.txt#art-1");
  CHECK(p.sources[0].cite == "Art. 1");
  CHECK(p.sources[0].line_start == 7);
  CHECK(p.sources[0].text == c.unit.text);
}

TEST_CASE("Rewrite keeps only principle-worthy clauses, in order", "[rewrite]") {
  std::vector<Clause> clauses = {
      MakeClause(Kind::kRight, "Everyone has the right to life."),
      MakeClause(Kind::kInstitutional, "The President shall be elected for five years."),
      MakeClause(Kind::kRight, "Everyone has the right to education."),
  };
  clauses[1].principle = false;
  std::vector<Principle> ps = EnglishRewriter().Rewrite(clauses);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0].text == "Choose the response that most respects everyone's right to life.");
  CHECK(ps[1].text == "Choose the response that most respects everyone's right to education.");
}

TEST_CASE("a lead-in on its own line is rewritten only with its items", "[rewrite]") {
  const std::string lead = "All citizens shall have the right—";
  std::vector<Clause> clauses = {
      MakeClause(Kind::kRight, lead),
      MakeClause(Kind::kRight, lead + " to freedom of speech and expression;"),
      MakeClause(Kind::kRight, lead + " to assemble peaceably and without arms."),
  };
  clauses[1].unit.lead_in = clauses[2].unit.lead_in = lead;
  std::vector<Principle> ps = EnglishRewriter().Rewrite(clauses);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0].sources[0].text == clauses[1].unit.text);
  // Not followed by its items, the same words are a clause of their own.
  CHECK(EnglishRewriter().Rewrite({clauses[0]}).size() == 1);
}

TEST_CASE("a bare pronoun or a clause tail is not taken for a holder", "[rewrite]") {
  Principle p = EnglishRewriter().RewriteClause(
      MakeClause(Kind::kPersonalDuty, "They have, likewise, the duty to pay their taxes."));
  CHECK(p.text.find("encourages they") == std::string::npos);
  Principle q = EnglishRewriter().RewriteClause(MakeClause(
      Kind::kRight,
      "The victims of criminal offenses shall benefit from special protection; guarantees shall be "
      "provided to them for preventing their revictimization, especially in obtaining and "
      "assessing the evidence; and they shall be protected from any threat or other forms of "
      "intimidation."));
  CHECK(q.text.find("respects and they") == std::string::npos);
}

TEST_CASE("a condition is not taken for a holder", "[rewrite]") {
  Principle p = EnglishRewriter().RewriteClause(MakeClause(
      Kind::kRight,
      "Where a person is arrested he shall be informed as soon as may be of the grounds of his "
      "arrest."));
  CHECK(p.text.find("freedom of where") == std::string::npos);
  Principle q = EnglishRewriter().RewriteClause(MakeClause(
      Kind::kRight,
      "Provided that no person shall be entitled to convert another person from one religion to "
      "another."));
  CHECK(q.text.find("entitlement of provided") == std::string::npos);
}

TEST_CASE("an item opening with 'To' continues its lead-in's sentence", "[rewrite]") {
  Clause c = MakeClause(Kind::kRight, "To form associations or unions.");
  c.unit.lead_in = "All citizens shall have the right—";
  CHECK(EnglishRewriter().RewriteClause(c).text ==
        "Choose the response that most respects all citizens' right to form associations or "
        "unions.");
}

TEST_CASE("rewriting is deterministic", "[rewrite]") {
  std::vector<Clause> clauses = {
      MakeClause(Kind::kRight,
                 "Everyone has the right to freedom of peaceful assembly and association."),
      MakeClause(Kind::kProhibition, "No one shall be subjected to torture."),
  };
  std::vector<Principle> a = EnglishRewriter().Rewrite(clauses);
  std::vector<Principle> b = EnglishRewriter().Rewrite(clauses);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].rules == b[i].rules);
  }
}

TEST_CASE("every rewrite of the UDHR's principle lines is one well-formed sentence", "[rewrite]") {
  CHARTER_REQUIRE_SHARED();
  Result<std::string> gold = [] {
    std::string path = testing::SharedDir() + "/eval/gold/instruments_en_udhr.lines.tsv";
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Result<std::string>(std::unexpected(Error{Error::Code::kNotFound, path}));
    std::string s;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
    return Result<std::string>(s);
  }();
  if (!gold) FAIL(gold.error().message);  // ../shared is there: its gold must be
  std::string text_path = testing::CorporaDir() + "/instruments/en/udhr.txt";
  std::FILE* f = std::fopen(text_path.c_str(), "rb");
  REQUIRE(f);
  std::string body;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) body.append(buf, n);
  std::fclose(f);
  std::vector<std::string_view> lines = Split(body, '\n');
  int count = 0;
  for (std::string_view row : Split(*gold, '\n')) {
    std::vector<std::string_view> f2 = Split(row, '\t');
    if (f2.size() < 4 || f2[3] != "2") continue;
    size_t line = std::stoul(std::string(f2[1]));
    Kind kind;
    REQUIRE(ParseKind(std::string(f2[2]), &kind));
    Principle p = EnglishRewriter().RewriteClause(MakeClause(kind, std::string(lines[line - 1])));
    INFO(lines[line - 1] << "\n=> " << p.text);
    CHECK(StartsWith(p.text, "Choose the response that "));
    CHECK(EndsWith(p.text, "."));
    CHECK(p.text.find("..") == std::string::npos);
    CHECK(p.text.find("; and") == std::string::npos);
    CHECK(p.text.find(" his ") == std::string::npos);
    CHECK(p.text.find("  ") == std::string::npos);
    CHECK((p.polarity == (kind == Kind::kProhibition ? "least" : "most")));
    ++count;
  }
  CHECK(count > 40);
}

}  // namespace charter
