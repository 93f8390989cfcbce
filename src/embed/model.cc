// model.cc — tokenising, embedding and the charter.emb file format.
#include "embed/model.h"

#include <sentencepiece_processor.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/hash.h"

namespace charter::embed {

// ---------------------------------------------------------------- words

namespace {

bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  int8_t t = u_charType(c);
  switch (t) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
      return true;
    default:
      return false;
  }
}

}  // namespace

void SplitWords(std::string_view text, std::vector<std::string>* words) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  std::string cur;
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
      if (IsWordChar(c)) {
        cur.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        continue;
      }
    } else {
      U8_NEXT(s, i, n, c);
      if (c >= 0 && IsWordChar(c)) {
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        char buf[4];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, c);
        cur.append(buf, static_cast<size_t>(len));
        continue;
      }
    }
    if (!cur.empty()) {
      words->push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words->push_back(std::move(cur));
}

// ---------------------------------------------------------------- tokenizer

Tokenizer::~Tokenizer() = default;

Result<std::shared_ptr<Tokenizer>> Tokenizer::Create(const std::string& spm,
                                                     const std::string& name) {
  std::shared_ptr<Tokenizer> t(new Tokenizer());
  t->sp_ = std::make_unique<sentencepiece::SentencePieceProcessor>();
  auto st = t->sp_->LoadFromSerializedProto(spm);
  if (!st.ok()) {
    return Corruption(name + ": not a sentencepiece model (" + std::string(st.message()) + ")");
  }
  if (t->sp_->GetPieceSize() <= 0) return Corruption(name + ": sentencepiece model has no pieces");
  return t;
}

int Tokenizer::piece_size() const { return sp_->GetPieceSize(); }

std::string Tokenizer::IdToPiece(int id) const { return sp_->IdToPiece(id); }

void Tokenizer::Encode(std::string_view word, std::vector<int>* ids) const {
  std::vector<int> out;
  if (!sp_->Encode(absl::string_view(word.data(), word.size()), &out).ok()) return;
  for (int id : out) {
    if (!sp_->IsUnknown(id) && !sp_->IsControl(id)) ids->push_back(id);
  }
}

void Tokenizer::EncodeWord(std::string_view word, std::vector<int>* ids) const {
  auto it = cache_.find(std::string(word));
  if (it == cache_.end()) {
    Encode(word, ids);
    return;
  }
  const Cached& c = it->second;
  std::call_once(c.once, [&] { Encode(word, &c.ids); });
  ids->insert(ids->end(), c.ids.begin(), c.ids.end());
}

void Tokenizer::EncodeText(std::string_view text, std::vector<int>* ids) const {
  std::vector<std::string> words;
  SplitWords(text, &words);
  for (const auto& w : words) EncodeWord(w, ids);
}

void Tokenizer::Warm(const std::vector<std::string>& words) {
  cache_.reserve(words.size());
  for (const auto& w : words) cache_.try_emplace(w);
}

// ---------------------------------------------------------------- embedding

int DetectLanguage(const Model& m, const std::vector<int>& ids) {
  if (m.langs.size() <= 1) return 0;
  std::vector<float> score(m.langs.size(), 0.0f);
  for (int id : ids) {
    if (id < 0 || id >= m.n_pieces) continue;
    score[m.piece_lang[static_cast<size_t>(id)]] += m.piece_lang_conf[static_cast<size_t>(id)];
  }
  int best = 0;
  for (size_t l = 1; l < score.size(); ++l) {
    if (score[l] > score[static_cast<size_t>(best)]) best = static_cast<int>(l);
  }
  return best;
}

namespace {

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

inline void AddHashed(uint64_t key, float value, int lex_dim, float* lex) {
  uint64_t h = Mix(key);
  size_t b = static_cast<size_t>(h % static_cast<uint64_t>(lex_dim));
  lex[b] += (h >> 63) ? value : -value;
}

void Normalize(float* v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += static_cast<double>(v[i]) * v[i];
  if (s <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(s));
  for (int i = 0; i < n; ++i) v[i] *= inv;
}

}  // namespace

