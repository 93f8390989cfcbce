// bench_polis — figures for the Polis (public input) path, on ../shared:
//   polis.ccai_seconds            raw CCAI export (1,126 participants x 1,418
//                                 comments): read + load + groups + figures +
//                                 selection + rewrite, best of 5 runs
//   polis.ccai_clean_seconds      the same on the cleaned variant
//   polis.ccai_group_max_abs_diff computed vs published group_<g>_consensus
//   polis.ccai_selected / polis.ccai_principles (after combining similar ones)
//   polis.rewrite_token_f1        Charter's rewrite of the 40 C3AI statements vs
//                                 the published rewrite, token-overlap F1 (mean),
//                                 spelling corrected as `charter polis` does
//                                 (hunspell + misspellings.tsv) when the
//                                 dictionary is installed; _no_speller: without
//   polis.dev_rewrite_token_f1    the same on the 145 development pairs of
//                                 bench/data/c3ai-principles-dev.jsonl (the
//                                 C3AI authors' non-CCAI rewrites of "The
//                                 assistant should ..." statements)
//   polis.ccai_ideas              principles after one-per-idea combining
//                                 (agreed_ideas.h), as `charter polis` writes them
//   polis.ccai_public_counterpart.<n>  for each principle of the published
//                                 CCAI public constitution (4 known), the nearest
//                                 Charter principle: embedding cosine, token F1
//   polis.<conversation>_selected / _divisive / _groups / _rule for Seattle and
//   London, and their top statements with figures
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "files/files.h"
#include "merge/merge.h"
#include "publicinput/agreed_ideas.h"
#include "publicinput/public_input.h"
#include "publicinput/spelling.h"
#include "publicinput/tools.h"
#include "rewrite/rewrite.h"

using namespace charter;

namespace {

std::string Corpora() { return std::string(CHARTER_SHARED_DIR) + "/corpora"; }

std::multiset<std::string> TokenBag(const std::string& text) {
  std::multiset<std::string> bag;
  std::string w;
  for (unsigned char c : AsciiLower(text)) {
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(c));
    } else if (!w.empty()) {
      bag.insert(w);
      w.clear();
    }
  }
  if (!w.empty()) bag.insert(w);
  return bag;
}

double TokenF1(const std::string& a, const std::string& b) {
  auto x = TokenBag(a), y = TokenBag(b);
  if (x.empty() || y.empty()) return 0.0;
  std::vector<std::string> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  double p = static_cast<double>(common.size()) / x.size(),
         r = static_cast<double>(common.size()) / y.size();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

std::string AfterPrefix(const std::string& s) {
  static const std::string kPrefix = "Choose the response that ";
  return StartsWith(s, kPrefix) ? s.substr(kPrefix.size()) : s;
}

// Token F1 sums over the statement -> principle pairs of a JSONL file: the
// statement (field `item_key`) rewritten as `charter polis` does, spelling
// corrected when `speller` is given (_raw: without), against `principle`.
struct PairScore {
  double f1 = 0, f1_body = 0, f1_raw = 0;
  int n = 0, failed = 0;
  double Mean(double sum) const { return n ? sum / n : 0.0; }
};

Result<PairScore> ScorePairs(const std::string& path, const std::string& item_key,
                             const Rewriter& rw, const SpellChecker* speller, const char* tag) {
  Result<std::string> pairs = ReadFile(path);
  if (!pairs) return std::unexpected(pairs.error());
  std::istringstream in(*pairs);
  std::string line;
  PairScore s;
  while (std::getline(in, line)) {
    if (Trim(line).empty()) continue;
    auto j = nlohmann::json::parse(line);
    std::string item = j[item_key], ref = j["principle"];
    Result<Principle> raw = rw.RewriteStatement(item, Source{});
    Result<Principle> p =
        speller ? rw.RewriteStatement(speller->Correct(item).text, Source{}) : raw;
    ++s.n;
    if (raw) s.f1_raw += TokenF1(raw->text, ref);
    if (!p) {
      ++s.failed;
      std::printf("%s: failed | %s\n", tag, item.c_str());
      continue;
    }
    s.f1 += TokenF1(p->text, ref);
    s.f1_body += TokenF1(AfterPrefix(p->text), AfterPrefix(ref));
    std::printf("%s: %.3f | %s | %s\n", tag, TokenF1(p->text, ref), AfterPrefix(p->text).c_str(),
                AfterPrefix(ref).c_str());
  }
  return s;
}

}  // namespace

