// load.h — stage 1: bytes of an input file -> Document (clean UTF-8 text).
//
// Detects the encoding (UTF-8 with/without BOM, UTF-16LE/BE with BOM, legacy
// single-byte encodings via ICU charset detection), converts to UTF-8,
// recognises the format (plain text, Markdown, HTML: tags stripped,
// script/style dropped, entities decoded, block elements become line breaks),
// normalises to NFC, unifies typographic variants that matter for matching
// (curly quotes, dashes, odd spaces, soft hyphens), re-joins words hyphenated
// across line breaks, and keeps Document::line_anchors so every offset maps
// back to a 1-based line of the file as given. Detects the language among the
// candidates given (those with a rules/<lang>/ folder) unless one is forced.
//
// Thread-safe: LoadDocument is a pure function.
//
//   LoadOptions opt; opt.languages = {{"en", en_stopwords}, {"fr", fr_stopwords}};
//   Result<Document> doc = LoadDocument(bytes, "ken.txt", opt);
//   if (!doc) return doc.error();   // "ken.txt: binary file (NUL byte at offset 12)"
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

// Errors (each begins with `path`): empty file, binary data (NUL bytes or
// control characters), invalid UTF-8 that no single-byte encoding explains,
// an encoding ICU cannot convert, no text left after removing markup, a
// forced language not among the candidates.
Result<Document> LoadDocument(std::string_view bytes, const std::string& path,
                              const LoadOptions& options);

}  // namespace charter
