// model.h — the embedding model inside an Embedder, and its file format
// (internal to the embed stage; the bench and tests include it to try
// variants).
//
// A text becomes a vector in four steps:
//   1. words: split on anything that is not a letter, digit or mark;
//      lowercased (ICU full case folding for non-ASCII);
//   2. pieces: each word through the sentencepiece unigram model;
//   3. language: each piece votes for the language it is most frequent in;
//      a text in a language with a dictionary (learnt from the aligned UDHR
//      translations) has its pieces replaced by weighted English pieces;
//   4. vector: [alpha * semantic, beta * lexical], normalised, where
//      semantic = SIF-weighted mean of PPMI+SVD piece vectors with the
//      corpus' common component removed, and lexical = signed feature-hashed
//      TF-IDF of piece unigrams and bigrams.
//
// File charter.emb (little-endian): magic "CHAREMB\n", u32 format version,
// u32 sem_dim, u32 lex_dim, u32 n_pieces, u64 file size, then the sections
// written by SerializeModel, then a u64 FNV-1a checksum of everything before.
//
// Thread-safe: a Model is immutable once built; EmbedText is const.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace charter::embed {

inline constexpr char kEmbMagic[8] = {'C', 'H', 'A', 'R', 'E', 'M', 'B', '\n'};
inline constexpr uint32_t kEmbFormatVersion = 1;
inline constexpr char kSpmFile[] = "charter.spm.model";
inline constexpr char kEmbFile[] = "charter.emb";
inline constexpr char kManifestFile[] = "manifest.json";

// English translations of one foreign piece.
struct Translation {
  int32_t piece = 0;
  float weight = 0.0f;
};

struct Model {
  int sem_dim = 0;
  int lex_dim = 0;
  int n_pieces = 0;
  float alpha = 0.8f;  // weight of the semantic channel
  float beta = 0.6f;   // weight of the lexical channel
  int pc_remove = 1;   // common components removed (<= pc rows)
  // n_pieces x sem_dim, rows L2-normalised (zero for rare pieces).
  std::vector<float> vectors;
  std::vector<float> sif;              // a / (a + p(piece))
  std::vector<float> idf;              // log((N + 1) / (df + 1)) + 1
  std::vector<float> pc;               // common components, rows of sem_dim (unit), best first
  std::vector<std::string> langs;      // langs[0] = "en"
  std::vector<uint8_t> piece_lang;     // dominant language of each piece
  std::vector<float> piece_lang_conf;  // its share of the piece's occurrences
  // dict[lang index] : foreign piece -> English pieces (empty map for "en").
  std::vector<std::unordered_map<int32_t, std::vector<Translation>>> dict;
  // Frequent corpus words: the tokenizer keeps their pieces once first encoded.
  std::vector<std::string> words;

  int dim() const { return sem_dim + lex_dim; }
};

// Lowercased words of `text` (see step 1).
void SplitWords(std::string_view text, std::vector<std::string>* words);

// Tokenizer: words -> piece ids, with a cache of frequent words.
class Tokenizer {
 public:
  // `spm` is the serialized sentencepiece model; errors name `name`.
  static Result<std::shared_ptr<Tokenizer>> Create(const std::string& spm, const std::string& name);
  ~Tokenizer();
  int piece_size() const;
  // Appends the piece ids of `word` (already lowercased).
  void EncodeWord(std::string_view word, std::vector<int>* ids) const;
  // Appends the piece ids of every word of `text`.
  void EncodeText(std::string_view text, std::vector<int>* ids) const;
  std::string IdToPiece(int id) const;
  // Keeps the pieces of these words once each is first encoded (call before
  // sharing across threads; thread-safe after). Encoding every frequent word
  // here, as Load once did, was 0.19 of 3.9 billion instructions of
  // converting one document, which embeds a few hundred words.
  void Warm(const std::vector<std::string>& words);

 private:
  Tokenizer() = default;
  void Encode(std::string_view word, std::vector<int>* ids) const;
  std::unique_ptr<sentencepiece::SentencePieceProcessor> sp_;
  struct Cached {  // filled once, by the first EncodeWord of the word
    mutable std::once_flag once;
    mutable std::vector<int> ids;
  };
  std::unordered_map<std::string, Cached> cache_;
};

// Language index of a piece sequence (0 = English / unknown).
int DetectLanguage(const Model& m, const std::vector<int>& ids);

// Embeds piece ids (out: dim() floats, normalised; zeros if nothing known).
void EmbedPieces(const Model& m, const std::vector<int>& ids, float* out);

// The file bytes of a model, and back. Parse errors name `name`.
std::string SerializeModel(const Model& m);
Result<Model> ParseModel(std::string_view bytes, const std::string& name);

}  // namespace charter::embed

namespace charter {
class Embedder;
// Internal access for the bench and tests: the model inside an Embedder, and
// a copy of an Embedder with another model (same tokenizer).
struct EmbedderAccess {
  static const embed::Model& ModelOf(const Embedder& e);
  static Embedder WithModel(const Embedder& e, embed::Model m);
  static const embed::Tokenizer& TokenizerOf(const Embedder& e);
};
}  // namespace charter
