#include "load/load.h"

#include <algorithm>

#include "core/text.h"
#include "load/anchored_text.h"
#include "load/encoding.h"
#include "load/html.h"
#include "load/lang.h"
#include "load/lines.h"
#include "load/normalize.h"

namespace charter {
namespace {

// Offsets are uint32_t; conversion can grow text, so stay well below 4 GiB.
constexpr size_t kMaxLoadBytes = size_t{1} << 30;

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return AsciiLower(s.substr(0, prefix.size())) == prefix;
}

// "html" for <!doctype / <html at the start (after a BOM and blanks), else "".
std::string SniffFormat(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  s = Trim(s.substr(0, 1024));
  if (StartsWithNoCase(s, "<!doctype html") || StartsWithNoCase(s, "<html")) return "html";
  return "";
}

std::string FormatFromName(const std::string& path) {
  std::string lower = AsciiLower(path);
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml"))
    return "html";
  if (EndsWith(lower, ".md") || EndsWith(lower, ".markdown")) return "markdown";
  return "";
}

bool HasText(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c != ' ' && c != '\t' && c != '\n'; });
}

std::string JoinKeys(const std::map<std::string, std::vector<std::string>>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k;
  return out;
}

}  // namespace

Result<Document> LoadDocument(std::string_view bytes, const std::string& path,
                              const LoadOptions& options) {
  if (bytes.size() > kMaxLoadBytes)
    return InvalidArgument(path + ": file too large (" + std::to_string(bytes.size() >> 20) +
                           " MiB)");
  if (Trim(bytes).empty()) return InvalidArgument(path + ": empty file");
  const std::string& forced = options.format;
  if (!forced.empty() && forced != "text" && forced != "markdown" && forced != "html")
    return InvalidArgument(path + ": unknown format '" + forced +
                           "' (expected text, markdown or html)");
  if (!options.lang.empty() && !options.languages.empty() &&
      options.languages.count(options.lang) == 0)
    return InvalidArgument(path + ": unknown language '" + options.lang +
                           "' (rules exist for: " + JoinKeys(options.languages) + ")");

  std::string format = forced;
  if (format.empty()) format = FormatFromName(path);
  if (format.empty()) format = SniffFormat(bytes);
  std::string declared = format == "html" ? load::SniffHtmlCharset(bytes) : "";

  Result<load::Decoded> decoded = load::DecodeBytes(bytes, path, declared);
  if (!decoded) return std::unexpected(decoded.error());
  std::string_view text = decoded->Text(bytes);
  if (format.empty()) format = SniffFormat(text);  // UTF-16 HTML
  if (format.empty()) format = "text";

  load::AnchoredText t = format == "html"       ? load::HtmlToText(text)
                         : format == "markdown" ? load::MarkdownToText(text)
                                                : load::PlainToText(text);
  // Markup can bring in anything through character references; plain text
  // is known from the decoder's scan (the fast path for clean text).
  bool plain = format == "text";
  if (!plain || decoded->needs_unify) load::UnifyTypography(t);
  if (!plain || decoded->needs_nfc) {
    if (Status st = load::NormalizeNfc(t, path); !st) return std::unexpected(st.error());
  }
  if (!HasText(t.text)) {
    if (format == "text") return InvalidArgument(path + ": empty file");
    return InvalidArgument(path + ": no text left after removing " + format + " markup");
  }

  Document doc;
  doc.path = path;
  doc.format = format;
  doc.encoding = decoded->encoding;
  if (!options.lang.empty()) {
    doc.lang = options.lang;
  } else if (options.languages.empty()) {
    doc.lang = "en";
  } else {
    doc.lang = load::DetectLanguage(t.text, options.languages, &doc.lang_share);
  }
  doc.text = std::move(t.text);
  doc.line_anchors = std::move(t.anchors);
  return doc;
}

}  // namespace charter
