// End-to-end checks of `charter polis` through the binary (skipped when the
// binary has not been built: this test binary does not depend on it).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace fs = std::filesystem;

namespace {

struct RunResult {
  int code = -1;
  std::string err;
};

RunResult RunCharter(const std::string& args, const fs::path& tmp) {
  std::string err_path = (tmp / "stderr.txt").string();
  std::string cmd =
      "'" + std::string(CHARTER_BINARY) + "' " + args + " >/dev/null 2>'" + err_path + "'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

fs::path TempDir(const std::string& name) {
  fs::path d =
      fs::temp_directory_path() / ("charter-polis-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

const char* kComments =
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1,d,0,0,2,0,1,The AI should be honest.\n";

}  // namespace

TEST_CASE("charter polis on a bad vote names file and line and writes nothing", "[publicinput]") {
  if (!fs::exists(CHARTER_BINARY)) CHARTER_SKIP("binary not built: " CHARTER_BINARY);
  fs::path tmp = TempDir("bad");
  fs::create_directories(tmp / "export");
  Write(tmp / "export" / "comments.csv", kComments);
  Write(tmp / "export" / "participants-votes.csv", "participant,group-id,0\n0,0,1\n1,0,7\n");
  fs::path out = tmp / "out";
  RunResult r =
      RunCharter("polis '" + (tmp / "export").string() + "' --out '" + out.string() + "'", tmp);
  CHECK(r.code == 1);
  CHECK(r.err == "charter: " + (tmp / "export" / "participants-votes.csv").string() +
                     ":3: vote value '7' for comment 0 is not -1, 0 or 1\n");
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(tmp);
}

TEST_CASE("charter polis writes principles, constitution and reports for a small export",
          "[publicinput]") {
  if (!fs::exists(CHARTER_BINARY)) CHARTER_SKIP("binary not built: " CHARTER_BINARY);
  fs::path tmp = TempDir("ok");
  fs::create_directories(tmp / "export");
  Write(tmp / "export" / "comments.csv", kComments);
  std::string pv = "participant,group-id,0\n";
  for (int p = 0; p < 10; ++p) pv += std::to_string(p) + "," + (p < 5 ? "0" : "1") + ",1\n";
  Write(tmp / "export" / "participants-votes.csv", pv);
  fs::path out = tmp / "out";
  RunResult r =
      RunCharter("polis '" + (tmp / "export").string() + "' --out '" + out.string() + "'", tmp);
  REQUIRE(r.code == 0);
  for (const char* f : {"principles.jsonl", "constitution.jsonl", "constitution.md", "report.md",
                        "report.html", "report.json"})
    CHECK(fs::exists(out / f));
  std::ifstream in(out / "principles.jsonl");
  std::string line;
  std::getline(in, line);
  CHECK(line.find("\"text\":\"Choose the response that is most honest.\"") != std::string::npos);
  CHECK(line.find("\"id\":\"comment:0\"") != std::string::npos);
  CHECK(line.find("agree 10/10 (100.0%)") != std::string::npos);
  fs::remove_all(tmp);
}
