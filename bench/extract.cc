// bench/extract.cc — quality and speed of extraction.
//
// Quality: scores extraction against ../shared/eval/gold/*.lines.tsv at line
// level. A gold line (principle 2 = positive, 0 = negative, 1 = ignored) is
// predicted positive when a clause with principle true spans it
// (line_start <= line <= line_end). Kind accuracy is measured on the gold
// positives: the kind of the first principle clause spanning the line (else
// of the first clause spanning it) against the gold kind.
// Cross-language: the UDHR in fr and es must give, article by article, the
// same topic set (union over the article's principle clauses) as in English.
// Speed: load + segment + extract over every file of ../shared/corpora, a
// first pass and a warm second one (see Throughput).
//
// Output lines: "extract.<doc>.precision: X", ..., "extract.all.f1: X",
// "extract.udhr_topics_agree.fr: X", "extract.throughput_mb_s: X".
//
// Usage: bench_extract [--verbose] [--line-units] [--rules DIR]
//   --verbose     print every wrong gold line to stderr
//   --line-units  one unit per source line (crude built-in segmentation), to
//                 measure the extractor apart from the segmenter
#include "extract/extract.h"

#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "core/types.h"
#include "load/load.h"
#include "segment/segment.h"
#include "files/files.h"

using namespace charter;
namespace fs = std::filesystem;

