#include "report/render.h"

#include <string_view>

#include "report/report.h"

namespace charter::report_internal {

namespace {

// Inline CSS: the page must open with no network and no scripts.
const char kCss[] = R"css(
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.6rem;border-bottom:2px solid #d0d7de;padding-bottom:.3rem}
h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
h3{font-size:1.05rem;margin-top:1.4rem}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
q{color:#57606a;font-style:italic}
ul,ol{padding-left:1.4rem}
li{margin:.2rem 0}
)css";

// The renderings below append to the page as they go: a report is written
// for every document of a bulk run, and building each run, line and item as
// a string of its own first cost more than the writing.

void AppendMarkdownEscaped(std::string* out, std::string_view s, bool in_table) {
  for (char c : s) {
    if (c == '\n') {
      *out += ' ';
      continue;
    }
    if (c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']' || c == '\\' ||
        (in_table && c == '|'))
      *out += '\\';
    *out += c;
  }
}

void AppendMdRun(std::string* out, const Run& r, bool in_table) {
  switch (r.style) {
    case 'b':
      *out += "**";
      AppendMarkdownEscaped(out, r.text, in_table);
      *out += "**";
      return;
    case 'i':
      *out += "*";
      AppendMarkdownEscaped(out, r.text, in_table);
      *out += "*";
      return;
    case 'c':
      *out += "`";
      *out += r.text;
      *out += "`";
      return;
    case 'q':
      *out += "“";
      AppendMarkdownEscaped(out, r.text, in_table);
      *out += "”";
      return;
    case 'a': {
      size_t bar = r.text.rfind('|');
      *out += "[";
      AppendMarkdownEscaped(out, std::string_view(r.text).substr(0, bar), in_table);
      *out += "](#";
      *out += std::string_view(r.text).substr(bar + 1);
      *out += ")";
      return;
    }
    default:
      AppendMarkdownEscaped(out, r.text, in_table);
  }
}

void AppendMdLine(std::string* out, const Line& line, bool in_table = false) {
  for (const Run& r : line) AppendMdRun(out, r, in_table);
}

void AppendHtmlRun(std::string* out, const Run& r) {
  const char* tag = nullptr;
  switch (r.style) {
    case 'b':
      tag = "strong";
      break;
    case 'i':
      tag = "em";
      break;
    case 'c':
      tag = "code";
      break;
    case 'q':
      tag = "q";
      break;
    case 'a': {
      size_t bar = r.text.rfind('|');
      *out += "<a href=\"#";
      AppendHtmlEscaped(out, std::string_view(r.text).substr(bar + 1));
      *out += "\">";
      AppendHtmlEscaped(out, std::string_view(r.text).substr(0, bar));
      *out += "</a>";
      return;
    }
    default:
      AppendHtmlEscaped(out, r.text);
      return;
  }
  *out += '<';
  *out += tag;
  *out += '>';
  AppendHtmlEscaped(out, r.text);
  *out += "</";
  *out += tag;
  *out += '>';
}

void AppendHtmlLine(std::string* out, const Line& line) {
  for (const Run& r : line) AppendHtmlRun(out, r);
}

}  // namespace

void AppendHtmlEscaped(std::string* out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&#39;";
        break;
      default:
        *out += c;
    }
  }
}

std::string MarkdownEscape(const std::string& s, bool in_table) {
  std::string out;
  out.reserve(s.size());
  AppendMarkdownEscaped(&out, s, in_table);
  return out;
}

void MarkdownSink::Begin(const std::string& title) {
  out_ = "# " + MarkdownEscape(title, false) + "\n";
}

void MarkdownSink::Heading(int level, const std::string& text, const std::string& anchor) {
  (void)anchor;  // Markdown viewers derive anchors from the heading text.
  out_ += '\n';
  out_.append(static_cast<size_t>(level), '#');
  out_ += ' ';
  out_ += MarkdownEscape(text, false);
  out_ += '\n';
}

void MarkdownSink::Para(const Line& line) {
  out_ += '\n';
  AppendMdLine(&out_, line);
  out_ += '\n';
}

void MarkdownSink::Items(const std::vector<Item>& items) {
  if (items.empty()) return;
  out_ += "\n";
  for (const Item& it : items) {
    out_.append(static_cast<size_t>(it.depth) * 2, ' ');
    out_ += "- ";
    AppendMdLine(&out_, it.line);
    out_ += '\n';
  }
}

