#include "merge/json_writer.h"

#include <charconv>
#include <cstring>

#include "core/text.h"

namespace charter {

namespace {

using Json = nlohmann::ordered_json;

// Whether nlohmann would copy `s` unchanged: valid UTF-8 (its decoder and
// this check reject the same sequences: overlong forms, surrogates, code
// points past U+10FFFF, truncation) with no control character, quote or
// backslash.
bool Plain(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Eight plain ASCII bytes at a time (most text is): none >= 0x80, none
    // < 0x20, no '"', no '\\' (the usual has-zero-byte bit tricks).
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    while (i + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      if ((x & kHigh) | ((x - 0x20 * kOnes) & ~x & kHigh) | has_zero(x ^ ('"' * kOnes)) |
          has_zero(x ^ ('\\' * kOnes)))
        break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return false;
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceAt(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

}  // namespace

JsonWriter::JsonWriter(std::string* out, int indent, int depth)
    : out_(out), indent_(indent), base_(depth > 0 ? static_cast<size_t>(depth) : 0) {}

void JsonWriter::AppendString(std::string* out, std::string_view s) {
  if (Plain(s)) {
    out->reserve(out->size() + s.size() + 2);
    *out += '"';
    out->append(s);
    *out += '"';
    return;
  }
  *out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void JsonWriter::NewLine(size_t level) {
  *out_ += '\n';
  out_->append(level * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (open_.empty()) return;
  if (open_.back()) *out_ += ',';
  open_.back() = 1;
  if (indent_ >= 0) NewLine(base_ + open_.size());
}

void JsonWriter::Key(std::string_view key) {
  if (!open_.empty()) {
    if (open_.back()) *out_ += ',';
    open_.back() = 1;
    if (indent_ >= 0) NewLine(base_ + open_.size());
  }
  AppendString(out_, key);
  *out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  *out_ += '{';
  open_.push_back(0);
}

void JsonWriter::EndObject() {
  bool any = open_.back();
  open_.pop_back();
  if (any && indent_ >= 0) NewLine(base_ + open_.size());
  *out_ += '}';
}

void JsonWriter::BeginArray() {
  BeforeValue();
  *out_ += '[';
  open_.push_back(0);
}

void JsonWriter::EndArray() {
  bool any = open_.back();
  open_.pop_back();
  if (any && indent_ >= 0) NewLine(base_ + open_.size());
  *out_ += ']';
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendString(out_, s);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::UInt(uint64_t v) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  BeforeValue();
  *out_ += Json(v).dump();
}

void JsonWriter::Null() {
  BeforeValue();
  *out_ += "null";
}

void JsonWriter::StringArray(const std::vector<std::string>& items) {
  BeginArray();
  for (const std::string& s : items) String(s);
  EndArray();
}

void JsonWriter::Value(const Json& j) {
  BeforeValue();
  if (indent_ < 0) {
    *out_ += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  // nlohmann indents from level 0; strings hold no raw newline, so every
  // newline of the dump starts a line to shift to this level.
  std::string text = j.dump(indent_, ' ', false, Json::error_handler_t::replace);
  const size_t shift = (base_ + open_.size()) * static_cast<size_t>(indent_);
  if (shift == 0) {
    *out_ += text;
    return;
  }
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out_->append(text, from, nl + 1 - from);
    out_->append(shift, ' ');
    from = nl + 1;
  }
  out_->append(text, from, std::string::npos);
}

}  // namespace charter