namespace {

bool g_verbose = false;
bool g_line_units = false;
std::string g_rules;

struct Stage {
  std::map<std::string, std::vector<std::string>> stopwords;
  std::map<std::string, std::shared_ptr<Segmenter>> segmenters;
  std::map<std::string, std::shared_ptr<Extractor>> extractors;
};

Stage& GetStage() {
  static Stage s;
  return s;
}

std::shared_ptr<Extractor> ExtractorFor(const std::string& lang) {
  auto& ex = GetStage().extractors;
  if (auto it = ex.find(lang); it != ex.end()) return it->second;
  // A language without extraction rules is remembered as such (nullptr), so
  // its documents fall back to English without re-reading the rules.
  auto texts = ReadRuleFolder(g_rules, lang);
  if (!texts) {
    std::cerr << texts.error().message << "\n";
    return ex[lang] = nullptr;
  }
  // Languages with segmentation rules only (de, it, nl, pt): their
  // documents are read with the English rules, as said once here.
  if (!texts->count(lang + "/modality.tsv")) {
    std::cerr << "bench_extract: '" << lang
              << "' has no extraction rules: its documents are extracted with the English ones\n";
    return ex[lang] = nullptr;
  }
  auto e = Extractor::Create(*texts, lang);
  if (!e) {
    std::cerr << e.error().message << "\n";
    return ex[lang] = nullptr;
  }
  return ex[lang] = std::make_shared<Extractor>(std::move(*e));
}

std::shared_ptr<Segmenter> SegmenterFor(const std::string& lang) {
  auto& seg = GetStage().segmenters;
  if (auto it = seg.find(lang); it != seg.end()) return it->second;
  auto texts = ReadRuleFolder(g_rules, lang);
  if (!texts) return seg[lang] = nullptr;
  auto s = Segmenter::Create(*texts, lang);
  if (!s) {
    std::cerr << s.error().message << "\n";
    return seg[lang] = nullptr;
  }
  return seg[lang] = std::make_shared<Segmenter>(std::move(*s));
}

LoadOptions LoadOpts(const std::string& lang) {
  LoadOptions opt;
  opt.lang = lang;
  if (GetStage().stopwords.empty()) {
    for (const std::string& l : AvailableLanguages(g_rules)) {
      auto bytes = ReadFile(g_rules + "/" + l + "/stopwords.txt");
      if (!bytes) continue;
      auto words = ParseListFile(*bytes, l + "/stopwords.txt");
      if (words) GetStage().stopwords[l] = *words;
    }
  }
  opt.languages = GetStage().stopwords;
  return opt;
}

// A crude line segmentation, for measuring the extractor on its own: every
// non-blank line is a unit; heading-like lines are headings; "a." / "i."
// items carry the last line that ended in a dash or colon as their lead-in.
std::vector<Provision> LineUnits(const std::string& text, const std::string& doc) {
  static const re2::RE2 part(
      R"((?i)^(?:part|chapter|title|titre|título|capítulo|chapitre|schedule|preamble|préambule|preámbulo)\b.*)");
  static const re2::RE2 article(
      R"(^(?:Article|Artículo|Art\.)\s+\S+(?:\s+\[.*\])?$|^\d+[A-Z]?\.\s+[A-Z][^.;:]*$|^Article \d+\w*\. \[.*$)");
  static const re2::RE2 caption(R"(^[A-Z][^.;:!?\-]{0,80}$)");
  static const re2::RE2 verb(R"([\-—:]$| (?:has|have|shall|is|are|may|must) )");
  static const re2::RE2 item(R"(^(?:[a-z]{1,2}|[ivx]+)\.\s?|^\((?:[a-z]|[ivx]+)\)\s|^-\s)");
  std::vector<Provision> out;
  std::vector<std::pair<int, std::string>> heads;  // (level, heading)
  auto head_texts = [&] {
    std::vector<std::string> v;
    for (auto& h : heads) v.push_back(h.second);
    return v;
  };
  auto push_head = [&](int level, const std::string& h) {
    while (!heads.empty() && heads.back().first >= level) heads.pop_back();
    heads.push_back({level, h});
  };
  std::vector<std::string> leads;  // open lead-ins, outermost first (full texts)
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line(Trim(std::string_view(text).substr(pos, nl - pos)));
    ++line_no;
    uint32_t begin = static_cast<uint32_t>(pos);
    pos = nl + 1;
    if (line.empty()) {
      if (nl == text.size()) break;
      continue;
    }
    Provision p;
    p.doc = doc;
    p.line_start = p.line_end = line_no;
    p.begin = begin;
    p.end = static_cast<uint32_t>(nl);
    p.id = doc + "#L" + std::to_string(line_no);
    p.text = line;
    if (re2::RE2::FullMatch(line, part)) {
      p.type = "heading";
      std::string low = AsciiLower(line);
      int level = StartsWith(low, "chap") || StartsWith(low, "cap") ? 1
                  : StartsWith(low, "pr")                           ? 5
                                                                    : 0;
      while (!heads.empty() && heads.back().first >= level) heads.pop_back();
      p.headings = head_texts();
      push_head(level, line);
      leads.clear();
    } else if (re2::RE2::FullMatch(line, article) && !re2::RE2::PartialMatch(line, verb)) {
      p.type = "article";
      while (!heads.empty() && heads.back().first >= 3) heads.pop_back();
      p.headings = head_texts();
      leads.clear();
    } else if (re2::RE2::FullMatch(line, caption) && !re2::RE2::PartialMatch(line, item) &&
               line.find(' ') != std::string::npos && line.size() < 60) {
      p.type = "heading";
      while (!heads.empty() && heads.back().first >= 2) heads.pop_back();
      p.headings = head_texts();
      push_head(2, line);
      leads.clear();
    } else {
      p.type = "text";
      p.headings = head_texts();
      bool is_item = re2::RE2::PartialMatch(line, item);
      bool roman = re2::RE2::PartialMatch(line, R"(^(?:[ivx]+)\.\s)") && !StartsWith(line, "i. ");
      bool is_sub = re2::RE2::PartialMatch(line, R"(^(?:ii|iii|iv|v|vi|vii|viii|ix|x)\.\s)") ||
                    (StartsWith(line, "i. ") && leads.size() >= 2);
      (void)roman;
      if (!is_item)
        leads.clear();
      else if (!is_sub && leads.size() > 1)
        leads.resize(1);
      if (is_item && !leads.empty()) {
        p.lead_in = leads.back();
        p.text = leads.back() + " " + line;
      }
      char last = line.back();
      bool opens = last == '-' || last == ':' || EndsWith(line, "â");
      if (opens) leads.push_back(p.text);
    }
    out.push_back(std::move(p));
    if (nl == text.size()) break;
  }
  return out;
}

