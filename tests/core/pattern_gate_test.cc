#include "core/pattern_gate.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "core/io.h"
#include "core/rule_file.h"
#include "test_util.h"

using namespace charter;
using charter::testing::CorporaDir;
using charter::testing::HaveShared;

TEST_CASE("a pattern with a gap in the middle is split into gates around it", "[core]") {
  GatePlan p = PlanGates(R"(\bno\s+[^.;]*\bshall\b)");
  CHECK_FALSE(p.exact);
  CHECK(p.gates == std::vector<std::string>{R"(\bno\s+)", R"(\bshall\b)"});
}

TEST_CASE("a gap only at the end of a pattern leaves it exact without the gap", "[core]") {
  GatePlan p = PlanGates(R"(,?\s*subject\s+to\s+(?:reasonable\s+)?restrictions\b[^;.]*)");
  CHECK(p.exact);
  CHECK(p.local == R"(subject\s+to\s+(?:reasonable\s+)?restrictions\b)");
  // A gap that must match at least once still decides: the pattern is not exact.
  CHECK_FALSE(PlanGates(R"(\bfree\b[^.]+)").exact);
}

TEST_CASE("optional groups of any words count as gaps, optional literal words do not", "[core]") {
  GatePlan p = PlanGates(R"(\b(?:is|are)\W+(?:\w+\s+){0,2}?entitled\b)");
  CHECK_FALSE(p.exact);
  // "entitled" follows a space or punctuation in every match: it starts a word.
  CHECK(p.gates == std::vector<std::string>{R"(\b(?:is|are)\W+)", R"(\bentitled\b)"});
  GatePlan q = PlanGates(R"(\bshall\s+(?:also\s+)?have\s+the\s+right\b)");
  CHECK(q.exact);
  CHECK(q.local == R"(\bshall\s+(?:also\s+)?have\s+the\s+right\b)");
}

TEST_CASE("a gate starts at a word boundary only where every match puts one there", "[core]") {
  // After "\s+" and a gap of words each followed by spaces: a word starts.
  GatePlan p = PlanGates(R"(\bha(?:s|ve)\s+(?:\w+\s+)*?(?:rights?|freedoms?)\b)");
  CHECK(p.gates == std::vector<std::string>{R"(\bha(?:s|ve)\s+)", R"(\b(?:rights?|freedoms?)\b)"});
  // Any character may come before the piece after "[^.;]*": no boundary added.
  GatePlan q = PlanGates(R"(\bno\s+[^.;]*shall\b)");
  CHECK(q.gates == std::vector<std::string>{R"(\bno\s+)", R"(shall\b)"});
  // The item before the gap may be a letter ("x" then no words): no boundary.
  GatePlan r = PlanGates(R"(\bx(?:\w+\s+)*?rights\b)");
  CHECK(r.gates == std::vector<std::string>{R"(rights\b)"});
  // A piece that may begin with a space or an optional letter: no boundary.
  GatePlan s = PlanGates(R"(\bis\s+(?:\w+\s+)?(?:\s|x)yz\b)");
  CHECK(s.gates == std::vector<std::string>{R"(\bis\s+)", R"((?:\s|x)yz\b)"});
  GatePlan t = PlanGates(R"(\bis\s+(?:\w+\s+)?y?ou\b)");
  CHECK(t.gates == std::vector<std::string>{R"(\bis\s+)", R"(y?ou\b)"});
}

TEST_CASE("what may match nothing at the ends of an exact pattern is left out of its set entry",
          "[core]") {
  GatePlan p = PlanGates(R"(,?\s*(?:except|save)\s+by\s+law(?:\s+of\s+the\s+land)?)");
  CHECK(p.exact);
  CHECK(p.local == R"((?:except|save)\s+by\s+law)");
  // Word boundaries and anchors are kept: they decide.
  GatePlan q = PlanGates(R"(\bfree\s*[.;]?$)");
  CHECK(q.local == R"(\bfree\s*[.;]?$)");
  // A top-level alternative is left whole.
  CHECK(PlanGates(R"(,?\s*a|b)").local == R"(,?\s*a|b)");
}

TEST_CASE("leading flags are carried into every gate", "[core]") {
  GatePlan p = PlanGates(R"((?-i)\bState\b[^.]*\bshall\b)");
  CHECK(p.gates == std::vector<std::string>{R"((?-i)\bState\b)", R"((?-i)\bshall\b)"});
}

