// encoding.h — first load step: the bytes of a file -> UTF-8 (internal to src/load).
//
// Decides what the bytes are and converts them to UTF-8 with '\n', '\r\n' or
// '\r' line ends left as they are (the format step counts source lines):
//   - a BOM decides: UTF-8, UTF-16LE/BE, UTF-32LE/BE;
//   - NUL bytes without a BOM: UTF-16 when every other byte is NUL the way
//     mostly-Latin UTF-16 text looks, otherwise a binary file;
//   - well-formed UTF-8 (pure ASCII included) is taken as UTF-8, copied nowhere;
//   - bytes with well-formed multi-byte sequences AND malformed ones are UTF-8
//     with an error in it: "PATH: invalid UTF-8 at line N (byte offset X)" —
//     a single-byte encoding cannot produce valid multi-byte sequences by
//     chance often enough to be the better explanation;
//   - high bytes that never form a multi-byte sequence are a legacy encoding:
//     ICU's charset detector (ucsdet) picks it, preferring windows-1252 (a
//     superset of ISO-8859-1) unless another encoding fits clearly better, or
//     the charset an HTML file declares; ICU (ucnv) converts.
// Many C0 control bytes (more than 1% of the text, or more than 64) make a
// file binary too; a few stray ones are left for the clean-up step.
//
// Thread-safe: pure functions.
//
//   Result<Decoded> d = DecodeBytes(bytes, "doc.txt", "");
//   if (!d) return d.error();
//   Use(d->Text(bytes), d->encoding);
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace charter::load {

struct Decoded {
  std::string encoding;    // "UTF-8", "UTF-16LE", "windows-1252", ...
  bool converted = false;  // true: the text is `storage`; false: the input after `skip` bytes
  size_t skip = 0;         // BOM length when not converted
  std::string storage;
  // False when the text certainly holds nothing that typographic unification
  // or NFC would change (so the plain-text path may skip them). Default: true.
  bool needs_unify = true;
  bool needs_nfc = true;

  // The UTF-8 text, given the same bytes DecodeBytes saw.
  std::string_view Text(std::string_view bytes) const {
    return converted ? std::string_view(storage) : bytes.substr(skip);
  }
};

// Decodes `bytes` (see above). `declared_charset` is a charset the file
// itself names (an HTML <meta charset>), used only for non-UTF-8 bytes; may be
// empty. Errors name `path`: binary data, invalid UTF-8 or UTF-16, an encoding
// ICU cannot convert. Clean UTF-8 is not copied: Text(bytes) views `bytes`.
Result<Decoded> DecodeBytes(std::string_view bytes, const std::string& path,
                            std::string_view declared_charset);

// The charset an HTML document declares in its first 1024 bytes
// (<meta charset="x"> or content="...; charset=x"), lowercased; "" if none.
std::string SniffHtmlCharset(std::string_view bytes);

}  // namespace charter::load
