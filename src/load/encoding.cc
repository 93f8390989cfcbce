#include "load/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "core/text.h"
#include "load/icu_status.h"
#include "load/utf8.h"

namespace charter::load {
namespace {

constexpr size_t npos = std::string_view::npos;

// Length of the well-formed UTF-8 sequence starting at p[0] (a byte >= 0x80),
// or 0 if it is malformed (overlong, surrogate, > U+10FFFF, truncated).
inline size_t Utf8SequenceLength(const unsigned char* p, size_t avail) {
  unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) {
    return (avail >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

inline bool IsStrayControl(unsigned char c) {
  // C0 controls that plain text does not use; TAB, LF, CR, VT, FF and the DOS
  // end-of-file mark SUB (0x1A) are tolerated.
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0x1A) ||
         c == 0x7F;
}

struct ByteScan {
  size_t first_nul = npos;
  size_t controls = 0;
  size_t first_control = npos;
  size_t multibyte = 0;  // well-formed multi-byte UTF-8 sequences
  size_t first_invalid = npos;
  bool high = false;   // any byte >= 0x80
  bool unify = false;  // a byte UnifyTypography may change (normalize.h)
  bool nfc = false;    // a code point >= U+0300, which NFC may change
};

// One pass over the bytes; stops at the first NUL. Eight bytes at a time
// while they are printable ASCII, the common case.
ByteScan ScanBytes(std::string_view s) {
  ByteScan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      uint64_t below20 = (w - k01 * 0x20) & ~w & k80;
      uint64_t x7f = w ^ (k01 * 0x7F);
      uint64_t is7f = (x7f - k01) & ~x7f & k80;
      if (((w & k80) | below20 | is7f) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) {
        r.first_nul = i;
        return r;
      }
      if (IsStrayControl(c)) {
        if (r.controls++ == 0) r.first_control = i;
      }
      if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) r.unify = true;
      ++i;
      continue;
    }
    r.high = true;
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len) {
      ++r.multibyte;
      i += len;
      if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) r.unify = true;
      if (c >= 0xCC) r.nfc = true;
    } else {
      if (r.first_invalid == npos) r.first_invalid = i;
      ++i;
    }
  }
  return r;
}

// 1-based line of byte `offset`: '\n', "\r\n" and a lone '\r' each end a line.
uint32_t LineOfOffset(std::string_view s, size_t offset) {
  uint32_t line = 1;
  offset = std::min(offset, s.size());
  for (size_t i = 0; i < offset; ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
  }
  return line;
}

std::string Hex2(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

Status CheckControls(const ByteScan& scan, std::string_view bytes, const std::string& path,
                     size_t base) {
  if (scan.first_nul != npos) {
    return InvalidArgument(path + ": binary file, not text (NUL byte at offset " +
                           std::to_string(base + scan.first_nul) + ")");
  }
  if (scan.controls > 64 || scan.controls * 100 > bytes.size()) {
    return InvalidArgument(path + ": binary file, not text (control byte " +
                           Hex2(static_cast<unsigned char>(bytes[scan.first_control])) +
                           " at offset " + std::to_string(base + scan.first_control) + ")");
  }
  return {};
}

// UTF-16 -> UTF-8 by hand: exact offsets for unpaired surrogates, and no
// alignment demands on the input. `base` is the BOM length (for offsets).
Result<std::string> Utf16ToUtf8(std::string_view data, bool big_endian, const std::string& path,
                                size_t base) {
  std::string out;
  out.reserve(data.size() + data.size() / 2);
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const size_t n = data.size() & ~size_t{1};
  auto unit = [&](size_t i) -> uint32_t {
    return big_endian ? (uint32_t{p[i]} << 8 | p[i + 1]) : (uint32_t{p[i + 1]} << 8 | p[i]);
  };
  auto bad = [&](size_t i) {
    uint32_t line = 1;
    for (char c : out) line += (c == '\n');
    return InvalidArgument(path + ": invalid UTF-16 at line " + std::to_string(line) +
                           " (byte offset " + std::to_string(base + i) + ")");
  };
  for (size_t i = 0; i < n; i += 2) {
    uint32_t u = unit(i);
    if (u < 0x80) {
      out.push_back(static_cast<char>(u));
      continue;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > n) return bad(i);
      uint32_t v = unit(i + 2);
      if (v < 0xDC00 || v > 0xDFFF) return bad(i);
      AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
      i += 2;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) return bad(i);
    AppendUtf8(out, u);
  }
  if (data.size() & 1) return bad(data.size() - 1);
  return out;
}