TEST_CASE("patterns the scanner cannot split get no gates, never wrong ones", "[core]") {
  // A top-level alternative with a gap: no piece is needed by both sides.
  GatePlan alt = PlanGates(R"(\bno\s+[^.]*\bshall\b|\bnever\b)");
  CHECK_FALSE(alt.exact);
  CHECK(alt.gates.empty());
  // Pieces without a word ("\s+", a class) are not used as gates.
  GatePlan bare = PlanGates(R"([A-Z][^.]*\bAct\b)");
  CHECK(bare.gates == std::vector<std::string>{R"(\bAct\b)"});
  CHECK(HasLongRange(R"((?:a|b(?:\w+\s+)*c))"));
  CHECK_FALSE(HasLongRange(R"(\bright\s+to\s+(?:life|work)\b)"));
}

TEST_CASE("bounded repeats widen to unbounded ones, where RE2 would accept the original",
          "[core]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"(\bright\b[^.;]{0,40}\blife\b)", R"(\bright\b[^.;]*\blife\b)"},
      {R"((?:\w+\s+){1,3}free)", R"((?:\w+\s+)+free)"},
      {R"(a{2,5}?b{3}c{2,})", R"(a+?b+c+)"},
      {R"((?P<obj>[^,]{0,80})|\x{2014}{0,2})", R"((?P<obj>[^,]*)|\x{2014}*)"},
      {R"((?i)[{]{0,2}\{{1,2})", R"((?i)[{]*\{+)"},
      // A brace that is no repeat is a literal; a class holds no repeat.
      {R"(a{,3}[x{0,3}])", R"(a{,3}[x{0,3}])"},
      // Kept as written, for RE2 to report: nested counts over 1000, min >
      // max, a repeat repeated; and what the scanner does not read.
      {R"((?:a{0,40}){0,40})", R"((?:a{0,40}){0,40})"},
      {R"(a{5,2})", R"(a{5,2})"},
      {R"(a{2}*)", R"(a{2}*)"},
      {R"(\Qa{2}\E)", R"(\Qa{2}\E)"},
  };
  for (const auto& [in, want] : cases) {
    INFO(in);
    CHECK(WidenRepeats(in) == want);
  }
}

namespace {

// The pattern column of each rule file the extractor matches as a set.
const std::vector<std::pair<std::string, size_t>> kPatternFiles = {
    {"qualifiers.tsv", 1},  {"modality.tsv", 2},      {"duties.tsv", 2},    {"values.tsv", 2},
    {"limitations.tsv", 2}, {"institutional.tsv", 2}, {"structure.tsv", 2}, {"holders.tsv", 3},
    {"topics.tsv", 2},      {"context.tsv", 3},       {"validate.tsv", 1}};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

// Calls fn(file, pattern column) for each shipped rule file of en, fr and es
// that the extractor matches as a set.
template <typename Fn>
void ForEachShippedPatternFile(Fn fn) {
  const std::string rules = std::string(CHARTER_SOURCE_DIR) + "/rules";
  for (const char* lang : {"en", "fr", "es"}) {
    for (const auto& [name, col] : kPatternFiles) {
      auto text = ReadFile(rules + "/" + lang + "/" + name);
      if (!text) continue;
      auto f = ParseRuleFile(*text, std::string(lang) + "/" + name, 2, 5);
      REQUIRE(f);
      fn(*f, col);
    }
  }
}

}  // namespace

TEST_CASE("a gated pattern set answers exactly what each real rule pattern answers", "[core]") {
  std::vector<std::string> texts;
  auto sample = ReadFile(std::string(CHARTER_SOURCE_DIR) + "/corpora/freedonia.txt");
  REQUIRE(sample);
  texts = Lines(*sample);
  if (HaveShared()) {
    for (const char* doc : {"instruments/en/udhr.txt", "constitutions/en/zaf.txt",
                            "constitutions/fr/ben.txt", "constitutions/es/mex.txt"}) {
      auto t = ReadFile(CorporaDir() + "/" + doc);
      REQUIRE(t);
      auto l = Lines(*t);
      texts.insert(texts.end(), l.begin(), l.end());
    }
  } else {
    WARN("../shared/corpora not found: checking the repository's sample document only");
  }
  re2::RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  size_t files = 0, gated = 0;
  ForEachShippedPatternFile([&](const RuleFile& f, size_t col) {
    auto set = PatternSet::Compile(f, col, {});
    REQUIRE(set);
    ++files;
    std::vector<std::unique_ptr<re2::RE2>> each;
    for (const Rule& r : f.rules) {
      each.push_back(std::make_unique<re2::RE2>(r.fields[col], opt));
      gated += !PlanGates(r.fields[col]).exact;
    }
    for (const std::string& t : texts) {
      std::vector<int> expect;
      for (size_t i = 0; i < each.size(); ++i)
        if (re2::RE2::PartialMatch(t, *each[i])) expect.push_back(static_cast<int>(i));
      INFO(f.name << " on: " << t);
      REQUIRE(set->Match(t) == expect);
    }
  });
  CHECK(files >= 20);
  CHECK(gated >= 10);  // the check covers real gated patterns
}

