// normalize.h — typographic unification and Unicode NFC, keeping the line map
// (internal to src/load).
//
// UnifyTypography makes text that says the same thing read the same bytes, so
// rule patterns need one spelling:
//   quotes   U+2018 U+2019 U+201A U+201B -> '     U+201C U+201D U+201E U+201F -> "
//            (guillemets « » stay: they are the quotes of French, not a variant)
//   dashes   hyphen-like  U+2010 U+2011 U+2012 U+2013 U+2212 U+FE63 -> '-'
//            dash-like    U+2014 U+2015 U+2E3A U+2E3B U+FE58         -> U+2014 '—'
//            So after loading exactly two dashes remain: '-' (hyphens, ranges
//            "1–5", spaced en dashes " – ") and '—' (em dash). A lead-in that
//            ends in a dash matches [-—]\s*$ whatever the source used.
//   spaces   NBSP U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000, U+2028,
//            U+2029, VT, FF -> ' '
//   removed  soft hyphen U+00AD (a line-final one is handled by rejoin.h
//            first), ZWSP U+200B, word joiner U+2060, BOM/ZWNBSP U+FEFF,
//            LRM/RLM and bidi embedding/isolate controls, stray C0 controls
//            and DEL. (ZWJ/ZWNJ stay: Persian and Indic spelling needs them.)
//   C1 controls U+0080-U+009F: windows-1252 text decoded as Latin-1; mapped to
//            the cp1252 character they stand for, then unified as above.
// NormalizeNfc brings the text to NFC with ICU (skipped outright when no code
// point >= U+0300 occurs, and when ICU's quick check says it already is).
//
// Both rewrite AnchoredText in place and move its anchors with the text.
// Thread-safe: yes (ICU's NFC instance is immutable and shared).
//
//   AnchoredText t = PlainToText(text);
//   UnifyTypography(t);
//   if (Status st = NormalizeNfc(t, path); !st) return st.error();
#pragma once

#include <string>

#include "core/error.h"
#include "load/anchored_text.h"

namespace charter::load {

void UnifyTypography(AnchoredText& t);
Status NormalizeNfc(AnchoredText& t, const std::string& path);

}  // namespace charter::load
