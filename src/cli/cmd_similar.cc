// cmd_similar.cc — `charter similar FILE... --k 10 --out pairs.jsonl`: for
// each principle-worthy clause, its k nearest principle-worthy clauses in
// OTHER documents, by cosine of clause vectors (embed/clause_vectors.h:
// wording + article caption + extracted topics; --text-only: wording only).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "cli/embed_units.h"
#include "core/io.h"
#include "pipeline/units.h"

namespace charter::cli {

namespace {

struct SimilarArgs {
  std::vector<std::string> inputs;
  int k = 10;
  std::string out;
  std::string models;
  bool all_units = false;
  bool text_only = false;
  float min_score = -1.0f;
  std::string lang;
};

int RunSimilar(const SimilarArgs& a) {
  if (a.k < 1) return Fail("similar: --k must be >= 1");
  Pipeline pipeline(PipelineFor(a.lang, ""));
  auto emb = LoadClauseEmbedder(pipeline, a.models, a.text_only);
  if (!emb) return Fail(emb.error().message);
  auto files = ExpandInputs(a.inputs);
  if (!files) return Fail(files.error().message);
  auto units = CollectUnits(pipeline, *files, !a.all_units);
  if (!units) return Fail(units.error().message);
  auto hits_of = SimilarUnits(*emb, *units, a.k, a.min_score);
  if (!hits_of) return Fail(hits_of.error().message);
  std::set<std::string> docs;
  for (const auto& u : *units) docs.insert(u.doc);
  std::string out;
  for (size_t i = 0; i < units->size(); ++i) {
    const EmbedUnit& u = (*units)[i];
    nlohmann::json nb = nlohmann::json::array();
    for (const auto& h : (*hits_of)[i]) {
      const EmbedUnit& v = (*units)[static_cast<size_t>(h.id)];
      nb.push_back({{"doc", v.doc},
                    {"line_start", v.line_start},
                    {"line_end", v.line_end},
                    {"text", v.text},
                    {"score", std::round(static_cast<double>(h.score) * 10000) / 10000}});
    }
    nlohmann::json j = {{"doc", u.doc},
                        {"line_start", u.line_start},
                        {"line_end", u.line_end},
                        {"text", u.text},
                        {"neighbors", std::move(nb)}};
    out += j.dump() + "\n";
  }
  if (a.out.empty() || a.out == "-") {
    std::cout << out;
  } else if (auto st = WriteFileAtomic(a.out, out); !st) {
    return Fail(st.error().message);
  }
  std::cerr << "charter: " << units->size() << " clauses from " << docs.size() << " documents\n";
  return kExitOk;
}

}  // namespace

Command SimilarCommand() {
  return {"similar", "For each principle-worthy clause, its nearest clauses in other documents",
          [](CLI::App* sub) -> std::function<int()> {
            auto a = std::make_shared<SimilarArgs>();
            sub->add_option("files", a->inputs, "Documents or folders")->required();
            sub->add_option("--k", a->k, "Neighbours per clause")->capture_default_str();
            sub->add_option("--out", a->out, "Output JSONL file (default: stdout)");
            sub->add_option("--models", a->models, "Models folder (default: models/)");
            sub->add_option("--min-score", a->min_score, "Drop neighbours below this cosine");
            sub->add_flag("--all-units", a->all_units,
                          "Use every text unit, not only principle-worthy clauses");
            sub->add_flag("--text-only", a->text_only,
                          "Compare the wording only (no topic or article-caption channels)");
            sub->add_option("--lang", a->lang, "Force the documents' language");
            sub->footer(
                "Example: charter similar ../shared/corpora/constitutions/en/zaf.txt "
                "../shared/corpora/constitutions/en/ind.txt --k 10 --out pairs.jsonl");
            return [a] { return RunSimilar(*a); };
          }};
}

}  // namespace charter::cli
