// bench_quality — what a country's principles are made of, over every English
// document in ../shared/corpora (constitutions/en, instruments/en): per
// document the principle-worthy clauses, the principles (written from ideas
// or from one clause's own words), the clauses not converted, the distinct
// ideas found, the core rights named, and the validator's findings on every
// principle by type; then totals. Where a gold file exists
// (../shared/eval/gold/<doc>.lines.tsv), also the share of the lines labelled
// principle-worthy (2) that some principle cites.
//
// Not timed: rewriting speed is bench_rewrite's and bench_bulk's.
//
//   bench_quality            # "quality.<figure>: <value>" lines, then one
//                            # "quality.doc <name> key=value ..." line per document
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "bench_util.h"
#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "extract/extract.h"
#include "load/load.h"
#include "rewrite/rewrite.h"
#include "rewrite/validate.h"
#include "segment/segment.h"
#include "files/files.h"

namespace fs = std::filesystem;
using namespace charter;

namespace {

// The core rights of the principle-quality acceptance: a document's
// principles should name each one its text states.
const char* const kCore[] = {"life",
                             "torture",
                             "slavery",
                             "equality_before_law",
                             "non_discrimination",
                             "opinion_expression",
                             "thought_conscience_religion",
                             "peaceful_assembly",
                             "association",
                             "privacy",
                             "fair_hearing",
                             "education",
                             "health",
                             "work",
                             "property_right"};

// Lines labelled principle-worthy (2) in a gold file, by path relative to corpora.
std::set<uint32_t> GoldLines(const std::string& gold_path) {
  std::set<uint32_t> lines;
  std::ifstream in(gold_path);
  std::string row;
  std::getline(in, row);  // header
  while (std::getline(in, row)) {
    std::vector<std::string_view> f = Split(row, '\t');
    if (f.size() >= 4 && f[3] == "2")
      lines.insert(static_cast<uint32_t>(std::stoul(std::string(f[1]))));
  }
  return lines;
}

}  // namespace