// Looks like mostly-Latin UTF-16 without a BOM: in the first 4 KiB, at least
// 40% of the code units have a NUL high byte and (almost) none a NUL low byte.
// Returns 0 (no), 1 (LE) or 2 (BE).
int SniffBomlessUtf16(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  if (n < 4) return 0;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += (s[i] == 0);
    zero_odd += (s[i + 1] == 0);
  }
  size_t units = n / 2;
  if (zero_odd * 10 >= units * 4 && zero_even * 50 <= units) return 1;
  if (zero_even * 10 >= units * 4 && zero_odd * 50 <= units) return 2;
  return 0;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool IsWestern(std::string_view name) { return name == "ISO-8859-1" || name == "windows-1252"; }

// Encodings the detector may choose. EBCDIC, ISO-2022 and the Unicode forms
// are left out: the bytes are known to be ASCII-compatible and not UTF-8.
bool IsAcceptedLegacy(std::string_view name) {
  static const char* const kAccepted[] = {
      "ISO-8859-1",   "ISO-8859-2",   "ISO-8859-5",   "ISO-8859-6",   "ISO-8859-7",
      "ISO-8859-8",   "ISO-8859-8-I", "ISO-8859-9",   "windows-1250", "windows-1251",
      "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256",
      "KOI8-R",       "Shift_JIS",    "GB18030",      "EUC-JP",       "EUC-KR",
      "Big5"};
  for (const char* a : kAccepted)
    if (name == a) return true;
  return false;
}

// Picks the legacy encoding of `bytes` with ICU's detector, fed the lines
// that hold high bytes (the evidence; pure-ASCII lines tell nothing apart).
Result<std::string> DetectLegacy(std::string_view bytes, const std::string& path) {
  std::string sample;
  size_t pos = 0;
  while (pos < bytes.size() && sample.size() < (64u << 10)) {
    size_t end = bytes.find('\n', pos);
    if (end == npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    if (std::any_of(line.begin(), line.end(), [](char c) { return (c & 0x80) != 0; })) {
      sample.append(line);
      sample.push_back('\n');
    }
    pos = end + 1;
  }
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&ec));
  if (Status st = IcuStatus(ec, path + ": cannot open the charset detector"); !st)
    return std::unexpected(st.error());
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &ec);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &ec);
  if (Status st = IcuStatus(ec, path + ": charset detection failed"); !st)
    return std::unexpected(st.error());
  std::string best;
  int32_t best_conf = 0, western_conf = 0;
  for (int32_t k = 0; k < count; ++k) {
    const char* name = ucsdet_getName(matches[k], &ec);
    int32_t conf = ucsdet_getConfidence(matches[k], &ec);
    if (U_FAILURE(ec) || name == nullptr) break;
    if (!IsAcceptedLegacy(name)) continue;
    if (IsWestern(name)) western_conf = std::max(western_conf, conf);
    if (best.empty()) {
      best = name;
      best_conf = conf;
    }
  }
  // windows-1252 unless another encoding is clearly better: short Western
  // samples often score a little higher as ISO-8859-9 or windows-1250.
  if (best.empty() || IsWestern(best) || best_conf <= western_conf + 10) return "windows-1252";
  if (best == "ISO-8859-8-I") return "ISO-8859-8";
  return best;
}

Result<std::string> ConvertToUtf8(std::string_view data, const std::string& from,
                                  const std::string& path) {
  std::string out(data.size() * 4 + 16, '\0');
  UErrorCode ec = U_ZERO_ERROR;
  int32_t len = ucnv_convert("UTF-8", from.c_str(), out.data(), static_cast<int32_t>(out.size()),
                             data.data(), static_cast<int32_t>(data.size()), &ec);
  if (Status st = IcuStatus(ec, path + ": cannot convert from " + from); !st)
    return std::unexpected(st.error());
  out.resize(static_cast<size_t>(len));
  return out;
}

bool IsUtf8Name(std::string_view name) { return name == "utf-8" || name == "utf8"; }

}  // namespace

std::string SniffHtmlCharset(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 1024));
  size_t pos = 0;
  while ((pos = head.find("charset", pos)) != npos) {
    pos += 7;
    size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    size_t start = i;
    while (i < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' || head[i] == '_' ||
            head[i] == ':' || head[i] == '.'))
      ++i;
    if (i > start) return head.substr(start, i - start);
  }
  return "";
}

