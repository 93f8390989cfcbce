#include "publicinput/tools.h"

#include <memory>
#include <set>

#include "embed/cluster.h"
#include "embed/embedder.h"
#include "publicinput/lexical.h"

namespace charter {

PolisTools MakePolisTools(const Rewriter& rewriter, const RuleTexts& rules,
                          const std::string& models_root, const std::string& lang) {
  PolisTools t;
  t.merge.combine = [&rewriter](const std::vector<Principle>& c) { return rewriter.Combine(c); };
  t.merge.cluster = [](const std::vector<float>& vecs, int dim, float threshold) {
    return ClusterAverageLinkage(vecs, dim, threshold);
  };
  Result<ModelFiles> files = ReadModelFiles(models_root);
  Result<Embedder> emb = files ? Embedder::Load(*files) : std::unexpected(files.error());
  if (emb) {
    auto shared = std::make_shared<Embedder>(std::move(*emb));
    t.merge.embed = [shared](const std::vector<std::string>& texts) {
      return shared->EmbedBatch(texts);
    };
    t.embedding = "trained embedder (" + models_root + ")";
    t.combine_threshold = 0.60f;
    t.duplicate = 0.70f;
    t.similar = 0.45f;
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
  t.combine_threshold = 0.50f;
  t.duplicate = 0.90f;
  t.similar = 0.60f;
  return t;
}

}  // namespace charter
