// bench/embed.cc — quality and speed of the embedding, the index and the
// thresholds. Prints "embed.<name>: value" lines.
//
//   bench_embed [--models DIR] [--quick]
//
// Clause vectors (embed/clause_vectors.h, what similar/search use):
// "embed.clause.*" = the gold lines with the topics and caption of the
// extracted units on their line; "embed.similar.*" = the units `charter
// similar` compares, as it runs (headline: embed.similar.default.p@5);
// "embed.search.*" = a gold line's bare text as a query; "*.ceiling" = the
// best any ranking could score; "*_topic_noise*" = with extracted topics
// degraded on purpose (held-out documents' extraction will be worse).
// CHARTER_BENCH_GRID=1: topic x context weight grid; CHARTER_BENCH_DUMP=prefix:
// each query's top 5 with extracted and gold topics.
//
// Quality: precision@1/5/10 of nearest clauses across documents over the
// gold-labelled documents (../shared/eval/gold: clauses = lines with
// principle 2; a neighbour from ANOTHER document is correct when its topics
// intersect the query's), for each model variant and a TF-IDF (word 1-2
// grams, cosine) baseline. Cross-lingual: UDHR fr/es/de article -> nearest
// English article, with the committed dictionaries and with dictionaries
// re-learnt without the article (held out). Thresholds: duplicate and
// similar-idea cosine thresholds from the CCAI statement/principle pairs.
// Speed: embedding MB/s on one core, kNN over 100k vectors, IVF recall.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "embed/clause_vectors.h"
#include "embed/embedder.h"
#include "embed/index.h"
#include "embed/model.h"
#include "embed/train.h"
#include "extract/extract.h"
#include "files/files.h"
#include "load/load.h"
#include "segment/segment.h"

using namespace charter;

namespace {

const std::string kShared = CHARTER_SHARED_DIR;

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct GoldClause {
  std::string doc;
  int line = 0;
  std::string text;
  std::set<std::string> topics;
};

std::vector<GoldClause> LoadGold() {
  std::vector<GoldClause> out;
  auto files = ListFiles(kShared + "/eval/gold", {".tsv"});
  if (!files) return out;
  std::map<std::string, std::vector<std::string>> doc_lines;
  for (const auto& f : *files) {
    if (!EndsWith(f, ".lines.tsv")) continue;
    auto bytes = ReadFile(f);
    if (!bytes) continue;
    bool header = true;
    for (std::string_view row : Split(*bytes, '\n')) {
      if (header || row.empty()) {
        header = false;
        continue;
      }
      auto cols = Split(row, '\t');
      if (cols.size() < 5 || cols[3] != "2") continue;
      GoldClause c;
      c.doc = std::string(cols[0]);
      c.line = std::stoi(std::string(cols[1]));
      for (auto t : Split(cols[4], ',')) {
        if (!t.empty()) c.topics.insert(std::string(t));
      }
      auto& lines = doc_lines[c.doc];
      if (lines.empty()) {
        auto text = ReadFile(kShared + "/corpora/" + c.doc);
        if (!text) continue;
        for (auto l : Split(*text, '\n')) lines.emplace_back(l);
      }
      if (c.line < 1 || static_cast<size_t>(c.line) > lines.size()) continue;
      c.text = lines[static_cast<size_t>(c.line - 1)];
      out.push_back(std::move(c));
    }
  }
  return out;
}

struct Precision {
  double p1 = 0, p5 = 0, p10 = 0;
};

// Precision@k with arbitrary queries: `sim(i, j)` the similarity of rows i
// and j, `doc` per row, `query` marks the rows asked about, `topics` the gold
// topics of each row.
template <typename Sim>
Precision EvaluateRows(Sim sim, const std::vector<std::string>& doc, const std::vector<char>& query,
                       const std::vector<std::set<std::string>>& topics) {
  const size_t n = doc.size();
  Precision p;
  int queries = 0;
  std::vector<std::pair<float, size_t>> cand;
  for (size_t q = 0; q < n; ++q) {
    if (!query[q]) continue;
    cand.clear();
    for (size_t j = 0; j < n; ++j) {
      if (doc[j] == doc[q]) continue;
      cand.push_back({sim(q, j), j});
    }
    const size_t top = std::min<size_t>(10, cand.size());
    std::partial_sort(cand.begin(), cand.begin() + static_cast<long>(top), cand.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    double h1 = 0, h5 = 0, h10 = 0;
    for (size_t r = 0; r < top; ++r) {
      double h = 0;
      for (const auto& t : topics[cand[r].second]) {
        if (topics[q].count(t)) h = 1;
      }
      if (r < 1) h1 += h;
      if (r < 5) h5 += h;
      h10 += h;
    }
    p.p1 += h1;
    p.p5 += h5 / 5;
    p.p10 += h10 / 10;
    ++queries;
  }
  if (queries) {
    p.p1 /= queries;
    p.p5 /= queries;
    p.p10 /= queries;
  }
  return p;
}

// EvaluateRows over the gold clauses, every one a query.
template <typename Sim>
Precision EvaluateGold(const std::vector<GoldClause>& gold, Sim sim) {
  std::vector<std::string> doc;
  std::vector<std::set<std::string>> topics;
  for (const GoldClause& g : gold) {
    doc.push_back(g.doc);
    topics.emplace_back(g.topics.begin(), g.topics.end());
  }
  return EvaluateRows(sim, doc, std::vector<char>(gold.size(), 1), topics);
}

// vecs: n x dim, normalised. Neighbours from other documents only.
Precision Evaluate(const std::vector<GoldClause>& gold, const std::vector<float>& vecs, int dim) {
  return EvaluateGold(gold, [&](size_t q, size_t j) {
    float s = 0;
    for (int d = 0; d < dim; ++d) s += vecs[q * dim + d] * vecs[j * dim + d];
    return s;
  });
}

// Evaluate with a precomputed n x n similarity matrix.
Precision EvaluateGram(const std::vector<GoldClause>& gold, const std::vector<float>& gram) {
  const size_t n = gold.size();
  return EvaluateGold(gold, [&](size_t q, size_t j) { return gram[q * n + j]; });
}

// TF-IDF over word unigrams and bigrams, idf from the texts themselves,
// as dense-by-hashmap sparse vectors -> exact cosine, returned as a dense
// n x n similarity through a fake "vector" trick: we return the Gram matrix.
std::vector<float> TfidfGram(const std::vector<std::string>& texts) {
  std::vector<std::unordered_map<std::string, double>> tf(texts.size());
  std::unordered_map<std::string, int> df;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::vector<std::string> w;
    embed::SplitWords(texts[i], &w);
    for (size_t k = 0; k < w.size(); ++k) {
      tf[i][w[k]] += 1;
      if (k + 1 < w.size()) tf[i][w[k] + " " + w[k + 1]] += 1;
    }
    for (const auto& [t, c] : tf[i]) ++df[t];
  }
  const double n = static_cast<double>(texts.size());
  for (auto& m : tf) {
    double norm = 0;
    for (auto& [t, c] : m) {
      c = c * (std::log((n + 1) / (df[t] + 1)) + 1);
      norm += c * c;
    }
    norm = std::sqrt(norm);
    for (auto& [t, c] : m) c /= norm > 0 ? norm : 1;
  }
  std::vector<float> gram(texts.size() * texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t j = 0; j < texts.size(); ++j) {
      double s = 0;
      const auto& a = tf[i].size() < tf[j].size() ? tf[i] : tf[j];
      const auto& b = tf[i].size() < tf[j].size() ? tf[j] : tf[i];
      for (const auto& [t, c] : a) {
        auto it = b.find(t);
        if (it != b.end()) s += c * it->second;
      }
      gram[i * texts.size() + j] = static_cast<float>(s);
    }
  }
  return gram;
}

