// cmd_bulk.cc — `charter bulk DIR... [--base BASE] --out OUT [--jobs N]`:
// `convert` for every document of one or more folders, in parallel on all
// cores (a std::thread pool), each into OUT/<name>/. A failing document is
// reported and the rest go on; the exit code says whether any failed.
// Outputs are identical whatever --jobs: each document is converted on its
// own, and the summary is written in input order.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "cli/command.h"
#include "cli/convert_job.h"
#include "core/io.h"

namespace charter::cli {

namespace {

struct BulkOptions {
  std::vector<std::string> inputs;
  std::string out;
  int jobs = 0;
  ConvertSettings settings;
};

struct Outcome {
  std::string file;
  std::string name;
  bool ok = false;
  std::string error;
  size_t rewritten = 0, principles = 0, duplicates = 0, candidates = 0, added = 0, conflicts = 0,
         constitution = 0;
};

// Output folder names: the file's stem, or — when two inputs share a stem —
// its path below the input folder with '/' turned into '_'.
std::vector<std::string> Names(const std::vector<std::pair<std::string, std::string>>& files) {
  std::map<std::string, int> count;
  for (const auto& [root, f] : files) ++count[DocumentName(f)];
  std::vector<std::string> out;
  for (const auto& [root, f] : files) {
    std::string n = DocumentName(f);
    if (count[n] > 1) {
      std::filesystem::path rel = std::filesystem::relative(f, root).replace_extension();
      n = rel.string();
      std::replace(n.begin(), n.end(), '/', '_');
    }
    out.push_back(n);
  }
  return out;
}

std::string SummaryTable(const std::vector<Outcome>& outcomes) {
  std::string out =
      "document\tstatus\trewritten\tprinciples\tduplicates\tcandidates\tadded\tconflicts\tconstitut"
      "ion\n";
  for (const Outcome& o : outcomes) {
    out += o.name + "\t" + (o.ok ? "ok" : "FAILED");
    if (o.ok) {
      for (size_t v : {o.rewritten, o.principles, o.duplicates, o.candidates, o.added, o.conflicts,
                       o.constitution})
        out += "\t" + std::to_string(v);
    } else {
      out += "\t" + o.error;
    }
    out += "\n";
  }
  return out;
}

int Run(const BulkOptions& o) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, std::string>> files;  // (input root, file)
  for (const std::string& in : o.inputs) {
    if (std::filesystem::is_directory(in)) {
      auto listed = ListFiles(in, {".txt", ".md", ".html", ".htm"});
      if (!listed) return Fail(listed.error().message);
      for (const std::string& f : *listed) files.emplace_back(in, f);
    } else if (std::filesystem::exists(in)) {
      files.emplace_back(std::filesystem::path(in).parent_path().string(), in);
    } else {
      return Fail(in + ": no such file or folder");
    }
  }
  if (files.empty()) return Fail("no documents (.txt, .md, .html) found");
  auto ctx = ConvertContext::Create(o.settings);
  if (!ctx) return Fail(ctx.error().message);
  std::vector<std::string> names = Names(files);

  std::vector<Outcome> outcomes(files.size());
  // Largest documents first: a big one started last would keep one worker
  // busy while the others wait. Outcomes stay in input order.
  std::vector<size_t> queue(files.size());
  std::vector<uintmax_t> bytes(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    queue[i] = i;
    std::error_code ec;
    bytes[i] = std::filesystem::file_size(files[i].second, ec);
    if (ec) bytes[i] = 0;
  }
  std::stable_sort(queue.begin(), queue.end(),
                   [&](size_t a, size_t b) { return bytes[a] > bytes[b]; });
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress_mu;
  const bool tty = ::isatty(2);
  auto worker = [&] {
    for (size_t q = next++; q < files.size(); q = next++) {
      const size_t i = queue[q];
      Outcome& r = outcomes[i];
      r.file = files[i].second;
      r.name = names[i];
      auto run = (*ctx)->Convert(r.file, r.name);
      if (run) {
        Status st = WriteOutputs((std::filesystem::path(o.out) / r.name).string(), run->files);
        if (!st) {
          r.error = st.error().message;
        } else {
          const MergePlan& p = run->plan;
          r.ok = true;
          r.rewritten = p.country_input;
          r.principles = p.country_principles.size();
          r.duplicates = p.duplicates.size();
          r.candidates = p.candidates.size();
          r.added = p.added.size();
          r.conflicts = p.conflicts.size();
          r.constitution = p.constitution.size();
        }
      } else {
        r.error = run.error().message;
      }
      size_t d = ++done;
      std::lock_guard<std::mutex> lock(progress_mu);
      if (!r.ok) std::cerr << (tty ? "\r\033[K" : "") << "charter: " << r.error << "\n";
      if (tty) std::cerr << "\r\033[K[" << d << "/" << files.size() << "] " << r.name << std::flush;
    }
  };
  int jobs =
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, static_cast<int>(files.size()));
  std::vector<std::thread> pool;
  for (int t = 1; t < jobs; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (tty) std::cerr << "\r\033[K";

  std::string table = SummaryTable(outcomes);
  Status st = WriteFileAtomic((std::filesystem::path(o.out) / "summary.tsv").string(), table);
  if (!st) return Fail(st.error().message);
  std::cout << table;
  size_t failed = 0;
  for (const Outcome& r : outcomes) failed += r.ok ? 0 : 1;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu documents, %zu failed, %.2f s with %d jobs\n", files.size(),
                failed, secs, jobs);
  std::cerr << buf;
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

Command BulkCommand() {
  return {
      "bulk", "Convert every document of a folder, in parallel",
      [](CLI::App* sub) -> std::function<int()> {
        auto o = std::make_shared<BulkOptions>();
        sub->add_option("DIR", o->inputs, "Folders (searched recursively) or files")->required();
        sub->add_option("--base", o->settings.base_path, "Base constitution (as for convert)");
        sub->add_option("--decisions", o->settings.decisions_path,
                        "Reviewer decisions (applied to every document)");
        sub->add_option("--out", o->out, "Output folder: OUT/<name>/ per document")->required();
        sub->add_option("--jobs,-j", o->jobs, "Worker threads (default: all cores)")
            ->check(CLI::Range(0, 1024));
        AddConvertSettingsOptions(sub, &o->settings);
        sub->footer(
            "Prints a summary table (TSV, also OUT/summary.tsv); progress on stderr when it\n"
            "is a terminal. Exit code 1 if any document failed.\n"
            "Example: charter bulk corpora/constitutions/en --base base.jsonl --out out/\n"
            "         charter merge --global out/* --min-support 5 --out out-global/");
        return [o] { return Run(*o); };
      }};
}

}  // namespace charter::cli