int main() {
  Result<RuleTexts> rules = ReadRuleFolder(DefaultRulesRoot(), "en");
  if (!rules) return std::cerr << rules.error().message << "\n", 1;
  Result<Rewriter> rw = Rewriter::Create(*rules, "en");
  if (!rw) return std::cerr << rw.error().message << "\n", 1;
  RewriteStatementFn rewrite = [&](std::string_view t, const Source& s) {
    return rw->RewriteStatement(t, s);
  };
  const std::string ccai = Corpora() + "/public-input/ccai-2023";

  auto timed = [&](PolisLoadOptions::Layout layout, PolisAnalysis* keep) {
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
      auto t0 = std::chrono::steady_clock::now();
      Result<PolisExport> files = ReadPolisExport(ccai);
      PolisOptions o;
      o.load.layout = layout;
      Result<PolisAnalysis> a = files ? AnalyzePolis(*files, o) : std::unexpected(files.error());
      if (!a) {
        std::cerr << a.error().message << "\n";
        std::exit(1);
      }
      PublicPrinciples pp = StatementsToPrinciples(*a, rewrite);
      best = std::min(best,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      if (keep) *keep = std::move(*a);
    }
    return best;
  };
  PolisAnalysis raw, clean;
  std::printf("polis.ccai_seconds: %.4f s\n", timed(PolisLoadOptions::Layout::kRaw, &raw));
  std::printf("polis.ccai_clean_seconds: %.4f s\n",
              timed(PolisLoadOptions::Layout::kClean, &clean));
  std::printf("polis.ccai_participants: %zu\n", raw.conv.participants_total * size_t{1});
  std::printf("polis.ccai_comments: %d\n", raw.conv.comments_total);

  double max_diff = 0;
  for (const StatementFigures& f : clean.figures) {
    const PolisStatement& s = clean.conv.statements[f.statement];
    for (size_t g = 0; g < s.published_group_agree.size() && g < f.groups.size(); ++g)
      max_diff = std::max(max_diff, std::abs(f.groups[g].AgreeRate() - s.published_group_agree[g]));
  }
  std::printf("polis.ccai_group_max_abs_diff: %.3g\n", max_diff);
  std::printf("polis.ccai_selected: %d of %zu\n", clean.Count(Verdict::kSelected),
              clean.conv.statements.size());
  std::printf("polis.ccai_divisive: %d\n", clean.Count(Verdict::kDivisive));
  PublicPrinciples pp = StatementsToPrinciples(clean, rewrite);
  std::printf("polis.ccai_rewritten: %zu\n", pp.principles.size());
  PolisTools tools = MakePolisTools(*rw, *rules, ReadModelFiles(DefaultModelsRoot()));
  // Combining statements among themselves by embedding (what polis.combine
  // turns on): public statements are short and the trained embedder scores
  // them closer than clauses, so 0.60; lexical vectors, 0.50.
  const float combine_threshold = tools.embedder ? 0.60f : 0.50f;
  std::vector<Principle> combined = CombineSimilar(pp.principles, tools.merge, combine_threshold);
  std::printf("polis.ccai_principles: %zu (combined with %s at %.2f)\n", combined.size(),
              tools.embedding.c_str(), combine_threshold);
  Result<AgreedIdeas> ideas = AgreedIdeas::Create(*rules, "en");
  if (!ideas) return std::cerr << ideas.error().message << "\n", 1;
  std::vector<Principle> agreed = ideas->Combine(pp.principles);
  std::printf("polis.ccai_ideas: %zu (one principle per idea of %zu)\n", agreed.size(),
              ideas->size());
  {
    Result<std::string> pub =
        ReadFile(Corpora() + "/principles/ccai-public-constitution.partial.jsonl");
    if (!pub) return std::cerr << pub.error().message << "\n", 1;
    std::vector<std::string> ours;
    for (const Principle& p : agreed) ours.push_back(p.text);
    const std::vector<float> ov = tools.merge.embed(ours);
    const size_t dim = ours.empty() ? 0 : ov.size() / ours.size();
    std::istringstream lines(*pub);
    std::string l;
    int n = 0;
    while (std::getline(lines, l)) {
      if (Trim(l).empty()) continue;
      const std::string ref = nlohmann::json::parse(l)["text"];
      const std::vector<float> rv = tools.merge.embed({ref});
      size_t best = 0;
      double best_cos = -2;
      for (size_t i = 0; i < ours.size(); ++i) {
        double c = 0;
        for (size_t d = 0; d < dim; ++d) c += rv[d] * ov[i * dim + d];
        if (c > best_cos) best_cos = c, best = i;
      }
      ++n;
      std::printf("polis.ccai_public_counterpart.%d: cosine %.3f, token_f1 %.3f | %s | %s\n", n,
                  best_cos, ours.empty() ? 0.0 : TokenF1(ours[best], ref), ref.c_str(),
                  ours.empty() ? "" : ours[best].c_str());
    }
  }
  std::printf("polis.ccai_raw_selected: %d\n", raw.Count(Verdict::kSelected));
  std::printf("polis.ccai_raw_divisive: %d\n", raw.Count(Verdict::kDivisive));

  // Rewrite quality: the 40 C3AI check pairs, and the development pairs of
  // bench/data (the C3AI authors' other rewrites, bench/data/README.md).
  // The statement as `charter polis` rewrites it: spelling corrected where
  // the dictionary is sure (pipeline/polis.cc).
  Result<SpellChecker> speller = SpellChecker::Open(SpellChecker::kDefaultDictionary);
  if (speller) {
    if (Status st = speller->AddMisspellings(*rules, "en"); !st)
      return std::cerr << st.error().message << "\n", 1;
  }
  const SpellChecker* spell = speller ? &*speller : nullptr;
  Result<PairScore> check =
      ScorePairs(Corpora() + "/principles/ccai-statements-to-principles.c3ai.jsonl", "item", *rw,
                 spell, "polis.rewrite_pair");
  if (!check) return std::cerr << check.error().message << "\n", 1;
  std::printf("polis.rewrite_token_f1: %.3f (spelling %s)\n", check->Mean(check->f1),
              speller ? "corrected as charter polis does" : "not corrected: no dictionary");
  std::printf("polis.rewrite_token_f1_no_speller: %.3f\n", check->Mean(check->f1_raw));
  std::printf("polis.rewrite_token_f1_after_prefix: %.3f\n", check->Mean(check->f1_body));
  std::printf("polis.rewrite_failed: %d of %d\n", check->failed, check->n);
  Result<PairScore> dev =
      ScorePairs(std::string(CHARTER_SOURCE_DIR) + "/bench/data/c3ai-principles-dev.jsonl",
                 "statement", *rw, spell, "polis.dev_rewrite_pair");
  if (!dev) return std::cerr << dev.error().message << "\n", 1;
  std::printf("polis.dev_rewrite_token_f1: %.3f (%d C3AI development pairs)\n", dev->Mean(dev->f1),
              dev->n);
  std::printf("polis.dev_rewrite_failed: %d of %d\n", dev->failed, dev->n);

  for (const char* dir : {"polis-15-per-hour-seattle", "polis-london-youth-policing"}) {
    Result<PolisExport> files = ReadPolisExport(Corpora() + "/public-input/" + dir);
    Result<PolisAnalysis> a = files ? AnalyzePolis(*files, {}) : std::unexpected(files.error());
    if (!a) return std::cerr << a.error().message << "\n", 1;
    std::printf("polis.%s_groups: %d\n", dir, a->groups.k);
    std::printf("polis.%s_selected: %d of %zu\n", dir, a->Count(Verdict::kSelected),
                a->conv.statements.size());
    std::printf("polis.%s_divisive: %d\n", dir, a->Count(Verdict::kDivisive));
    std::printf("polis.%s_rule: %s\n", dir, a->selection_rule.c_str());
    for (const StatementDecision& d : a->decisions)
      if (d.verdict == Verdict::kSelected)
        std::printf("polis.%s_top: statement %d | %s | %s\n", dir,
                    a->conv.statements[d.statement].id,
                    FiguresNote(a->figures[d.statement]).c_str(),
                    CollapseSpaces(a->conv.statements[d.statement].text).c_str());
  }
  return 0;
}
