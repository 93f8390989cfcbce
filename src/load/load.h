// load.h — stage 1: bytes of an input file -> Document (clean UTF-8 text).
//
// Steps (each in its own file under src/load/):
//   encoding.h   UTF-8 with/without BOM, UTF-16LE/BE (BOM, or a clear NUL
//                pattern), UTF-32 with BOM, legacy encodings via ICU charset
//                detection (windows-1252 preferred) or an HTML <meta charset>;
//                binary data and damaged UTF-8 are errors.
//   lines.h      plain text (lines 1:1 with the source) and Markdown (markup
//                removed, lines kept); html.h: tags stripped, script/style
//                dropped, references decoded, blocks become lines.
//   rejoin.h     words hyphenated across line breaks re-joined.
//   normalize.h  typographic unification (quotes, two dashes '-' and '—',
//                spaces, invisible characters) and NFC.
//   lang.h       language by stopword counts among the candidates.
// Format: options.format, else the extension (.html/.htm/.xhtml, .md/
// .markdown), else content (<!doctype html or <html at the start), else text.
//
// The line map: Document::line_anchors maps every byte offset of
// Document::text to the 1-based line of the input file as given (lines end at
// '\n', "\r\n" or a lone '\r'; for UTF-16, counted in the decoded text).
// Document::text uses '\n' line ends; for plain text and Markdown its lines
// are the source lines, for HTML one line per block, blank lines between
// sections. Clean UTF-8 plain text takes a fast path (no copies beyond the
// one into Document::text, no ICU calls but language detection's).
//
// Thread-safe: LoadDocument is a pure function (an internal cache of compiled
// stopword tables is locked).
//
//   LoadOptions opt; opt.languages = {{"en", en_stopwords}, {"fr", fr_stopwords}};
//   Result<Document> doc = LoadDocument(bytes, "ken.txt", opt);
//   if (!doc) return doc.error();   // "ken.txt: binary file, not text (NUL byte at offset 12)"
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"

namespace charter {

struct LoadOptions {
  // Force the language ("en"); empty = detect among `languages`. Default: "".
  std::string lang;
  // Candidate languages for detection: code -> its stopword list
  // (rules/<lang>/stopwords.txt). Default: empty (then lang must be set, or "en").
  std::map<std::string, std::vector<std::string>> languages;
  // Force the format: "text", "markdown", "html"; empty = from the file name
  // and content. Default: "".
  std::string format;
};

// Errors (each begins with `path`, one line):
//   "PATH: empty file"                                    (nothing but whitespace)
//   "PATH: binary file, not text (NUL byte at offset X)"  (or "control byte 0x01 at ...")
//   "PATH: invalid UTF-8 at line N (byte offset X)"       (valid multi-byte sequences
//                                                          and invalid ones: damaged UTF-8)
//   "PATH: invalid UTF-16 at line N (byte offset X)"      (unpaired surrogate, odd length)
//   "PATH: cannot convert from ENC (U_...)"               (ICU refused the conversion)
//   "PATH: no text left after removing html markup"       (or markdown)
//   "PATH: unknown format 'x' (expected text, markdown or html)"
//   "PATH: unknown language 'xx' (rules exist for: en, fr)"  (forced, not a candidate)
//   "PATH: file too large (N MiB)"                        (over 1 GiB; offsets are 32-bit)
// `bytes` are the file's bytes as read (ReadFile); nothing else must hold.
Result<Document> LoadDocument(std::string_view bytes, const std::string& path,
                              const LoadOptions& options);

}  // namespace charter