void Print(const std::string& name, const Precision& p) {
  std::printf("embed.%s.p@1: %.3f\nembed.%s.p@5: %.3f\nembed.%s.p@10: %.3f\n", name.c_str(), p.p1,
              name.c_str(), p.p5, name.c_str(), p.p10);
}

std::vector<std::string> Articles(const std::string& lang,
                                  std::vector<std::vector<std::string>>* raw) {
  auto bytes = ReadFile(kShared + "/corpora/instruments/udhr/" + lang + ".txt");
  if (!bytes) return {};
  CorpusText t = CorpusFromFile("udhr/" + lang + ".txt", *bytes);
  auto arts = UdhrArticles(t.lines);
  if (raw) *raw = arts;
  std::vector<std::string> out;
  for (const auto& a : arts) out.push_back(Join(a, " "));
  return out;
}

float Dot(const float* a, const float* b, int d) {
  float s = 0;
  for (int i = 0; i < d; ++i) s += a[i] * b[i];
  return s;
}

// ---- clause vectors as `charter similar` builds them
//
// Each gold document goes through load -> segment -> extract as in the CLI.
// Two protocols:
//   clause:  the gold lines (principle 2) as above, each with the topics and
//            caption of the extracted units that cover its line;
//   similar: the units `charter similar` compares (principle-worthy text
//            clauses); a query is a unit covering a principle-2 gold line, a
//            neighbour (another document) is correct when the topics of the
//            gold lines it covers intersect the query's (a neighbour on a
//            line with no gold topics — an extraction false positive — is
//            wrong). Units on no labelled line are left out (the gold files
//            label a sample of each document's lines).

struct GoldLine {
  int principle = 0;
  std::set<std::string> topics;
};

struct DocClauses {
  std::vector<Clause> clauses;
  std::map<int, GoldLine> gold;  // line -> labels
};

Result<std::map<std::string, DocClauses>> ExtractGoldDocs() {
  const std::string rules_root = DefaultRulesRoot();
  LoadOptions lo;
  for (const std::string& l : AvailableLanguages(rules_root)) {
    auto b = ReadFile(rules_root + "/" + l + "/stopwords.txt");
    if (!b) continue;
    auto w = ParseListFile(*b, l + "/stopwords.txt");
    if (w) lo.languages[l] = *w;
  }
  std::map<std::string, DocClauses> out;
  auto files = ListFiles(kShared + "/eval/gold", {".tsv"});
  if (!files) return std::unexpected(files.error());
  for (const auto& f : *files) {
    if (!EndsWith(f, ".lines.tsv")) continue;
    auto bytes = ReadFile(f);
    if (!bytes) return std::unexpected(bytes.error());
    bool header = true;
    for (std::string_view row : Split(*bytes, '\n')) {
      if (header || row.empty()) {
        header = false;
        continue;
      }
      auto cols = Split(row, '\t');
      if (cols.size() < 5) continue;
      GoldLine g;
      g.principle = std::stoi(std::string(cols[3]));
      for (auto t : Split(cols[4], ',')) {
        if (!t.empty()) g.topics.insert(std::string(t));
      }
      out[std::string(cols[0])].gold[std::stoi(std::string(cols[1]))] = std::move(g);
    }
  }
  for (auto& [doc, dc] : out) {
    auto text = ReadFile(kShared + "/corpora/" + doc);
    if (!text) return std::unexpected(text.error());
    auto d = LoadDocument(*text, doc, lo);
    if (!d) return std::unexpected(d.error());
    auto rules = ReadRuleFolder(rules_root, d->lang);
    if (!rules) return std::unexpected(rules.error());
    auto seg = Segmenter::Create(*rules, d->lang);
    if (!seg) return std::unexpected(seg.error());
    auto units = seg->Segment(*d);
    if (!units) return std::unexpected(units.error());
    auto ex = Extractor::Create(*rules, d->lang);
    if (!ex) return std::unexpected(ex.error());
    dc.clauses = ex->Extract(*units);
  }
  return out;
}

