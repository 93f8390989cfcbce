#include "publicinput/csv.h"

#include "core/text.h"

namespace charter {

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

std::string CsvTable::Where(size_t row) const {
  return path + ":" + std::to_string(row < lines.size() ? lines[row] : 0);
}

namespace {

// The state of one pass over a CSV text (RFC 4180, with CRLF or LF line ends).
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& path, const CsvOptions& options)
      : text_(text), path_(path), options_(options), have_header_(!options.header) {
    table_.path = path;
  }

  // Reads the whole text into table().
  Status Read() {
    const size_t n = text_.size();
    bool at_field_start = true;
    while (i_ < n) {
      char c = text_[i_];
      if (at_field_start && c == '"') {
        if (Status st = QuotedField(); !st) return st;
        at_field_start = false;
        continue;
      }
      if (c == ',') {
        record_.push_back(std::move(field_));
        field_.clear();
        at_field_start = true;
        ++i_;
        continue;
      }
      if (c == '\r' && i_ + 1 < n && text_[i_ + 1] == '\n') ++i_;
      if (c == '\n' || c == '\r') {
        record_.push_back(std::move(field_));
        field_.clear();
        if (Status st = EndRecord(); !st) return st;
        ++i_;
        ++line_;
        record_line_ = line_;
        at_field_start = true;
        continue;
      }
      if (c == '"') return Err(line_, "quote inside unquoted field");
      field_.push_back(c);
      at_field_start = false;
      ++i_;
    }
    if (!at_field_start || !field_.empty() || !record_.empty()) {
      record_.push_back(std::move(field_));
      if (Status st = EndRecord(); !st) return st;
    }
    if (options_.header && !have_header_) return InvalidArgument(path_ + ": empty file");
    return {};
  }

  CsvTable& table() { return table_; }

 private:
  Status Err(uint32_t line, const std::string& what) const {
    return InvalidArgument(path_ + ":" + std::to_string(line) + ": " + what);
  }

  // A quoted field, from its opening quote: up to the closing quote, ""
  // is a literal quote.
  Status QuotedField() {
    const size_t n = text_.size();
    uint32_t open_line = line_;
    ++i_;
    bool closed = false;
    while (i_ < n) {
      char q = text_[i_];
      if (q == '"') {
        if (i_ + 1 < n && text_[i_ + 1] == '"') {
          field_.push_back('"');
          i_ += 2;
          continue;
        }
        ++i_;
        closed = true;
        break;
      }
      if (q == '\n') ++line_;
      field_.push_back(q);
      ++i_;
    }
    if (!closed) return Err(open_line, "unterminated quoted field");
    // After the closing quote: a separator, a line end or the end of text.
    if (i_ < n && text_[i_] != ',' && text_[i_] != '\n' &&
        !(text_[i_] == '\r' && (i_ + 1 == n || text_[i_ + 1] == '\n')))
      return Err(line_, "unexpected text after closing quote");
    return {};
  }

  // Finishes the current record: empty lines are skipped, the first record is
  // the header, others are checked against its width.
  Status EndRecord() {
    bool blank = record_.size() == 1 && record_[0].empty();
    if (!blank) {
      if (!have_header_) {
        table_.header = std::move(record_);
        expected_ = table_.header.size();
        have_header_ = true;
      } else {
        if (options_.header && record_.size() != expected_)
          return Err(record_line_, "ragged row: expected " + std::to_string(expected_) +
                                       " fields, found " + std::to_string(record_.size()));
        table_.rows.push_back(std::move(record_));
        table_.lines.push_back(record_line_);
      }
    }
    record_.clear();
    return {};
  }

  std::string_view text_;
  const std::string& path_;
  const CsvOptions& options_;
  CsvTable table_;
  std::vector<std::string> record_;
  std::string field_;
  size_t i_ = 0;
  uint32_t line_ = 1;         // current line
  uint32_t record_line_ = 1;  // line where the current record began
  bool have_header_;
  size_t expected_ = 0;
};

}  // namespace

Result<CsvTable> ParseCsv(std::string_view text, const std::string& path,
                          const CsvOptions& options) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    uint32_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    return InvalidArgument(path + ":" + std::to_string(line) + ": invalid UTF-8");
  }
  CsvReader reader(text, path, options);
  if (Status st = reader.Read(); !st) return std::unexpected(st.error());
  return std::move(reader.table());
}

Result<std::vector<int>> RequireColumns(const CsvTable& table,
                                        const std::vector<std::string>& names) {
  std::vector<int> out;
  for (const std::string& name : names) {
    int c = table.Column(name);
    if (c < 0) return InvalidArgument(table.path + ":1: missing column '" + name + "'");
    out.push_back(c);
  }
  return out;
}

}  // namespace charter