void EmbedPieces(const Model& m, const std::vector<int>& ids, float* out) {
  const int dim = m.dim();
  std::fill(out, out + dim, 0.0f);
  // Weighted English pieces, and the primary piece of each position (-1 if none).
  std::vector<Translation> toks;
  std::vector<int32_t> prim;
  toks.reserve(ids.size());
  prim.reserve(ids.size());
  int lang = DetectLanguage(m, ids);
  const auto* dict = (lang > 0 && static_cast<size_t>(lang) < m.dict.size() &&
                      !m.dict[static_cast<size_t>(lang)].empty())
                         ? &m.dict[static_cast<size_t>(lang)]
                         : nullptr;
  for (int id : ids) {
    if (id < 0 || id >= m.n_pieces) continue;
    if (dict) {
      auto it = dict->find(id);
      if (it != dict->end() && !it->second.empty()) {
        for (const auto& t : it->second) toks.push_back(t);
        prim.push_back(it->second.front().piece);
        continue;
      }
      if (m.piece_lang[static_cast<size_t>(id)] != 0) {  // untranslatable foreign piece
        prim.push_back(-1);
        continue;
      }
    }
    toks.push_back({id, 1.0f});
    prim.push_back(id);
  }
  if (toks.empty()) return;

  float* sem = out;
  float* lex = out + m.sem_dim;
  if (m.sem_dim > 0 && m.alpha > 0) {
    for (const auto& t : toks) {
      const float w = t.weight * m.sif[static_cast<size_t>(t.piece)];
      const float* v = &m.vectors[static_cast<size_t>(t.piece) * static_cast<size_t>(m.sem_dim)];
      for (int d = 0; d < m.sem_dim; ++d) sem[d] += w * v[d];
    }
    const int n_pc = std::min<int>(m.pc_remove, static_cast<int>(m.pc.size()) / m.sem_dim);
    for (int c = 0; c < n_pc; ++c) {
      const float* u = &m.pc[static_cast<size_t>(c) * static_cast<size_t>(m.sem_dim)];
      float dot = 0;
      for (int d = 0; d < m.sem_dim; ++d) dot += sem[d] * u[d];
      for (int d = 0; d < m.sem_dim; ++d) sem[d] -= dot * u[d];
    }
    Normalize(sem, m.sem_dim);
    for (int d = 0; d < m.sem_dim; ++d) sem[d] *= m.alpha;
  }
  if (m.lex_dim > 0 && m.beta > 0) {
    for (const auto& t : toks) {
      AddHashed(static_cast<uint64_t>(t.piece), t.weight * m.idf[static_cast<size_t>(t.piece)],
                m.lex_dim, lex);
    }
    for (size_t i = 1; i < prim.size(); ++i) {
      if (prim[i - 1] < 0 || prim[i] < 0) continue;
      uint64_t key = (static_cast<uint64_t>(prim[i - 1]) << 32 | static_cast<uint32_t>(prim[i])) ^
                     0x9e3779b97f4a7c15ull;
      float w =
          0.5f * (m.idf[static_cast<size_t>(prim[i - 1])] + m.idf[static_cast<size_t>(prim[i])]);
      AddHashed(key, 0.5f * w, m.lex_dim, lex);
    }
    Normalize(lex, m.lex_dim);
    for (int d = 0; d < m.lex_dim; ++d) lex[d] *= m.beta;
  }
  Normalize(out, dim);
}

// ---------------------------------------------------------------- file format

