// english_rewriter.h — the shipped English rules and their Rewriter, each
// read or built once for the rewrite tests (a failure fails the test that
// asks).
#pragma once

#include <catch2/catch.hpp>

#include "core/rule_file.h"
#include "files/files.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

namespace charter::testing {

// The shipped English rule texts, read once.
inline const RuleTexts& EnglishRuleTexts() {
  static const RuleTexts* texts = [] {
    Result<RuleTexts> t = ReadRuleFolder(RulesDir(), "en");
    if (!t) FAIL(t.error().message);
    return new RuleTexts(*t);
  }();
  return *texts;
}

inline const Rewriter& EnglishRewriter() {
  static const Rewriter* rw = [] {
    Result<Rewriter> r = Rewriter::Create(EnglishRuleTexts(), "en");
    if (!r) FAIL(r.error().message);
    return new Rewriter(*r);
  }();
  return *rw;
}

}  // namespace charter::testing