TEST_CASE("a widened rule pattern matches every text the pattern matches", "[core]") {
  auto sample = ReadFile(std::string(CHARTER_SOURCE_DIR) + "/corpora/freedonia.txt");
  REQUIRE(sample);
  std::vector<std::string> texts = Lines(*sample);
  if (HaveShared()) {
    auto t = ReadFile(CorporaDir() + "/constitutions/en/zaf.txt");
    REQUIRE(t);
    auto l = Lines(*t);
    texts.insert(texts.end(), l.begin(), l.end());
  }
  re2::RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  const std::string rules = std::string(CHARTER_SOURCE_DIR) + "/rules/en/";
  size_t widened = 0, fewer = 0;
  // The idea patterns and their exceptions: what AtomFilter widens.
  for (const auto& [name, cols] : std::vector<std::pair<std::string, std::vector<size_t>>>{
           {"ideas.tsv", {1, 2}}, {"rewrite.tsv", {2}}}) {
    auto text = ReadFile(rules + name);
    REQUIRE(text);
    auto f = ParseRuleFile(*text, "en/" + name, 2, 5);
    REQUIRE(f);
    for (const Rule& r : f->rules) {
      for (size_t col : cols) {
        if (col >= r.fields.size() || r.fields[col].empty()) continue;
        const std::string wide = WidenRepeats(r.fields[col]);
        if (wide == r.fields[col]) continue;
        re2::RE2 re(r.fields[col], opt), wre(wide, opt);
        INFO(r.Id() << ": " << wide);
        REQUIRE(wre.ok());
        CHECK(wre.ProgramSize() < re.ProgramSize());
        ++widened;
        for (const std::string& t : texts) {
          const bool own = re2::RE2::PartialMatch(t, re);
          if (own) CHECK(re2::RE2::PartialMatch(t, wre));
          fewer += own;
        }
      }
    }
  }
  CHECK(widened >= 100);
  CHECK(fewer >= 100);  // the check covers real matches
}

TEST_CASE("a top-level alternation splits into its alternatives, not inside groups or classes",
          "[core]") {
  CHECK(TopLevelAlternatives("a[^.]*b|c") == std::vector<std::string>{"a[^.]*b", "c"});
  CHECK(TopLevelAlternatives("(?:a|b)[|]c\\|d") == std::vector<std::string>{"(?:a|b)[|]c\\|d"});
  CHECK(TopLevelAlternatives("x|(?:y|z)|[]|]w") ==
        std::vector<std::string>{"x", "(?:y|z)", "[]|]w"});
  CHECK(TopLevelAlternatives("(?-i)A|B") == std::vector<std::string>{"(?-i)A|B"});
  CHECK(TopLevelAlternatives("plain") == std::vector<std::string>{"plain"});
}

TEST_CASE("a rule split into alternatives answers as its whole pattern, once", "[core]") {
  RuleFile f{"t.tsv",
             {{"t.tsv", 1, {"a", "\\bright\\b[^.;]{0,40}\\bvote\\b|\\bsuffrage\\b|\\belect\\w*"}},
              {"t.tsv", 2, {"b", "\\bvote\\b"}}}};
  auto set = PatternSet::Compile(f, 1, {});
  REQUIRE(set);
  CHECK(set->Match("Every citizen has the right to vote.") == std::vector<int>{0, 1});
  CHECK(set->Match("universal suffrage and free elections") == std::vector<int>{0});
  CHECK(set->Match("the right to life; a vote") == std::vector<int>{1});
}

TEST_CASE("no shipped pattern is asked of every text on its own", "[core]") {
  // A pattern the planner can neither put in a set nor gate (a top-level "|"
  // joining pieces with gaps) is run by itself on every unit: over the corpus
  // that cost as much as a tenth of the whole set pass. Split such a rule in two.
  ForEachShippedPatternFile([](const RuleFile& f, size_t col) {
    for (const Rule& r : f.rules) {
      std::string_view p = r.fields[col];
      if (p.starts_with("(?-i)")) p.remove_prefix(5);
      if (AnchoredAtStart(p)) continue;
      GatePlan plan = PlanGates(p);
      INFO(r.Id() << ": " << r.fields[col]);
      if (plan.exact || !plan.gates.empty()) continue;
      // A top-level "|" is split by PatternSet: each alternative must be
      // placed or gated on its own.
      std::vector<std::string> alts = TopLevelAlternatives(p);
      CHECK(alts.size() > 1);
      for (const std::string& alt : alts) {
        GatePlan a = PlanGates(alt);
        INFO("alternative: " << alt);
        CHECK((a.exact || !a.gates.empty()));
      }
    }
  });
}
