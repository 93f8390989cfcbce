// cmd_bulk.cc — `charter bulk DIR... [--base BASE] --out OUT [--jobs N]`:
// `convert` for every document of one or more folders, in parallel on all
// cores (a std::thread pool), each into OUT/<name>/. A failing document is
// reported and the rest go on; the exit code says whether any failed.
// Outputs are identical whatever --jobs: each document is converted on its
// own, and the summary is written in input order.
//
// Interrupted runs: each document's folder is written whole under a
// temporary name and renamed into place (WriteOutputs), then recorded in
// OUT/.bulk-journal.tsv with a stamp of everything its outputs depend on
// (the document's bytes, the base, decisions and system chat, the settings,
// the rules and models folders, the charter executable). A rerun converts
// only documents with no folder or another stamp, says which (not finished
// by an earlier run, or changed), and reuses the rest (--force: all).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "cli/outputs.h"
#include "core/io.h"
#include "pipeline/bulk.h"

namespace charter::cli {

namespace {

namespace fs = std::filesystem;

struct BulkCliOptions {
  std::vector<std::string> inputs;
  std::string out;
  int jobs = 0;
  bool force = false;
  ConvertSettings settings;
};

constexpr char kJournal[] = ".bulk-journal.tsv";

// Every document of the inputs: (input root, file).
Result<std::vector<std::pair<std::string, std::string>>> ListDocuments(
    const std::vector<std::string>& inputs) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& in : inputs) {
    if (fs::is_directory(in)) {
      auto listed = ListFiles(in, {".txt", ".md", ".html", ".htm"});
      if (!listed) return std::unexpected(listed.error());
      for (const std::string& f : *listed) files.emplace_back(in, f);
    } else if (fs::exists(in)) {
      files.emplace_back(fs::path(in).parent_path().string(), in);
    } else {
      return NotFound(in + ": no such file or folder");
    }
  }
  if (files.empty()) return NotFound("no documents (.txt, .md, .html) found");
  return files;
}

// Output folder names: the file's stem, or — when two inputs share a stem —
// its path below the input folder with '/' turned into '_'; with each
// file's size.
std::vector<BulkDocument> Documents(const std::vector<std::pair<std::string, std::string>>& files) {
  std::map<std::string, int> count;
  for (const auto& [root, f] : files) ++count[DocumentName(f)];
  std::vector<BulkDocument> out;
  for (const auto& [root, f] : files) {
    std::string n = DocumentName(f);
    if (count[n] > 1) {
      fs::path rel = fs::relative(f, root).replace_extension();
      n = rel.string();
      std::replace(n.begin(), n.end(), '/', '_');
    }
    std::error_code ec;
    uintmax_t bytes = fs::file_size(f, ec);
    out.push_back({f, n, ec ? 0 : static_cast<uint64_t>(bytes)});
  }
  return out;
}

void StampFile(const std::string& path, uint64_t* h) {
  if (path.empty()) return AddToStamp("(none)", h);
  auto bytes = ReadFile(path);
  AddToStamp(bytes ? *bytes : "(unreadable)", h);
}

// Every file under `root`, by relative path and content.
void StampTree(const std::string& root, uint64_t* h) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  AddToStamp(root, h);
  for (const auto& f : files) {
    AddToStamp(fs::relative(f, root).string(), h);
    StampFile(f.string(), h);
  }
}

// What every document's outputs depend on besides the document itself.
uint64_t RunStamp(const ConvertContext& ctx, const ConvertSettings& s) {
  uint64_t h = SettingsStamp(ctx.inputs().thresholds, s.lang);
  StampFile(s.base_path, &h);
  StampFile(s.decisions_path, &h);
  StampFile(s.system_chat_path, &h);
  StampTree(RulesRoot(s.rules_root), &h);
  StampTree(ModelsRoot(s.models_root), &h);
  // The program: its size and modification time (a rebuild changes them).
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0)
    AddToStamp(std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                   std::to_string(st.st_mtim.tv_nsec),
               &h);
  return h;
}

// Removes what killed runs left in OUT (".NAME.partial.PID" and
// ".NAME.old.PID" folders of WriteOutputs) and returns those NAMEs.
std::set<std::string> RemoveLeftovers(const fs::path& out) {
  std::set<std::string> names;
  std::error_code ec;
  std::vector<fs::path> gone;
  for (const auto& e : fs::directory_iterator(out, ec)) {
    std::string n = e.path().filename().string();
    if (n.empty() || n[0] != '.') continue;
    for (const char* mark : {".partial.", ".old."}) {
      size_t at = n.rfind(mark);
      if (at == std::string::npos || at < 2) continue;
      std::string pid = n.substr(at + std::strlen(mark));
      if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
      names.insert(n.substr(1, at - 1));
      gone.push_back(e.path());
    }
  }
  for (const auto& p : gone) fs::remove_all(p, ec);
  return names;
}

