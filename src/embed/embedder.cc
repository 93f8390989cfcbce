// embedder.cc — loading the model files and embedding texts.
#include "embed/embedder.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "embed/model.h"

namespace charter {

struct Embedder::Impl {
  embed::Model model;
  std::shared_ptr<embed::Tokenizer> tok;
};

namespace {

std::string Hex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

Result<Embedder> Embedder::Load(const ModelFiles& files) {
  auto path = [&](const char* name) {
    return files.dir.empty() ? std::string(name) : files.dir + "/" + name;
  };
  auto get = [&](const char* name) -> Result<const std::string*> {
    auto it = files.files.find(name);
    if (it == files.files.end()) return NotFound(path(name) + ": model file missing");
    return &it->second;
  };
  auto manifest_bytes = get(embed::kManifestFile);
  if (!manifest_bytes) return std::unexpected(manifest_bytes.error());
  auto spm = get(embed::kSpmFile);
  if (!spm) return std::unexpected(spm.error());
  auto emb = get(embed::kEmbFile);
  if (!emb) return std::unexpected(emb.error());

  // Manifest: format version, dimensions, and the checksum of each file.
  const std::string mpath = path(embed::kManifestFile);
  auto j = nlohmann::json::parse(**manifest_bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Corruption(mpath + ": not valid JSON");
  auto num = [&](const char* key) -> int64_t {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : -1;
  };
  if (num("format_version") != embed::kEmbFormatVersion) {
    return Corruption(mpath + ": unsupported format version " +
                      std::to_string(num("format_version")) + " (expected " +
                      std::to_string(embed::kEmbFormatVersion) + ")");
  }
  for (const char* name : {embed::kSpmFile, embed::kEmbFile}) {
    const std::string& bytes = files.files.at(name);
    auto f = j.find("files");
    if (f == j.end() || !f->is_object() || !f->contains(name) || !(*f)[name].is_object()) {
      return Corruption(mpath + ": no entry for " + name);
    }
    const auto& e = (*f)[name];
    if (!e.contains("bytes") || !e["bytes"].is_number_integer() ||
        e["bytes"].get<int64_t>() != static_cast<int64_t>(bytes.size())) {
      return Corruption(path(name) + ": size " + std::to_string(bytes.size()) +
                        " does not match the manifest (" +
                        (e.contains("bytes") ? e["bytes"].dump() : std::string("none")) +
                        "): truncated or from another model");
    }
    if (!e.contains("fnv1a64") || !e["fnv1a64"].is_string() ||
        e["fnv1a64"].get<std::string>() != Hex(Fnv1a64(bytes))) {
      return Corruption(path(name) + ": checksum does not match the manifest (file is corrupt)");
    }
  }

  auto impl = std::make_shared<Impl>();
  auto tok = embed::Tokenizer::Create(**spm, path(embed::kSpmFile));
  if (!tok) return std::unexpected(tok.error());
  auto model = embed::ParseModel(**emb, path(embed::kEmbFile));
  if (!model) return std::unexpected(model.error());
  impl->model = std::move(*model);
  const embed::Model& m = impl->model;
  if (m.n_pieces != (*tok)->piece_size()) {
    return Corruption(path(embed::kEmbFile) + ": has " + std::to_string(m.n_pieces) +
                      " pieces but " + path(embed::kSpmFile) + " has " +
                      std::to_string((*tok)->piece_size()));
  }
  if (num("dim") != m.dim() || num("sem_dim") != m.sem_dim || num("lex_dim") != m.lex_dim) {
    return Corruption(path(embed::kEmbFile) + ": dimensions " + std::to_string(m.sem_dim) + "+" +
                      std::to_string(m.lex_dim) + " do not match " + mpath + " (" +
                      std::to_string(num("sem_dim")) + "+" + std::to_string(num("lex_dim")) + ")");
  }
  (*tok)->Warm(m.words);
  impl->tok = std::move(*tok);
  Embedder e;
  e.impl_ = std::move(impl);
  return e;
}

int Embedder::dim() const { return impl_ ? impl_->model.dim() : 0; }

std::vector<float> Embedder::Embed(std::string_view text) const {
  std::vector<float> out(static_cast<size_t>(dim()), 0.0f);
  if (!impl_) return out;
  std::vector<int> ids;
  impl_->tok->EncodeText(text, &ids);
  embed::EmbedPieces(impl_->model, ids, out.data());
  return out;
}

std::vector<float> Embedder::EmbedBatch(const std::vector<std::string>& texts) const {
  const size_t d = static_cast<size_t>(dim());
  std::vector<float> out(texts.size() * d, 0.0f);
  if (!impl_) return out;
  std::vector<int> ids;
  for (size_t i = 0; i < texts.size(); ++i) {
    ids.clear();
    impl_->tok->EncodeText(texts[i], &ids);
    embed::EmbedPieces(impl_->model, ids, out.data() + i * d);
  }
  return out;
}

}  // namespace charter

namespace charter {

const embed::Model& EmbedderAccess::ModelOf(const Embedder& e) { return e.impl_->model; }

const embed::Tokenizer& EmbedderAccess::TokenizerOf(const Embedder& e) { return *e.impl_->tok; }

Embedder EmbedderAccess::WithModel(const Embedder& e, embed::Model m) {
  auto impl = std::make_shared<Embedder::Impl>();
  impl->model = std::move(m);
  impl->tok = e.impl_->tok;
  Embedder out;
  out.impl_ = std::move(impl);
  return out;
}

}  // namespace charter
