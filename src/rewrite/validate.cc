#include "rewrite/validate.h"

#include <cctype>
#include <set>

#include "core/text.h"

namespace charter {

namespace {

const std::set<std::string, std::less<>>& FindingTypes() {
  static const std::set<std::string, std::less<>> kTypes = {
      "cross_reference", "pronoun", "acronym",  "debris", "fragment",
      "machinery",       "form",    "too_long", "holder"};
  return kTypes;
}

// Brackets that do not pair up: a cut list label or a spliced parenthesis.
bool Unbalanced(std::string_view s) {
  int round = 0, square = 0;
  for (char c : s) {
    if (c == '(') ++round;
    if (c == ')' && --round < 0) return true;
    if (c == '[') ++square;
    if (c == ']' && --square < 0) return true;
  }
  return round != 0 || square != 0;
}

// The same word twice in a row ("to to", "of of"): a splice.
std::string RepeatedWord(std::string_view s) {
  std::string prev;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string w = AsciiLower(s.substr(b, i - b));
    // "that that" can be grammatical; a word pair across a comma is a list.
    bool adjacent = b > 0 && s[b - 1] == ' ' && (b < 2 || s[b - 2] != ',');
    if (!w.empty() && w == prev && adjacent && w != "that") return w + " " + w;
    prev = w;
  }
  return "";
}

}  // namespace

Result<Validator> Validator::Create(const RuleTexts& rules, const std::string& lang) {
  Validator v;
  auto f = ParseOptionalRuleFile(rules, lang + "/validate.tsv", 2, 2);
  if (!f) return std::unexpected(f.error());
  if (f->rules.empty()) return v;
  // The holder lines in a set of their own: NamesHolder asks only them, of
  // every principle a clause's own words make. In one set with the 83
  // finding lines, each new text built DFA states for all of them (a bulk
  // run over 17 documents, callgrind: 0.29 of 9.2 billion instructions,
  // ~1 million per principle asked). A bad pattern among the finding lines
  // is reported before one among the holder lines.
  RuleFile findings{f->name, {}}, holders{f->name, {}};
  for (const Rule& r : f->rules) {
    if (!FindingTypes().count(r.fields[0]))
      return InvalidArgument(r.Id() + ": unknown finding type '" + r.fields[0] + "'");
    (r.fields[0] == "holder" ? holders : findings).rules.push_back(r);
  }
  for (auto [file, out] : {std::pair{&findings, &v.patterns_}, std::pair{&holders, &v.holders_}}) {
    if (file->rules.empty()) continue;
    // A line's own regex is compiled when a text first matches it (Check's
    // spans, a gated line's check): compiling all 87 up front made building
    // the English validator cost 87 million instructions, now 58 (callgrind).
    auto ps = PatternSet::Compile(*file, 1, {.each = false});
    if (!ps) return std::unexpected(ps.error());
    *out = std::make_shared<const PatternSet>(std::move(*ps));
  }
  return v;
}

std::vector<Finding> Validator::Check(std::string_view text) const {
  std::vector<Finding> out;
  if (!StartsWith(text, kPrincipleOpening) || !EndsWith(text, "."))
    out.push_back({"form", "builtin", "not one sentence that opens \"Choose the response that\""});
  if (text.size() > kMaxBytes)
    out.push_back({"too_long", "builtin", std::to_string(text.size()) + " bytes"});
  if (Unbalanced(text)) out.push_back({"debris", "builtin", "unpaired bracket"});
  if (std::string w = RepeatedWord(text); !w.empty()) out.push_back({"fragment", "builtin", w});
  if (!patterns_) return out;
  for (int i : patterns_->Match(text)) {
    const Rule& r = patterns_->rules()[static_cast<size_t>(i)];
    re2::StringPiece whole;
    std::string match;
    if (patterns_->Regex(i).Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1))
      match = std::string(whole);
    out.push_back({r.fields[0], r.Id(), std::string(Trim(match))});
  }
  return out;
}

bool Validator::NamesHolder(std::string_view text) const {
  return !holders_ || !holders_->Match(text).empty();
}

}  // namespace charter
