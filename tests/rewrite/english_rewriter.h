// english_rewriter.h — the Rewriter of the shipped English rules, built once
// for the rewrite tests (a failure to build it fails the test that asks).
#pragma once

#include <catch2/catch.hpp>

#include "core/rule_file.h"
#include "files/files.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

namespace charter::testing {

inline const Rewriter& EnglishRewriter() {
  static const Rewriter* rw = [] {
    Result<RuleTexts> texts = ReadRuleFolder(RulesDir(), "en");
    if (!texts) FAIL(texts.error().message);
    Result<Rewriter> r = Rewriter::Create(*texts, "en");
    if (!r) FAIL(r.error().message);
    return new Rewriter(*r);
  }();
  return *rw;
}

}  // namespace charter::testing