void MarkdownSink::Numbered(const std::vector<Item>& items) {
  if (items.empty()) return;
  out_ += "\n";
  int n = 0;
  for (const Item& it : items) {
    if (it.depth == 0) {
      out_ += std::to_string(++n);
      out_ += ". ";
    } else {
      out_ += "   - ";
    }
    AppendMdLine(&out_, it.line);
    out_ += '\n';
  }
}

void MarkdownSink::Figure(const std::string& /*svg*/, const std::string& caption) {
  out_ += "*" + MarkdownEscape(caption, false) + " (a picture in report.html)*\n\n";
}

void MarkdownSink::Table(const std::vector<std::string>& head,
                         const std::vector<std::vector<Line>>& rows) {
  out_ += "\n|";
  for (const std::string& h : head) {
    out_ += ' ';
    out_ += MarkdownEscape(h, true);
    out_ += " |";
  }
  out_ += "\n|";
  for (size_t i = 0; i < head.size(); ++i) out_ += "---|";
  out_ += "\n";
  for (const auto& row : rows) {
    out_ += "|";
    for (const Line& cell : row) {
      out_ += ' ';
      AppendMdLine(&out_, cell, true);
      out_ += " |";
    }
    out_ += "\n";
  }
}

std::string MarkdownSink::End() { return std::move(out_); }

void HtmlSink::Begin(const std::string& title) {
  out_ =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      HtmlEscape(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<h1>" +
      HtmlEscape(title) + "</h1>\n";
}

void HtmlSink::Heading(int level, const std::string& text, const std::string& anchor) {
  std::string h = "h" + std::to_string(level);
  out_ += '<';
  out_ += h;
  if (!anchor.empty()) {
    out_ += " id=\"";
    out_ += HtmlEscape(anchor);
    out_ += '"';
  }
  out_ += '>';
  out_ += HtmlEscape(text);
  out_ += "</";
  out_ += h;
  out_ += ">\n";
}

void HtmlSink::Para(const Line& line) {
  out_ += "<p>";
  AppendHtmlLine(&out_, line);
  out_ += "</p>\n";
}

void HtmlSink::List(const std::vector<Item>& items, const char* tag) {
  if (items.empty()) return;
  std::string open = std::string("<") + tag + ">\n", close = std::string("</") + tag + ">\n";
  out_ += open;
  int depth = 0;
  bool open_li = false;
  for (const Item& it : items) {
    int d = it.depth > depth + 1 ? depth + 1 : it.depth;
    if (d > depth) {
      out_ += "\n<ul>\n";  // inside the open <li>
      depth = d;
    } else {
      if (open_li) out_ += "</li>\n";
      while (depth > d) {
        out_ += "</ul>\n</li>\n";
        --depth;
      }
    }
    out_ += "<li>";
    AppendHtmlLine(&out_, it.line);
    open_li = true;
  }
  if (open_li) out_ += "</li>\n";
  while (depth > 0) {
    out_ += "</ul>\n</li>\n";
    --depth;
  }
  out_ += close;
}

void HtmlSink::Items(const std::vector<Item>& items) { List(items, "ul"); }
void HtmlSink::Numbered(const std::vector<Item>& items) { List(items, "ol"); }

void HtmlSink::Figure(const std::string& svg, const std::string& caption) {
  // Focusable: a figure wider than the screen scrolls by keyboard too.
  out_ += "<figure tabindex=\"0\">" + svg + "<figcaption>";
  AppendHtmlEscaped(&out_, caption);
  out_ += "</figcaption></figure>\n";
}

void HtmlSink::Table(const std::vector<std::string>& head,
                     const std::vector<std::vector<Line>>& rows) {
  out_ += "<table>\n<thead><tr>";
  for (const std::string& h : head) out_ += "<th>" + HtmlEscape(h) + "</th>";
  out_ += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out_ += "<tr>";
    for (const Line& cell : row) {
      out_ += "<td>";
      AppendHtmlLine(&out_, cell);
      out_ += "</td>";
    }
    out_ += "</tr>\n";
  }
  out_ += "</tbody>\n</table>\n";
}

std::string HtmlSink::End() {
  out_ += "</body>\n</html>\n";
  return std::move(out_);
}

}  // namespace charter::report_internal
