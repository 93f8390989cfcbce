// lexical.h — bag-of-words vectors for short statements: the fallback
// embedding of `charter polis` when no trained model is installed (models/),
// and a transparent one: two statements are close when they share their
// content words.
//
// Tokens: ASCII-lowercased runs of letters and digits (other UTF-8 bytes kept
// inside words); the principle prefix "choose the response that", the
// template words most/least/ai/assistant and the given stopwords are dropped; a final "s" is
// stripped from words longer than three letters (plural ~ singular). Weights: tf x idf over the
// batch, hashed (FNV-1a) into `dim` buckets, L2-normalised. An all-stopword text gives the zero
// vector.
//
// Thread-safe: pure function.
//
//   std::vector<float> v = LexicalVectors({"The AI should be honest", "AI must be honest"},
//                                         stopwords, 1024);
//   float cos = Dot(&v[0], &v[1024], 1024);
#pragma once

#include <set>
#include <string>
#include <vector>

namespace charter {

// Row-major texts.size() x dim.
std::vector<float> LexicalVectors(const std::vector<std::string>& texts,
                                  const std::set<std::string>& stopwords, int dim = 2048);

}  // namespace charter