namespace {

// Text converted to UTF-8 from another encoding, with its scan's flags.
Decoded Converted(std::string encoding, std::string text, const ByteScan& scan) {
  Decoded d;
  d.encoding = std::move(encoding);
  d.converted = true;
  d.needs_unify = scan.unify;
  d.needs_nfc = scan.nfc;
  d.storage = std::move(text);
  return d;
}

// Byte order marks decide: the text converted from the encoding its BOM
// names, or nullopt when there is no UTF-16 or UTF-32 BOM.
std::optional<Result<Decoded>> DecodeByBom(std::string_view bytes, const std::string& path) {
  struct Bom {
    std::string_view bytes;
    const char* name;
  };
  static const Bom kBoms[] = {
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
  };
  for (const Bom& bom : kBoms) {
    if (bytes.substr(0, bom.bytes.size()) != bom.bytes) continue;
    std::string_view body = bytes.substr(bom.bytes.size());
    Result<std::string> text = bom.name[4] == '1'
                                   ? Utf16ToUtf8(body, bom.name[6] == 'B', path, bom.bytes.size())
                                   : ConvertToUtf8(body, bom.name, path);
    if (!text) return std::unexpected(text.error());
    ByteScan scan = ScanBytes(*text);
    if (Status st = CheckControls(scan, *text, path, 0); !st) {
      // Offsets into the converted text mean little to a user; say what it is.
      return InvalidArgument(path + ": binary file, not text (control characters in " + bom.name +
                             " text)");
    }
    return Converted(bom.name, std::move(*text), scan);
  }
  return std::nullopt;
}

// UTF-16 without a BOM, when the bytes look like it and convert to clean text.
std::optional<Decoded> DecodeBomlessUtf16(std::string_view bytes, const std::string& path) {
  int kind = SniffBomlessUtf16(bytes);
  if (!kind) return std::nullopt;
  Result<std::string> text = Utf16ToUtf8(bytes, kind == 2, path, 0);
  if (!text) return std::nullopt;
  ByteScan scan = ScanBytes(*text);
  if (scan.first_nul != npos || scan.controls != 0) return std::nullopt;
  return Converted(kind == 2 ? "UTF-16BE" : "UTF-16LE", std::move(*text), scan);
}

// A legacy encoding: the one the file declares, else ICU's best guess.
Result<std::string> LegacyCharset(std::string_view body, const std::string& path,
                                  std::string_view declared_charset) {
  std::string declared = AsciiLower(declared_charset);
  if (!declared.empty() && !IsUtf8Name(declared)) {
    if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii" ||
        declared == "ascii")
      return std::string("windows-1252");  // as browsers do (WHATWG Encoding Standard)
    UErrorCode ec = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(declared.c_str(), &ec);
    const bool known = U_SUCCESS(ec) && conv != nullptr;
    if (conv != nullptr) ucnv_close(conv);
    if (known) return declared;
  }
  return DetectLegacy(body, path);
}

}  // namespace

Result<Decoded> DecodeBytes(std::string_view bytes, const std::string& path,
                            std::string_view declared_charset) {
  if (std::optional<Result<Decoded>> by_bom = DecodeByBom(bytes, path)) return std::move(*by_bom);
  const size_t skip = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::string_view body = bytes.substr(skip);
  ByteScan scan = ScanBytes(body);
  if (scan.first_nul != npos && skip == 0)
    if (std::optional<Decoded> utf16 = DecodeBomlessUtf16(bytes, path)) return std::move(*utf16);
  if (Status st = CheckControls(scan, body, path, skip); !st) return std::unexpected(st.error());
  if (scan.first_invalid == npos) {
    Decoded d;
    d.encoding = "UTF-8";
    d.skip = skip;
    d.needs_unify = scan.unify;
    d.needs_nfc = scan.nfc;
    return d;
  }
  if (scan.multibyte > 0) {
    // Valid multi-byte sequences say UTF-8; the invalid ones are damage.
    size_t off = skip + scan.first_invalid;
    return InvalidArgument(path + ": invalid UTF-8 at line " +
                           std::to_string(LineOfOffset(bytes, off)) + " (byte offset " +
                           std::to_string(off) + ")");
  }
  Result<std::string> from = LegacyCharset(body, path, declared_charset);
  if (!from) return std::unexpected(from.error());
  Result<std::string> text = ConvertToUtf8(body, *from, path);
  if (!text) return std::unexpected(text.error());
  Decoded d;
  d.encoding = *from;
  d.converted = true;
  d.storage = std::move(*text);
  return d;
}

}  // namespace charter::load
