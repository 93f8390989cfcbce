// train.h — trains the models an Embedder loads (`charter train`).
//
// Where it sits: the embed stage, run once on the corpus; the results are
// committed under models/. Steps: (1) a sentencepiece unigram model over the
// lowercased words of every line; (2) piece co-occurrence counts within a
// window, turned into PPMI (context distribution smoothing 0.75) and reduced
// by a randomized SVD to `sem_dim` piece vectors; (3) SIF weights, IDF and
// the common component of sentence vectors; (4) per-piece language shares
// and, from the UDHR translations aligned article by article (and line by
// line where the line counts agree), a foreign-piece -> English-piece
// dictionary per language (IBM model 1).
//
// Deterministic: the same corpus (same names and bytes, in any order) and
// options give the same bytes. Thread-safe: no shared state; uses at most
// `threads` threads.
//
//   std::vector<CorpusText> corpus = {CorpusFromFile("udhr/en.txt", bytes), ...};
//   Result<ModelFiles> files = TrainModel(corpus, TrainOptions{});
//   for (auto& [name, data] : files->files) WriteFileAtomic(dir + "/" + name, data);
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.h"
#include "embed/embedder.h"
#include "embed/model.h"

namespace charter {

struct TrainOptions {
  int seed = 1;                  // sentencepiece sampling and SVD projection. Default: 1.
  int sem_dim = 256;             // semantic (SVD) dimensions. Default: 256.
  int lex_dim = 256;             // hashed lexical dimensions. Default: 256.
  int vocab_size = 16000;        // sentencepiece pieces. Default: 16000.
  int window = 16;               // co-occurrence window, pieces each side. Default: 16.
  int min_count = 3;             // pieces rarer than this get no vector. Default: 3.
  float sif_a = 3e-4f;           // SIF smoothing a / (a + p). Default: 3e-4.
  float eig_power = 0.5f;        // piece vector = U * S^eig_power. Default: 0.5.
  float alpha = 0.9f;            // semantic channel weight. Default: 0.9.
  float beta = 0.44f;            // lexical channel weight. Default: 0.44.
  int pc_keep = 8;               // common components stored. Default: 8.
  int pc_remove = 8;             // common components removed. Default: 8.
  int threads = 2;               // Default: 2.
  bool hard_vocab_limit = true;  // false lets tiny corpora train (tests).
};

// Checks every option's range; the message names the option.
Status ValidateTrainOptions(const TrainOptions& options);

// One training file as lines. `lang` is taken from the path
// (".../udhr/fr.txt" -> "fr", ".../constitutions/de/deu.txt" -> "de", else "en").
struct CorpusText {
  std::string name;
  std::string lang;
  std::vector<std::string> lines;  // blank lines kept (UDHR alignment uses them)
};

// Lines of one file by extension: .txt/.md as they are; .jsonl: every string
// value of 20+ characters of each object; .csv: the "comment-body" column
// (other CSV files give no lines).
CorpusText CorpusFromFile(std::string_view path, std::string_view bytes);

// The 31 units of a UDHR text (preamble + 30 articles), each a list of
// non-blank lines, or empty if the text does not have that shape
// (title, "Preamble", preamble, then 30 heading/body block pairs).
std::vector<std::vector<std::string>> UdhrArticles(const std::vector<std::string>& lines);

// Foreign piece -> English pieces from aligned units {foreign ids, English ids}
// (IBM model 1, `iterations` EM rounds; keeps up to `top` translations of
// probability >= min_prob, weights renormalised to sum 1).
std::unordered_map<int32_t, std::vector<embed::Translation>> InduceDictionary(
    const std::vector<std::pair<std::vector<int>, std::vector<int>>>& units, int iterations = 10,
    int top = 3, float min_prob = 0.1f);

// Trains sentencepiece + embedding and returns the three model files
// (see embedder.h). Errors: invalid options, an empty corpus, a
// sentencepiece failure.
Result<ModelFiles> TrainModel(const std::vector<CorpusText>& corpus, const TrainOptions& options);

}  // namespace charter
