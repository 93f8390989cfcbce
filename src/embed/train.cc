// train.cc — sentencepiece + PPMI/SVD piece vectors + UDHR dictionaries.
#include "embed/train.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "embed/linalg.h"

namespace charter {

using embed::Model;
using embed::Translation;

Status ValidateTrainOptions(const TrainOptions& o) {
  auto bad = [](const std::string& what) { return InvalidArgument("train: " + what); };
  if (o.sem_dim < 0 || o.sem_dim > 1024) return bad("--dim must be in 0..1024");
  if (o.lex_dim < 0 || o.lex_dim > 4096) return bad("lexical dimensions must be in 0..4096");
  if (o.sem_dim + o.lex_dim == 0) return bad("the model needs at least one dimension");
  if (o.vocab_size < 100 || o.vocab_size > 200000)
    return bad("vocabulary size must be in 100..200000");
  if (o.window < 1 || o.window > 50) return bad("window must be in 1..50");
  if (o.min_count < 1) return bad("min count must be >= 1");
  if (!(o.sif_a > 0)) return bad("SIF a must be > 0");
  if (o.alpha < 0 || o.beta < 0 || o.alpha + o.beta <= 0)
    return bad("channel weights must be >= 0 and not both 0");
  if (o.threads < 1 || o.threads > 64) return bad("threads must be in 1..64");
  return {};
}

// ------------------------------------------------------------------ corpus

namespace {

std::string LangFromPath(std::string_view path) {
  std::vector<std::string_view> parts = Split(path, '/');
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == "udhr") {
      std::string_view f = parts.back();
      size_t dot = f.rfind('.');
      if (dot != std::string_view::npos) f = f.substr(0, dot);
      size_t dash = f.find('-');
      if (dash != std::string_view::npos) f = f.substr(0, dash);
      return std::string(f);
    }
  }
  for (size_t i = 0; i + 2 < parts.size(); ++i) {
    if ((parts[i] == "constitutions" || parts[i] == "instruments") && parts[i + 1].size() == 2) {
      return std::string(parts[i + 1]);
    }
  }
  return "en";
}

// Minimal RFC 4180 reader: fields of one record at a time.
std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

void CollectJsonStrings(const nlohmann::json& j, std::vector<std::string>* out) {
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    if (s.size() >= 20 && !StartsWith(s, "http") && !StartsWith(s, "github:")) out->push_back(s);
  } else if (j.is_array() || j.is_object()) {
    for (const auto& v : j) CollectJsonStrings(v, out);
  }
}

}  // namespace

CorpusText CorpusFromFile(std::string_view path, std::string_view bytes) {
  CorpusText t;
  t.name = std::string(path);
  t.lang = LangFromPath(path);
  if (EndsWith(path, ".jsonl")) {
    for (std::string_view line : Split(bytes, '\n')) {
      if (Trim(line).empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) continue;
      CollectJsonStrings(j, &t.lines);
    }
  } else if (EndsWith(path, ".csv")) {
    auto rows = ParseCsv(bytes);
    if (rows.empty()) return t;
    auto it = std::find(rows[0].begin(), rows[0].end(), "comment-body");
    if (it == rows[0].end()) return t;
    size_t col = static_cast<size_t>(it - rows[0].begin());
    for (size_t r = 1; r < rows.size(); ++r) {
      if (col < rows[r].size() && !Trim(rows[r][col]).empty()) t.lines.push_back(rows[r][col]);
    }
  } else {
    for (std::string_view line : Split(bytes, '\n')) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      t.lines.emplace_back(line);
    }
  }
  return t;
}

std::vector<std::vector<std::string>> UdhrArticles(const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> blocks;
  std::vector<std::string> cur;
  for (const auto& l : lines) {
    if (Trim(l).empty()) {
      if (!cur.empty()) blocks.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(l);
    }
  }
  if (!cur.empty()) blocks.push_back(std::move(cur));
  if (blocks.size() != 63) return {};
  std::vector<std::vector<std::string>> out;
  for (size_t b = 2; b < blocks.size(); b += 2) out.push_back(blocks[b]);
  return out;
}

// -------------------------------------------------------------- dictionary

