// cmd_similar.cc — `charter similar FILE... --k 10 --out pairs.jsonl`: for
// each principle-worthy clause, its k nearest principle-worthy clauses in
// OTHER documents, by cosine of clause vectors (embed/clause_vectors.h:
// wording + article caption + extracted topics; --text-only: wording only).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <vector>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/embed_units.h"
#include "core/io.h"

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
  Pipeline pipeline({.lang = a.lang, .rules_root = "", .format = ""});
  auto emb = LoadClauseEmbedder(pipeline, a.models, a.text_only);
  if (!emb) return Fail(emb.error().message);
  auto files = ExpandInputs(a.inputs);
  if (!files) return Fail(files.error().message);
  auto units = CollectUnits(pipeline, *files, !a.all_units);
  if (!units) return Fail(units.error().message);
  const auto vecs = emb->EmbedBatch(ClauseTextsOf(*units));
  auto idx = VectorIndex::Build(vecs, emb->dim());
  if (!idx) return Fail(idx.error().message);
  std::map<std::string, int> per_doc;
  for (const auto& u : *units) ++per_doc[u.doc];
  const size_t d = static_cast<size_t>(emb->dim());
  // One batched search per document (faiss uses a matrix product for a
  // batch), each asking for enough candidates that k remain after dropping
  // the query's own document.
  std::map<std::string, std::vector<size_t>> rows_of;
  for (size_t i = 0; i < units->size(); ++i) rows_of[(*units)[i].doc].push_back(i);
  std::vector<std::vector<Neighbor>> hits_of(units->size());
  for (const auto& [doc, rows] : rows_of) {
    std::vector<float> queries(rows.size() * d);
    for (size_t r = 0; r < rows.size(); ++r)
      std::copy_n(&vecs[rows[r] * d], d, &queries[r * d]);
    auto hits = idx->SearchBatch(queries, a.k + per_doc[doc]);
    if (!hits) return Fail(hits.error().message);
    for (size_t r = 0; r < rows.size(); ++r) hits_of[rows[r]] = std::move((*hits)[r]);
  }
  std::string out;
  for (size_t i = 0; i < units->size(); ++i) {
    const EmbedUnit& u = (*units)[i];
    nlohmann::json nb = nlohmann::json::array();
    for (const auto& h : hits_of[i]) {      const EmbedUnit& v = (*units)[static_cast<size_t>(h.id)];
      if (v.doc == u.doc || h.score < a.min_score) continue;
      nb.push_back({{"doc", v.doc},
                    {"line_start", v.line_start},
                    {"line_end", v.line_end},
                    {"text", v.text},
                    {"score", std::round(static_cast<double>(h.score) * 10000) / 10000}});
      if (static_cast<int>(nb.size()) >= a.k) break;
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
  std::cerr << "charter: " << units->size() << " clauses from " << per_doc.size() << " documents\n";
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
