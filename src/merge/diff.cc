#include "merge/diff.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "merge/principle_io.h"

namespace charter {

PrincipleDiff DiffPrinciples(const std::vector<Principle>& before,
                             const std::vector<Principle>& after, const MergeTools& tools,
                             const DiffOptions& options) {
  PrincipleDiff d;
  d.options = options;
  d.old_count = before.size();
  d.new_count = after.size();

  // Same text: unchanged (each old principle used once).
  std::multimap<std::string, size_t> old_by_text;
  for (size_t i = 0; i < before.size(); ++i) old_by_text.emplace(before[i].text, i);
  std::vector<bool> old_used(before.size(), false), new_used(after.size(), false);
  for (size_t j = 0; j < after.size(); ++j) {
    auto it = old_by_text.find(after[j].text);
    if (it == old_by_text.end()) continue;
    old_used[it->second] = true;
    new_used[j] = true;
    old_by_text.erase(it);
  }

  // The rest: best pairs first, one to one.
  std::vector<size_t> olds, news;
  for (size_t i = 0; i < before.size(); ++i)
    if (!old_used[i]) olds.push_back(i);
  for (size_t j = 0; j < after.size(); ++j)
    if (!new_used[j]) news.push_back(j);
  std::map<size_t, PrincipleChange> changes;  // by new index
  if (!olds.empty() && !news.empty() && tools.embed) {
    std::vector<std::string> texts;
    for (size_t i : olds) texts.push_back(PrincipleCore(before[i].text));
    for (size_t j : news) texts.push_back(PrincipleCore(after[j].text));
    std::vector<float> v = tools.embed(texts);
    size_t dim = v.size() / texts.size();
    struct Pair {
      float s;
      size_t o, n;
    };
    std::vector<Pair> pairs;
    for (size_t a = 0; a < olds.size(); ++a)
      for (size_t b = 0; b < news.size(); ++b) {
        float s = 0;
        for (size_t k = 0; k < dim; ++k) s += v[a * dim + k] * v[(olds.size() + b) * dim + k];
        s = std::round(s * 10000.0f) / 10000.0f;
        if (s >= options.changed) pairs.push_back({s, a, b});
      }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
      if (x.s != y.s) return x.s > y.s;
      if (x.n != y.n) return x.n < y.n;
      return x.o < y.o;
    });
    for (const Pair& p : pairs) {
      size_t oi = olds[p.o], nj = news[p.n];
      if (old_used[oi] || new_used[nj]) continue;
      old_used[oi] = new_used[nj] = true;
      changes[nj] = {before[oi], after[nj], p.s};
    }
  }
  for (size_t j = 0; j < after.size(); ++j) {
    auto it = changes.find(j);
    if (it != changes.end()) d.changed.push_back(it->second);
    else if (new_used[j]) d.unchanged.push_back(after[j]);
    else d.added.push_back(after[j]);
  }
  for (size_t i = 0; i < before.size(); ++i)
    if (!old_used[i]) d.removed.push_back(before[i]);
  return d;
}

}  // namespace charter
