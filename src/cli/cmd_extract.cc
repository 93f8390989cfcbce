// cmd_extract.cc — `charter extract FILE [--lang L] [--all] [--rules DIR]`:
// load + segment + extract one document, print one JSON object per clause
// (JSONL, fixed key order). By default only clauses that should become
// principles; --all prints every unit (headings and articles included).
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "core/types.h"
#include "rewrite/rewrite.h"

namespace charter::cli {

namespace {

struct ExtractOptions {
  std::string file;
  std::string lang;
  std::string rules;
  bool all = false;
  bool ideas = false;
};

nlohmann::ordered_json ClauseJson(const Clause& c) {
  nlohmann::ordered_json j;
  j["doc"] = c.unit.doc;
  j["id"] = c.unit.id;
  j["cite"] = c.unit.cite;
  j["line_start"] = c.unit.line_start;
  j["line_end"] = c.unit.line_end;
  j["text"] = c.unit.text;
  j["kind"] = KindName(c.kind);
  j["principle"] = c.principle;
  j["score"] = c.score;
  j["holder"] = c.holder;
  j["topics"] = c.topics;
  j["qualifiers"] = c.qualifiers;
  j["rules"] = c.rules;
  j["core"] = c.core;
  return j;
}

int Run(const ExtractOptions& o) {
  Pipeline p(PipelineFor(o.lang, o.rules));
  auto doc = LoadFile(p, o.file);
  if (!doc) return Fail(doc.error().message);
  auto units = p.Segment(*doc);
  if (!units) return Fail(units.error().message);
  auto clauses = p.Extract(std::move(*units), doc->lang);
  if (!clauses) return Fail(clauses.error().message);
  std::optional<Rewriter> rw;
  if (o.ideas) {
    auto rules = p.Rules(doc->lang);
    if (!rules) return Fail(rules.error().message);
    auto created = Rewriter::Create(*rules, doc->lang);
    if (!created) return Fail(created.error().message);
    rw = std::move(*created);
  }
  for (const Clause& c : *clauses) {
    if (!o.all && !c.principle) continue;
    nlohmann::ordered_json j = ClauseJson(c);
    if (rw) {
      // The ideas the clause states, each with the pattern lines that coded it.
      const IdeaSet& set = rw->IdeaInventory();
      IdeaSet::Fired fired;
      nlohmann::ordered_json ideas = nlohmann::ordered_json::array();
      for (int i : set.Code(c.unit.text, &fired)) {
        nlohmann::ordered_json idea;
        idea["id"] = set.ideas()[static_cast<size_t>(i)].id;
        nlohmann::ordered_json lines = nlohmann::ordered_json::array();
        for (const auto& [k, line] : fired)
          if (k == i) lines.push_back(line);
        idea["rules"] = lines;
        if (std::string d = set.Detail(i, c.unit.text); !d.empty()) idea["detail"] = d;
        ideas.push_back(idea);
      }
      j["ideas"] = ideas;
    }
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  std::cout.flush();
  return std::cout ? kExitOk : Fail("stdout: write failed");
}

}  // namespace

Command ExtractCommand() {
  return {"extract", "Find the clauses that should become principles (JSONL)",
          [](CLI::App* sub) -> std::function<int()> {
            auto o = std::make_shared<ExtractOptions>();
            sub->add_option("FILE", o->file, "Constitution or treaty (text, Markdown, HTML)")
                ->required();
            sub->add_option("--lang", o->lang, "Language of the rules (default: detected)");
            sub->add_flag("--all", o->all, "Print every unit, not only principle clauses");
            sub->add_flag("--ideas", o->ideas,
                          "Add \"ideas\": the ideas each clause states (rules/ideas.tsv)");
            sub->add_option("--rules", o->rules, "Rules folder (default: the installed rules/)");
            sub->footer(
                "Each line: doc, id, cite, line_start, line_end, text, kind, principle, score,\n"
                "holder, topics, qualifiers, rules (ids of every rule that fired), core;\n"
                "with --ideas also ideas ({id, rules, detail}).\n"
                "Example: charter extract constitutions/en/ind.txt --all | jq .kind");
            return [o] { return Run(*o); };
          }};
}

}  // namespace charter::cli
