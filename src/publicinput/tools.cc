#include "publicinput/tools.h"

#include <memory>
#include <set>

#include "embed/cluster.h"
#include "publicinput/lexical.h"

namespace charter {

PolisTools MakePolisTools(const Rewriter& rewriter, const RuleTexts& rules,
                          const Result<ModelFiles>& model, const std::string& lang) {
  PolisTools t;
  t.merge.combine = [&rewriter](const std::vector<Principle>& c) { return rewriter.Combine(c); };
  t.merge.cluster = [](const std::vector<float>& vecs, int dim, float threshold) {
    return ClusterAverageLinkage(vecs, dim, threshold);
  };
  Result<Embedder> emb = model ? Embedder::Load(*model) : std::unexpected(model.error());
  if (emb) {
    auto shared = std::make_shared<const Embedder>(std::move(*emb));
    t.merge.embed = [shared](const std::vector<std::string>& texts) {
      return shared->EmbedBatch(texts);
    };
    t.embedder = shared;
    t.embedding = "trained embedder (" + model->dir + ")";
    return t;
  }
  t.embedder_error = emb.error().message;
  std::set<std::string> stop;
  auto it = rules.find(lang + "/stopwords.txt");
  if (it != rules.end()) {
    Result<std::vector<std::string>> words = ParseListFile(it->second, it->first);
    if (words) stop.insert(words->begin(), words->end());
  }
  t.merge.embed = [stop](const std::vector<std::string>& texts) {
    return LexicalVectors(texts, stop);
  };
  t.embedding = "lexical (bag of words; no trained embedder: " + t.embedder_error + ")";
  return t;
}

}  // namespace charter