Precision EvaluateVectors(const std::vector<float>& vecs, int dim,
                          const std::vector<std::string>& doc, const std::vector<char>& query,
                          const std::vector<std::set<std::string>>& topics) {
  return EvaluateRows(
      [&](size_t i, size_t j) {
        return Dot(&vecs[i * static_cast<size_t>(dim)], &vecs[j * static_cast<size_t>(dim)], dim);
      },
      doc, query, topics);
}

// Fraction of foreign articles whose nearest English article is the same.
double CrossLingual(const Embedder& e, const std::vector<std::string>& en,
                    const std::vector<std::string>& fx) {
  if (en.size() != fx.size() || en.empty()) return 0;
  auto ve = e.EmbedBatch(en);
  auto vf = e.EmbedBatch(fx);
  const int d = e.dim();
  int ok = 0;
  for (size_t i = 0; i < fx.size(); ++i) {
    size_t best = 0;
    float bs = -2;
    for (size_t j = 0; j < en.size(); ++j) {
      float s = Dot(&vf[i * d], &ve[j * d], d);
      if (s > bs) {
        bs = s;
        best = j;
      }
    }
    ok += best == i;
  }
  return static_cast<double>(ok) / static_cast<double>(fx.size());
}

// Held out: the dictionary for `lang` re-learnt from all articles but i.
double CrossLingualHeldOut(const Embedder& e, const std::string& lang) {
  std::vector<std::vector<std::string>> en_raw, fx_raw;
  auto en = Articles("en", &en_raw);
  auto fx = Articles(lang, &fx_raw);
  if (en.size() != fx.size() || en.empty()) return 0;
  const embed::Model& base = EmbedderAccess::ModelOf(e);
  const embed::Tokenizer& tok = EmbedderAccess::TokenizerOf(e);
  auto li_it = std::find(base.langs.begin(), base.langs.end(), lang);
  if (li_it == base.langs.end()) return 0;
  const size_t li = static_cast<size_t>(li_it - base.langs.begin());
  auto ve = e.EmbedBatch(en);
  const int d = e.dim();
  int ok = 0;
  for (size_t held = 0; held < fx.size(); ++held) {
    std::vector<std::pair<std::vector<int>, std::vector<int>>> units;
    for (size_t a = 0; a < fx.size(); ++a) {
      if (a == held) continue;
      const auto& fl = fx_raw[a];
      const auto& el = en_raw[a];
      auto enc = [&](const std::vector<std::string>& ls, size_t from, size_t to) {
        std::vector<int> out;
        for (size_t i = from; i < to; ++i) tok.EncodeText(ls[i], &out);
        return out;
      };
      if (fl.size() == el.size()) {
        for (size_t i = 0; i < fl.size(); ++i)
          units.push_back({enc(fl, i, i + 1), enc(el, i, i + 1)});
      } else {
        units.push_back({enc(fl, 0, fl.size()), enc(el, 0, el.size())});
      }
    }
    embed::Model m = base;
    m.dict[li] = InduceDictionary(units);
    Embedder v = EmbedderAccess::WithModel(e, std::move(m));
    auto q = v.Embed(fx[held]);
    size_t best = 0;
    float bs = -2;
    for (size_t j = 0; j < en.size(); ++j) {
      float s = Dot(q.data(), &ve[j * d], d);
      if (s > bs) {
        bs = s;
        best = j;
      }
    }
    ok += best == held;
  }
  return static_cast<double>(ok) / static_cast<double>(fx.size());
}

// Best threshold separating positive from negative scores (balanced accuracy).
std::pair<float, double> BestThreshold(std::vector<float> pos, std::vector<float> neg) {
  std::vector<float> cands = pos;
  cands.insert(cands.end(), neg.begin(), neg.end());
  std::sort(cands.begin(), cands.end());
  float best_t = 0;
  double best_acc = -1;
  for (size_t i = 0; i + 1 < cands.size(); ++i) {
    float t = 0.5f * (cands[i] + cands[i + 1]);
    double tp = 0, tn = 0;
    for (float s : pos) tp += s >= t;
    for (float s : neg) tn += s < t;
    double acc = 0.5 * (tp / pos.size() + tn / neg.size());
    if (acc > best_acc) {
      best_acc = acc;
      best_t = t;
    }
  }
  return {best_t, best_acc};
}

