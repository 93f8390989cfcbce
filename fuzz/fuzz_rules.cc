// fuzz_rules.cc — a rule file: parsed as a TSV rule file (1 to 4 columns) and
// as a list file; its patterns compiled as a PatternSet and matched against
// a sentence; and as rules/en/headings.tsv of a Segmenter.
#include "fuzz/fuzz_util.h"
#include "segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  if (size == 0) return 0;
  std::string_view text = fuzz::Bytes(data + 1, size - 1);
  (void)ParseListFile(text, "f.txt");
  switch (data[0] % 3) {
    case 0:
    case 1: {
      Result<RuleFile> f = ParseRuleFile(text, "en/f.tsv", 1, 4);
      if (!f) return 0;
      PatternOptions po;
      po.anchor_start = data[0] % 3 == 1;
      Result<PatternSet> set = PatternSet::Compile(*f, 0, po);
      if (!set) return 0;
      std::vector<int> hits = set->Match(
          "Everyone has the right to freedom of expression; no one shall be held in "
          "slavery, except as the law provides (Article 19(1)(a)).");
      for (int i : hits)
        if (i < 0 || static_cast<size_t>(i) >= set->size()) __builtin_trap();
      return 0;
    }
    default: {
      RuleTexts rules = fuzz::EnglishRules();
      rules["en/headings.tsv"] = std::string(text);
      (void)Segmenter::Create(rules, "en");
      return 0;
    }
  }
}
