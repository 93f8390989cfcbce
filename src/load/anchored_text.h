// anchored_text.h — text under construction plus its map back to source lines
// (internal to src/load; other stages see only Document::line_anchors).
//
// Every load step (format conversion, hyphen re-joining, typographic
// unification, NFC) rewrites text; each one carries the line anchors along so
// that a byte of the final text still maps to the 1-based line of the input
// file it came from. An anchor {offset, line} says "from this offset on, the
// text came from source line `line`"; anchors are sorted by offset, the first
// is at offset 0, and two neighbours never carry the same line.
//
// Thread-safe: plain values.
//
//   TextBuilder b;
//   b.Append("Article 1", /*line=*/7);  b.Newline();
//   AnchoredText t = b.Finish();        // t.anchors == {{0, 7}}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace charter::load {

using Anchor = Document::Anchor;

struct AnchoredText {
  std::string text;
  std::vector<Anchor> anchors;
};

// Appends text pieces, each tagged with the source line it came from, and
// records an anchor whenever the line changes.
class TextBuilder {
 public:
  void Reserve(size_t n) { out_.text.reserve(n); }

  void Append(std::string_view s, uint32_t line) {
    if (s.empty()) return;
    Mark(line);
    out_.text.append(s);
  }
  void Append(char c, uint32_t line) {
    Mark(line);
    out_.text.push_back(c);
  }
  // Anchors what follows to `line` even before any byte of it is written
  // (so an empty line still has its anchor).
  void Mark(uint32_t line) {
    if (out_.anchors.empty() || out_.anchors.back().line != line) {
      if (!out_.anchors.empty() && out_.anchors.back().offset == out_.text.size()) {
        out_.anchors.back().line = line;  // nothing was written for the previous line
        if (out_.anchors.size() >= 2 && out_.anchors[out_.anchors.size() - 2].line == line)
          out_.anchors.pop_back();
      } else {
        out_.anchors.push_back({static_cast<uint32_t>(out_.text.size()), line});
      }
    }
  }
  // A '\n' belongs to the line it ends, so it needs no anchor of its own.
  void Newline() { out_.text.push_back('\n'); }
  // Cuts the text back to n bytes (dropping anchors that pointed past it).
  void Truncate(size_t n) {
    out_.text.resize(n);
    while (!out_.anchors.empty() && out_.anchors.back().offset >= n) out_.anchors.pop_back();
  }

  const std::string& text() const { return out_.text; }
  std::string& mutable_text() { return out_.text; }
  size_t size() const { return out_.text.size(); }

  AnchoredText Finish() { return std::move(out_); }

 private:
  AnchoredText out_;
};

// Restores the invariants after a rewrite moved anchors: sorted input is
// assumed; of anchors sharing an offset the last wins, neighbours with the
// same line merge, anchors at or past the end of a non-empty text go, and the
// first anchor sits at offset 0.
void CompactAnchors(AnchoredText& t);

}  // namespace charter::load
