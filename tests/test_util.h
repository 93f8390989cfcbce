// test_util.h — helpers for tests: where the source tree and ../shared are.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>

namespace charter::testing {

inline std::string SourceDir() { return CHARTER_SOURCE_DIR; }
inline std::string SharedDir() { return CHARTER_SHARED_DIR; }
inline std::string CorporaDir() { return std::string(CHARTER_SHARED_DIR) + "/corpora"; }
inline bool HaveShared() { return std::filesystem::is_directory(CorporaDir()); }
inline std::string RulesDir() { return std::string(CHARTER_SOURCE_DIR) + "/rules"; }
inline std::string ModelsDir() { return std::string(CHARTER_SOURCE_DIR) + "/models"; }

// The exit status of a test binary in which a case was skipped and none
// failed (ctest's SKIP_RETURN_CODE; see catch_main.cc).
inline constexpr int kSkipExit = 77;

// Records that the running test case was skipped, and why (catch_main.cc
// lists and counts the skips at the end of the run).
void RecordSkip(const std::string& reason);

}  // namespace charter::testing

// Skips the rest of a test case, recording it as skipped with `reason` (a
// stream expression). Catch2 v2 has no skip of its own.
#define CHARTER_SKIP(reason)                                                         \
  do {                                                                               \
    std::ostringstream charter_skip_reason_;                                         \
    charter_skip_reason_ << reason;                                                  \
    WARN("skipped: " << charter_skip_reason_.str());                                 \
    ::charter::testing::RecordSkip(charter_skip_reason_.str());                      \
    return;                                                                          \
  } while (0)

// Skips the rest of a test case when ../shared/corpora is absent.
#define CHARTER_REQUIRE_SHARED()                                                     \
  do {                                                                               \
    if (!::charter::testing::HaveShared())                                           \
      CHARTER_SKIP(::charter::testing::CorporaDir() << " not found");                \
  } while (0)