namespace {

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  void PutBytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  bool Get(T* v) {
    if (pos_ + sizeof(T) > b_.size()) return false;
    std::memcpy(v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetBytes(void* p, size_t n) {
    if (n > b_.size() - pos_) return false;
    if (n == 0) return true;  // p may be an empty vector's null data()
    std::memcpy(p, b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }
  size_t left() const { return b_.size() - pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

constexpr size_t kHeaderSize = 8 + 4 * 4 + 8;

}  // namespace

std::string SerializeModel(const Model& m) {
  Writer w;
  w.PutBytes(kEmbMagic, 8);
  w.Put<uint32_t>(kEmbFormatVersion);
  w.Put<uint32_t>(static_cast<uint32_t>(m.sem_dim));
  w.Put<uint32_t>(static_cast<uint32_t>(m.lex_dim));
  w.Put<uint32_t>(static_cast<uint32_t>(m.n_pieces));
  w.Put<uint64_t>(0);  // file size, patched below
  w.Put<float>(m.alpha);
  w.Put<float>(m.beta);
  w.Put<uint8_t>(static_cast<uint8_t>(m.pc_remove));
  // Vectors as int8 with one scale per row: 4x smaller, cosine error < 1%.
  std::vector<int8_t> q(static_cast<size_t>(m.sem_dim));
  for (int i = 0; i < m.n_pieces; ++i) {
    // data(), not &vectors[k]: a model of dimension 0 has no element to
    // bind a reference to (found by fuzz_model).
    const float* v = m.vectors.data() + static_cast<size_t>(i) * static_cast<size_t>(m.sem_dim);
    float mx = 0;
    for (int d = 0; d < m.sem_dim; ++d) mx = std::max(mx, std::fabs(v[d]));
    float scale = mx > 0 ? mx / 127.0f : 0.0f;
    for (int d = 0; d < m.sem_dim; ++d) {
      q[static_cast<size_t>(d)] =
          scale > 0 ? static_cast<int8_t>(std::lround(v[d] / scale)) : static_cast<int8_t>(0);
    }
    w.Put<float>(scale);
    w.PutBytes(q.data(), q.size());
  }
  w.PutBytes(m.sif.data(), m.sif.size() * sizeof(float));
  w.PutBytes(m.idf.data(), m.idf.size() * sizeof(float));
  w.Put<uint32_t>(static_cast<uint32_t>(m.pc.size()));
  w.PutBytes(m.pc.data(), m.pc.size() * sizeof(float));
  w.Put<uint32_t>(static_cast<uint32_t>(m.langs.size()));
  for (const auto& l : m.langs) {
    w.Put<uint32_t>(static_cast<uint32_t>(l.size()));
    w.PutBytes(l.data(), l.size());
  }
  w.PutBytes(m.piece_lang.data(), m.piece_lang.size());
  for (float c : m.piece_lang_conf) w.Put<uint8_t>(static_cast<uint8_t>(std::lround(c * 255.0f)));
  for (size_t l = 0; l < m.langs.size(); ++l) {
    const auto& d = m.dict[l];
    std::vector<int32_t> keys;
    keys.reserve(d.size());
    for (const auto& [k, v] : d) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    w.Put<uint32_t>(static_cast<uint32_t>(keys.size()));
    for (int32_t k : keys) {
      const auto& tr = d.at(k);
      w.Put<int32_t>(k);
      w.Put<uint8_t>(static_cast<uint8_t>(tr.size()));
      for (const auto& t : tr) {
        w.Put<int32_t>(t.piece);
        w.Put<float>(t.weight);
      }
    }
  }
  w.Put<uint32_t>(static_cast<uint32_t>(m.words.size()));
  for (const auto& s : m.words) {
    w.Put<uint16_t>(static_cast<uint16_t>(s.size()));
    w.PutBytes(s.data(), s.size());
  }
  std::string& out = w.str();
  uint64_t size = out.size() + 8;
  std::memcpy(&out[8 + 16], &size, 8);
  uint64_t sum = Fnv1a64(out);
  out.append(reinterpret_cast<const char*>(&sum), 8);
  return out;
}

namespace {

// The header: magic, format version, dimensions, size and checksum, checked
// against the file; the dimensions go into `m`.
Status ParseHeader(std::string_view bytes, const std::string& name, Reader* r, Model* m) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kEmbMagic, 8) != 0) {
    return Corruption(name + ": not a Charter embedding file (bad magic)");
  }
  if (bytes.size() < kHeaderSize + 8) {
    return Corruption(name + ": truncated (" + std::to_string(bytes.size()) +
                      " bytes, shorter than the header)");
  }
  char magic[8];
  uint32_t version = 0, sem_dim = 0, lex_dim = 0, n_pieces = 0;
  uint64_t size = 0;
  r->GetBytes(magic, 8);
  r->Get(&version);
  r->Get(&sem_dim);
  r->Get(&lex_dim);
  r->Get(&n_pieces);
  r->Get(&size);
  if (version != kEmbFormatVersion) {
    return Corruption(name + ": unsupported format version " + std::to_string(version) +
                      " (expected " + std::to_string(kEmbFormatVersion) + ")");
  }
  if (size != bytes.size()) {
    return Corruption(name + ": truncated or padded (" + std::to_string(bytes.size()) +
                      " bytes, header says " + std::to_string(size) + ")");
  }
  uint64_t sum;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  if (Fnv1a64(bytes.substr(0, bytes.size() - 8)) != sum) {
    return Corruption(name + ": checksum mismatch (file is corrupt)");
  }
  if (sem_dim > 4096 || lex_dim > 65536 || sem_dim + lex_dim == 0 || n_pieces == 0 ||
      n_pieces > (1u << 22)) {
    return Corruption(name + ": implausible dimensions (sem " + std::to_string(sem_dim) + ", lex " +
                      std::to_string(lex_dim) + ", pieces " + std::to_string(n_pieces) + ")");
  }
  m->sem_dim = static_cast<int>(sem_dim);
  m->lex_dim = static_cast<int>(lex_dim);
  m->n_pieces = static_cast<int>(n_pieces);
  return {};
}

// The section readers below return the name of the section that is
// malformed, or nullptr when it reads.

// Channel weights, quantized piece vectors, SIF and IDF weights, common components.
const char* ReadVectors(Reader* r, Model* m) {
  const size_t n = static_cast<size_t>(m->n_pieces), sem_dim = static_cast<size_t>(m->sem_dim);
  uint8_t rpc;
  if (!r->Get(&m->alpha) || !r->Get(&m->beta) || !r->Get(&rpc)) return "weights";
  m->pc_remove = rpc;
  // The sections ahead hold at least n * (4 + sem_dim) bytes of vectors and
  // 8n of weights: a header claiming more than the file holds is refused
  // before anything that size is allocated.
  if (n * (4 + uint64_t{sem_dim}) + 8 * n > r->left()) return "vectors";
  m->vectors.assign(n * sem_dim, 0.0f);
  std::vector<int8_t> q(sem_dim);
  for (size_t i = 0; i < n; ++i) {
    float scale;
    if (!r->Get(&scale) || !r->GetBytes(q.data(), q.size())) return "vectors";
    for (size_t d = 0; d < sem_dim; ++d) m->vectors[i * sem_dim + d] = scale * q[d];
  }
  m->sif.resize(n);
  m->idf.resize(n);
  if (!r->GetBytes(m->sif.data(), n * 4) || !r->GetBytes(m->idf.data(), n * 4)) return "weights";
  uint32_t pcn;
  if (!r->Get(&pcn) || (sem_dim > 0 && pcn % sem_dim != 0) || pcn > 64 * sem_dim) {
    return "component";
  }
  m->pc.resize(pcn);
  if (!r->GetBytes(m->pc.data(), pcn * 4)) return "component";
  return nullptr;
}

// Language names, each piece's language and its confidence.
const char* ReadLanguages(Reader* r, Model* m) {
  const size_t n = static_cast<size_t>(m->n_pieces);
  uint32_t nl;
  if (!r->Get(&nl) || nl == 0 || nl > 255) return "language";
  for (uint32_t l = 0; l < nl; ++l) {
    uint32_t len;
    if (!r->Get(&len) || len > 64) return "language";
    std::string s(len, '\0');
    if (!r->GetBytes(s.data(), len)) return "language";
    m->langs.push_back(std::move(s));
  }
  m->piece_lang.resize(n);
  std::vector<uint8_t> conf(n);
  if (!r->GetBytes(m->piece_lang.data(), n) || !r->GetBytes(conf.data(), n)) return "language";
  m->piece_lang_conf.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (m->piece_lang[i] >= nl) return "language";
    m->piece_lang_conf[i] = conf[i] / 255.0f;
  }
  return nullptr;
}

// One dictionary per language: piece -> translations into English pieces.
const char* ReadDictionaries(Reader* r, Model* m) {
  const size_t n = static_cast<size_t>(m->n_pieces);
  m->dict.resize(m->langs.size());
  for (size_t l = 0; l < m->langs.size(); ++l) {
    uint32_t entries;
    if (!r->Get(&entries) || entries > n) return "dictionary";
    for (uint32_t e = 0; e < entries; ++e) {
      int32_t key;
      uint8_t k;
      if (!r->Get(&key) || !r->Get(&k) || key < 0 || static_cast<uint32_t>(key) >= n) {
        return "dictionary";
      }
      std::vector<Translation> tr(k);
      for (auto& t : tr) {
        if (!r->Get(&t.piece) || !r->Get(&t.weight) || t.piece < 0 ||
            static_cast<uint32_t>(t.piece) >= n) {
          return "dictionary";
        }
      }
      m->dict[l].emplace(key, std::move(tr));
    }
  }
  return nullptr;
}

// The pre-encoded frequent words.
const char* ReadWords(Reader* r, Model* m) {
  uint32_t nw;
  if (!r->Get(&nw) || nw > (1u << 24) || uint64_t{nw} * 2 > r->left()) return "words";
  m->words.reserve(nw);
  for (uint32_t i = 0; i < nw; ++i) {
    uint16_t len;
    if (!r->Get(&len)) return "words";
    std::string s(len, '\0');
    if (!r->GetBytes(s.data(), len)) return "words";
    m->words.push_back(std::move(s));
  }
  return nullptr;
}

}  // namespace

Result<Model> ParseModel(std::string_view bytes, const std::string& name) {
  Reader r(bytes);
  Model m;
  if (Status st = ParseHeader(bytes, name, &r, &m); !st) return std::unexpected(st.error());
  const char* bad = ReadVectors(&r, &m);
  if (!bad) bad = ReadLanguages(&r, &m);
  if (!bad) bad = ReadDictionaries(&r, &m);
  if (!bad) bad = ReadWords(&r, &m);
  if (!bad && r.left() != 8) bad = "trailing";
  if (bad)
    return Corruption(name + ": malformed " + std::string(bad) + " section at byte " +
                      std::to_string(r.pos()));
  return m;
}

}  // namespace charter::embed
