// lines.h — plain text and Markdown -> text with a line map (internal to src/load).
//
// Both keep text lines 1:1 with source lines ('\n', "\r\n" and lone '\r' end
// a line; the output uses '\n'), so a segmenter working line by line sees the
// file's own lines. The only departure is re-joining a word hyphenated across
// a line break (rejoin.h): its second half moves up, anchored to the line it
// came from, and a line left empty by the move disappears.
//
// Markdown, line by line: ATX heading marks (# ... #) and blockquote marks
// go; setext underlines, thematic breaks, code fences and link reference
// definitions become empty lines; YAML front matter is dropped; "*"/"+"
// bullets become "- "; inline: [text](url) and [text][ref] -> text, images ->
// their alt text, `code` -> code, emphasis markers (* ** _ __ ~~) go where
// they delimit (a lone " * " and snake_case stay), backslash escapes and
// character references are decoded, inline HTML tags are removed.
//
// Thread-safe: pure functions.
//
//   AnchoredText t = MarkdownToText("# Title\n\nSee [the law](http://x).\n");
//   // t.text == "Title\n\nSee the law.\n"
#pragma once

#include <string>
#include <string_view>

#include "load/anchored_text.h"

namespace charter::load {

AnchoredText PlainToText(std::string_view text);
AnchoredText MarkdownToText(std::string_view text);

// One Markdown line's inline markup removed (exposed for tests).
std::string MarkdownInline(std::string_view line);

}  // namespace charter::load
