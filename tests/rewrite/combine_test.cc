// Tests for Rewriter::Combine: a cluster of similar principles becomes one
// that names each idea once.
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

Principle FromClause(Kind kind, const std::string& text, const std::string& id,
                     std::vector<std::string> topics) {
  Clause c;
  c.kind = kind;
  c.principle = true;
  c.unit.doc = "udhr.txt";
  c.unit.id = "udhr.txt#" + id;
  c.unit.cite = "Art. " + id;
  c.unit.text = text;
  c.core = text;
  c.topics = std::move(topics);
  return EnglishRewriter().RewriteClause(c);
}

size_t Count(const std::string& s, const std::string& word) {
  size_t n = 0, p = 0;
  while ((p = s.find(word, p)) != std::string::npos) {
    ++n;
    p += word.size();
  }
  return n;
}

}  // namespace

TEST_CASE("combining thought-conscience-religion with opinion-expression names each freedom once",
          "[rewrite]") {
  Principle a = FromClause(Kind::kRight,
                           "Everyone has the right to freedom of thought, conscience and religion.",
                           "18", {"religion_conscience"});
  Principle b =
      FromClause(Kind::kRight, "Everyone has the right to freedom of opinion and expression.", "19",
                 {"expression_information"});
  Principle c =
      FromClause(Kind::kRight,
                 "Every person has the right to freedom of conscience, religion, thought, "
                 "belief and opinion.",
                 "32", {"religion_conscience"});
  Principle out = EnglishRewriter().Combine({a, b, c});
  CHECK(out.text ==
        "Choose the response that most respects everyone's right to freedom of thought, "
        "conscience, religion, opinion, expression, and belief.");
  for (const char* idea : {"thought", "conscience", "religion", "opinion", "expression", "belief"})
    CHECK(Count(out.text, idea) == 1);
  CHECK(out.template_id == "combine");
  CHECK(out.polarity == "most");
  CHECK(out.id == HashHex(out.text));
  REQUIRE(out.sources.size() == 3);
  CHECK(out.sources[0].id == "udhr.txt#18");
  CHECK(out.sources[1].id == "udhr.txt#19");
  CHECK(out.sources[2].id == "udhr.txt#32");
  CHECK(out.topics == std::vector<std::string>{"religion_conscience", "expression_information"});
}

TEST_CASE("combining rights of different heads keeps each head and names rights once",
          "[rewrite]") {
  Principle a =
      FromClause(Kind::kRight, "Everyone has the right to life, liberty and security of person.",
                 "3", {"life"});
  Principle b =
      FromClause(Kind::kRight, "Everyone has the right to education.", "26", {"education"});
  Principle c = FromClause(Kind::kRight, "Everyone has the right to rest and leisure.", "24",
                           {"work_labour"});
  Principle d = FromClause(Kind::kRight, "Everyone has the right to life.", "ICCPR-6", {"life"});
  Principle out = EnglishRewriter().Combine({a, b, c, d});
  CHECK(out.text ==
        "Choose the response that most respects everyone's rights to life, liberty, security of "
        "person, education, rest, and leisure.");
  CHECK(out.topics.front() == "life");
}

TEST_CASE("combining prohibitions keeps least and joins whole phrases", "[rewrite]") {
  Principle a = FromClause(Kind::kProhibition,
                           "No one shall be subjected to torture or to cruel, inhuman or degrading "
                           "treatment or punishment.",
                           "5", {"torture"});
  Principle b = FromClause(Kind::kProhibition, "No one shall be held in slavery or servitude.", "4",
                           {"slavery"});
  Principle c = FromClause(Kind::kProhibition, "No one shall be subjected to torture.", "ICCPR-7",
                           {"torture"});
  Principle out = EnglishRewriter().Combine({a, b, c});
  CHECK(out.polarity == "least");
  CHECK(out.text ==
        "Choose the response that least endorses or condones torture or cruel, inhuman, or "
        "degrading treatment or punishment; and slavery or servitude.");
  CHECK(Count(out.text, "torture") == 1);
}

TEST_CASE("a cluster of mixed polarity puts the majority first", "[rewrite]") {
  Principle a =
      FromClause(Kind::kRight, "Everyone has the right to liberty.", "9", {"liberty_security"});
  Principle b =
      FromClause(Kind::kProhibition, "No one shall be subjected to arbitrary arrest or detention.",
                 "9b", {"liberty_security"});
  Principle c = FromClause(Kind::kRight, "Everyone has the right to security of person.", "9c",
                           {"liberty_security"});
  Principle out = EnglishRewriter().Combine({a, b, c});
  CHECK(out.polarity == "most");
  CHECK(out.text ==
        "Choose the response that most respects everyone's rights to liberty and security of "
        "person, and that least endorses or condones arbitrary arrest or detention.");
}

