// utf8.h — code point helpers for text already known to be valid UTF-8
// (internal to src/load). Thread-safe: pure functions.
//
//   size_t i = 0;
//   char32_t cp = NextCodePoint(text, i);   // advances i
//   AppendUtf8(out, cp);
#pragma once

#include <string>
#include <string_view>

namespace charter::load {

inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the code point at s[i] (s must be valid UTF-8) and advances i.
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  if (c < 0xE0) {
    char32_t cp = (char32_t{c} & 0x1F) << 6 | (b(i + 1) & 0x3F);
    i += 2;
    return cp;
  }
  if (c < 0xF0) {
    char32_t cp = (char32_t{c} & 0x0F) << 12 | char32_t(b(i + 1) & 0x3F) << 6 | (b(i + 2) & 0x3F);
    i += 3;
    return cp;
  }
  char32_t cp = (char32_t{c} & 0x07) << 18 | char32_t(b(i + 1) & 0x3F) << 12 |
                char32_t(b(i + 2) & 0x3F) << 6 | (b(i + 3) & 0x3F);
  i += 4;
  return cp;
}

// The code point that ends just before s[end] (s valid UTF-8, end > 0);
// `start` receives its first byte's offset.
inline char32_t PrevCodePoint(std::string_view s, size_t end, size_t* start) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  if (start) *start = i;
  size_t j = i;
  return NextCodePoint(s, j);
}

}  // namespace charter::load

namespace charter::load {

// What windows-1252 puts at bytes 0x80-0x9F, for the C1 control code points
// U+0080-U+009F: text that shows them was cp1252 decoded as ISO-8859-1.
// Other code points are returned unchanged.
inline char32_t Cp1252ForC1(char32_t cp) {
  static constexpr char32_t kTable[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  return (cp >= 0x80 && cp <= 0x9F) ? kTable[cp - 0x80] : cp;
}

}  // namespace charter::load
