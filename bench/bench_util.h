// bench_util.h — what several benchmarks share: the English documents of
// ../shared/corpora, and running the charter binary as a child process with
// its wall time, CPU time and peak memory. Header-only: each benchmark is one
// executable.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/io.h"
#include "extract/extract.h"
#include "load/load.h"
#include "segment/segment.h"

namespace charter::bench {

// The .txt files of corpora/constitutions/en and corpora/instruments/en,
// sorted; empty when neither folder exists.
inline std::vector<std::string> EnglishDocuments(const std::string& corpora) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const char* dir : {"/constitutions/en", "/instruments/en"}) {
    if (!fs::is_directory(corpora + dir)) continue;
    for (const auto& e : fs::directory_iterator(corpora + dir))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// One English document's clauses (loaded, segmented, extracted), or none if
// it cannot be read or segmented.
inline std::vector<Clause> EnglishClauses(const std::string& path, const Segmenter& seg,
                                          const Extractor& ex) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes) return {};
  LoadOptions lo;
  lo.lang = "en";
  Result<Document> doc = LoadDocument(*bytes, path, lo);
  if (!doc) return {};
  Result<std::vector<Provision>> units = seg.Segment(*doc);
  if (!units) return {};
  return ex.Extract(std::move(*units));
}

struct ChildRun {
  bool ok = false;  // exited 0
  double wall_s = 0;
  double user_s = 0;  // CPU, from wait4()'s rusage
  double sys_s = 0;
  double peak_mb = 0;  // peak resident memory (ru_maxrss, KiB on Linux)
};

// Runs `bin` with `args`, its stdout and stderr discarded (a summary table
// or a progress line is not a figure).
inline ChildRun RunQuiet(const std::string& bin, std::vector<std::string> args) {
  args.insert(args.begin(), bin);
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execv(bin.c_str(), cargs.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  ChildRun r;
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  r.user_s = seconds(ru.ru_utime);
  r.sys_s = seconds(ru.ru_stime);
  r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  return r;
}

}  // namespace charter::bench