void CosineThresholds(const Embedder& e) {
  auto bytes = ReadFile(kShared + "/corpora/principles/ccai-statements-to-principles.c3ai.jsonl");
  if (!bytes) return;
  std::vector<std::string> item, statement, principle;
  for (auto line : Split(*bytes, '\n')) {
    if (Trim(line).empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    item.push_back(j.value("item", ""));
    statement.push_back(j.value("statement", ""));
    principle.push_back(j.value("principle", ""));
  }
  auto vi = e.EmbedBatch(item), vs = e.EmbedBatch(statement), vp = e.EmbedBatch(principle);
  const int d = e.dim();
  const size_t n = item.size();
  // duplicate: "The AI should ..." vs "The assistant should ..." (same words);
  // similar: statement vs its "Choose the response that ..." rewrite;
  // unrelated: statement i vs principle j != i.
  std::vector<float> dup, sim, unrel;
  for (size_t i = 0; i < n; ++i) {
    dup.push_back(Dot(&vi[i * d], &vs[i * d], d));
    sim.push_back(Dot(&vs[i * d], &vp[i * d], d));
    for (size_t j = 0; j < n; ++j) {
      if (j != i) unrel.push_back(Dot(&vs[i * d], &vp[j * d], d));
    }
  }
  auto mean = [](const std::vector<float>& v) {
    double s = 0;
    for (float x : v) s += x;
    return v.empty() ? 0.0 : s / v.size();
  };
  std::printf("embed.pairs.duplicate_mean_cos: %.3f\n", mean(dup));
  std::printf("embed.pairs.similar_mean_cos: %.3f\n", mean(sim));
  std::printf("embed.pairs.unrelated_mean_cos: %.3f\n", mean(unrel));
  // Duplicate vs same-idea-other-words; similar vs unrelated.
  auto [td, ad] = BestThreshold(dup, sim);
  auto [ts, as] = BestThreshold(sim, unrel);
  std::printf("embed.threshold.duplicate: %.3f\nembed.threshold.duplicate_balanced_acc: %.3f\n", td,
              ad);
  std::printf("embed.threshold.similar: %.3f\nembed.threshold.similar_balanced_acc: %.3f\n", ts,
              as);
  // Reference raw-cosine thresholds of the committed model (models/README.md):
  // what the balanced accuracies below are measured at. The merge's own
  // thresholds (rules/thresholds.tsv) apply to its weighted similarity.
  struct {
    float duplicate = 0.90f;
    float similar = 0.76f;
  } def;
  double tp = 0, tn = 0, dp = 0, dn = 0;
  for (float s : sim) tp += s >= def.similar;
  for (float s : unrel) tn += s < def.similar;
  for (float s : dup) dp += s >= def.duplicate;
  for (float s : sim) dn += s < def.duplicate;
  std::printf("embed.threshold.similar_default_balanced_acc: %.3f\n",
              0.5 * (tp / sim.size() + tn / unrel.size()));
  std::printf("embed.threshold.duplicate_default_balanced_acc: %.3f\n",
              0.5 * (dp / dup.size() + dn / sim.size()));
}

}  // namespace