// Units of a file: load + segment (or line units).
Result<std::vector<Provision>> Units(const std::string& path, const std::string& lang,
                                     const std::string& bytes, std::string* doc_lang) {
  auto doc = LoadDocument(bytes, path, LoadOpts(lang));
  if (!doc) return std::unexpected(doc.error());
  *doc_lang = doc->lang.empty() ? lang : doc->lang;
  if (g_line_units) return LineUnits(doc->text, path);
  auto seg = SegmenterFor(*doc_lang);
  if (!seg) return InvalidArgument(path + ": no segmenter for '" + *doc_lang + "'");
  return seg->Segment(*doc);
}

struct Score {
  int tp = 0, fp = 0, fn = 0, pos = 0, kind_ok = 0;
  void Add(const Score& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    pos += o.pos;
    kind_ok += o.kind_ok;
  }
};

void Print(const std::string& name, const Score& s) {
  double p = s.tp + s.fp ? double(s.tp) / (s.tp + s.fp) : 0;
  double r = s.tp + s.fn ? double(s.tp) / (s.tp + s.fn) : 0;
  double f = p + r ? 2 * p * r / (p + r) : 0;
  double k = s.pos ? double(s.kind_ok) / s.pos : 0;
  std::printf("extract.%s.precision: %.3f\n", name.c_str(), p);
  std::printf("extract.%s.recall: %.3f\n", name.c_str(), r);
  std::printf("extract.%s.f1: %.3f\n", name.c_str(), f);
  std::printf("extract.%s.kind_accuracy: %.3f\n", name.c_str(), k);
}

struct GoldLine {
  std::string kind;
  int principle = 0;
  std::string text;
};

Score ScoreDoc(const std::string& doc, const std::map<uint32_t, GoldLine>& gold,
               const Extractor& ex) {
  Score s;
  std::string path = std::string(CHARTER_SHARED_DIR) + "/corpora/" + doc;
  auto bytes = ReadFile(path);
  if (!bytes) {
    std::cerr << bytes.error().message << "\n";
    return s;
  }
  std::string lang;
  auto units = Units(path, ex.lang(), *bytes, &lang);
  if (!units) {
    std::cerr << units.error().message << "\n";
    return s;
  }
  std::vector<Clause> clauses = ex.Extract(*units);
  for (const auto& [line, g] : gold) {
    const Clause* best = nullptr;
    const Clause* first = nullptr;
    for (const Clause& c : clauses) {
      if (c.unit.line_start > line || c.unit.line_end < line) continue;
      if (!first) first = &c;
      if (c.principle && !best) best = &c;
    }
    const Clause* use = best ? best : first;
    std::string kind = use ? KindName(use->kind) : "none";
    bool pred = best != nullptr;
    bool wrong = false;
    if (g.principle == 2) {
      ++s.pos;
      if (pred)
        ++s.tp;
      else {
        ++s.fn;
        wrong = true;
      }
      if (kind == g.kind)
        ++s.kind_ok;
      else
        wrong = true;
    } else if (g.principle == 0 && pred) {
      ++s.fp;
      wrong = true;
    }
    if (wrong && g_verbose) {
      std::cerr << (g.principle == 2 ? (pred ? "KIND" : "FN  ") : "FP  ") << " " << doc << ":"
                << line << " gold=" << g.kind << "/" << g.principle << " pred=" << kind << "/"
                << (use ? use->score : 0.0) << " | " << g.text.substr(0, 90);
      if (use) {
        std::cerr << " |";
        for (const auto& r : use->rules) std::cerr << " " << r;
      }
      std::cerr << "\n";
    }
  }
  return s;
}

