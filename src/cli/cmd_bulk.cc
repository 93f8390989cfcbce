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
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "cli/command.h"
#include "cli/convert_job.h"
#include "core/hash.h"
#include "core/io.h"
#include "core/rule_file.h"

namespace charter::cli {

namespace {

struct BulkOptions {
  std::vector<std::string> inputs;
  std::string out;
  int jobs = 0;
  bool force = false;
  ConvertSettings settings;
};

struct Outcome {
  std::string file;
  std::string name;
  bool ok = false;
  bool reused = false;  // up to date from an earlier run
  std::string stamp;
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

std::string SummaryRow(const Outcome& o) {
  std::string out = o.name + "\t" + (o.ok ? "ok" : "FAILED");
  if (o.ok) {
    for (size_t v : {o.rewritten, o.principles, o.duplicates, o.candidates, o.added, o.conflicts,
                     o.constitution})
      out += "\t" + std::to_string(v);
  } else {
    out += "\t" + o.error;
  }
  return out + "\n";
}

std::string SummaryTable(const std::vector<Outcome>& outcomes) {
  std::string out =
      "document\tstatus\trewritten\tprinciples\tduplicates\tcandidates\tadded\tconflicts\tconstitut"
      "ion\n";
  for (const Outcome& o : outcomes) out += SummaryRow(o);
  return out;
}

constexpr char kJournal[] = ".bulk-journal.tsv";

// A journal line: the stamp, then the document's summary row.
std::string JournalLine(const Outcome& o) { return o.stamp + "\t" + SummaryRow(o); }

// name -> journal line, from OUT/.bulk-journal.tsv (a line cut short by a
// kill, or malformed, is ignored: that document is converted again).
std::map<std::string, Outcome> ReadJournal(const std::filesystem::path& path) {
  std::map<std::string, Outcome> out;
  auto bytes = ReadFile(path.string());
  if (!bytes) return out;
  std::istringstream in(*bytes);
  std::string line;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // no '\n': cut short
    std::vector<std::string> f;
    size_t at = 0;
    for (size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1)
      f.push_back(line.substr(at, tab - at));
    f.push_back(line.substr(at));
    if (f.size() != 10 || f[2] != "ok" || f[0].size() != 16) continue;
    Outcome o;
    o.stamp = f[0];
    o.name = f[1];
    o.ok = true;
    size_t* fields[] = {&o.rewritten, &o.principles, &o.duplicates,  &o.candidates,
                        &o.added,     &o.conflicts,  &o.constitution};
    bool good = true;
    for (size_t i = 0; i < 7; ++i) {
      const std::string& v = f[3 + i];
      if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
        good = false;
        break;
      }
      *fields[i] = std::stoull(v);
    }
    if (good) out[o.name] = o;
  }
  return out;
}

void HashBytes(std::string_view bytes, uint64_t* h) {
  std::string len = std::to_string(bytes.size()) + ":";
  *h = Fnv1a64(bytes, Fnv1a64(len, *h));
}

void HashFile(const std::string& path, uint64_t* h) {
  if (path.empty()) return HashBytes("(none)", h);
  auto bytes = ReadFile(path);
  HashBytes(bytes ? *bytes : "(unreadable)", h);
}

// Every file under `root`, by relative path and content.
void HashTree(const std::string& root, uint64_t* h) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  HashBytes(root, h);
  for (const auto& f : files) {
    HashBytes(std::filesystem::relative(f, root).string(), h);
    HashFile(f.string(), h);
  }
}

// What every document's outputs depend on besides the document itself.
uint64_t RunStamp(const ConvertSettings& s) {
  uint64_t h = Fnv1a64("charter bulk 1");
  char figures[256];
  std::snprintf(figures, sizeof figures, "%.9g %.9g %.9g %.9g %.9g %zu", s.duplicate, s.similar,
                s.combine, s.lexical, s.topical, s.max_chars);
  HashBytes(figures, &h);
  HashBytes(s.lang, &h);
  HashFile(s.base_path, &h);
  HashFile(s.decisions_path, &h);
  HashFile(s.system_chat_path, &h);
  HashTree(s.rules_root.empty() ? DefaultRulesRoot() : s.rules_root, &h);
  HashTree(s.models_root.empty() ? DefaultModelsRoot() : s.models_root, &h);
  // The program: its size and modification time (a rebuild changes them).
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0)
    HashBytes(std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                  std::to_string(st.st_mtim.tv_nsec),
              &h);
  return h;
}

std::string Hex(uint64_t h) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 0xf];
  return out;
}

// Removes what killed runs left in OUT (".NAME.partial.PID" and
// ".NAME.old.PID" folders of WriteOutputs) and returns those NAMEs.
std::set<std::string> RemoveLeftovers(const std::filesystem::path& out) {
  std::set<std::string> names;
  std::error_code ec;
  std::vector<std::filesystem::path> gone;
  for (const auto& e : std::filesystem::directory_iterator(out, ec)) {
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
  for (const auto& p : gone) std::filesystem::remove_all(p, ec);
  return names;
}

std::string NameList(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
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

  // What an earlier run into OUT finished (and what a killed one left).
  const std::filesystem::path out_dir(o.out);
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return Fail(o.out + ": cannot create folder: " + ec.message());
  const std::filesystem::path journal_path = out_dir / kJournal;
  const bool rerun = std::filesystem::exists(journal_path);
  std::map<std::string, Outcome> journal = ReadJournal(journal_path);
  std::set<std::string> leftovers = RemoveLeftovers(out_dir);
  const uint64_t run_stamp = RunStamp(o.settings);
  const int journal_fd =
      ::open(journal_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (journal_fd < 0)
    return Fail(journal_path.string() + ": cannot write: " + std::strerror(errno));

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
      uint64_t h = run_stamp;
      HashBytes(r.name, &h);
      HashFile(r.file, &h);
      r.stamp = Hex(h);
      const std::filesystem::path dir = out_dir / r.name;
      if (auto j = journal.find(r.name); !o.force && j != journal.end() &&
                                         j->second.stamp == r.stamp &&
                                         std::filesystem::is_directory(dir)) {
        r = j->second;
        r.file = files[i].second;
        r.reused = true;
        ++done;
        continue;
      }
      auto run = (*ctx)->Convert(r.file, r.name);
      if (run) {
        Status st = WriteOutputs(dir.string(), run->files, /*replace=*/true);
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
          // One write of a whole line: a kill leaves at most a line cut
          // short, which ReadJournal ignores.
          std::string line = JournalLine(r);
          if (::write(journal_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            std::cerr << "charter: " << journal_path.string() << ": write failed\n";
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
  ::close(journal_fd);

  // The journal again, whole, in input order (what a later run may reuse).
  std::string compact;
  for (const Outcome& r : outcomes)
    if (r.ok) compact += JournalLine(r);
  if (Status js = WriteFileAtomic(journal_path.string(), compact); !js)
    return Fail(js.error().message);
  if (rerun || !leftovers.empty()) {
    std::vector<std::string> unfinished, changed;
    size_t reused = 0;
    for (const Outcome& r : outcomes) {
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
