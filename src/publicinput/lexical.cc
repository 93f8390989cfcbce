#include "publicinput/lexical.h"

#include <cmath>
#include <map>

#include "core/hash.h"
#include "core/principle_text.h"
#include "core/text.h"

namespace charter {

namespace {

std::vector<std::string> Tokens(const std::string& text, const std::set<std::string>& stop) {
  const size_t at = PrincipleBodyStart(text);
  std::string lower = AsciiLower(at == std::string::npos ? text : text.substr(at));
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    // The template's own words say nothing about the idea.
    static const std::set<std::string> kTemplate = {"most", "least", "ai", "assistant", "al"};
    if (!stop.count(word) && !kTemplate.count(word)) {
      if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
      out.push_back(word);
    }
    word.clear();
  };
  for (unsigned char c : lower) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      word.push_back(static_cast<char>(c));
    } else if (c == '\'' && !word.empty()) {
      continue;  // "shouldn't" -> "shouldnt"
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

std::vector<float> LexicalVectors(const std::vector<std::string>& texts,
                                  const std::set<std::string>& stopwords, int dim) {
  const size_t d = static_cast<size_t>(dim > 0 ? dim : 1);
  std::vector<std::vector<std::string>> toks;
  std::map<std::string, int> df;
  for (const std::string& t : texts) {
    toks.push_back(Tokens(t, stopwords));
    std::set<std::string> uniq(toks.back().begin(), toks.back().end());
    for (const std::string& w : uniq) ++df[w];
  }
  const double n = static_cast<double>(texts.size());
  std::vector<float> out(texts.size() * d, 0.0f);
  for (size_t i = 0; i < texts.size(); ++i) {
    std::vector<double> row(d, 0.0);
    for (const std::string& w : toks[i])
      row[Fnv1a64(w) % d] += std::log((1.0 + n) / (1.0 + df[w])) + 1.0;
    double norm = 0;
    for (double x : row) norm += x * x;
    norm = std::sqrt(norm);
    if (norm == 0) continue;
    for (size_t j = 0; j < d; ++j) out[i * d + j] = static_cast<float>(row[j] / norm);
  }
  return out;
}

}  // namespace charter