TEST_CASE("combine parses base principles phrased by others", "[rewrite]") {
  Principle base;
  base.text =
      "Please choose the response that most supports and encourages freedom, equality, and a "
      "sense of brotherhood.";
  base.polarity = "most";
  base.origin = "base";
  base.kind = "base";
  Principle mine;
  mine.text = "Choose the response that most supports and encourages equality and dignity.";
  mine.polarity = "most";
  mine.origin = "country";
  mine.kind = "value";
  Principle out = EnglishRewriter().Combine({base, mine});
  CHECK(out.text ==
        "Choose the response that most supports and encourages freedom, equality, a sense of "
        "brotherhood, and dignity.");
}

TEST_CASE("combining a base principle with a country's names shared freedoms once", "[rewrite]") {
  Principle base;
  base.text =
      "Please choose the response that is most respectful of the right to freedom of thought, "
      "conscience, opinion, expression, assembly, and religion.";
  base.polarity = "most";
  base.origin = "base";
  base.kind = "base";
  Principle mine = FromClause(Kind::kRight,
                              "Everyone has the right to freedom of thought, conscience and "
                              "religion; this right includes freedom to change his religion.",
                              "18", {"religion_conscience"});
  Principle out = EnglishRewriter().Combine({base, mine});
  CHECK(out.text ==
        "Choose the response that most respects the right to freedom of thought, conscience, "
        "opinion, expression, assembly, and religion.");
}

TEST_CASE("combined lists drop short asides of their items but keep long tails", "[rewrite]") {
  Principle a = FromClause(Kind::kRight,
                           "Everyone has the right to leave any country, including his own, and to "
                           "return to his country.",
                           "13", {"movement_nationality_asylum"});
  Principle b = FromClause(Kind::kRight, "Everyone has the right to a nationality.", "15",
                           {"movement_nationality_asylum"});
  Principle out = EnglishRewriter().Combine({a, b});
  CHECK(out.text ==
        "Choose the response that most respects everyone's rights to leave any country, return to "
        "their country, and a nationality.");
}

TEST_CASE("combined fallback principles share one 'the principles that' head", "[rewrite]") {
  Principle a = FromClause(Kind::kValue, "Sovereignty belongs to the people.", "1",
                           {"democracy_rule_of_law"});
  Principle b = FromClause(Kind::kValue, "All state authority is derived from the people.", "20",
                           {"democracy_rule_of_law"});
  Principle out = EnglishRewriter().Combine({a, b});
  CHECK(out.text ==
        "Choose the response that most supports the principles that sovereignty belongs to the "
        "people and that all state authority is derived from the people.");
}

TEST_CASE("combine of one principle returns it unchanged and of none an empty one", "[rewrite]") {
  Principle a =
      FromClause(Kind::kRight, "Everyone has the right to education.", "26", {"education"});
  Principle out = EnglishRewriter().Combine({a});
  CHECK(out.text == a.text);
  CHECK(out.template_id == a.template_id);
  CHECK(EnglishRewriter().Combine({}).text.empty());
}

TEST_CASE("combine is deterministic", "[rewrite]") {
  Principle a = FromClause(
      Kind::kRight, "Everyone has the right to freedom of peaceful assembly and association.", "20",
      {"assembly_association"});
  Principle b = FromClause(Kind::kRight, "Everyone has the right to freedom of expression.", "19",
                           {"expression_information"});
  Principle x = EnglishRewriter().Combine({a, b});
  Principle y = EnglishRewriter().Combine({a, b});
  CHECK(x.text == y.text);
  CHECK(x.id == y.id);
  CHECK(x.text ==
        "Choose the response that most respects everyone's right to freedom of peaceful "
        "assembly, association, and expression.");
}

}  // namespace charter

