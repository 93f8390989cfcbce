// Opens the HTML report in headless Chromium (Debian's `chromium`) and checks
// that the page loads with no console messages (errors, blocked resources).
// Skips with a message when /usr/bin/chromium is not installed.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/io.h"
#include "merge/fake_tools.h"
#include "report/report.h"
#include "test_util.h"

namespace charter {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("the HTML report opens in headless Chromium with no console errors", "[report]") {
  const char* chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(chromium))
    CHARTER_SKIP(chromium << " not installed (apt-get install chromium)");
  using testing::P;
  std::vector<Principle> base = {P("b1", "Choose the response that most respects privacy.", "base")};
  std::vector<Principle> country = {
      P("c1", "Choose the response that most respects private life & <family>."),
      P("c2", "Choose the response that least endorses torture.")};
  MergeOptions o;
  o.country = "ken";
  o.base_name = "base.jsonl";
  MergePlan plan = MergeCountry(base, country,
                                {.embed = testing::BagOfWords, .combine = testing::JoinCombine}, o);
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("charter-html-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "profile");
  std::string html = (dir / "report.html").string();
  REQUIRE(WriteFileAtomic(html, ReportHtml(plan)));
  std::string cmd = std::string(chromium) +
                    " --headless --no-sandbox --disable-gpu --disable-background-networking"
                    " --disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                    (dir / "profile").string() + " --enable-logging=stderr --v=0 --dump-dom file://" +
                    html + " > " + (dir / "dom.html").string() + " 2> " +
                    (dir / "stderr.txt").string();
  int rc = std::system(cmd.c_str());
  CHECK(rc == 0);
  std::string dom = Slurp((dir / "dom.html").string());
  std::string log = Slurp((dir / "stderr.txt").string());
  CHECK(dom.find("<title>Charter review: ken merged with base.jsonl</title>") != std::string::npos);
  CHECK(dom.find("</html>") != std::string::npos);
  // Console messages, failed loads and blocked resources all log as CONSOLE.
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(line.find(":CONSOLE") == std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace charter
