// cmd_search.cc — `charter search "query" CORPUS_DIR|INDEX [--k 10]`: the
// provisions across documents that best match a query, with citations.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "cli/embed_units.h"
#include "core/io.h"
#include "pipeline/units.h"

namespace charter::cli {

namespace {

struct SearchArgs {
  std::string query;
  std::vector<std::string> inputs;
  int k = 10;
  std::string models;
  std::string save_index;
  bool all_units = false;
  bool text_only = false;
  bool jsonl = false;
  std::string lang;
};

int RunSearch(const SearchArgs& a) {
  if (a.k < 1) return Fail("search: --k must be >= 1");
  Pipeline pipeline(PipelineFor(a.lang, ""));
  auto emb = LoadClauseEmbedder(pipeline, a.models, a.text_only);
  if (!emb) return Fail(emb.error().message);
  SearchIndex si;
  if (a.inputs.size() == 1 && LooksLikeSearchIndex(a.inputs[0])) {
    auto bytes = ReadFile(a.inputs[0], size_t{16} << 30);
    if (!bytes) return Fail(bytes.error().message);
    auto loaded = LoadSearchIndex(*bytes, a.inputs[0]);
    if (!loaded) return Fail(loaded.error().message);
    if (loaded->index.dim() != emb->dim()) {
      return Fail(a.inputs[0] + ": index has " + std::to_string(loaded->index.dim()) +
                  " dimensions, the model and options give " + std::to_string(emb->dim()) +
                  " (rebuild it with --save-index, with the same --text-only choice)");
    }
    si = std::move(*loaded);
  } else {
    auto files = ExpandInputs(a.inputs);
    if (!files) return Fail(files.error().message);
    auto units = CollectUnits(pipeline, *files, !a.all_units);
    if (!units) return Fail(units.error().message);
    auto indexed = IndexUnits(*emb, std::move(*units));
    if (!indexed) return Fail(indexed.error().message);
    si = std::move(*indexed);
    if (!a.save_index.empty()) {
      auto bytes = SaveSearchIndex(si.units, si.index);
      if (!bytes) return Fail(bytes.error().message);
      if (auto st = WriteFileAtomic(a.save_index, *bytes); !st) return Fail(st.error().message);
      std::cerr << "charter: saved " << si.units.size() << " units to " << a.save_index << "\n";
    }
  }
  auto hits = SearchUnits(*emb, si, a.query, a.k);
  if (!hits) return Fail(hits.error().message);
  for (const auto& h : *hits) {
    const EmbedUnit& u = si.units[static_cast<size_t>(h.id)];
    if (a.jsonl) {
      nlohmann::json j = {{"doc", u.doc},
                          {"cite", u.cite},
                          {"line_start", u.line_start},
                          {"line_end", u.line_end},
                          {"score", std::round(static_cast<double>(h.score) * 10000) / 10000},
                          {"text", u.text}};
      std::cout << j.dump() << "\n";
    } else {
      std::printf("%.3f  %s:%u-%u  %s\n       %s\n", static_cast<double>(h.score), u.doc.c_str(),
                  u.line_start, u.line_end, u.cite.c_str(), u.text.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

Command SearchCommand() {
  return {
      "search", "Find the provisions across documents that best match a query",
      [](CLI::App* sub) -> std::function<int()> {
        auto a = std::make_shared<SearchArgs>();
        sub->add_option("query", a->query, "What to look for")->required();
        sub->add_option("corpus", a->inputs, "Folders/files to search, or one index file")
            ->required();
        sub->add_option("--k", a->k, "Number of results")->capture_default_str();
        sub->add_option("--models", a->models, "Models folder (default: models/)");
        sub->add_option("--save-index", a->save_index, "Write the built index to this file");
        sub->add_flag("--all-units", a->all_units,
                      "Search every text unit, not only principle-worthy clauses");
        sub->add_flag("--text-only", a->text_only,
                      "Match the wording only (no topic or article-caption channels)");
        sub->add_flag("--jsonl", a->jsonl, "One JSON object per result");
        sub->add_option("--lang", a->lang, "Force the documents' language");
        sub->footer(
            "Example: charter search \"freedom of the press\" ../shared/corpora/constitutions/en "
            "--k 5 --save-index press.idx");
        return [a] { return RunSearch(*a); };
      }};
}

}  // namespace charter::cli
