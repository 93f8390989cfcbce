// test_util.h — helpers for tests: where the source tree and ../shared are.
#pragma once

#include <filesystem>
#include <string>

namespace charter::testing {

inline std::string SourceDir() { return CHARTER_SOURCE_DIR; }
inline std::string SharedDir() { return CHARTER_SHARED_DIR; }
inline std::string CorporaDir() { return std::string(CHARTER_SHARED_DIR) + "/corpora"; }
inline bool HaveShared() { return std::filesystem::is_directory(CorporaDir()); }
inline std::string RulesDir() { return std::string(CHARTER_SOURCE_DIR) + "/rules"; }
inline std::string ModelsDir() { return std::string(CHARTER_SOURCE_DIR) + "/models"; }

}  // namespace charter::testing

// Skips the rest of a test case (with a message) when ../shared/corpora is absent.
#define CHARTER_REQUIRE_SHARED()                                                     \
  do {                                                                               \
    if (!::charter::testing::HaveShared()) {                                         \
      WARN("skipped: " << ::charter::testing::CorporaDir() << " not found");         \
      return;                                                                        \
    }                                                                                \
  } while (0)
