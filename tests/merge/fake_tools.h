// fake_tools.h — MergeTools for tests: embeddings from a hand-written table
// (exact cosines) or a bag of words, and a combine that joins the cores.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/text.h"
#include "merge/merge.h"
#include "merge/principle_io.h"

namespace charter::testing {

inline Principle P(const std::string& id, const std::string& text,
                   const std::string& origin = "country") {
  Principle p;
  p.id = id;
  p.text = text;
  p.origin = origin;
  p.polarity = GuessPolarity(text);
  Source s;
  s.doc = origin == "base" ? "base.jsonl" : "ken.txt";
  s.id = id;
  s.cite = origin == "base" ? "base #1" : "Art. " + id;
  s.line_start = s.line_end = 7;
  s.text = "clause of " + id;
  p.sources.push_back(s);
  return p;
}

// Vectors by core text; unknown texts get a vector orthogonal to all others.
struct TableEmbed {
  std::map<std::string, std::vector<float>> table;
  int dim = 4;
  std::vector<float> operator()(const std::vector<std::string>& texts) const {
    std::vector<float> out;
    for (const std::string& t : texts) {
      auto it = table.find(t);
      std::vector<float> v(static_cast<size_t>(dim), 0.0f);
      if (it != table.end()) v = it->second;
      double n = 0;
      for (float x : v) n += double(x) * x;
      if (n > 0)
        for (float& x : v) x = static_cast<float>(x / std::sqrt(n));
      out.insert(out.end(), v.begin(), v.end());
    }
    return out;
  }
};

// Bag of lower-cased words hashed into 64 buckets.
inline std::vector<float> BagOfWords(const std::vector<std::string>& texts) {
  const int dim = 64;
  std::vector<float> out;
  for (const std::string& t : texts) {
    std::vector<float> v(dim, 0.0f);
    std::string w;
    for (char c : AsciiLower(t) + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        w += c;
      } else if (!w.empty()) {
        v[Fnv1a64(w) % dim] += 1.0f;
        w.clear();
      }
    }
    double n = 0;
    for (float x : v) n += double(x) * x;
    if (n > 0)
      for (float& x : v) x = static_cast<float>(x / std::sqrt(n));
    out.insert(out.end(), v.begin(), v.end());
  }
  return out;
}

// "Choose the response that " + cores joined by " and ", sources the union.
inline Principle JoinCombine(const std::vector<Principle>& cluster) {
  Principle out;
  std::vector<std::string> cores;
  for (const Principle& p : cluster) {
    cores.push_back(PrincipleCore(p.text));
    for (const Source& s : p.sources) out.sources.push_back(s);
  }
  out.text = "Choose the response that " + Join(cores, " and ") + ".";
  out.id = HashHex(out.text);
  out.origin = cluster.empty() ? "" : cluster.back().origin;
  out.template_id = "combine";
  return out;
}

}  // namespace charter::testing