std::unordered_map<int32_t, std::vector<Translation>> InduceDictionary(
    const std::vector<std::pair<std::vector<int>, std::vector<int>>>& units, int iterations,
    int top, float min_prob) {
  // t(e | f) over co-occurring pairs only; f = -1 is NULL.
  auto key = [](int f, int e) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(f + 1)) << 32) | static_cast<uint32_t>(e);
  };
  std::unordered_map<uint64_t, double> t;
  std::set<int> evocab;
  for (const auto& [f, e] : units) {
    for (int ei : e) {
      evocab.insert(ei);
      t[key(-1, ei)] = 1.0;
      for (int fi : f) t[key(fi, ei)] = 1.0;
    }
  }
  const double init = 1.0 / std::max<size_t>(1, evocab.size());
  for (auto& [k, v] : t) v = init;
  for (int it = 0; it < iterations; ++it) {
    std::unordered_map<uint64_t, double> count;
    std::unordered_map<int, double> total;
    for (const auto& [f, e] : units) {
      for (int ei : e) {
        double z = t[key(-1, ei)];
        for (int fi : f) z += t[key(fi, ei)];
        if (z <= 0) continue;
        auto add = [&](int fi) {
          double c = t[key(fi, ei)] / z;
          count[key(fi, ei)] += c;
          total[fi] += c;
        };
        add(-1);
        for (int fi : f) add(fi);
      }
    }
    for (auto& [k, v] : t) {
      auto c = count.find(k);
      v = c == count.end() ? 0.0 : c->second / total[static_cast<int>(k >> 32) - 1];
    }
  }
  std::unordered_map<int32_t, std::vector<Translation>> dict;
  std::map<int, std::vector<std::pair<double, int>>> by_f;
  for (const auto& [k, v] : t) {
    const int f = static_cast<int>(k >> 32) - 1, e = static_cast<int>(k & 0xffffffffu);
    if (f >= 0 && v >= min_prob) by_f[f].push_back({v, e});
  }
  for (auto& [f, list] : by_f) {
    // Unordered-map order is not stable: sort fully (probability, then piece).
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (static_cast<int>(list.size()) > top) list.resize(static_cast<size_t>(top));
    double sum = 0;
    for (const auto& p : list) sum += p.first;
    std::vector<Translation> tr;
    for (const auto& p : list) tr.push_back({p.second, static_cast<float>(p.first / sum)});
    dict.emplace(f, std::move(tr));
  }
  return dict;
}

// ------------------------------------------------------------------ training

namespace {

class LineIterator : public sentencepiece::SentenceIterator {
 public:
  explicit LineIterator(const std::vector<std::string>* lines) : lines_(lines) {}
  bool done() const override { return i_ >= lines_->size(); }
  void Next() override { ++i_; }
  const std::string& value() const override { return (*lines_)[i_]; }
  sentencepiece::util::Status status() const override { return {}; }

 private:
  const std::vector<std::string>* lines_;
  size_t i_ = 0;
};

std::string Hex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string JsonFloat(float f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(f));
  return buf;
}

}  // namespace

namespace {

// Step 1's result: lowercased word lines, their language, and the corpus checksum.
struct CorpusLines {
  std::vector<std::string> lines;
  std::vector<int> line_lang;
  std::vector<std::string> langs = {"en"};
  uint64_t hash = Fnv1a64("");
  size_t bytes = 0;
  std::unordered_map<std::string, int64_t> word_count;