namespace charter {

TEST_CASE("a combination names each listed idea by its head, without its qualifiers", "[rewrite]") {
  Principle a =
      FromClause(Kind::kRight,
                 "Everyone has the right to an effective remedy by the competent national "
                 "tribunals for acts violating the fundamental rights granted him.",
                 "8", {"remedy_justice"});
  Principle b = FromClause(Kind::kRight,
                           "Everyone has the right to freedom of movement and residence within the "
                           "borders of each State.",
                           "13", {"movement_nationality_asylum"});
  Principle out = EnglishRewriter().Combine({a, b});
  CHECK(out.text ==
        "Choose the response that most respects everyone's right to an effective remedy and "
        "everyone's right to freedom of movement and residence.");
  CHECK(out.sources.size() == 2);
}

TEST_CASE("a right and its protection said negatively are named once in a combination",
          "[rewrite]") {
  Principle a = FromClause(Kind::kRight,
                           "Everyone has the right to own property alone as well as in association "
                           "with others.",
                           "17/1", {"property"});
  Principle b =
      FromClause(Kind::kProhibition, "No one shall be arbitrarily deprived of his property.",
                 "17/2", {"property"});
  REQUIRE(b.polarity == "least");
  Principle out = EnglishRewriter().Combine({a, b});
  CHECK(out.text == "Choose the response that most respects everyone's right to own property.");
  CHECK(out.sources.size() == 2);
}

TEST_CASE("a clause whose principle that sentence cannot be shortened only adds its sources",
          "[rewrite]") {
  Principle a =
      FromClause(Kind::kRight, "Everyone has the right to education.", "26", {"education"});
  Principle b = FromClause(Kind::kValue,
                           "Education shall be directed to the full development of the human "
                           "personality.",
                           "26/2", {"education"});
  Principle out = EnglishRewriter().Combine({a, b});
  CHECK(out.text == "Choose the response that most respects everyone's right to education.");
  CHECK(out.sources.size() == 2);
}

TEST_CASE("Concise cuts a long right to its head and keeps the template", "[rewrite]") {
  Principle a = FromClause(Kind::kRight,
                           "Everyone has the right to a standard of living adequate for the health "
                           "and well-being of himself and of his family.",
                           "25", {"standard_of_living"});
  Principle c = EnglishRewriter().Concise(a);
  // Cut after the purpose that completes "adequate", not before it.
  CHECK(c.text ==
        "Choose the response that most respects everyone's right to a standard of living "
        "adequate for the health and well-being.");
  CHECK(c.template_id == a.template_id + "+concise");
  CHECK(c.sources.size() == 1);
  Principle short_one = FromClause(Kind::kRight, "Everyone has the right to life.", "3", {"life"});
  CHECK(EnglishRewriter().Concise(short_one).text == short_one.text);
}

TEST_CASE("ideas and idea terms leave out the wording every principle shares", "[rewrite]") {
  const std::string base =
      "Please choose the response that is most respectful of the right to freedom of thought, "
      "conscience, opinion, expression, assembly, and religion.";
  CHECK(EnglishRewriter().Ideas(base) == std::vector<std::string>{"thought", "conscience",
                                                                  "opinion", "expression",
                                                                  "assembly", "religion"});
  CHECK(EnglishRewriter().IdeaTerms(
            "Choose the response that most respects everyone's rights to the "
            "freedoms of religion.") == std::vector<std::string>{"freedom", "religion"});
}

}  // namespace charter

namespace charter {

TEST_CASE("a combination keeps a list of grounds whole, from its most specific member",
          "[rewrite]") {
  Principle a = FromClause(Kind::kRight,
                           "Everyone is entitled to all the rights and freedoms set forth in this "
                           "Declaration, without distinction of any kind, such as race, colour, "
                           "sex, language, religion, political or other opinion, national or "
                           "social origin, property, birth or other status.",
                           "2", {"equality"});
  Principle b = FromClause(Kind::kRight,
                           "All are entitled to equal protection against any discrimination in "
                           "violation of this Declaration.",
                           "7", {"equality"});
  Principle out = EnglishRewriter().Combine({a, b});
  CHECK(out.text ==
        "Choose the response that most respects everyone's entitlements to all the rights and "
        "freedoms, and equal protection against any discrimination, without distinction as to "
        "race, colour, sex, language, religion, political or other opinion, national or social "
        "origin, property, birth, or other status.");
  // Said alone and concisely, the clause keeps its grounds too.
  CHECK(EnglishRewriter().Concise(a).text ==
        "Choose the response that most respects everyone's entitlement to all the rights and "
        "freedoms, without distinction as to race, colour, sex, language, religion, political or "
        "other opinion, national or social origin, property, birth, or other status.");
}

TEST_CASE("a short 'on the basis of' phrase is not taken for a list of grounds", "[rewrite]") {
  Principle a = FromClause(Kind::kRight, "Everyone has the right to work on the basis of equality.",
                           "23", {"work_labour"});
  Principle b = FromClause(Kind::kRight, "Everyone has the right to rest.", "24", {"work_labour"});
  CHECK(EnglishRewriter().Combine({a, b}).text ==
        "Choose the response that most respects everyone's rights to work and rest.");
}

TEST_CASE("a later sentence of a clause adds the idea a specific template finds in it",
          "[rewrite]") {
  Principle p = FromClause(Kind::kValue,
                           "All human beings are born free and equal in dignity and rights. They "
                           "are endowed with reason and conscience and should act towards one "
                           "another in a spirit of brotherhood.",
                           "1", {"dignity"});
  CHECK(p.text ==
        "Choose the response that most respects the freedom and the equal dignity and rights of "
        "all human beings, and that most encourages a spirit of brotherhood.");
  // A later sentence that only a fallback would say adds nothing.
  Principle q =
      FromClause(Kind::kRight, "Everyone has the right to education. Its aims are set by law.",
                 "26", {"education"});
  CHECK(q.text == "Choose the response that most respects everyone's right to education.");
  // Nor does one that opens with a condition or an exception: it qualifies
  // the first sentence instead of naming an idea of its own.
  Principle r = FromClause(Kind::kRight,
                           "Everyone has the right to work. However, no one shall be compelled to "
                           "perform forced labour.",
                           "23", {"work_labour"});
  CHECK(r.text == "Choose the response that most respects everyone's right to work.");
}

TEST_CASE("an adverb between a right and its list does not hide the list's items", "[rewrite]") {
  Principle p = FromClause(Kind::kRight,
                           "Every citizen has the right freely to assemble, to associate, and "
                           "to petition.",
                           "27", {"movement"});
  CHECK(EnglishRewriter().Ideas(p.text) ==
        std::vector<std::string>{"assemble", "associate", "petition"});
  Principle q =
      FromClause(Kind::kRight, "Every citizen has the right to a nationality.", "15", {"movement"});
  CHECK(EnglishRewriter().Combine({p, q}).text ==
        "Choose the response that most respects every citizen's rights to assemble, associate, "
        "petition, and a nationality.");
}

}  // namespace charter

