// rewrite_explore.cc — prints the rewrite of every line of a file of
// "kind<TAB>text" lines (was a hidden test case,
// tests/rewrite/rewrite_explore_test.cc, that asserted nothing). A kind is a
// clause kind ("right", "prohibition", ...) or "statement" (a public-input
// statement).
//
//   tool_rewrite_explore lines.tsv [--lang en]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "core/rule_file.h"
#include "core/text.h"
#include "rewrite/rewrite.h"
#include "files/files.h"

using namespace charter;

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--lang")) {
    std::fprintf(stderr, "usage: %s FILE [--lang L]\n", argv[0]);
    return 2;
  }
  std::string path = argv[1];
  std::string lang = argc == 4 ? argv[3] : "en";
  Result<RuleTexts> texts = ReadRuleFolder(DefaultRulesRoot(), lang);
  if (!texts) {
    std::fprintf(stderr, "%s: %s\n", argv[0], texts.error().message.c_str());
    return 1;
  }
  Result<Rewriter> rw = Rewriter::Create(*texts, lang);
  if (!rw) {
    std::fprintf(stderr, "%s: %s\n", argv[0], rw.error().message.c_str());
    return 1;
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "%s: %s: cannot open\n", argv[0], path.c_str());
    return 1;
  }
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string kind = line.substr(0, tab);
    if (kind == "statement") {
      Result<Principle> p = rw->RewriteStatement(line.substr(tab + 1), Source{});
      std::cout << line.substr(tab + 1) << "\n  => "
                << (p ? p->text + "  [" + p->template_id + "]" : p.error().message) << "\n";
      continue;
    }
    Clause c;
    ParseKind(kind, &c.kind);
    c.unit.text = line.substr(tab + 1);
    Principle p = rw->RewriteClause(c);
    std::cout << c.unit.text << "\n  => " << p.text << "  [" << p.template_id << "]\n";
  }
  return 0;
}
