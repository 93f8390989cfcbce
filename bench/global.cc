// bench/global.cc — the global constitution: wall time and peak memory of
// `charter merge --global` over the English documents of ../shared/corpora
// (86: their `bulk` output, made first and not timed), and over the same
// principle sets copied under new names until there are about a thousand
// documents; then the support the merge reports for the core ideas.
//
// Runs the real binary (next to this one, or $CHARTER_BIN) as a child process
// and reads its peak resident memory from wait4()'s rusage.
//
//   bench_global [--copies N]        (default 12: 86 x 12 = 1,032 documents)
// prints:
//   global.documents: 86
//   global.wall_s: 0.41
//   global.peak_rss_mb: 120.3
//   global.scaled_documents: 1032
//   global.scaled_wall_s: 9.8
//   global.scaled_peak_rss_mb: 640.2
//   global.support.<idea>: <documents>     (one line per core idea)
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_util.h"

namespace fs = std::filesystem;

namespace {

// The core ideas of the global-constitution acceptance: the rules/ideas.tsv id
// of each one's global principle (the broader idea of rules/idea_global.tsv
// where the inventory splits it: environment_protection speaks for
// healthy_environment, nature_conservation and climate_action).
const char* const kCore[] = {"life",
                             "torture",
                             "slavery",
                             "equality_before_law",
                             "non_discrimination",
                             "gender_equality",
                             "opinion_expression",
                             "press_freedom",
                             "thought_conscience_religion",
                             "peaceful_assembly",
                             "association",
                             "privacy",
                             "home_inviolability",
                             "fair_hearing",
                             "presumption_innocence",
                             "no_retroactive_crime",
                             "vote",
                             "free_movement",
                             "education",
                             "health",
                             "work",
                             "property_right",
                             "environment_protection",
                             "child_protection",
                             "human_dignity",
                             "information_freedom",
                             "disability_rights",
                             "minority_rights",
                             "asylum",
                             "death_penalty_abolition"};

}  // namespace

int main(int argc, char** argv) {
  int copies = 12;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--copies") copies = std::atoi(argv[++i]);
  const std::string corpora = std::string(CHARTER_SHARED_DIR) + "/corpora";
  if (!fs::is_directory(corpora)) {
    std::fprintf(stderr, "bench_global: skipped: %s not found\n", corpora.c_str());
    return 0;
  }
  const std::string bin = std::getenv("CHARTER_BIN")
                              ? std::getenv("CHARTER_BIN")
                              : (fs::path(argv[0]).parent_path() / "charter").string();
  if (!fs::exists(bin)) {
    std::fprintf(stderr, "bench_global: %s not found (build charter or set CHARTER_BIN)\n",
                 bin.c_str());
    return 1;
  }
  fs::path root =
      fs::temp_directory_path() / ("charter-bench-global-" + std::to_string(::getpid()));
  const std::string bulk = (root / "bulk").string();
  charter::bench::ChildRun b = charter::bench::RunQuiet(
      bin, {"bulk", corpora + "/constitutions/en", corpora + "/instruments/en", "--base",
            corpora + "/principles/claude-constitution-2023.jsonl", "--out", bulk});
  if (!b.ok) {
    std::fprintf(stderr, "bench_global: charter bulk failed\n");
    fs::remove_all(root);
    return 1;
  }
  std::vector<fs::path> sets;
  for (const auto& e : fs::directory_iterator(bulk))
    if (fs::exists(e.path() / "principles.jsonl")) sets.push_back(e.path());
  std::sort(sets.begin(), sets.end());

  const std::string global = (root / "global").string();
  charter::bench::ChildRun g =
      charter::bench::RunQuiet(bin, {"merge", "--global", bulk, "--out", global});
  // The same sets under new names: copy c of "ken" is "ken-c".
  const fs::path scaled = root / "scaled";
  for (int c = 0; c < copies; ++c)
    for (const fs::path& s : sets) {
      fs::path to = scaled / (s.filename().string() + "-" + std::to_string(c));
      fs::create_directories(to);
      fs::copy_file(s / "principles.jsonl", to / "principles.jsonl");
      if (fs::exists(s / "positions.jsonl"))
        fs::copy_file(s / "positions.jsonl", to / "positions.jsonl");
    }
  charter::bench::ChildRun big = charter::bench::RunQuiet(
      bin, {"merge", "--global", scaled.string(), "--out", (root / "global-scaled").string()});

  std::map<std::string, size_t> support;
  std::ifstream in(global + "/constitution.jsonl");
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("ideas") || j["ideas"].size() != 1) continue;
    support[j["ideas"][0].get<std::string>()] = j.value("support", 0);
  }
  fs::remove_all(root);
  std::printf("global.documents: %zu\n", sets.size());
  std::printf("global.ok: %d\n", g.ok ? 1 : 0);
  std::printf("global.wall_s: %.3f\n", g.wall_s);
  std::printf("global.peak_rss_mb: %.1f\n", g.peak_mb);
  std::printf("global.scaled_documents: %zu\n", sets.size() * static_cast<size_t>(copies));
  std::printf("global.scaled_ok: %d\n", big.ok ? 1 : 0);
  std::printf("global.scaled_wall_s: %.3f\n", big.wall_s);
  std::printf("global.scaled_peak_rss_mb: %.1f\n", big.peak_mb);
  for (const char* idea : kCore) {
    auto it = support.find(idea);
    std::printf("global.support.%s: %zu\n", idea, it == support.end() ? size_t{0} : it->second);
  }
  return g.ok && big.ok ? 0 : 1;
}
