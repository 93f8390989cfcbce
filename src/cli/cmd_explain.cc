// cmd_explain.cc — `charter explain FILE:LINE [--lang L] [--rules DIR]`:
// for every unit spanning that line, the kind, the principle decision and
// score, and each rule behind them (id, then the rule's columns), so a
// reviewer can see why and which rule file line to change.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "core/text.h"
#include "core/types.h"
#include "rewrite/rewrite.h"

namespace charter::cli {

namespace {

struct ExplainOptions {
  std::string where;  // FILE:LINE
  std::string lang;
  std::string rules;
};

int Run(const ExplainOptions& o) {
  size_t colon = o.where.rfind(':');
  if (colon == std::string::npos || colon + 1 == o.where.size())
    return Fail(o.where + ": expected FILE:LINE");
  std::string file = o.where.substr(0, colon);
  std::string number = o.where.substr(colon + 1);
  if (number.find_first_not_of("0123456789") != std::string::npos || number.size() > 9)
    return Fail(o.where + ": expected FILE:LINE");
  uint32_t line = static_cast<uint32_t>(std::stoul(number));
  Pipeline p(PipelineFor(o.lang, o.rules));
  auto doc = LoadFile(p, file);
  if (!doc) return Fail(doc.error().message);
  auto units = p.Segment(*doc);
  if (!units) return Fail(units.error().message);
  auto ex = p.ExtractorFor(doc->lang);
  if (!ex) return Fail(ex.error().message);
  std::vector<Clause> clauses = (*ex)->Extract(*units);
  // The ideas each unit states (rules/ideas.tsv), where the language has them.
  std::shared_ptr<const Rewriter> rw;
  if (auto rules = p.Rules(doc->lang); rules && rules->count(doc->lang + "/rewrite.tsv")) {
    auto created = Rewriter::Create(*rules, doc->lang);
    if (!created) return Fail(created.error().message);
    rw = std::make_shared<const Rewriter>(std::move(*created));
  }
  int shown = 0;
  for (const Clause& c : clauses) {
    if (c.unit.line_start > line || c.unit.line_end < line) continue;
    if (shown++) std::cout << "\n";
    std::cout << file << ":" << c.unit.line_start;
    if (c.unit.line_end != c.unit.line_start) std::cout << "-" << c.unit.line_end;
    std::cout << "  " << c.unit.type;
    if (!c.unit.cite.empty()) std::cout << "  " << c.unit.cite;
    std::cout << "\n  text:       " << c.unit.text << "\n";
    std::cout << "  kind:       " << KindName(c.kind) << "\n";
    std::cout << "  principle:  " << (c.principle ? "yes" : "no") << " (score " << c.score
              << ", threshold 0.5)\n";
    if (!c.holder.empty()) std::cout << "  holder:     " << c.holder << "\n";
    if (!c.topics.empty()) std::cout << "  topics:     " << Join(c.topics, ", ") << "\n";
    for (const auto& q : c.qualifiers) std::cout << "  qualifier:  " << q << "\n";
    if (!c.qualifiers.empty()) std::cout << "  core:       " << c.core << "\n";
    if (!c.unit.headings.empty())
      std::cout << "  headings:   " << Join(c.unit.headings, " / ") << "\n";
    if (!c.unit.lead_in.empty()) std::cout << "  lead-in:    " << c.unit.lead_in << "\n";
    if (rw) {
      IdeaSet::Fired fired;
      const IdeaSet& set = rw->IdeaInventory();
      for (int i : set.Code(c.unit.text, &fired)) {
        std::cout << "  idea:       " << set.ideas()[static_cast<size_t>(i)].id;
        for (const auto& [idea, line] : fired)
          if (idea == i) std::cout << " (" << line << ")";
        if (std::string d = set.Detail(i, c.unit.text); !d.empty()) std::cout << " — " << d;
        std::cout << "\n";
      }
    }
    std::cout << "  rules:\n";
    for (const std::string& id : c.rules) {
      std::string text = (*ex)->RuleText(id);
      for (char& ch : text)
        if (ch == '\t') ch = ' ';
      std::cout << "    " << id << "  " << text << "\n";
    }
  }
  if (!shown) return Fail(o.where + ": no unit spans line " + number);
  std::cout.flush();
  return std::cout ? kExitOk : Fail("stdout: write failed");
}

}  // namespace

Command ExplainCommand() {
  return {
      "explain", "Show why the units on a line were classified as they were",
      [](CLI::App* sub) -> std::function<int()> {
        auto o = std::make_shared<ExplainOptions>();
        sub->add_option("FILE:LINE", o->where, "A document and a 1-based line of it")->required();
        sub->add_option("--lang", o->lang, "Language of the rules (default: detected)");
        sub->add_option("--rules", o->rules, "Rules folder (default: the installed rules/)");
        sub->footer(
            "Prints, for each unit spanning the line: kind, principle decision and score,\n"
            "holder, topics, qualifiers, and every rule that fired (id, then its columns).\n"
            "Example: charter explain constitutions/en/ind.txt:201");
        return [o] { return Run(*o); };
      }};
}

}  // namespace charter::cli
