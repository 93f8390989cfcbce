// bench_statements — the rewrite of every statement of a Polis export, for
// developing the statement rewriter (rules/en/rewrite_statement.tsv) on real
// public input without looking at the 40 C3AI check pairs: statements whose
// text is one of those pairs' statements are left out, so what this prints is
// development material and the check (bench_polis's rewrite_token_f1) stays a
// check.
//
//   bench_statements [EXPORT_DIR]   (default: ../shared/corpora/public-input/ccai-2023;
//                                    "-": statements from stdin, one a line)
//
// One line per statement kept by the export's moderators or not yet moderated:
//   <comment-id> TAB <template or "error"> TAB <statement> TAB <principle or error>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "files/files.h"
#include "publicinput/public_input.h"
#include "rewrite/rewrite.h"

using namespace charter;

int main(int argc, char** argv) {
  const std::string corpora = std::string(CHARTER_SHARED_DIR) + "/corpora";
  const std::string dir = argc > 1 ? argv[1] : corpora + "/public-input/ccai-2023";
  Result<RuleTexts> rules = ReadRuleFolder(DefaultRulesRoot(), "en");
  if (!rules) return std::cerr << rules.error().message << "\n", 1;
  Result<Rewriter> rw = Rewriter::Create(*rules, "en");
  if (!rw) return std::cerr << rw.error().message << "\n", 1;

  // The check statements, compared lowercased with spaces collapsed, quotes
  // and a closing stop dropped.
  auto key = [](std::string t) {
    std::string out;
    for (char c : AsciiLower(CollapseSpaces(t)))
      if (c != '"') out.push_back(c);
    while (!out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == ' '))
      out.pop_back();
    return out;
  };
  std::set<std::string> check;
  if (Result<std::string> pairs =
          ReadFile(corpora + "/principles/ccai-statements-to-principles.c3ai.jsonl")) {
    std::istringstream in(*pairs);
    for (std::string line; std::getline(in, line);)
      if (!Trim(line).empty())
        check.insert(key(nlohmann::json::parse(line)["item"].get<std::string>()));
  }
  if (dir == "-") {  // statements from stdin, one a line
    for (std::string line; std::getline(std::cin, line);) {
      Result<Principle> p = rw->RewriteStatement(line, Source{});
      std::printf("-\t%s\t%s\t%s\n", p ? p->template_id.c_str() : "error", line.c_str(),
                  p ? p->text.c_str() : p.error().message.c_str());
    }
    return 0;
  }
  Result<PolisExport> files = ReadPolisExport(dir);
  PolisOptions o;
  o.load.layout = PolisLoadOptions::Layout::kRaw;
  o.load.keep_unmoderated = true;
  Result<PolisAnalysis> a = files ? AnalyzePolis(*files, o) : std::unexpected(files.error());
  if (!a) return std::cerr << a.error().message << "\n", 1;
  int left_out = 0;
  for (const PolisStatement& s : a->conv.statements) {
    const std::string text = CollapseSpaces(s.text);
    if (check.count(key(text))) {
      ++left_out;
      continue;
    }
    Result<Principle> p = rw->RewriteStatement(text, Source{});
    std::printf("%d\t%s\t%s\t%s\n", s.id, p ? p->template_id.c_str() : "error", text.c_str(),
                p ? p->text.c_str() : p.error().message.c_str());
  }
  std::fprintf(stderr, "bench_statements: %zu statements, %d check statements left out\n",
               a->conv.statements.size(), left_out);
  return 0;
}