namespace charter {

TEST_CASE("a holder that is a clause cut short gets no template that needs a noun phrase",
          "[rewrite]") {
  // "do not have the right" denies the right: it must not read as one.
  Principle p = FromClause(Kind::kRight,
                           "Members of the police force do not have the right to form "
                           "associations.",
                           "39", {"assembly_association"});
  CHECK(p.text.find("do not to") == std::string::npos);
  CHECK(p.text.find("do not have the right to form associations") != std::string::npos);
  Principle q = FromClause(Kind::kRight,
                           "Every citizen who has the right to vote at an election for members of "
                           "the House shall have the right to vote at a referendum.",
                           "47", {"participation_elections"});
  CHECK(q.text.find("citizen who to") == std::string::npos);
}

TEST_CASE("Combine keeps a verb with its object or manner as one item") {
  // "form associations or unions": both share "form"; "peacefully and
  // without arms" says how to assemble. Split, they read "..., without arms,
  // form associations, and unions".
  Principle a = FromClause(Kind::kRight,
                           "Every citizen shall have the right to assemble peacefully and without "
                           "arms.",
                           "16", {"assembly_association"});
  Principle b =
      FromClause(Kind::kRight, "Every citizen shall have the right to form associations or unions.",
                 "17", {"assembly_association"});
  CHECK(EnglishRewriter().Ideas(a.text) ==
        std::vector<std::string>{"assemble peacefully and without arms"});
  CHECK(EnglishRewriter().Ideas(b.text) == std::vector<std::string>{"form associations or unions"});
  CHECK(EnglishRewriter().Combine({a, b}).text ==
        "Choose the response that most respects every citizen's rights to assemble peacefully and "
        "without arms, and form associations or unions.");
  // Under "right to", the head's "to" serves each verb of an item.
  Principle d = FromClause(Kind::kRight,
                           "Everyone has the right to seek and to enjoy in other countries asylum "
                           "from persecution.",
                           "14", {});
  Principle e =
      FromClause(Kind::kRight, "Everyone has the right to own property.", "17", {"property"});
  CHECK(EnglishRewriter().Combine({d, e}).text ==
        "Choose the response that most respects everyone's rights to seek and enjoy in other "
        "countries asylum, and own property.");
  // "the protection" names nothing: the item keeps its complement.
  Principle f =
      FromClause(Kind::kRight, "Any person has the right to the protection of their private life.",
                 "24", {"privacy"});
  CHECK(EnglishRewriter().Ideas(f.text) ==
        std::vector<std::string>{"the protection of their private life"});
  // ", and that" inside a clause is the clause's, not a new part with a
  // lead of its own: never "Choose the response that constitutes incitement".
  CHECK(EnglishRewriter().Ideas(
            "Choose the response that most respects the principle that the right does not "
            "extend to advocacy of hatred, and that constitutes incitement to cause harm.") ==
        std::vector<std::string>{"the right does not extend to advocacy of hatred, and that "
                                 "constitutes incitement to cause harm"});
  // Two nouns are two ideas: "life and liberty".
  Principle c = FromClause(Kind::kRight, "Everyone has the right to life and liberty.", "3", {});
  CHECK(EnglishRewriter().Ideas(c.text) == std::vector<std::string>{"life", "liberty"});
}

}  // namespace charter
