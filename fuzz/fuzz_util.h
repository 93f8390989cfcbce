// fuzz_util.h — shared set-up of the fuzz targets (fuzz/*.cc): the
// repository's rules, read once. Each target defines LLVMFuzzerTestOneInput;
// with libFuzzer (make fuzz) it is the fuzzer's, otherwise replay_main.cc
// runs it over files (the regression inputs under tests/fuzz/<target>/).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/rule_file.h"
#include "files/files.h"

namespace charter::fuzz {

inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Set-up that must work (the repository's own files): abort if not.
template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "fuzz set-up: %s: %s\n", what, r.error().message.c_str());
    std::abort();
  }
  return std::move(*r);
}

inline const RuleTexts& EnglishRules() {
  static const RuleTexts* rules = new RuleTexts(
      Must(ReadRuleFolder(std::string(CHARTER_SOURCE_DIR) + "/rules", "en"), "rules"));
  return *rules;
}

}  // namespace charter::fuzz