std::string NameList(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Says which documents an earlier run's journal let this one keep, and why
// the others were converted again.
void ReportRerun(const std::vector<BulkOutcome>& outcomes,
                 const std::map<std::string, BulkOutcome>& journal,
                 const std::set<std::string>& leftovers) {
  std::vector<std::string> unfinished, changed;
  size_t reused = 0;
  for (const BulkOutcome& r : outcomes) {
    if (r.reused) {
      ++reused;
      continue;
    }
    bool known = journal.count(r.name) && !leftovers.count(r.name);
    (known ? changed : unfinished).push_back(r.name);
  }
  if (reused)
    std::cerr << "charter: " << reused << " documents up to date from an earlier run (kept)\n";
  if (!unfinished.empty())
    std::cerr << "charter: redid " << unfinished.size()
              << " documents an earlier run had not finished: " << NameList(unfinished) << "\n";
  if (!changed.empty())
    std::cerr << "charter: redid " << changed.size()
              << " documents whose inputs, settings, rules or program changed: "
              << NameList(changed) << "\n";
}

// The I/O of a run into `out_dir`: documents read, folders written whole,
// journal lines appended with one write each (a kill leaves at most a line
// cut short, which ParseJournal ignores), progress on a terminal.
BulkIO RunIO(const fs::path& out_dir, int journal_fd, const std::string& journal_path) {
  const bool tty = ::isatty(2);
  BulkIO io;
  io.read = [](const std::string& file) { return ReadFile(file); };
  io.has_output = [out_dir](const std::string& name) { return fs::is_directory(out_dir / name); };
  io.write = [out_dir](const std::string& name, const std::map<std::string, std::string>& files) {
    return WriteOutputs((out_dir / name).string(), files, /*replace=*/true);
  };
  io.journal = [journal_fd, journal_path](const std::string& line) {
    if (::write(journal_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
      std::cerr << "charter: " << journal_path << ": write failed\n";
  };
  io.progress = [tty](const BulkOutcome& r, size_t done, size_t total) {
    if (!r.ok) std::cerr << (tty ? "\r\033[K" : "") << "charter: " << r.error << "\n";
    if (tty) std::cerr << "\r\033[K[" << done << "/" << total << "] " << r.name << std::flush;
  };
  return io;
}

int Run(const BulkCliOptions& o) {
  auto start = std::chrono::steady_clock::now();
  auto files = ListDocuments(o.inputs);
  if (!files) return Fail(files.error().message);
  auto ctx = OpenConvertContext(o.settings);
  if (!ctx) return Fail(ctx.error().message);
  const std::vector<BulkDocument> docs = Documents(*files);

  // What an earlier run into OUT finished (and what a killed one left).
  const fs::path out_dir(o.out);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Fail(o.out + ": cannot create folder: " + ec.message());
  const fs::path journal_path = out_dir / kJournal;
  const bool rerun = fs::exists(journal_path);
  BulkSettings settings;
  settings.force = o.force;
  if (auto bytes = ReadFile(journal_path.string())) settings.journal = ParseJournal(*bytes);
  std::set<std::string> leftovers = RemoveLeftovers(out_dir);
  settings.run_stamp = RunStamp(**ctx, o.settings);
  const int journal_fd =
      ::open(journal_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (journal_fd < 0)
    return Fail(journal_path.string() + ": cannot write: " + std::strerror(errno));
  int jobs =
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  settings.jobs = jobs = std::min<int>(jobs, static_cast<int>(docs.size()));
  const std::vector<BulkOutcome> outcomes =
      RunBulk(**ctx, docs, settings, RunIO(out_dir, journal_fd, journal_path.string()));
  if (::isatty(2)) std::cerr << "\r\033[K";
  ::close(journal_fd);

  // The journal again, whole, in input order (what a later run may reuse).
  std::string compact;
  for (const BulkOutcome& r : outcomes)
    if (r.ok) compact += JournalLine(r);
  if (Status js = WriteFileAtomic(journal_path.string(), compact); !js)
    return Fail(js.error().message);
  if (rerun || !leftovers.empty()) ReportRerun(outcomes, settings.journal, leftovers);

  std::string table = SummaryTable(outcomes);
  Status st = WriteFileAtomic((out_dir / "summary.tsv").string(), table);
  if (!st) return Fail(st.error().message);
  std::cout << table;
  size_t failed = 0;
  for (const BulkOutcome& r : outcomes) failed += r.ok ? 0 : 1;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu documents, %zu failed, %.2f s with %d jobs\n", docs.size(),
                failed, secs, jobs);
  std::cerr << buf;
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

Command BulkCommand() {
  return {
      "bulk", "Convert every document of a folder, in parallel",
      [](CLI::App* sub) -> std::function<int()> {
        auto o = std::make_shared<BulkCliOptions>();
        sub->add_option("DIR", o->inputs, "Folders (searched recursively) or files")->required();
        sub->add_option("--base", o->settings.base_path, "Base constitution (as for convert)");
        sub->add_option("--decisions", o->settings.decisions_path,
                        "Reviewer decisions (applied to every document)");
        sub->add_option("--out", o->out, "Output folder: OUT/<name>/ per document")->required();
        sub->add_option("--jobs,-j", o->jobs, "Worker threads (default: all cores)")
            ->check(CLI::Range(0, 1024));
        sub->add_flag("--force", o->force,
                      "Convert every document, even those up to date from an earlier run");
        AddConvertSettingsOptions(sub, &o->settings);
        sub->footer(
            "Prints a summary table (TSV, also OUT/summary.tsv); progress on stderr when it\n"
            "is a terminal. Exit code 1 if any document failed. A rerun into the same OUT\n"
            "converts only documents not finished (an interrupted run) or changed since.\n"
            "Example: charter bulk corpora/constitutions/en --base base.jsonl --out out/\n"
            "         charter merge --global out/* --min-support 5 --out out-global/");
        return [o] { return Run(*o); };
      }};
}

}  // namespace charter::cli
