// text.h — small UTF-8 string helpers shared by every stage.
// All offsets are byte offsets. Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace charter {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(std::string_view s);

// Length in bytes of the well-formed UTF-8 sequence that starts at s[i] (1
// for ASCII), or 0 when the bytes there are not one.
size_t Utf8SequenceAt(std::string_view s, size_t i);

// Whether `c` is ASCII whitespace: space, tab, CR, LF, FF or VT.
bool IsAsciiSpace(char c);

// Strips ASCII whitespace (IsAsciiSpace) from both ends.
std::string_view Trim(std::string_view s);

// ASCII-only lowercasing (UTF-8 safe: other bytes untouched).
std::string AsciiLower(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// Whether `s` equals / ends with `lower` ignoring ASCII case; `lower` is
// lowercase ("And" ends with "and"). No allocation.
bool EqualsAsciiLower(std::string_view s, std::string_view lower);
bool EndsWithAsciiLower(std::string_view s, std::string_view lower);

// Splits on a single character; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Joins with `sep`.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// Collapses runs of ASCII whitespace to one space and trims.
std::string CollapseSpaces(std::string_view s);

}  // namespace charter
