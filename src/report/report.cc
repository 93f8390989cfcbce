// report.cc — the helpers report.h shares with every caller.
#include "report/report.h"

#include "report/render.h"

namespace charter {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  report_internal::AppendHtmlEscaped(&out, s);
  return out;
}

std::string CiteSource(const Source& s) {
  std::string out = s.cite.empty() ? s.id : s.cite;
  std::string where = s.doc;
  if (s.line_start) {
    where += ":" + std::to_string(s.line_start);
    if (s.line_end > s.line_start) where += "-" + std::to_string(s.line_end);
  }
  if (!where.empty()) out += out.empty() ? where : " (" + where + ")";
  return out;
}

}  // namespace charter