int main() {
  const std::string shared = CHARTER_SHARED_DIR;
  const std::string corpora = shared + "/corpora";
  std::vector<std::string> files = bench::EnglishDocuments(corpora);
  if (files.empty()) {
    std::cerr << "bench_quality: no documents under " << corpora << " (skipped)\n";
    return 0;
  }
  Result<RuleTexts> texts = ReadRuleFolder(DefaultRulesRoot(), "en");
  if (!texts) {
    std::cerr << "bench_quality: " << texts.error().message << "\n";
    return 1;
  }
  Result<Rewriter> rw = Rewriter::Create(*texts, "en");
  Result<Segmenter> seg = Segmenter::Create(*texts, "en");
  Result<Extractor> ex = Extractor::Create(*texts, "en");
  Result<Validator> validator = Validator::Create(*texts, "en");
  if (!rw || !seg || !ex || !validator) {
    std::cerr << "bench_quality: cannot compile the en rules\n";
    return 1;
  }
  size_t total_clauses = 0, total_principles = 0, total_from_ideas = 0, total_clean = 0;
  size_t total_unconverted = 0, gold_lines = 0, gold_cited = 0, gold_stated = 0;
  std::map<std::string, size_t> findings_total, unconverted_total;
  std::map<std::string, size_t> idea_docs;  // idea -> documents naming it
  std::ostringstream per_doc;
  for (const std::string& f : files) {
    std::vector<Clause> clauses = bench::EnglishClauses(f, *seg, *ex);
    if (clauses.empty()) continue;
    size_t worthy = 0;
    for (const Clause& c : clauses) worthy += c.principle;
    Conversion conv = rw->Convert(clauses);

    std::map<std::string, size_t> findings;
    std::set<std::string> ideas;
    size_t from_ideas = 0, clean = 0;
    std::set<uint32_t> cited;
    // Lines of sources that state what their principle says: a source of a
    // principle written from ideas that states one of its ideas
    // (Source::ideas), or the clause a principle of its own was written from.
    std::set<uint32_t> stated;
    for (const Principle& p : conv.principles) {
      from_ideas += !p.ideas.empty();
      for (const std::string& i : p.ideas) ideas.insert(i);
      std::vector<Finding> fs = validator->Check(p.text);
      clean += fs.empty();
      std::set<std::string> types;
      for (const Finding& x : fs) types.insert(x.type);
      for (const std::string& t : types) ++findings[t];
      for (const Source& s : p.sources)
        for (uint32_t l = s.line_start; l <= s.line_end && l > 0; ++l) {
          cited.insert(l);
          if (p.ideas.empty() || !s.ideas.empty()) stated.insert(l);
        }
    }
    for (const Unconverted& u : conv.unconverted)
      for (const std::string& r : u.reasons) ++unconverted_total[r.substr(0, r.find(':'))];
    for (const std::string& i : ideas) ++idea_docs[i];
    size_t core = 0;
    for (const char* c : kCore) core += ideas.count(c);

    std::string name = fs::path(f).stem().string();
    std::string rel = fs::relative(f, corpora).string();
    std::string stem = rel;
    std::replace(stem.begin(), stem.end(), '/', '_');
    stem = stem.substr(0, stem.size() - 4);
    std::string gold = shared + "/eval/gold/" + stem + ".lines.tsv";
    std::string gold_part;
    if (fs::exists(gold)) {
      std::set<uint32_t> want = GoldLines(gold);
      size_t hit = 0;
      for (uint32_t l : want) hit += cited.count(l);
      for (uint32_t l : want) gold_stated += stated.count(l);
      gold_lines += want.size();
      gold_cited += hit;
      gold_part = " gold_cited=" + std::to_string(hit) + "/" + std::to_string(want.size());
    }
    per_doc << "quality.doc " << name << " clauses=" << worthy
            << " principles=" << conv.principles.size() << " from_ideas=" << from_ideas
            << " unconverted=" << conv.unconverted.size() << " ideas=" << ideas.size()
            << " core=" << core << "/" << std::size(kCore) << " clean=" << clean;
    for (const auto& [t, n] : findings) per_doc << " " << t << "=" << n;
    per_doc << gold_part << "\n";
    total_clauses += worthy;
    total_principles += conv.principles.size();
    total_from_ideas += from_ideas;
    total_clean += clean;
    total_unconverted += conv.unconverted.size();
    for (const auto& [t, n] : findings) findings_total[t] += n;
  }
  auto share = [](size_t a, size_t b) {
    return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  std::cout << "quality.documents: " << files.size() << " docs\n";
  std::cout << "quality.clauses: " << total_clauses << " principle-worthy clauses\n";
  std::cout << "quality.principles: " << total_principles << " principles\n";
  std::cout << "quality.from_ideas_share: " << share(total_from_ideas, total_principles) << " %\n";
  std::cout << "quality.no_finding_share: " << share(total_clean, total_principles) << " %\n";
  for (const auto& [t, n] : findings_total)
    std::cout << "quality.finding." << t << ": " << n << " principles\n";
  std::cout << "quality.unconverted: " << total_unconverted << " clauses\n";
  for (const auto& [t, n] : unconverted_total)
    std::cout << "quality.unconverted." << t << ": " << n << " clauses\n";
  std::cout << "quality.ideas_found: " << idea_docs.size() << " of "
            << rw->IdeaInventory().ideas().size() << " ideas\n";
  if (gold_lines)
    std::cout << "quality.gold_cited_share: " << share(gold_cited, gold_lines) << " % ("
              << gold_cited << " of " << gold_lines << " lines labelled 2)\n"
              << "quality.gold_stated_share: " << share(gold_stated, gold_lines) << " % ("
              << gold_stated << " of " << gold_lines
              << " lines labelled 2 cited as stating what their principle says)\n";
  std::cout << per_doc.str();
  return 0;
}
