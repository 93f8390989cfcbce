// principle_text.h — what every stage reads off a principle's wording, and
// how the evidence of several principles joins into one.
//
// Every principle opens with a lead, "(Please) choose the (assistant('s))
// response that", and then says its degree ("most respects ...", "is least
// racist"). Rewriting (combining), merging (similarity, conflicts), public
// input and the report (critique/revision pairs) all read that wording; they
// read it here, once.
//
// Thread-safe: pure functions.
//
//   size_t at = PrincipleBodyStart("Please choose the response that is least racist.");
//   std::string core = PrincipleCore("Choose the response that most respects X.");  // "most
//   respects X" std::string pol = GuessPolarity("Choose the response that is least racist.");  //
//   "least"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace charter {

// The lead every principle this project writes opens with.
inline constexpr std::string_view kPrincipleOpening = "Choose the response that ";

// Byte offset just past the lead "(please) choose the (assistant |
// assistant's) response that" and the spaces after it (ASCII case and runs
// of spaces ignored; spaces before it allowed), or npos when `text` does not
// open with the lead.
size_t PrincipleBodyStart(std::string_view text);

// "most" for a degree word "most" or "more", "least" for "least" or "less"
// (ASCII case ignored), "" for any other word.
std::string_view DegreeOf(std::string_view word);

// "most" or "least": the degree (DegreeOf) of the first of the first three
// words after the lead that has one ("is least racist" -> "least"); "" when
// there is no lead or none of those words is a degree word.
std::string GuessPolarity(std::string_view text);

// The text without its lead (when it has one) and without a trailing period
// or spaces: what two principles are compared on ("most respects X").
std::string PrincipleCore(std::string_view text);

// The evidence of every member on `out`, whose words come from some of them:
// their sources (distinct by doc, id and cite) and rules (distinct), in
// order, and their topics, most frequent first, then by first appearance.
// Replaces out's sources, rules and topics.
void TakeEvidence(const std::vector<Principle>& members, Principle* out);

}  // namespace charter
