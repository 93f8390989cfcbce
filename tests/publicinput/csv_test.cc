#include "publicinput/csv.h"

#include <catch2/catch.hpp>

using namespace charter;

TEST_CASE("quoted fields keep commas, doubled quotes and line breaks", "[publicinput]") {
  auto t = ParseCsv("id,body\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n", "c.csv");
  REQUIRE(t);
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0][1] == "a, \"b\"\nc");
  CHECK(t->lines == std::vector<uint32_t>{2, 4});
  CHECK(t->rows[1][1] == "plain");
}

TEST_CASE("CRLF line ends, a byte-order mark and a missing final line end are accepted",
          "[publicinput]") {
  auto t = ParseCsv(
      "\xEF\xBB\xBF"
      "a,b\r\n1,\r\n2,3",
      "c.csv");
  REQUIRE(t);
  CHECK(t->header == std::vector<std::string>{"a", "b"});
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0] == std::vector<std::string>{"1", ""});
  CHECK(t->rows[1] == std::vector<std::string>{"2", "3"});
}

TEST_CASE("a ragged row is an error naming its line", "[publicinput]") {
  auto t = ParseCsv("a,b,c\n1,2,3\n4,5\n", "votes.csv");
  REQUIRE_FALSE(t);
  CHECK(t.error().message == "votes.csv:3: ragged row: expected 3 fields, found 2");
}

TEST_CASE("a quote that is never closed is an error at the line it opened", "[publicinput]") {
  auto t = ParseCsv("a,b\n1,\"open\n2,3\n", "comments.csv");
  REQUIRE_FALSE(t);
  CHECK(t.error().message == "comments.csv:2: unterminated quoted field");
}

TEST_CASE("text after a closing quote is an error", "[publicinput]") {
  auto t = ParseCsv("a,b\n1,\"x\"y\n", "comments.csv");
  REQUIRE_FALSE(t);
  CHECK(t.error().message == "comments.csv:2: unexpected text after closing quote");
}

TEST_CASE("a quote inside an unquoted field is an error", "[publicinput]") {
  auto t = ParseCsv("a,b\n1,x\"y\n", "comments.csv");
  REQUIRE_FALSE(t);
  CHECK(t.error().message == "comments.csv:2: quote inside unquoted field");
}

TEST_CASE("a file without a header row parses records of any width", "[publicinput]") {
  auto t = ParseCsv("643\r\n516\n645\n", "ids-to-toss.csv", CsvOptions{.header = false});
  REQUIRE(t);
  REQUIRE(t->rows.size() == 3);
  CHECK(t->rows[1][0] == "516");
  CHECK(t->lines[2] == 3);
}

TEST_CASE("a missing required column names the column", "[publicinput]") {
  auto t = ParseCsv("comment-id,agrees\n1,2\n", "comments.csv");
  REQUIRE(t);
  auto cols = RequireColumns(*t, {"comment-id", "moderated"});
  REQUIRE_FALSE(cols);
  CHECK(cols.error().message == "comments.csv:1: missing column 'moderated'");
}