  int LangIndex(const std::string& l) {
    auto it = std::find(langs.begin(), langs.end(), l);
    if (it != langs.end()) return static_cast<int>(it - langs.begin());
    langs.push_back(l);
    return static_cast<int>(langs.size() - 1);
  }
};

CorpusLines ReadLines(const std::vector<const CorpusText*>& corpus) {
  CorpusLines c;
  for (const CorpusText* t : corpus) {
    c.hash = Fnv1a64(t->name, c.hash);
    int li = c.LangIndex(t->lang);
    for (const auto& l : t->lines) {
      c.hash = Fnv1a64(l, Fnv1a64("\n", c.hash));
      c.bytes += l.size() + 1;
      std::vector<std::string> words;
      embed::SplitWords(l, &words);
      if (words.empty()) continue;
      for (const auto& w : words) ++c.word_count[w];
      std::string joined;
      for (const auto& w : words) {
        if (!joined.empty()) joined.push_back(' ');
        joined += w;
      }
      c.lines.push_back(std::move(joined));
      c.line_lang.push_back(li);
    }
  }
  return c;
}

// Step 2: a sentencepiece unigram model of the lines, as the bytes of its file.
Result<std::string> TrainSentencepiece(const std::vector<std::string>& lines,
                                       const TrainOptions& o) {
  sentencepiece::SetRandomGeneratorSeed(static_cast<unsigned int>(o.seed));
  std::unordered_map<std::string, std::string> args = {
      {"model_type", "unigram"},
      {"vocab_size", std::to_string(o.vocab_size)},
      {"character_coverage", "0.9995"},
      {"normalization_rule_name", "identity"},
      {"num_threads", std::to_string(o.threads)},
      {"max_sentence_length", "20000"},
      {"input_sentence_size", "0"},
      {"shuffle_input_sentence", "false"},
      {"hard_vocab_limit", o.hard_vocab_limit ? "true" : "false"},
      {"minloglevel", "2"},
      {"model_prefix", ""},
  };
  LineIterator iter(&lines);
  std::string spm;
  auto st = sentencepiece::SentencePieceTrainer::Train(args, &iter, &spm);
  if (!st.ok()) return InvalidArgument("train: sentencepiece: " + std::string(st.message()));
  return spm;
}

// Frequent words, most frequent first; pre-encoding them makes both training
// and Embed fast.
std::vector<std::string> FrequentWords(const std::unordered_map<std::string, int64_t>& word_count) {
  std::vector<std::pair<int64_t, std::string>> wc;
  for (auto& [w, c] : word_count) {
    if (c >= 3 && w.size() < 60) wc.push_back({c, w});
  }
  std::sort(wc.begin(), wc.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (wc.size() > 40000) wc.resize(40000);
  std::vector<std::string> words;
  for (auto& p : wc) words.push_back(p.second);
  return words;
}

// Step 3's result: piece ids of every line and piece counts.
struct PieceCounts {
  std::vector<std::vector<int>> ids;  // per line
  std::vector<int64_t> count;         // per piece
  int64_t total = 0;
};

// Step 3: piece ids, counts, document frequencies and languages; sets the
// model's SIF and IDF weights and each piece's language.
PieceCounts CountPieces(const CorpusLines& c, const embed::Tokenizer& tok, const TrainOptions& o,
                        Model* m) {
  const size_t V = static_cast<size_t>(m->n_pieces), L = c.langs.size();
  PieceCounts pc;
  pc.ids.resize(c.lines.size());
  pc.count.assign(V, 0);
  std::vector<int64_t> df(V, 0), lang_count(V * L, 0), lang_total(L, 0);
  for (size_t i = 0; i < c.lines.size(); ++i) {
    tok.EncodeText(c.lines[i], &pc.ids[i]);
    std::vector<int> u = pc.ids[i];
    std::sort(u.begin(), u.end());
    u.erase(std::unique(u.begin(), u.end()), u.end());
    for (int p : u) ++df[static_cast<size_t>(p)];
    for (int p : pc.ids[i]) {
      ++pc.count[static_cast<size_t>(p)];
      ++lang_count[static_cast<size_t>(p) * L + static_cast<size_t>(c.line_lang[i])];
    }
    lang_total[static_cast<size_t>(c.line_lang[i])] += static_cast<int64_t>(pc.ids[i].size());
    pc.total += static_cast<int64_t>(pc.ids[i].size());
  }
  const double n_lines = static_cast<double>(c.lines.size());
  m->sif.resize(V);
  m->idf.resize(V);
  m->piece_lang.assign(V, 0);
  m->piece_lang_conf.assign(V, 0.0f);
  for (size_t p = 0; p < V; ++p) {
    double prob =
        static_cast<double>(pc.count[p]) / static_cast<double>(std::max<int64_t>(1, pc.total));
    m->sif[p] = static_cast<float>(o.sif_a / (o.sif_a + prob));
    m->idf[p] = static_cast<float>(std::log((n_lines + 1) / (static_cast<double>(df[p]) + 1)) + 1);
    double sum = 0, best = 0;
    size_t arg = 0;
    for (size_t l = 0; l < L; ++l) {
      if (lang_total[l] == 0) continue;
      double share =
          static_cast<double>(lang_count[p * L + l]) / static_cast<double>(lang_total[l]);
      sum += share;
      if (share > best) {
        best = share;
        arg = l;
      }
    }
    m->piece_lang[p] = static_cast<uint8_t>(arg);
    m->piece_lang_conf[p] = sum > 0 ? static_cast<float>(best / sum) : 0.0f;
  }
  return pc;
}

// Co-occurrence within the window (pieces with min_count), as sorted pair
// keys a <= b (a in the high 32 bits) with their counts.
std::vector<std::pair<uint64_t, float>> Cooccurrences(const PieceCounts& pc,
                                                      const TrainOptions& o) {
  std::vector<uint64_t> pairs;
  for (const auto& seq : pc.ids) {
    for (size_t i = 0; i < seq.size(); ++i) {
      uint32_t a = static_cast<uint32_t>(seq[i]);
      if (pc.count[a] < o.min_count) continue;
      size_t end = std::min(seq.size(), i + 1 + static_cast<size_t>(o.window));
      for (size_t j = i + 1; j < end; ++j) {
        uint32_t b = static_cast<uint32_t>(seq[j]);
        if (pc.count[b] < o.min_count || a == b) continue;
        pairs.push_back(a < b ? (uint64_t{a} << 32 | b) : (uint64_t{b} << 32 | a));
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<uint64_t, float>> cooc;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    cooc.push_back({pairs[i], static_cast<float>(j - i)});
    i = j;
  }
  return cooc;
}

// The co-occurrences mirrored into a V x V CSR matrix of positive PMI, with
// context counts smoothed by the power 0.75.
embed::SparseMatrix PpmiMatrix(std::vector<std::pair<uint64_t, float>> cooc, int V) {
  std::vector<double> row_sum(static_cast<size_t>(V), 0.0);
  for (const auto& [k, c] : cooc) {
    row_sum[k >> 32] += c;
    row_sum[k & 0xffffffffu] += c;
  }
  std::vector<double> ctx(static_cast<size_t>(V));
  double ctx_total = 0;
  for (size_t p = 0; p < static_cast<size_t>(V); ++p)
    ctx_total += ctx[p] = std::pow(row_sum[p], 0.75);
  // Entries of row a: (b, ppmi).
  std::vector<std::vector<std::pair<int32_t, float>>> rows(static_cast<size_t>(V));
  for (const auto& [k, c] : cooc) {
    size_t a = k >> 32, b = k & 0xffffffffu;
    double pmi_ab = std::log(c * ctx_total / (row_sum[a] * ctx[b]));
    double pmi_ba = std::log(c * ctx_total / (row_sum[b] * ctx[a]));
    if (pmi_ab > 0) rows[a].push_back({static_cast<int32_t>(b), static_cast<float>(pmi_ab)});
    if (pmi_ba > 0) rows[b].push_back({static_cast<int32_t>(a), static_cast<float>(pmi_ba)});
  }
  cooc = {};
  embed::SparseMatrix mat;
  mat.rows = mat.cols = V;
  mat.indptr.push_back(0);
  for (auto& r : rows) {
    std::sort(r.begin(), r.end());
    for (const auto& [b, v] : r) {
      mat.indices.push_back(b);
      mat.values.push_back(v);
    }
    mat.indptr.push_back(static_cast<int64_t>(mat.indices.size()));
    r = {};
  }
  return mat;
}

// Step 4: the semantic piece vectors, from the randomized SVD of the PPMI
// matrix, scaled by the singular values to the power eig_power, unit length.
void SemanticVectors(const PieceCounts& pc, const TrainOptions& o, Model* m) {
  const int V = m->n_pieces;
  embed::SparseMatrix mat = PpmiMatrix(Cooccurrences(pc, o), V);
  std::vector<float> u, s;
  embed::RandomizedSvd(mat, o.sem_dim, 24, 3, static_cast<uint64_t>(o.seed), &u, &s);
  const int k = static_cast<int>(s.size());
  m->vectors.assign(static_cast<size_t>(V) * static_cast<size_t>(o.sem_dim), 0.0f);
  for (size_t p = 0; p < static_cast<size_t>(V); ++p) {
    if (pc.count[p] < o.min_count) continue;
    float* v = &m->vectors[p * static_cast<size_t>(o.sem_dim)];
    double norm = 0;
    for (int j = 0; j < k; ++j) {
      v[j] = u[p * static_cast<size_t>(k) + static_cast<size_t>(j)] *
             std::pow(s[static_cast<size_t>(j)], o.eig_power);
      norm += static_cast<double>(v[j]) * v[j];
    }
    if (norm > 0) {
      float inv = static_cast<float>(1 / std::sqrt(norm));
      for (int j = 0; j < k; ++j) v[j] *= inv;
    }
  }
}

// Step 5: a dictionary per language from the UDHR translations, aligned with
// the English UDHR article by article (line by line where the line counts match).
void Dictionaries(const std::vector<const CorpusText*>& corpus, CorpusLines* c,
                  const embed::Tokenizer& tok, Model* m) {
  m->dict.assign(c->langs.size(), {});
  const CorpusText* udhr_en = nullptr;
  for (const CorpusText* t : corpus) {
    if (t->lang == "en" && EndsWith(t->name, "udhr/en.txt")) udhr_en = t;
  }
  if (!udhr_en) return;
  auto en_articles = UdhrArticles(udhr_en->lines);
  auto enc = [&](const std::vector<std::string>& ls, size_t from, size_t to) {
    std::vector<int> out;
    for (size_t i = from; i < to; ++i) tok.EncodeText(ls[i], &out);
    return out;
  };
  std::map<int, std::vector<std::pair<std::vector<int>, std::vector<int>>>> units;
  for (const CorpusText* t : corpus) {
    if (t == udhr_en || t->lang == "en" || t->name.find("udhr/") == std::string::npos) continue;
    auto arts = UdhrArticles(t->lines);
    if (arts.empty() || en_articles.empty()) continue;
    auto& u = units[c->LangIndex(t->lang)];
    for (size_t a = 0; a < arts.size(); ++a) {
      const auto& fl = arts[a];
      const auto& el = en_articles[a];
      if (fl.size() == el.size()) {
        for (size_t i = 0; i < fl.size(); ++i) u.push_back({enc(fl, i, i + 1), enc(el, i, i + 1)});
      } else {
        u.push_back({enc(fl, 0, fl.size()), enc(el, 0, el.size())});
      }
    }
  }
  for (auto& [li, u] : units) m->dict[static_cast<size_t>(li)] = InduceDictionary(u);
}

// Step 6: the common component of sentence vectors (English lines, evenly sampled).
void CommonComponent(const CorpusLines& c, const PieceCounts& pc, const TrainOptions& o, Model* m) {
  Model probe = *m;
  probe.lex_dim = 0;
  probe.alpha = 1;
  probe.beta = 0;
  probe.pc_remove = 0;
  probe.langs = {"en"};
  std::vector<float> x;
  int n = 0;
  const size_t step = std::max<size_t>(1, c.lines.size() / 20000);
  std::vector<float> buf(static_cast<size_t>(o.sem_dim));
  for (size_t i = 0; i < c.lines.size(); i += step) {
    if (c.line_lang[i] != 0 || pc.ids[i].empty()) continue;
    embed::EmbedPieces(probe, pc.ids[i], buf.data());
    x.insert(x.end(), buf.begin(), buf.end());
    ++n;
  }
  if (n > 0) m->pc = embed::TopDirections(x, n, o.sem_dim, o.pc_keep);
}

std::string FileEntry(const char* name, const std::string& bytes) {
  return "    \"" + std::string(name) + "\": {\"bytes\": " + std::to_string(bytes.size()) +
         ", \"fnv1a64\": \"" + Hex(Fnv1a64(bytes)) + "\"}";
}

// Step 7: manifest.json, naming the files, the parameters and the corpus.
std::string Manifest(const Model& m, const std::string& spm, const std::string& emb,
                     const CorpusLines& c, size_t files, int64_t pieces, const TrainOptions& o) {
  std::string manifest = "{\n";
  manifest += "  \"format_version\": " + std::to_string(embed::kEmbFormatVersion) + ",\n";
  manifest += "  \"dim\": " + std::to_string(m.dim()) + ",\n";
  manifest += "  \"sem_dim\": " + std::to_string(m.sem_dim) + ",\n";
  manifest += "  \"lex_dim\": " + std::to_string(m.lex_dim) + ",\n";
  manifest += "  \"pieces\": " + std::to_string(m.n_pieces) + ",\n";
  manifest += "  \"files\": {\n";
  manifest += FileEntry(embed::kSpmFile, spm) + ",\n";
  manifest += FileEntry(embed::kEmbFile, emb) + "\n";
  manifest += "  },\n";
  manifest += "  \"params\": {\"seed\": " + std::to_string(o.seed) +
              ", \"vocab_size\": " + std::to_string(o.vocab_size) +
              ", \"window\": " + std::to_string(o.window) +
              ", \"min_count\": " + std::to_string(o.min_count) +
              ", \"sif_a\": " + JsonFloat(o.sif_a) + ", \"eig_power\": " + JsonFloat(o.eig_power) +
              ", \"alpha\": " + JsonFloat(o.alpha) + ", \"beta\": " + JsonFloat(o.beta) + "},\n";
  manifest +=
      "  \"corpus\": {\"files\": " + std::to_string(files) +
      ", \"bytes\": " + std::to_string(c.bytes) + ", \"lines\": " + std::to_string(c.lines.size()) +
      ", \"pieces\": " + std::to_string(pieces) + ", \"fnv1a64\": \"" + Hex(c.hash) + "\"},\n";
  manifest += "  \"languages\": [";
  for (size_t l = 0; l < c.langs.size(); ++l) {
    manifest += (l ? ", \"" : "\"") + c.langs[l] + "\"";
  }
  manifest += "]\n}\n";
  return manifest;
}

}  // namespace

Result<ModelFiles> TrainModel(const std::vector<CorpusText>& corpus_in, const TrainOptions& o) {
  if (auto st = ValidateTrainOptions(o); !st) return std::unexpected(st.error());
  // Sorted by name: the result must not depend on the order files were given.
  std::vector<const CorpusText*> corpus;
  for (const auto& c : corpus_in) corpus.push_back(&c);
  std::stable_sort(corpus.begin(), corpus.end(),
                   [](const CorpusText* a, const CorpusText* b) { return a->name < b->name; });
  CorpusLines lines = ReadLines(corpus);
  if (lines.lines.empty()) return InvalidArgument("train: the corpus has no text");
  if (lines.langs.size() > 255) return InvalidArgument("train: more than 255 languages");
  Result<std::string> spm = TrainSentencepiece(lines.lines, o);
  if (!spm) return std::unexpected(spm.error());
  auto tok_r = embed::Tokenizer::Create(*spm, embed::kSpmFile);
  if (!tok_r) return std::unexpected(tok_r.error());
  std::shared_ptr<embed::Tokenizer> tok = *tok_r;
  Model m;
  m.words = FrequentWords(lines.word_count);
  tok->Warm(m.words);
  m.n_pieces = tok->piece_size();
  m.sem_dim = o.sem_dim;
  m.lex_dim = o.lex_dim;
  m.alpha = o.alpha;
  m.beta = o.beta;
  m.pc_remove = o.pc_remove;
  m.langs = lines.langs;
  const PieceCounts pieces = CountPieces(lines, *tok, o, &m);
  if (o.sem_dim > 0) SemanticVectors(pieces, o, &m);
  Dictionaries(corpus, &lines, *tok, &m);
  if (o.sem_dim > 0) CommonComponent(lines, pieces, o, &m);
  ModelFiles out;
  out.dir = "(trained)";
  std::string emb = SerializeModel(m);
  std::string manifest = Manifest(m, *spm, emb, lines, corpus.size(), pieces.total, o);
  out.files[embed::kSpmFile] = std::move(*spm);
  out.files[embed::kEmbFile] = std::move(emb);
  out.files[embed::kManifestFile] = std::move(manifest);
  return out;
}

}  // namespace charter