std::map<std::string, std::map<uint32_t, GoldLine>> ReadGold() {
  std::map<std::string, std::map<uint32_t, GoldLine>> out;
  std::string dir = std::string(CHARTER_SHARED_DIR) + "/eval/gold";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (EndsWith(e.path().filename().string(), ".lines.tsv")) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto bytes = ReadFile(f);
    if (!bytes) continue;
    bool header = true;
    for (std::string_view line : Split(*bytes, '\n')) {
      if (header) {
        header = false;
        continue;
      }
      if (line.empty()) continue;
      auto cols = Split(line, '\t');
      if (cols.size() < 4) continue;
      GoldLine g;
      g.kind = std::string(cols[2]);
      g.principle = std::atoi(std::string(cols[3]).c_str());
      if (cols.size() > 5) g.text = std::string(cols[5]);
      out[std::string(cols[0])][static_cast<uint32_t>(std::atoi(std::string(cols[1]).c_str()))] = g;
    }
  }
  return out;
}

// Topic set per UDHR article (by order of the article records).
std::vector<std::set<std::string>> UdhrTopics(const std::string& lang) {
  std::vector<std::set<std::string>> arts;
  auto ex = ExtractorFor(lang);
  if (!ex) return arts;
  std::string path = std::string(CHARTER_SHARED_DIR) + "/corpora/instruments/udhr/" + lang + ".txt";
  auto bytes = ReadFile(path);
  if (!bytes) return arts;
  std::string doc_lang;
  auto units = Units(path, lang, *bytes, &doc_lang);
  if (!units) {
    std::cerr << units.error().message << "\n";
    return arts;
  }
  static const re2::RE2 art_re(
      R"((?i)^\s*(?:article|artículo|art\.?)\s+(?:\d+|premier|primero)\b)");
  bool in_article = false;
  for (const Clause& c : ex->Extract(*units)) {
    bool is_article = c.unit.type == "article" ||
                      (c.unit.type == "heading" && re2::RE2::PartialMatch(c.unit.text, art_re));
    if (is_article) {
      arts.emplace_back();
      in_article = true;
      continue;
    }
    if (!in_article || !c.principle) continue;
    for (const auto& t : c.topics) arts.back().insert(t);
  }
  return arts;
}

double CpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

// load + segment + extract over every .txt of ../shared/corpora/{constitutions,
// instruments}; each document in its detected language (English rules where a
// language has none). Timed in process CPU seconds (the machine may be shared).
//
// Two passes over the corpus. The first is what one run over it costs: RE2
// builds its DFA states as the text needs them, so the first pass also pays
// for building them (a one-off cost per process). The second pass reads the
// same text with the states built: the cost per byte of a long run (a corpus
// many times this size). Both print load+segment and extract apart, and
// extract / segment, the ratio the issue sets a target for (at most 1).
struct Pass {
  double segment_s = 0, extract_s = 0;
  size_t documents = 0, units = 0, principles = 0;
};

Pass TimedPass(const std::vector<std::string>& files, const std::vector<std::string>& bytes) {
  Pass p;
  std::vector<std::pair<std::string, std::vector<Provision>>> docs;
  double t0 = CpuSeconds();
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto doc = LoadDocument(bytes[i], files[i], LoadOpts(""));
    if (!doc) continue;
    Result<std::vector<Provision>> units = std::vector<Provision>{};
    if (g_line_units) {
      units = LineUnits(doc->text, files[i]);
    } else {
      auto seg = SegmenterFor(doc->lang);
      if (!seg) seg = SegmenterFor("en");
      if (!seg) continue;
      units = seg->Segment(*doc);
    }
    if (units) docs.emplace_back(doc->lang, std::move(*units));
  }
  double t1 = CpuSeconds();
  for (auto& [lang, units] : docs) {
    auto ex = ExtractorFor(lang);
    if (!ex) ex = ExtractorFor("en");
    for (const Clause& c : ex->Extract(std::move(units))) {
      ++p.units;
      p.principles += c.principle;
    }
  }
  double t2 = CpuSeconds();
  p.documents = docs.size();
  p.segment_s = t1 - t0;
  p.extract_s = t2 - t1;
  return p;
}

