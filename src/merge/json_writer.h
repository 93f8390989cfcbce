// json_writer.h — JSON text written straight into a string, byte for byte as
// nlohmann::ordered_json::dump(indent, ' ', false, error_handler_t::replace)
// writes the same document, without building the document first.
//
// Where it sits: under principle_io.h and the report stage. Reports repeat
// every base principle in every country's files; building an ordered_json
// tree for each and dumping it was a tenth of `charter bulk`'s time. The
// layout (commas, newlines, `indent` spaces a level, "key": value) is
// nlohmann's; nlohmann still writes what is not plain: strings with
// characters to escape or invalid UTF-8, floating-point numbers and
// pre-built Json values (Value). json_writer_test.cc checks the bytes
// against nlohmann's dump.
//
// Thread-safe: a JsonWriter is used by one thread.
//
//   std::string out;
//   JsonWriter w(&out, /*indent=*/1);
//   w.BeginObject(); w.Key("id"); w.String("abc"); w.EndObject();   // "{\n \"id\": \"abc\"\n}"
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace charter {

class JsonWriter {
 public:
  // Appends to `*out`. `indent` < 0: compact; otherwise that many spaces a
  // level, starting at level `depth` (a value nested in text written
  // elsewhere).
  explicit JsonWriter(std::string* out, int indent = -1, int depth = 0);

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The key of the next value; inside an object only.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t v);
  void UInt(uint64_t v);
  // As nlohmann writes a double (shortest round-trip form, "0.7", "1.0").
  void Double(double v);
  void Null();
  void Value(const nlohmann::ordered_json& j);
  void StringArray(const std::vector<std::string>& items);

  // The string's JSON form, quotes included.
  static void AppendString(std::string* out, std::string_view s);

 private:
  void BeforeValue();
  void NewLine(size_t level);

  std::string* out_;
  int indent_;
  size_t base_;
  // One entry per open container: whether it has an element yet.
  std::vector<char> open_;
  bool after_key_ = false;
};

}  // namespace charter
