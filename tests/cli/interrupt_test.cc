// Interrupted runs (issue 19): `charter convert` and `charter bulk` killed
// with SIGKILL at various moments leave no half-written file under a final
// name, and a rerun of `bulk` completes what is missing and says what it
// redid. The children are real charter processes; outputs are compared with
// those of an uninterrupted run (Charter's outputs are deterministic).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace fs = std::filesystem;

namespace {

const char* const kOutputs[] = {"principles.jsonl", "constitution.jsonl", "constitution.md",
                                "report.md",        "report.html",        "report.json",
                                "cai.json",         "langchain.json",     "decisions.template.tsv"};

// Development documents only (never the held-out test documents).
const char* const kDocs[] = {"ind", "mys", "ecu", "lka", "zwe", "gha"};

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "charter-kill-XXXXXX").string();
    if (char* p = ::mkdtemp(tmpl.data())) path = p;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
  std::string path;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Starts charter with `args`, stdout and stderr into files of `dir`.
pid_t Start(const TempDir& dir, const std::vector<std::string>& args) {
  std::fflush(stdout);  // or the child would write the test runner's buffered output
  std::fflush(stderr);
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string out = dir / "child.out", err = dir / "child.err";
    FILE* o = std::freopen(out.c_str(), "w", stdout);
    FILE* e = std::freopen(err.c_str(), "w", stderr);
    (void)o;
    (void)e;
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(CHARTER_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(CHARTER_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

struct Ran {
  int code = -1;  // exit code, or 128 + signal
  std::string out, err;
  double seconds = 0;
};

Ran Wait(const TempDir& dir, pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  Ran r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(dir / "child.out");
  r.err = Slurp(dir / "child.err");
  return r;
}

Ran Run(const TempDir& dir, const std::vector<std::string>& args) {
  auto t0 = std::chrono::steady_clock::now();
  Ran r = Wait(dir, Start(dir, args));
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

// Kills a charter run with SIGKILL after `seconds`; true if it was killed
// (had not finished by then).
bool KillAfter(const TempDir& dir, const std::vector<std::string>& args, double seconds) {
  pid_t pid = Start(dir, args);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  ::kill(pid, SIGKILL);
  return Wait(dir, pid).code == 128 + SIGKILL;
}

// Runs charter with `args` and watches `dir` while it runs: returns how many
// times a look found it incomplete (some output missing) or holding a file
// of another size than the reference's in `ref` (half-written).
int WatchRun(const TempDir& tmp, const std::vector<std::string>& args, const std::string& dir,
             const std::string& ref, int* looks) {
  pid_t pid = Start(tmp, args);
  int bad = 0, status = 0;
  *looks = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    std::error_code ec;
    if (fs::exists(dir, ec)) {
      ++*looks;
      for (const char* f : kOutputs) {
        uintmax_t size = fs::file_size(fs::path(dir) / f, ec);
        if (ec || size != fs::file_size(fs::path(ref) / f)) {
          ++bad;
          break;
        }
      }
    }
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  return bad;
}

std::string Claude() {
  return charter::testing::CorporaDir() + "/principles/claude-constitution-2023.jsonl";
}
std::string Doc(const char* name) {
  return charter::testing::CorporaDir() + "/constitutions/en/" + name + ".txt";
}

// Every file of `dir` under a final name (not hidden) is the reference's.
void CheckComplete(const std::string& dir, const std::string& ref) {
  for (const char* f : kOutputs) {
    INFO(dir << "/" << f);
    REQUIRE(fs::is_regular_file(fs::path(dir) / f));
    CHECK(Slurp(dir + "/" + f) == Slurp(ref + "/" + f));
  }
}

}  // namespace

TEST_CASE("convert killed at any moment leaves no half-written output under a final name",
          "[cli]") {
  CHARTER_REQUIRE_SHARED();
  TempDir dir;
  Ran ref = Run(dir, {"convert", Doc("ind"), "--base", Claude(), "--out", dir / "ref"});
  INFO(ref.err);
  REQUIRE(ref.code == 0);
  // Into a new folder: it appears whole or not at all. Into an existing one
  // (the reference's files): every file is the old or the new one, whole;
  // both are the reference's bytes.
  fs::copy(dir / "ref", dir / "existing");
  // Watched while written (every 50 us): never seen incomplete.
  int looks = 0;
  CHECK(WatchRun(dir, {"convert", Doc("ind"), "--base", Claude(), "--out", dir / "watched"},
                 dir / "watched", dir / "ref", &looks) == 0);
  CHECK(WatchRun(dir, {"convert", Doc("ind"), "--base", Claude(), "--out", dir / "existing"},
                 dir / "existing", dir / "ref", &looks) == 0);
  CHECK(looks > 100);
  CheckComplete(dir / "watched", dir / "ref");
  // Killed at eight moments of a run.
  int killed = 0;
  for (int k = 1; k <= 8; ++k) {
    double at = ref.seconds * k / 9.0;
    std::string fresh = dir / ("new" + std::to_string(k));
    killed += KillAfter(dir, {"convert", Doc("ind"), "--base", Claude(), "--out", fresh}, at);
    if (fs::exists(fresh)) CheckComplete(fresh, dir / "ref");
    killed +=
        KillAfter(dir, {"convert", Doc("ind"), "--base", Claude(), "--out", dir / "existing"}, at);
    CheckComplete(dir / "existing", dir / "ref");
  }
  CHECK(killed >= 8);  // most kills landed during the run
  // A complete run afterwards removes what killed runs left in the folder.
  Ran again = Run(dir, {"convert", Doc("ind"), "--base", Claude(), "--out", dir / "existing"});
  REQUIRE(again.code == 0);
  for (const auto& e : fs::directory_iterator(dir / "existing"))
    CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
  CheckComplete(dir / "existing", dir / "ref");
}

TEST_CASE("bulk killed mid-run leaves whole folders, and a rerun completes and names what it redid",
          "[cli]") {
  CHARTER_REQUIRE_SHARED();
  TempDir dir;
  fs::create_directories(dir / "in");
  for (const char* d : kDocs) fs::copy_file(Doc(d), dir / ("in/" + std::string(d) + ".txt"));
  auto bulk = [&](const std::string& out) {
    return std::vector<std::string>{"bulk",   dir / "in", "--base", Claude(),
                                    "--jobs", "1",        "--out",  out};
  };
  Ran ref = Run(dir, bulk(dir / "ref"));
  INFO(ref.err);
  REQUIRE(ref.code == 0);

  // Kill once the first document is recorded as done, so that some are
  // finished and some not.
  std::string out = dir / "out";
  bool interrupted = false;
  for (int attempt = 0; attempt < 5 && !interrupted; ++attempt) {
    fs::remove_all(out);
    pid_t pid = Start(dir, bulk(out));
    auto t0 = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(120)) {
      std::error_code ec;
      if (fs::file_size(out + "/.bulk-journal.tsv", ec) > 0 && !ec) break;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ::kill(pid, SIGKILL);
    interrupted = Wait(dir, pid).code == 128 + SIGKILL;
  }
  REQUIRE(interrupted);
  std::vector<std::string> finished, unfinished;
  for (const char* d : kDocs) {
    if (fs::exists(out + "/" + d)) {
      CheckComplete(out + "/" + d, dir / ("ref/" + std::string(d)));
      finished.push_back(d);
    } else {
      unfinished.push_back(d);
    }
  }
  INFO("finished before the kill: " << finished.size());
  REQUIRE(!finished.empty());
  REQUIRE(!unfinished.empty());

  Ran rerun = Run(dir, bulk(out));
  INFO(rerun.err);
  REQUIRE(rerun.code == 0);
  CHECK(rerun.out == ref.out);  // the same summary table
  CHECK(rerun.err.find(std::to_string(finished.size()) + " documents up to date") !=
        std::string::npos);
  CHECK(rerun.err.find("redid " + std::to_string(unfinished.size()) +
                       " documents an earlier run had not finished") != std::string::npos);
  for (const std::string& d : unfinished) CHECK(rerun.err.find(d) != std::string::npos);
  for (const char* d : kDocs) CheckComplete(out + "/" + d, dir / ("ref/" + std::string(d)));
  for (const auto& e : fs::directory_iterator(out)) {
    std::string n = e.path().filename().string();
    CHECK((n == ".bulk-journal.tsv" || n[0] != '.'));
  }
  CHECK(Slurp(out + "/summary.tsv") == Slurp(dir / "ref/summary.tsv"));

  // Nothing left to do: a third run keeps everything; a changed document is redone.
  Ran third = Run(dir, bulk(out));
  REQUIRE(third.code == 0);
  CHECK(third.err.find("6 documents up to date") != std::string::npos);
  CHECK(third.err.find("redid") == std::string::npos);
  {
    std::ofstream app(dir / "in/gha.txt", std::ios::app);
    app << "\n";
  }
  Ran fourth = Run(dir, bulk(out));
  REQUIRE(fourth.code == 0);
  CHECK(
      fourth.err.find("redid 1 documents whose inputs, settings, rules or program changed: gha") !=
      std::string::npos);
}
