#include "load/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdint>
#include <vector>

#include "load/icu_status.h"
#include "load/utf8.h"

namespace charter::load {
namespace {

constexpr char32_t kRemove = 0xFFFFFFFF;

// Bytes that may start something UnifyTypography changes: C0 controls other
// than TAB and LF, DEL, and the lead bytes of U+0080-U+00BF (C2),
// U+2000-U+2FFF (E2), U+3000-U+3FFF (E3) and U+F000-U+FFFF (EF).
struct ByteTable {
  bool special[256] = {};
  constexpr ByteTable() {
    for (int c = 0; c < 0x20; ++c) special[c] = c != '\t' && c != '\n';
    special[0x7F] = special[0xC2] = special[0xE2] = special[0xE3] = special[0xEF] = true;
  }
};
constexpr ByteTable kSpecial;

char32_t Unify(char32_t cp) {
  if (cp < 0x20) return (cp == '\v' || cp == '\f') ? U' ' : kRemove;
  if (cp == 0x7F) return kRemove;
  if (cp >= 0x80 && cp <= 0x9F) {
    char32_t m = Cp1252ForC1(cp);
    return m == cp ? kRemove : Unify(m);
  }
  switch (cp) {
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x2028:
    case 0x2029:
      return U' ';
    case 0x00AD:
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
    case 0x200E:
    case 0x200F:
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
      return kRemove;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0xFE63:
      return U'-';
    case 0x2015:
    case 0x2E3A:
    case 0x2E3B:
    case 0xFE58:
      return 0x2014;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
      return U'\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
      return U'"';
    default:
      return cp;
  }
}

inline size_t SequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

}  // namespace

void UnifyTypography(AnchoredText& t) {
  const std::string& in = t.text;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t first = 0;
  while (first < n && !kSpecial.special[p[first]]) ++first;
  if (first == n) return;  // the common case: nothing to change

  std::string out;
  out.reserve(n);
  std::vector<Anchor> anchors;
  anchors.reserve(t.anchors.size());
  size_t k = 0;  // next anchor to move
  // Moves the anchors in [from, to) of the input, copied as a block to out[base...].
  auto move_anchors = [&](size_t from, size_t to, size_t base) {
    while (k < t.anchors.size() && t.anchors[k].offset < to) {
      size_t off = t.anchors[k].offset;
      anchors.push_back(
          {static_cast<uint32_t>(off >= from ? base + (off - from) : base), t.anchors[k].line});
      ++k;
    }
  };
  size_t i = 0;
  while (i < n) {
    size_t j = i == 0 ? first : i;
    while (j < n && !kSpecial.special[p[j]]) ++j;
    // Bytes [i, j) stay as they are (multi-byte sequences with other leads included).
    move_anchors(i, j, out.size());
    out.append(in, i, j - i);
    if (j >= n) break;
    size_t len = SequenceLength(p[j]);
    size_t next = j;
    char32_t cp = NextCodePoint(in, next);
    move_anchors(j, j + 1, out.size());
    char32_t m = Unify(cp);
    if (m == cp) {
      out.append(in, j, len);
    } else if (m != kRemove) {
      AppendUtf8(out, m);
    }
    i = next;
  }
  move_anchors(n, SIZE_MAX, out.size());
  t.text = std::move(out);
  t.anchors = std::move(anchors);
  CompactAnchors(t);
}

Status NormalizeNfc(AnchoredText& t, const std::string& path) {
  // Every code point below U+0300 is NFC and composes with nothing before it;
  // U+0300 and above start with a byte >= 0xCC.
  bool maybe = false;
  for (unsigned char c : t.text) {
    if (c >= 0xCC) {
      maybe = true;
      break;
    }
  }
  if (!maybe) return {};
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (Status st = IcuStatus(ec, path + ": cannot load the NFC normalizer"); !st) return st;
  icu::StringPiece src(t.text.data(), static_cast<int32_t>(t.text.size()));
  UBool normalized = nfc->isNormalizedUTF8(src, ec);
  if (Status st = IcuStatus(ec, path + ": NFC check failed"); !st) return st;
  if (normalized) return {};
  std::string out;
  out.reserve(t.text.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  nfc->normalizeUTF8(0, src, sink, &edits, ec);
  if (Status st = IcuStatus(ec, path + ": NFC normalization failed"); !st) return st;
  icu::Edits::Iterator it = edits.getFineIterator();
  for (Anchor& a : t.anchors) {
    int32_t dst = it.destinationIndexFromSourceIndex(static_cast<int32_t>(a.offset), ec);
    if (U_FAILURE(ec)) break;
    a.offset = static_cast<uint32_t>(dst);
  }
  if (Status st = IcuStatus(ec, path + ": NFC offset mapping failed"); !st) return st;
  t.text = std::move(out);
  CompactAnchors(t);
  return {};
}

}  // namespace charter::load
