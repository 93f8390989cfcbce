// render.h — one small document model written to Markdown or HTML, so the
// two renderings of a report cannot drift apart. The report stage's reports
// and the Polis section of public input (publicinput/polis_report.h) are
// written in it.
//
// Thread-safe: a Sink is used by one thread.
//
//   MarkdownSink md;
//   md.Heading(2, "Duplicates", "duplicates");
//   md.Items({{0, {{'p', "text"}, {'c', "abc123"}}}});
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace charter::report_internal {

// A run of text with one style: 'p' plain, 'b' bold, 'i' italic, 'c' code,
// 'q' quoted source text, 'a' a link to an anchor in the page ("text|anchor").
struct Run {
  char style = 'p';
  std::string text;
};
using Line = std::vector<Run>;

struct Item {
  int depth = 0;  // 0 or 1
  Line line;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Begin(const std::string& title) = 0;
  virtual void Heading(int level, const std::string& text, const std::string& anchor) = 0;
  virtual void Para(const Line& line) = 0;
  virtual void Items(const std::vector<Item>& items) = 0;
  // Numbered list.
  virtual void Numbered(const std::vector<Item>& items) = 0;
  virtual void Table(const std::vector<std::string>& head,
                     const std::vector<std::vector<Line>>& rows) = 0;
  // A picture: `svg` is a complete <svg> element the caller built (its
  // text already escaped); `caption` says in words what it shows. HTML
  // shows the picture with its caption; Markdown the caption alone.
  virtual void Figure(const std::string& svg, const std::string& caption) = 0;
  virtual std::string End() = 0;
  // The blocks written so far, for a section another document includes:
  // without the document's head (Begin is not called) and end.
  virtual std::string Section() = 0;
};

class MarkdownSink : public Sink {
 public:
  void Begin(const std::string& title) override;
  void Heading(int level, const std::string& text, const std::string& anchor) override;
  void Para(const Line& line) override;
  void Items(const std::vector<Item>& items) override;
  void Numbered(const std::vector<Item>& items) override;
  void Table(const std::vector<std::string>& head,
             const std::vector<std::vector<Line>>& rows) override;
  void Figure(const std::string& svg, const std::string& caption) override;
  std::string End() override;
  std::string Section() override { return std::move(out_); }

 private:
  std::string out_;
};

class HtmlSink : public Sink {
 public:
  void Begin(const std::string& title) override;
  void Heading(int level, const std::string& text, const std::string& anchor) override;
  void Para(const Line& line) override;
  void Items(const std::vector<Item>& items) override;
  void Numbered(const std::vector<Item>& items) override;
  void Table(const std::vector<std::string>& head,
             const std::vector<std::vector<Line>>& rows) override;
  void Figure(const std::string& svg, const std::string& caption) override;
  std::string End() override;
  std::string Section() override { return std::move(out_); }
  // HTML the caller built (escaped as it needs), appended as is.
  void Raw(std::string_view html) { out_ += html; }

 private:
  void List(const std::vector<Item>& items, const char* tag);
  std::string out_;
};

std::string MarkdownEscape(const std::string& s, bool in_table);
// HtmlEscape (report.h) appended to `out`.
void AppendHtmlEscaped(std::string* out, std::string_view s);

}  // namespace charter::report_internal
