// idea_cases.h — what the idea tests share besides english_rewriter.h: a table
// of sentences that must (or must not) code an idea, coded by
// EnglishRewriter's own idea set, and a principle-worthy clause made from a
// sentence.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/rule_file.h"
#include "english_rewriter.h"
#include "files/files.h"
#include "rewrite/ideas.h"
#include "rewrite/rewrite.h"
#include "test_util.h"

namespace charter::testing {

// A sentence, an idea, and whether the shipped patterns must code it.
struct CodingCase {
  const char* text;
  const char* idea;
  bool coded;
};

inline void CheckCodings(const std::vector<CodingCase>& cases) {
  const IdeaSet* set = &EnglishRewriter().IdeaInventory();
  for (const CodingCase& c : cases) {
    INFO(c.text << " -> " << c.idea);
    REQUIRE(set->Find(c.idea) >= 0);
    bool coded = false;
    for (int i : set->Code(c.text, nullptr))
      coded = coded || set->ideas()[static_cast<size_t>(i)].id == c.idea;
    CHECK(coded == c.coded);
  }
}

// A principle-worthy clause of "doc.txt" whose text and core are `text`.
inline Clause MakeClause(Kind kind, const std::string& id, const std::string& text,
                         uint32_t line) {
  Clause c;
  c.kind = kind;
  c.principle = true;
  c.unit.doc = "doc.txt";
  c.unit.id = "doc.txt#" + id;
  c.unit.cite = "Art. " + id;
  c.unit.text = text;
  c.core = text;
  c.unit.line_start = c.unit.line_end = line;
  return c;
}

}  // namespace charter::testing
