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
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"
#include "merge/json_writer.h"

namespace charter {

// The JSON object of one principle. Keys, in this order: id, text, polarity,
// kind, origin, topics, template, rules, sources (each source: doc, id, cite,
// lines [start, end], text, note — empty fields left out), then the fields of
// Principle::extra in their own order.
nlohmann::ordered_json PrincipleToJson(const Principle& p);

// PrincipleToJson(p) written to `w` without building it: the same bytes as
// dumping it at w's indent. `after_text`, when set, writes members that go
// right after "text" (a constitution entry's "status").
void WritePrincipleJson(const Principle& p, JsonWriter* w,
                        const std::function<void(JsonWriter*)>& after_text = {});

// Whether Principle::extra has one of `keys`. A caller that puts those keys
// after "text" builds the object with nlohmann instead: there the extra
// field's value replaces the caller's, which WritePrincipleJson does not do.
bool ExtraHasKey(const Principle& p, std::initializer_list<std::string_view> keys);

// One source as WritePrincipleJson writes it in "sources" (empty fields left
// out; an object with no field set is written as null), and its inverse.
// Error: not an object, a field of the wrong type, "lines" not [start, end].
void WriteSourceJson(const Source& s, JsonWriter* w);
Result<Source> SourceFromJson(const nlohmann::ordered_json& o);

// Inverse of PrincipleToJson. Unknown keys go to Principle::extra. Error
// (a message without file or line; the caller adds them): not an object,
// missing or empty "text", a field of the wrong type.
Result<Principle> PrincipleFromJson(const nlohmann::ordered_json& j);

// One PrincipleToJson object per line, '\n' after each.
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
// guessed from its wording (GuessPolarity), an id (the given one, else the
// content hash of its text) and one Source {doc = name, id, cite = "base #K"
// (K = 1-based position), line, text}.
// Errors "name:line: problem": bad JSON, a record without text, an empty
// text, a duplicate id, invalid UTF-8, an empty file ("name: no principles").
Result<std::vector<Principle>> ParseBaseConstitution(std::string_view text,
                                                     const std::string& name);

// "most" or "least" from the words after "response that" ("is least racist"
// -> "least"); "" if neither word appears there.
std::string GuessPolarity(std::string_view text);

// The text with the lead "(Please) choose the (assistant) response that" and
// a trailing period removed: what two principles are compared on.
std::string PrincipleCore(std::string_view text);

}  // namespace charter