double Throughput() {
  std::string root = std::string(CHARTER_SHARED_DIR) + "/corpora";
  std::vector<std::string> files;
  std::error_code ec;
  for (const char* sub : {"constitutions", "instruments"})
    for (const auto& e : fs::recursive_directory_iterator(root + "/" + sub, ec))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<std::string> bytes;
  size_t total = 0;
  for (const auto& f : files) {
    auto b = ReadFile(f);
    if (!b) continue;
    total += b->size();
    bytes.push_back(std::move(*b));
  }
  // Compile the rules first: rule compilation is not part of the throughput.
  for (const std::string& l : AvailableLanguages(g_rules)) {
    ExtractorFor(l);
    SegmenterFor(l);
  }
  LoadOpts("");
  const Pass first = TimedPass(files, bytes);
  const Pass warm = TimedPass(files, bytes);
  const double mb = total / 1e6;
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  std::printf("extract.corpus_mb: %.2f\n", mb);
  std::printf("extract.documents: %zu\n", first.documents);
  std::printf("extract.units: %zu\n", first.units);
  std::printf("extract.principles: %zu\n", first.principles);
  std::printf("extract.load_segment_cpu_s: %.3f\n", first.segment_s);
  std::printf("extract.extract_cpu_s: %.3f\n", first.extract_s);
  std::printf("extract.extract_mb_s: %.2f\n", ratio(mb, first.extract_s));
  std::printf("extract.extract_per_segment: %.2f\n", ratio(first.extract_s, first.segment_s));
  std::printf("extract.warm_load_segment_cpu_s: %.3f\n", warm.segment_s);
  std::printf("extract.warm_extract_cpu_s: %.3f\n", warm.extract_s);
  std::printf("extract.warm_extract_mb_s: %.2f\n", ratio(mb, warm.extract_s));
  std::printf("extract.warm_extract_per_segment: %.2f\n", ratio(warm.extract_s, warm.segment_s));
  return ratio(mb, first.segment_s + first.extract_s);
}

}  // namespace

int main(int argc, char** argv) {
  g_rules = DefaultRulesRoot();
  bool skip_speed = false;
  bool speed_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose")
      g_verbose = true;
    else if (a == "--line-units")
      g_line_units = true;
    else if (a == "--no-speed")
      skip_speed = true;
    else if (a == "--speed-only")
      speed_only = true;
    else if (a == "--rules" && i + 1 < argc)
      g_rules = argv[++i];
    else {
      std::cerr << "usage: bench_extract [--verbose] [--line-units] [--no-speed] [--speed-only] "
                   "[--rules DIR]\n";
      return 2;
    }
  }
  if (!fs::is_directory(std::string(CHARTER_SHARED_DIR) + "/eval/gold")) {
    std::cerr << "bench_extract: " << CHARTER_SHARED_DIR << "/eval/gold not found\n";
    return 1;
  }
  auto en = ExtractorFor("en");
  if (!en) return 1;
  if (speed_only) {
    std::printf("extract.throughput_mb_s: %.2f\n", Throughput());
    return 0;
  }
  Score all;
  for (const auto& [doc, gold] : ReadGold()) {
    Score s = ScoreDoc(doc, gold, *en);
    std::string name = fs::path(doc).stem().string();
    Print(name, s);
    all.Add(s);
  }
  Print("all", all);

  auto en_topics = UdhrTopics("en");
  for (const char* lang : {"fr", "es"}) {
    auto t = UdhrTopics(lang);
    int agree = 0;
    size_t n = std::max<size_t>(en_topics.size(), 1);
    for (size_t i = 0; i < en_topics.size() && i < t.size(); ++i) {
      if (t[i] == en_topics[i])
        ++agree;
      else if (g_verbose) {
        std::cerr << "UDHR " << lang << " art " << i + 1 << ": en={";
        for (auto& x : en_topics[i]) std::cerr << x << " ";
        std::cerr << "} " << lang << "={";
        for (auto& x : t[i]) std::cerr << x << " ";
        std::cerr << "}\n";
      }
    }
    std::printf("extract.udhr_articles.%s: %zu\n", lang, t.size());
    std::printf("extract.udhr_topics_agree.%s: %.3f\n", lang, double(agree) / n);
  }
  if (!skip_speed) std::printf("extract.throughput_mb_s: %.2f\n", Throughput());
  return 0;
}
