// icu_status.h — the one place src/load turns ICU's UErrorCode into an Error.
//
// ICU reports failure through an in/out UErrorCode; every ICU call in the load
// stage passes its code through IcuStatus so messages read the same everywhere:
// "PATH: cannot convert from windows-1252 (U_INVALID_CHAR_FOUND)".
//
// Thread-safe: pure function.
//
//   UErrorCode ec = U_ZERO_ERROR;
//   ucnv_convert("UTF-8", from, dst, cap, src, len, &ec);
//   if (Status st = IcuStatus(ec, path + ": cannot convert from " + from); !st) return st.error();
#pragma once

#include <unicode/utypes.h>

#include <string>

#include "core/error.h"

namespace charter::load {

// Ok when `code` is a success or warning code; otherwise an Unsupported error
// "<what> (<ICU error name>)".
Status IcuStatus(UErrorCode code, const std::string& what);

}  // namespace charter::load
