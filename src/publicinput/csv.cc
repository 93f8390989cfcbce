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

Result<CsvTable> ParseCsv(std::string_view text, const std::string& path,
                          const CsvOptions& options) {
  CsvTable table;
  table.path = path;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    uint32_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    return InvalidArgument(path + ":" + std::to_string(line) + ": invalid UTF-8");
  }
  auto err = [&](uint32_t line, const std::string& what) {
    return InvalidArgument(path + ":" + std::to_string(line) + ": " + what);
  };

  std::vector<std::string> record;
  std::string field;
  uint32_t line = 1;         // current line
  uint32_t record_line = 1;  // line where the current record began
  bool have_header = !options.header;
  size_t expected = 0;
  const size_t n = text.size();
  size_t i = 0;

  // Finishes the current record: empty lines are skipped, the first record is
  // the header, others are checked against its width.
  auto end_record = [&]() -> Status {
    bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      if (!have_header) {
        table.header = std::move(record);
        expected = table.header.size();
        have_header = true;
      } else {
        if (options.header && record.size() != expected)
          return err(record_line, "ragged row: expected " + std::to_string(expected) +
                                      " fields, found " + std::to_string(record.size()));
        table.rows.push_back(std::move(record));
        table.lines.push_back(record_line);
      }
    }
    record.clear();
    return {};
  };

  bool at_field_start = true;
  while (i < n) {
    char c = text[i];
    if (at_field_start && c == '"') {
      // Quoted field: up to the closing quote, "" is a literal quote.
      uint32_t open_line = line;
      ++i;
      bool closed = false;
      while (i < n) {
        char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (q == '\n') ++line;
        field.push_back(q);
        ++i;
      }
      if (!closed) return err(open_line, "unterminated quoted field");
      // After the closing quote: a separator, a line end or the end of text.
      if (i < n && text[i] != ',' && text[i] != '\n' &&
          !(text[i] == '\r' && (i + 1 == n || text[i + 1] == '\n')))
        return err(line, "unexpected text after closing quote");
      at_field_start = false;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    if (c == '\n' || c == '\r') {
      record.push_back(std::move(field));
      field.clear();
      if (Status st = end_record(); !st) return std::unexpected(st.error());
      ++i;
      ++line;
      record_line = line;
      at_field_start = true;
      continue;
    }
    if (c == '"') return err(line, "quote inside unquoted field");
    field.push_back(c);
    at_field_start = false;
    ++i;
  }
  if (!at_field_start || !field.empty() || !record.empty()) {
    record.push_back(std::move(field));
    if (Status st = end_record(); !st) return std::unexpected(st.error());
  }
  if (options.header && !have_header) return InvalidArgument(path + ": empty file");
  return table;
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
