// Hidden explorer: prints the rewrite of every line of a file given in
// $CHARTER_REWRITE_EXPLORE as "kind<TAB>text" (run with the [.explore] tag).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "core/rule_file.h"
#include "core/text.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

namespace charter {

TEST_CASE("explore rewrites of a kind-and-text file", "[.explore]") {
  const char* path = std::getenv("CHARTER_REWRITE_EXPLORE");
  if (!path) return;
  Result<RuleTexts> texts = ReadRuleFolder(testing::RulesDir(), "en");
  REQUIRE(texts);
  Result<Rewriter> rw = Rewriter::Create(*texts, "en");
  if (!rw) FAIL(rw.error().message);
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Clause c;
    std::string kind = line.substr(0, tab);
    if (kind == "statement") {
      Result<Principle> p = rw->RewriteStatement(line.substr(tab + 1), Source{});
      std::cout << line.substr(tab + 1) << "\n  => "
                << (p ? p->text + "  [" + p->template_id + "]" : p.error().message) << "\n";
      continue;
    }
    ParseKind(kind, &c.kind);
    c.unit.text = line.substr(tab + 1);
    Principle p = rw->RewriteClause(c);
    std::cout << c.unit.text << "\n  => " << p.text << "  [" << p.template_id << "]\n";
  }
}

}  // namespace charter
