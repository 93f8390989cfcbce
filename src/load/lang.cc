#include "load/lang.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "core/hash.h"
#include "load/utf8.h"

namespace charter::load {
namespace {

// Stopwords of all candidate languages in one open-addressing hash table:
// word -> bit set of the languages that list it (up to 64 languages).
class StopwordTable {
 public:
  explicit StopwordTable(const std::map<std::string, std::vector<std::string>>& languages) {
    size_t words = 0;
    for (const auto& [code, list] : languages) {
      if (codes_.size() == 64) break;
      codes_.push_back(code);
      words += list.size();
    }
    size_t cap = 16;
    while (cap < words * 2) cap <<= 1;
    slots_.resize(cap);
    for (size_t b = 0; b < codes_.size(); ++b) {
      for (const std::string& word : languages.at(codes_[b])) {
        if (word.empty()) continue;
        std::string w = word;  // tokens are lowercased; so are the lists (ASCII)
        for (char& c : w)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        Slot& s = Find(w);
        s.word = w;
        s.mask |= uint64_t{1} << b;
        max_len_ = std::max(max_len_, w.size());
      }
    }
  }

  // Bit set of the languages listing `word`; 0 if none.
  uint64_t Lookup(std::string_view word) const {
    if (word.size() > max_len_) return 0;
    const Slot& s = const_cast<StopwordTable*>(this)->Find(word);
    return s.mask;
  }

  const std::vector<std::string>& codes() const { return codes_; }

 private:
  struct Slot {
    std::string word;
    uint64_t mask = 0;
  };
  Slot& Find(std::string_view w) {
    size_t mask = slots_.size() - 1;
    for (size_t i = Fnv1a64(w) & mask;; i = (i + 1) & mask) {
      if (slots_[i].mask == 0 || slots_[i].word == w) return slots_[i];
    }
  }
  std::vector<std::string> codes_;
  std::vector<Slot> slots_;
  size_t max_len_ = 0;
};

// Building the table costs more than detecting on a short document, and the
// CLI passes the same lists for every file: keep the last few, keyed by a
// hash of their contents.
std::shared_ptr<const StopwordTable> TableFor(
    const std::map<std::string, std::vector<std::string>>& languages) {
  uint64_t key = 1469598103934665603ull;
  for (const auto& [code, list] : languages) {
    key = Fnv1a64(code, key);
    for (const std::string& w : list) key = Fnv1a64(w, Fnv1a64("\n", key));
    key = Fnv1a64("\t", key);
  }
  static std::mutex mu;
  static std::vector<std::pair<uint64_t, std::shared_ptr<const StopwordTable>>> cache;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& [k, t] : cache)
      if (k == key) return t;
  }
  auto table = std::make_shared<const StopwordTable>(languages);
  std::lock_guard<std::mutex> lock(mu);
  if (cache.size() >= 8) cache.erase(cache.begin());
  cache.emplace_back(key, table);
  return table;
}

// Counts stopword hits over the first kLanguageSampleBytes of `text`. With
// `early_stop`, stops at a 2 KiB boundary once one language leads with at
// least 50 hits and three times the runner-up: the rest of the sample could
// not change the answer in any realistic text, and detection is then ~10x
// cheaper on long documents.
// `words` (if given) receives how many words were read.
std::vector<int> CountHits(std::string_view text, const StopwordTable& table, bool early_stop,
                           int* words = nullptr) {
  int read = 0;
  const size_t nlang = table.codes().size();
  std::vector<int> hits(nlang, 0);
  size_t limit = std::min(text.size(), kLanguageSampleBytes);
  while (limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) ++limit;
  std::string_view sample = text.substr(0, limit);

  char buf[64];
  size_t len = 0;
  bool overflow = false;
  auto flush = [&] {
    if (len > 0) ++read;
    if (len > 0 && !overflow) {
      if (uint64_t m = table.Lookup(std::string_view(buf, len))) {
        for (size_t b = 0; b < nlang; ++b) hits[b] += static_cast<int>(m >> b & 1);
      }
    }
    len = 0;
    overflow = false;
  };
  auto push = [&](std::string_view bytes) {
    if (len + bytes.size() > sizeof buf) {
      overflow = true;
      return;
    }
    std::memcpy(buf + len, bytes.data(), bytes.size());
    len += bytes.size();
  };
  size_t next_check = 2048;
  for (size_t i = 0; i < sample.size();) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    if (c < 0x80) {
      ++i;
      if (c >= 'a' && c <= 'z') {
        if (len < sizeof buf)
          buf[len++] = static_cast<char>(c);
        else
          overflow = true;
      } else if (c >= 'A' && c <= 'Z') {
        if (len < sizeof buf)
          buf[len++] = static_cast<char>(c - 'A' + 'a');
        else
          overflow = true;
      } else {
        flush();
        if (early_stop && i >= next_check) {
          next_check += 2048;
          int best = 0, second = 0;
          for (int h : hits) {
            if (h > best) {
              second = best;
              best = h;
            } else if (h > second) {
              second = h;
            }
          }
          if (best >= 50 && best >= 3 * second) break;
        }
      }
      continue;
    }
    char32_t cp = NextCodePoint(sample, i);
    auto u = static_cast<UChar32>(cp);
    if (u_isalpha(u) || u_getCombiningClass(u) != 0) {
      std::string lower;
      AppendUtf8(lower, static_cast<char32_t>(u_tolower(u)));
      push(lower);
    } else {
      flush();
    }
  }
  flush();
  if (words) *words = read;
  return hits;
}

}  // namespace

std::map<std::string, int> StopwordHits(
    std::string_view text, const std::map<std::string, std::vector<std::string>>& languages) {
  std::shared_ptr<const StopwordTable> table = TableFor(languages);
  std::vector<int> hits = CountHits(text, *table, /*early_stop=*/false);
  std::map<std::string, int> out;
  for (size_t b = 0; b < hits.size(); ++b) out[table->codes()[b]] = hits[b];
  return out;
}

std::string DetectLanguage(std::string_view text,
                           const std::map<std::string, std::vector<std::string>>& languages,
                           double* share) {
  if (share) *share = 0;
  if (languages.empty()) return "";
  std::shared_ptr<const StopwordTable> table = TableFor(languages);
  int words = 0;
  std::vector<int> hits = CountHits(text, *table, /*early_stop=*/true, &words);
  const std::vector<std::string>& codes = table->codes();
  // Ties and no evidence go to English when it is a candidate.
  auto en = std::find(codes.begin(), codes.end(), "en");
  size_t best = en != codes.end() ? static_cast<size_t>(en - codes.begin()) : 0;
  for (size_t b = 0; b < hits.size(); ++b)
    if (hits[b] > hits[best]) best = b;
  if (share && words > 0 && !hits.empty())
    *share = static_cast<double>(hits[best]) / static_cast<double>(words);
  return codes.empty() ? "" : codes[best];
}

}  // namespace charter::load
