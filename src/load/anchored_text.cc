#include "load/anchored_text.h"

namespace charter::load {

void CompactAnchors(AnchoredText& t) {
  std::vector<Anchor>& a = t.anchors;
  std::vector<Anchor> out;
  out.reserve(a.size());
  for (const Anchor& x : a) {
    if (!t.text.empty() && x.offset >= t.text.size()) break;
    if (!out.empty() && out.back().offset == x.offset) out.pop_back();
    if (!out.empty() && out.back().line == x.line) continue;
    out.push_back(x);
  }
  if (out.empty() && !a.empty()) out.push_back({0, a.front().line});
  if (!out.empty()) out.front().offset = 0;
  a = std::move(out);
}

}  // namespace charter::load
