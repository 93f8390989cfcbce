// embedder.h — text -> L2-normalised float vector, from the models that
// `charter train` writes to models/ (a sentencepiece model + an embedding
// file + a manifest). Loading checks magic, format version and dimensions and
// names the file on any mismatch.
//
// Thread-safe: an Embedder is immutable after Load; Embed may be called from
// many threads at once.
//
//   Result<Embedder> emb = Embedder::Load(model_files);
//   std::vector<float> v = emb->Embed("No one shall be subjected to torture");
//   float cos = Dot(v, emb->Embed("Everyone has the right not to be tortured"));
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace charter {

// The model files as bytes, keyed by file name ("charter.spm.model",
// "charter.emb", "manifest.json"); `dir` is used only in error messages.
// files/files.h's ReadModelFiles reads a models folder into one.
struct ModelFiles {
  std::string dir;
  std::map<std::string, std::string> files;
};

class Embedder {
 public:
  static Result<Embedder> Load(const ModelFiles& files);

  int dim() const;

  // L2-normalised vector of `dim()` floats (all zeros for empty text).
  std::vector<float> Embed(std::string_view text) const;

  // Row-major n x dim() matrix for n texts.
  std::vector<float> EmbedBatch(const std::vector<std::string>& texts) const;

  struct Impl;

 private:
  friend struct EmbedderAccess;  // embed/model.h: variants for the bench
  std::shared_ptr<const Impl> impl_;
};

}  // namespace charter
