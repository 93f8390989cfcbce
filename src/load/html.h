// html.h — HTML -> text with a line map (internal to src/load).
//
// A small, forgiving tag scanner (not a DOM): tags are stripped; the content
// of script, style, title, template and noscript is dropped; comments,
// doctype and processing instructions are skipped; character references are
// decoded (the HTML 4 named entities, &apos;, decimal and hex numeric ones;
// numeric 128-159 as windows-1252, as browsers do). Whitespace collapses as a
// browser collapses it, except inside <pre>. Block elements end a line:
// p, div, li, dt, dd, tr, br, ... start a new line; headings, article,
// section, header, footer, nav, aside, main, table, lists, blockquote, hr
// also leave one blank line, so blocks read as the corpus' plain texts do.
// <ol> items get the number the list implies ("3. ", or "c. "/"iii. " for
// type="a"/"i"), <ul> items "- ". Words hyphenated across source lines
// inside a paragraph are re-joined (rejoin.h).
//
// Every output byte is anchored to the source line it came from (lines
// counted on '\n', "\r\n" and lone '\r' in the decoded text).
//
// Thread-safe: pure function.
//
//   AnchoredText t = HtmlToText("<h2>Article 1</h2>\n<p>All human beings&hellip;</p>");
//   // t.text == "Article 1\n\nAll human beings\u2026", t.anchors == {{0,1},{11,2}}
#pragma once

#include <string>
#include <string_view>

#include "load/anchored_text.h"

namespace charter::load {

AnchoredText HtmlToText(std::string_view html);

// Appends the character that the reference at html[i] ('&') stands for and
// advances i past it; returns false (appending nothing, i unchanged) if it is
// not a reference. Shared with the Markdown converter.
bool DecodeCharacterReference(std::string_view html, size_t& i, std::string& out);

}  // namespace charter::load
