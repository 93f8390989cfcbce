// catch_main.cc — the main of every test binary: Catch2's session, then the
// skipped cases counted (CHARTER_SKIP, test_util.h). A run with a skipped case
// and no failure exits kSkipExit, which ctest reports as "Skipped" (the
// SKIP_RETURN_CODE of each test), so a green run means nothing was skipped.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "test_util.h"

namespace charter::testing {

namespace {
std::mutex skip_mu;
std::vector<std::string>& Skips() {
  static std::vector<std::string> skips;
  return skips;
}
}  // namespace

void RecordSkip(const std::string& reason) {
  std::lock_guard<std::mutex> lock(skip_mu);
  Skips().push_back(Catch::getResultCapture().getCurrentTestName() + ": " + reason);
}

}  // namespace charter::testing

int main(int argc, char** argv) {
  int failed = Catch::Session().run(argc, argv);
  const auto& skips = charter::testing::Skips();
  for (const std::string& s : skips) std::printf("skipped: %s\n", s.c_str());
  if (!skips.empty()) std::printf("test cases skipped: %zu\n", skips.size());
  if (failed != 0) return failed == charter::testing::kSkipExit ? 1 : failed;
  return skips.empty() ? 0 : charter::testing::kSkipExit;
}
