// csv.h — an RFC 4180 CSV reader for Polis exports (and any other CSV input).
//
// Where it sits: the first step of the publicinput stage. The CLI reads the
// bytes; ParseCsv turns them into rows of fields, keeping for every row the
// 1-based line of the file where it starts, so later checks ("vote value 2 is
// not -1, 0 or 1") can name the file and line.
//
// Accepted: fields separated by ',', records by "\n" or "\r\n" (mixed too), a
// UTF-8 byte-order mark, fields in double quotes holding commas, line breaks
// and doubled quotes (""), a last record with or without a line end. Strict
// where RFC 4180 is: a quote inside an unquoted field, text after a closing
// quote and a quote left open are errors, and so is a record whose field
// count differs from the header's (a "ragged row"). Fields are returned
// unquoted and untrimmed. Empty lines between records are skipped.
//
// Errors (InvalidArgument, one line, exact wording tested):
//   "PATH:LINE: unterminated quoted field"           (LINE: where the quote opened)
//   "PATH:LINE: unexpected text after closing quote"
//   "PATH:LINE: quote inside unquoted field"
//   "PATH:LINE: ragged row: expected 8 fields, found 7"
//   "PATH:LINE: invalid UTF-8"
//   "PATH: empty file"                               (with a header expected)
//
// Thread-safe: pure functions over values.
//
//   Result<CsvTable> t = ParseCsv(bytes, "comments.csv");
//   int body = t->Column("comment-body");
//   for (size_t r = 0; r < t->rows.size(); ++r) Use(t->rows[r][body], t->lines[r]);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace charter {

struct CsvTable {
  std::string path;                            // as given, for messages
  std::vector<std::string> header;             // empty when parsed without a header
  std::vector<std::vector<std::string>> rows;  // data records (header excluded)
  std::vector<uint32_t> lines;                 // 1-based line where rows[i] starts

  // Index of the header column named `name` (exact match), or -1.
  int Column(std::string_view name) const;
  // "PATH:LINE" for row `row` (for error messages).
  std::string Where(size_t row) const;
};

struct CsvOptions {
  // The first record is a header; every record must have as many fields.
  // Default: true. Without a header, records may have any field count.
  bool header = true;
};

Result<CsvTable> ParseCsv(std::string_view text, const std::string& path,
                          const CsvOptions& options = {});

// Returns the index of every column in `names`, or the error
// "PATH:1: missing column 'NAME'" for the first one absent.
Result<std::vector<int>> RequireColumns(const CsvTable& table,
                                        const std::vector<std::string>& names);

}  // namespace charter
