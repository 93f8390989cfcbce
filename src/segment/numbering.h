// numbering.h — article and list numbers for the segmenter (internal to
// src/segment): "21A", "XIV", "379-391"; whether one number follows another;
// the byte-level character classes segmentation uses (ASCII only).
#pragma once

#include <string>
#include <string_view>

namespace charter::segment_internal {

struct Num {
  int base = -1;
  std::string_view suffix;  // "A" in "21A", "a" in "16a"
  bool roman = false;
  int range_end = -1;  // 391 in "379-391" (repealed articles folded into one line)
};

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Value of a roman numeral, or -1 if `s` is not one.
int RomanValue(std::string_view s);

// "21A" -> {21, "A"}, "XIV" -> {14, roman}, "379-391" -> {379, range_end 391};
// base -1 when `s` is no number.
Num ParseNum(std::string_view s);

// Article numbers: "21" -> "21A" -> "21B" -> "22" are exact successors.
bool FollowsExactly(Num prev, const Num& cur);

// A jump forward of a few numbers (repealed articles dropped from the text).
bool FollowsWithGap(const Num& prev, const Num& cur);

// Marker classes for the list stack: same class + style = same level.
enum MarkerClass { kDigit, kLowerLetter, kUpperLetter, kLowerRoman, kUpperRoman, kBullet, kPara };

// Whether list marker `next` comes right after `prev` in a list of class
// `cls` ("1" -> "2", "b" -> "c", "iv" -> "v").
bool FollowsInList(int cls, std::string_view prev, std::string_view next);

// Text helpers.
bool EndsWithDash(std::string_view s);
// The last sentence of a paragraph introduces a list ("... the right-", "... as follows:").
bool IsLeadIn(std::string_view s);
// Joined continuation lines keep their '\n'; a unit's text reads as one line.
std::string Flatten(std::string_view s);
std::string LowerAscii(std::string_view s);

}  // namespace charter::segment_internal
