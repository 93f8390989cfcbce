// principle_io.h — principles as JSON: the principles.jsonl files Charter
// writes and reads back, and the base-constitution formats a user may give.
//
// Where it sits: the merge stage's input side. `charter convert --base FILE`
// hands the file's bytes to ParseBaseConstitution; `charter merge --global`
// and `charter diff` read principles.jsonl through ParsePrinciplesJsonl. The
// report stage writes principles with PrinciplesToJsonl, so a file written,
// read and written again is byte-identical.
//
// Thread-safe: pure functions.
//
//   Result<std::vector<Principle>> base = ParseBaseConstitution(bytes, "base.jsonl");
//   if (!base) return Fail(base.error().message);   // "base.jsonl:3: missing \"text\""
//   std::string jsonl = PrinciplesToJsonl(*base);
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/principle_text.h"
#include "core/types.h"
#include "merge/json_writer.h"

namespace charter {

// A member of a JSON object: its key and what writes its value.
struct JsonMember {
  const char* key;
  std::function<void(JsonWriter*)> value;
};

// The JSON object of one principle, written to `w` at w's indent. Keys, in
// this order: id, text, the members of `after_text` (a constitution entry's
// "status"), polarity, kind, origin, topics, template, rules, ideas, sources
// (each source: WriteSourceJson) — empty fields left out — then the fields of
// Principle::extra in their own order, but for a key written already. A
// member of `after_text` that Principle::extra also has takes the extra's
// value. The bytes are what nlohmann dumps for the same object.
void WritePrincipleJson(const Principle& p, JsonWriter* w,
                        const std::vector<JsonMember>& after_text = {});

// One source as WritePrincipleJson writes it in "sources" (empty fields left
// out; an object with no field set is written as null), and its inverse.
// Error: not an object, a field of the wrong type, "lines" not [start, end].
void WriteSourceJson(const Source& s, JsonWriter* w);
Result<Source> SourceFromJson(const nlohmann::ordered_json& o);

// Inverse of WritePrincipleJson. Unknown keys go to Principle::extra. Error
// (a message without file or line; the caller adds them): not an object,
// missing or empty "text", a field of the wrong type.
Result<Principle> PrincipleFromJson(const nlohmann::ordered_json& j);

// One WritePrincipleJson object per line, '\n' after each.
std::string PrinciplesToJsonl(const std::vector<Principle>& principles);

// Parses JSONL written by PrinciplesToJsonl (blank lines skipped). Errors
// name the file and line: "p.jsonl:4: bad JSON: ...", "p.jsonl:4: missing \"text\"".
Result<std::vector<Principle>> ParsePrinciplesJsonl(std::string_view text, const std::string& name);

// Reads a base constitution in any of three formats, told apart by the first
// non-space character:
//   '{'  JSONL: one object a line with "text" and an optional "id"; every
//        other field is kept (Principle::extra) and written back on export;
//   '['  a JSON array of strings or of such objects;
//   else plain text: one principle a line; blank lines and lines starting
//        with '#' are skipped.
// Every principle gets origin "base", kind "base" (unless given), polarity
// guessed from its wording (GuessPolarity, core/principle_text.h), an id (the given one, else the
// content hash of its text) and one Source {doc = name, id, cite = "base #K"
// (K = 1-based position), line, text}.
// Errors "name:line: problem": bad JSON, a record without text, an empty
// text, a duplicate id, invalid UTF-8, an empty file ("name: no principles").
Result<std::vector<Principle>> ParseBaseConstitution(std::string_view text,
                                                     const std::string& name);

}  // namespace charter