int main(int argc, char** argv) {
  std::string models = DefaultModelsRoot();
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--models") && i + 1 < argc) models = argv[++i];
    if (!std::strcmp(argv[i], "--quick")) quick = true;
  }
  if (!std::filesystem::is_directory(kShared + "/corpora")) {
    std::fprintf(stderr, "bench_embed: %s/corpora not found\n", kShared.c_str());
    return 1;
  }
  auto files = ReadModelFiles(models);
  if (!files) {
    std::fprintf(stderr, "bench_embed: %s\n", files.error().message.c_str());
    return 1;
  }
  double t0 = Now();
  auto emb = Embedder::Load(*files);
  if (!emb) {
    std::fprintf(stderr, "bench_embed: %s\n", emb.error().message.c_str());
    return 1;
  }
  std::printf("embed.load_s: %.3f\n", Now() - t0);
  std::printf("embed.dim: %d\n", emb->dim());

  // ---- precision@k on gold clauses
  auto gold = LoadGold();
  std::printf("embed.gold.clauses: %zu\n", gold.size());
  std::vector<std::string> texts;
  for (const auto& g : gold) texts.push_back(g.text);
  Print("tfidf", EvaluateGram(gold, TfidfGram(texts)));
  const embed::Model& base = EmbedderAccess::ModelOf(*emb);
  struct Variant {
    std::string name;
    float alpha, beta;
    int pc;
    float sif_a;  // 0: as trained
  };
  std::vector<Variant> variants = {{"model", base.alpha, base.beta, base.pc_remove, 0},
                                   {"semantic_only", 1, 0, 1, 0},
                                   {"semantic_only_pc0", 1, 0, 0, 0},
                                   {"semantic_only_pc2", 1, 0, 2, 0},
                                   {"semantic_only_pc4", 1, 0, 4, 0},
                                   {"semantic_only_pc8", 1, 0, 8, 0},
                                   {"semantic_only_sif1e-4", 1, 0, 1, 1e-4f},
                                   {"semantic_only_sif3e-4", 1, 0, 1, 3e-4f},
                                   {"semantic_only_sif1e-3", 1, 0, 1, 1e-3f},
                                   {"semantic_only_pc4_sif1e-4", 1, 0, 4, 1e-4f},
                                   {"lexical_only", 0, 1, 0, 0},
                                   {"mix_0.9_0.44", 0.9f, 0.44f, base.pc_remove, 0},
                                   {"mix_0.8_0.6", 0.8f, 0.6f, base.pc_remove, 0},
                                   {"mix_0.7_0.71", 0.7f, 0.71f, base.pc_remove, 0}};
  float trained_a = 1e-3f;
  {
    auto j = nlohmann::json::parse(files->files["manifest.json"], nullptr, false);
    if (!j.is_discarded() && j.contains("params")) trained_a = j["params"].value("sif_a", 1e-3f);
  }
  for (const auto& v : variants) {
    embed::Model m = base;
    m.alpha = v.alpha;
    m.beta = v.beta;
    m.pc_remove = v.pc;
    if (v.sif_a > 0) {
      for (float& w : m.sif) {
        const float p = trained_a / w - trained_a;  // invert a / (a + p)
        w = v.sif_a / (v.sif_a + p);
      }
    }
    Embedder e = EmbedderAccess::WithModel(*emb, std::move(m));
    Print(v.name, Evaluate(gold, e.EmbedBatch(texts), e.dim()));
  }

  // ---- clause vectors: topic and context channels (what similar/search use)
  auto gold_docs = ExtractGoldDocs();
  auto en_rules = ReadRuleFolder(DefaultRulesRoot(), "en");
  if (!gold_docs || !en_rules) {
    std::fprintf(stderr, "bench_embed: %s\n",
                 (!gold_docs ? gold_docs.error() : en_rules.error()).message.c_str());
  } else {
    const std::vector<std::string> taxonomy = ParseTopicTaxonomy((*en_rules)["topics.tsv"]);
    // clause protocol: the gold lines, with the extraction of their line.
    std::vector<ClauseText> line_items;
    std::vector<std::string> line_doc;
    std::vector<std::set<std::string>> line_topics;
    std::map<std::string, std::vector<ClauseText>> doc_cts;
    for (const auto& g : gold) {
      ClauseText ct{g.text, "", {}};
      const auto& clauses = (*gold_docs)[g.doc].clauses;
      auto cit = doc_cts.find(g.doc);
      if (cit == doc_cts.end()) cit = doc_cts.emplace(g.doc, ClauseTexts(clauses)).first;
      const std::vector<ClauseText>& cts = cit->second;
      for (size_t ci = 0; ci < clauses.size(); ++ci) {
        const Clause& c = clauses[ci];
        if (c.unit.type != "text" || c.unit.line_start > static_cast<uint32_t>(g.line) ||
            c.unit.line_end < static_cast<uint32_t>(g.line)) {
          continue;
        }
        if (ct.context.empty()) ct.context = cts[ci].context;
        for (const auto& t : c.topics) {
          if (std::find(ct.topics.begin(), ct.topics.end(), t) == ct.topics.end())
            ct.topics.push_back(t);
        }
      }
      line_items.push_back(std::move(ct));
      line_doc.push_back(g.doc);
      line_topics.push_back(g.topics);
    }
    const std::vector<char> all_queries(gold.size(), 1);
    // similar protocol: principle-worthy text clauses, as CollectUnits keeps them.
    std::vector<ClauseText> unit_items;
    std::vector<std::string> unit_texts, unit_doc;
    std::vector<std::set<std::string>> unit_topics;
    std::vector<char> unit_query;
    for (const auto& [doc, dc] : *gold_docs) {
      const std::vector<ClauseText> cts = ClauseTexts(dc.clauses);
      for (size_t ci = 0; ci < dc.clauses.size(); ++ci) {
        const Clause& c = dc.clauses[ci];
        if (!c.principle || c.unit.type != "text") continue;
        std::set<std::string> topics;
        bool q = false, judged = false;
        for (uint32_t l = c.unit.line_start; l <= c.unit.line_end; ++l) {
          auto it = dc.gold.find(static_cast<int>(l));
          if (it == dc.gold.end()) continue;
          judged = true;
          topics.insert(it->second.topics.begin(), it->second.topics.end());
          q = q || it->second.principle == 2;
        }
        // Units outside the labelled lines can be neither judged nor asked about.
        if (!judged) continue;
        unit_items.push_back(cts[ci]);
        unit_texts.push_back(c.unit.text);
        unit_doc.push_back(doc);
        unit_topics.push_back(std::move(topics));
        unit_query.push_back(q);
      }
    }
    size_t nq = 0;
    for (char q : unit_query) nq += q;
    std::printf("embed.similar.units: %zu\nembed.similar.queries: %zu\n", unit_items.size(), nq);
    // The best any ranking can do: min(k, correct candidates) / k per query.
    auto ceiling = [](const std::vector<std::string>& docs, const std::vector<char>& queries,
                      const std::vector<std::set<std::string>>& topics) {
      Precision p;
      int nq = 0;
      for (size_t q = 0; q < docs.size(); ++q) {
        if (!queries[q]) continue;
        int ok = 0;
        for (size_t j = 0; j < docs.size(); ++j) {
          if (docs[j] == docs[q]) continue;
          for (const auto& t : topics[j]) {
            if (topics[q].count(t)) {
              ++ok;
              break;
            }
          }
        }
        p.p1 += std::min(ok, 1);
        p.p5 += std::min(ok, 5) / 5.0;
        p.p10 += std::min(ok, 10) / 10.0;
        ++nq;
      }
      p.p1 /= std::max(nq, 1);
      p.p5 /= std::max(nq, 1);
      p.p10 /= std::max(nq, 1);
      return p;
    };
    Print("clause.ceiling", ceiling(line_doc, all_queries, line_topics));
    Print("similar.ceiling", ceiling(unit_doc, unit_query, unit_topics));
    {
      const auto gram = TfidfGram(unit_texts);
      const size_t n = unit_texts.size();
      Print("similar.tfidf", EvaluateRows([&](size_t i, size_t j) { return gram[i * n + j]; },
                                          unit_doc, unit_query, unit_topics));
    }
    struct ClauseVariant {
      std::string name;
      float topic_weight, decay, context_weight;
      int infer_k = 0;
      float infer_weight = 0;
      float smoothing = 0;
    };
    const ClauseVectorOptions def;
    std::vector<ClauseVariant> cvs = {
        {"text_only", 0, def.topic_decay, 0},
        {"context_w0.3", 0, def.topic_decay, 0.3f},
        {"context_w0.6", 0, def.topic_decay, 0.6f},
        {"topic_w0.5", 0.5f, def.topic_decay, 0},
        {"topic_w0.7", 0.7f, def.topic_decay, 0},
        {"topic_w1.0", 1.0f, def.topic_decay, 0},
        {"topic_w1.4", 1.4f, def.topic_decay, 0},
        {"topic_w2.0", 2.0f, def.topic_decay, 0},
        {"topic_w1.0_decay1.0", 1.0f, 1.0f, 0},
        {"topic_w1.0_decay0.5", 1.0f, 0.5f, 0},
        {"infer_k5_w0.5", 1.0f, def.topic_decay, 0.5f, 5, 0.5f},
        {"infer_k5_w0.7", 1.0f, def.topic_decay, 0.5f, 5, 0.7f},
        {"infer_k5_w1.0", 1.0f, def.topic_decay, 0.5f, 5, 1.0f},
        {"infer_k10_w0.7", 1.0f, def.topic_decay, 0.5f, 10, 0.7f},
        {"infer_k3_w0.7", 1.0f, def.topic_decay, 0.5f, 3, 0.7f},
        {"smooth0.25", 1.0f, def.topic_decay, 0.5f, 5, 0.7f, 0.25f},
        {"smooth0.5", 1.0f, def.topic_decay, 0.5f, 5, 0.7f, 0.5f},
        {"smooth1.0", 1.0f, def.topic_decay, 0.5f, 5, 0.7f, 1.0f},
        {"default", def.topic_weight, def.topic_decay, def.context_weight, def.infer_k,
         def.infer_weight, def.topic_smoothing},
    };
    // Robustness: held-out documents' extraction will name topics less well
    // than on this dev set (where the topic rules were written). Degrade the
    // extracted topics on purpose — a fraction of clauses lose theirs, as
    // many get a wrong first topic (deterministic LCG) — and measure again.
    for (double noise : {0.0, 0.1, 0.2, 0.3}) {
      auto degrade = [&](std::vector<ClauseText> items) {
        uint64_t state = 12345;
        auto next = [&] {
          state = state * 6364136223846793005ull + 1442695040888963407ull;
          return static_cast<double>(state >> 11) / static_cast<double>(1ull << 53);
        };
        for (auto& it : items) {
          const double r = next();
          const size_t pick = static_cast<size_t>(next() * static_cast<double>(taxonomy.size()));
          if (r < noise) {
            it.topics.clear();
          } else if (r < 2 * noise && !it.topics.empty()) {
            it.topics[0] = taxonomy[std::min(pick, taxonomy.size() - 1)];
          }
        }
        return items;
      };
      ClauseVectorOptions o;
      o.taxonomy = taxonomy;
      ClauseEmbedder ce(*emb, o);
      char name[64];
      std::snprintf(name, sizeof name, "clause.default_topic_noise%.1f", noise);
      Print(name, EvaluateVectors(ce.EmbedBatch(degrade(line_items)), ce.dim(), line_doc,
                                  all_queries, line_topics));
      std::snprintf(name, sizeof name, "similar.default_topic_noise%.1f", noise);
      Print(name, EvaluateVectors(ce.EmbedBatch(degrade(unit_items)), ce.dim(), unit_doc,
                                  unit_query, unit_topics));
    }
    // Speed of clause vectors (text + caption + topic inference) on the
    // similar units, repeated to time something: CPU seconds, one core.
    {
      ClauseVectorOptions o;
      o.taxonomy = taxonomy;
      ClauseEmbedder ce(*emb, o);
      std::vector<ClauseText> many;
      size_t text_bytes = 0;
      for (int r = 0; r < 20; ++r) {
        for (const auto& it : unit_items) {
          many.push_back(it);
          text_bytes += it.text.size();
        }
      }
      std::clock_t c0 = std::clock();
      auto v = ce.EmbedBatch(many);
      double dt = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      std::printf("embed.clause_vectors_mb_s_1core: %.2f (%zu clauses)\n", text_bytes / 1e6 / dt,
                  many.size());
      // Without the batch's topic inference (a kNN search over the batch).
      o.infer_k = 0;
      ClauseEmbedder ce0(*emb, o);
      c0 = std::clock();
      v = ce0.EmbedBatch(many);
      dt = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      std::printf("embed.clause_vectors_no_inference_mb_s_1core: %.2f\n", text_bytes / 1e6 / dt);
    }
    // search: a gold line's bare text (no caption, no topics) as the query
    // against the clause vectors of the other documents' gold lines; the
    // query's topic channel inferred from its first-pass neighbours, as
    // `charter search` does. Baseline: Embed() vectors on both sides.
    {
      ClauseVectorOptions o;
      o.taxonomy = taxonomy;
      ClauseEmbedder ce(*emb, o);
      const auto v = ce.EmbedBatch(line_items);
      const size_t d = static_cast<size_t>(ce.dim());
      const size_t n = line_items.size();
      std::vector<float> q(n * d);
      for (size_t i = 0; i < n; ++i) {
        auto qi = ce.Embed({line_items[i].text, "", {}});
        std::vector<std::pair<float, size_t>> c;
        for (size_t j = 0; j < n; ++j) {
          if (line_doc[j] != line_doc[i]) c.push_back({Dot(qi.data(), &v[j * d], ce.dim()), j});
        }
        const size_t top = std::min<size_t>(static_cast<size_t>(o.infer_k), c.size());
        std::partial_sort(c.begin(), c.begin() + static_cast<long>(top), c.end(),
                          [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::pair<float, std::vector<std::string>>> nearest;
        for (size_t r = 0; r < top; ++r)
          nearest.push_back({c[r].first, line_items[c[r].second].topics});
        qi = ce.WithInferredTopics(std::move(qi), nearest);
        std::copy(qi.begin(), qi.end(), q.begin() + static_cast<long>(i * d));
      }
      Print("search.clause_vectors",
            EvaluateRows([&](size_t i, size_t j) { return Dot(&q[i * d], &v[j * d], ce.dim()); },
                         line_doc, all_queries, line_topics));
      std::vector<std::string> plain;
      for (const auto& it : line_items) plain.push_back(it.text);
      Print("search.text_only", EvaluateVectors(emb->EmbedBatch(plain), emb->dim(), line_doc,
                                                all_queries, line_topics));
    }
    // Re-ranking and text-model variants on top of the default clause vectors.
    {
      auto rerank = [&](const std::vector<ClauseText>& items, const std::vector<std::string>& docs,
                        const std::vector<char>& queries,
                        const std::vector<std::set<std::string>>& topics,
                        const std::string& proto) {
        ClauseVectorOptions o;
        o.taxonomy = taxonomy;
        ClauseEmbedder ce(*emb, o);
        const auto v = ce.EmbedBatch(items);
        const int d = ce.dim();
        const size_t n = items.size();
        std::vector<float> gram(n * n);
        for (size_t i = 0; i < n; ++i)
          for (size_t j = 0; j < n; ++j) gram[i * n + j] = Dot(&v[i * d], &v[j * d], d);
        // r_j: mean similarity of j's 10 nearest rows of other documents.
        std::vector<float> r(n);
        for (size_t i = 0; i < n; ++i) {
          std::vector<float> s;
          for (size_t j = 0; j < n; ++j)
            if (docs[j] != docs[i]) s.push_back(gram[i * n + j]);
          size_t k = std::min<size_t>(10, s.size());
          std::partial_sort(s.begin(), s.begin() + static_cast<long>(k), s.end(),
                            std::greater<float>());
          double sum = 0;
          for (size_t t = 0; t < k; ++t) sum += s[t];
          r[i] = k ? static_cast<float>(sum / k) : 0.0f;
        }
        for (float lam : {0.5f, 1.0f}) {
          char name[64];
          std::snprintf(name, sizeof name, "%s.csls%.1f", proto.c_str(), lam);
          Print(name, EvaluateRows([&](size_t i, size_t j) { return gram[i * n + j] - lam * r[j]; },
                                   docs, queries, topics));
        }
        for (int m : {3, 5}) {
          for (float beta : {0.3f, 0.6f}) {
            std::vector<float> q2(v);
            for (size_t i = 0; i < n; ++i) {
              std::vector<std::pair<float, size_t>> c;
              for (size_t j = 0; j < n; ++j)
                if (docs[j] != docs[i]) c.push_back({gram[i * n + j], j});
              size_t k = std::min<size_t>(static_cast<size_t>(m), c.size());
              std::partial_sort(c.begin(), c.begin() + static_cast<long>(k), c.end(),
                                [](const auto& a, const auto& b) { return a.first > b.first; });
              for (size_t t = 0; t < k; ++t)
                for (int x = 0; x < d; ++x) q2[i * d + x] += beta / k * v[c[t].second * d + x];
            }
            char name[64];
            std::snprintf(name, sizeof name, "%s.prf_m%d_b%.1f", proto.c_str(), m, beta);
            Print(name,
                  EvaluateRows([&](size_t i, size_t j) { return Dot(&q2[i * d], &v[j * d], d); },
                               docs, queries, topics));
          }
        }
        struct TV {
          const char* name;
          float alpha, beta;
          int pc;
        };
        for (const TV& tv : {TV{"text_sem_pc8", 1, 0, 8}, TV{"text_sem_pc1", 1, 0, 1},
                             TV{"text_mix0.9_pc8", 0.9f, 0.44f, 8}}) {
          embed::Model m = EmbedderAccess::ModelOf(*emb);
          m.alpha = tv.alpha;
          m.beta = tv.beta;
          m.pc_remove = tv.pc;
          ClauseEmbedder ce2(EmbedderAccess::WithModel(*emb, std::move(m)), o);
          Print(proto + "." + tv.name,
                EvaluateVectors(ce2.EmbedBatch(items), ce2.dim(), docs, queries, topics));
        }
      };
      rerank(line_items, line_doc, all_queries, line_topics, "clause");
      rerank(unit_items, unit_doc, unit_query, unit_topics, "similar");
    }
    // Debugging aid: CHARTER_BENCH_DUMP=prefix writes each query's top 5
    // (prefix.clause.tsv, prefix.similar.tsv) with extracted and gold topics.
    auto dump_top5 = [&](const std::vector<ClauseText>& items, const std::vector<std::string>& docs,
                         const std::vector<char>& queries,
                         const std::vector<std::set<std::string>>& topics,
                         const std::string& path) {
      ClauseVectorOptions o;
      o.taxonomy = taxonomy;
      ClauseEmbedder ce(*emb, o);
      auto vecs = ce.EmbedBatch(items);
      const int d = ce.dim();
      std::string out;
      auto join = [](const auto& c) {
        std::string s;
        for (const auto& t : c) s += (s.empty() ? "" : ",") + std::string(t);
        return s;
      };
      for (size_t q = 0; q < items.size(); ++q) {
        if (!queries[q]) continue;
        std::vector<std::pair<float, size_t>> cand;
        for (size_t j = 0; j < items.size(); ++j) {
          if (docs[j] != docs[q]) cand.push_back({Dot(&vecs[q * d], &vecs[j * d], d), j});
        }
        std::partial_sort(cand.begin(), cand.begin() + 5, cand.end(),
                          [](const auto& a, const auto& b) { return a.first > b.first; });
        out += "Q\t" + docs[q] + "\t" + join(items[q].topics) + "\t" + join(topics[q]) + "\t" +
               items[q].context + "\t" + items[q].text + "\n";
        for (size_t r = 0; r < 5; ++r) {
          size_t j = cand[r].second;
          bool hit = false;
          for (const auto& t : topics[j]) hit = hit || topics[q].count(t);
          out += std::string(hit ? "+" : "-") + "\t" + std::to_string(cand[r].first) + "\t" +
                 join(items[j].topics) + "\t" + join(topics[j]) + "\t" + items[j].context + "\t" +
                 items[j].text.substr(0, 150) + "\n";
        }
      }
      (void)WriteFileAtomic(path, out);
    };
    if (const char* dump = std::getenv("CHARTER_BENCH_DUMP")) {
      dump_top5(line_items, line_doc, all_queries, line_topics, std::string(dump) + ".clause.tsv");
      dump_top5(unit_items, unit_doc, unit_query, unit_topics, std::string(dump) + ".similar.tsv");
    }
    if (std::getenv("CHARTER_BENCH_GRID")) {
      cvs.clear();
      for (float tw : {0.7f, 1.0f, 1.2f, 1.4f})
        for (float cw : {0.3f, 0.5f, 0.7f, 1.0f, 1.5f})
          cvs.push_back(
              {"grid_t" + std::to_string(tw).substr(0, 3) + "_c" + std::to_string(cw).substr(0, 3),
               tw, def.topic_decay, cw, 0, 0});
    }
    for (const auto& v : cvs) {
      ClauseVectorOptions o;
      o.taxonomy = v.topic_weight > 0 ? taxonomy : std::vector<std::string>{};
      o.topic_weight = v.topic_weight;
      o.topic_decay = v.decay;
      o.context_weight = v.context_weight;
      o.infer_k = v.infer_k;
      o.infer_weight = v.infer_weight;
      o.topic_smoothing = v.smoothing;
      ClauseEmbedder ce(*emb, o);
      Print("clause." + v.name, EvaluateVectors(ce.EmbedBatch(line_items), ce.dim(), line_doc,
                                                all_queries, line_topics));
      Print("similar." + v.name, EvaluateVectors(ce.EmbedBatch(unit_items), ce.dim(), unit_doc,
                                                 unit_query, unit_topics));
    }
  }

  // ---- cross-lingual
  auto en = Articles("en", nullptr);
  double sum = 0, sum_held = 0;
  for (const char* lang : {"fr", "es", "de"}) {
    double acc = CrossLingual(*emb, en, Articles(lang, nullptr));
    double held = CrossLingualHeldOut(*emb, lang);
    sum += acc;
    sum_held += held;
    std::printf("embed.udhr_%s_to_en.top1: %.3f\n", lang, acc);
    std::printf("embed.udhr_%s_to_en.top1_heldout: %.3f\n", lang, held);
  }
  std::printf("embed.udhr_xling.top1: %.3f\n", sum / 3);
  std::printf("embed.udhr_xling.top1_heldout: %.3f\n", sum_held / 3);

  // ---- thresholds
  CosineThresholds(*emb);

  // ---- speed
  std::vector<std::string> lines;
  size_t bytes = 0;
  auto corpus_files = ListFiles(kShared + "/corpora/constitutions/en", {".txt"});
  if (corpus_files) {
    for (const auto& f : *corpus_files) {
      auto b = ReadFile(f);
      if (!b) continue;
      for (auto l : Split(*b, '\n')) {
        if (Trim(l).empty()) continue;
        lines.emplace_back(l);
        bytes += l.size();
      }
    }
  }
  const size_t speed_lines = std::min<size_t>(lines.size(), quick ? 20000 : 100000);
  std::vector<std::string> sample(lines.begin(), lines.begin() + static_cast<long>(speed_lines));
  size_t sample_bytes = 0;
  for (const auto& s : sample) sample_bytes += s.size();
  // CPU time of this single-threaded loop: the figure for one core even when
  // the machine is shared.
  t0 = Now();
  const std::clock_t c0 = std::clock();
  std::vector<float> vecs = emb->EmbedBatch(sample);
  const double dt = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  std::printf("embed.embed_wall_s: %.2f\n", Now() - t0);
  std::printf("embed.embed_mb_s_1core: %.2f\n", sample_bytes / 1e6 / dt);
  std::printf("embed.embed_lines_s_1core: %.0f\n", sample.size() / dt);

  t0 = Now();
  auto ivf = VectorIndex::Build(vecs, emb->dim(), IndexOptions{.exact_max = 20000});
  std::printf("embed.knn_%zuk.build_s: %.2f (%s)\n", sample.size() / 1000, Now() - t0,
              ivf ? ivf->kind().c_str() : "failed");
  auto flat = VectorIndex::Build(vecs, emb->dim(), IndexOptions{.exact_max = 1 << 30});
  if (ivf && flat) {
    const size_t nq = 1000, d = static_cast<size_t>(emb->dim());
    std::vector<float> q(vecs.begin(), vecs.begin() + static_cast<long>(nq * d));
    t0 = Now();
    auto a = ivf->SearchBatch(q, 10);
    double t_ivf = Now() - t0;
    t0 = Now();
    auto b = flat->SearchBatch(q, 10);
    double t_flat = Now() - t0;
    // Recall by score: corpora repeat lines ("Article 5"), so identical
    // vectors tie and ids alone would count a tie as a miss.
    double recall = 0;
    for (size_t i = 0; i < nq; ++i) {
      if ((*b)[i].empty()) continue;
      const float kth = (*b)[i].back().score - 1e-5f;
      for (const auto& x : (*a)[i]) recall += x.score >= kth;
    }
    std::printf("embed.knn_%zuk.ivf_query_ms: %.3f\n", sample.size() / 1000, t_ivf * 1000 / nq);
    std::printf("embed.knn_%zuk.flat_query_ms: %.3f\n", sample.size() / 1000, t_flat * 1000 / nq);
    std::printf("embed.knn_%zuk.ivf_recall@10: %.3f\n", sample.size() / 1000, recall / (nq * 10));
  }
  return 0;
}
