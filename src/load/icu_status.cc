#include "load/icu_status.h"

namespace charter::load {

Status IcuStatus(UErrorCode code, const std::string& what) {
  if (U_SUCCESS(code)) return {};
  return Unsupported(what + " (" + u_errorName(code) + ")");
}

}  // namespace charter::load
