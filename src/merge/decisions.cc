#include "merge/decisions.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/text.h"

namespace charter {

namespace {

bool IsHexId(std::string_view s) {
  if (s.size() != 16) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Next field separated by TABs or spaces; advances `rest`.
std::string_view NextField(std::string_view* rest) {
  std::string_view r = *rest;
  size_t b = r.find_first_not_of(" \t");
  if (b == std::string_view::npos) {
    *rest = {};
    return {};
  }
  r.remove_prefix(b);
  size_t e = r.find_first_of(" \t");
  std::string_view field = r.substr(0, e);
  *rest = e == std::string_view::npos ? std::string_view() : r.substr(e);
  return field;
}

// The words of one kind of decision file, and how its errors name things.
struct Vocabulary {
  const char* noun;                       // "candidate"
  std::vector<std::string_view> actions;  // "edit" alone takes text
  const char* usage;                      // after "expected '<noun id> "
  const char* listed;                     // after "(expected "
};

const Vocabulary& VocabularyOf(DecisionOn on) {
  static const Vocabulary kCandidates = {"candidate",
                                         {"accept", "edit", "reject", "drop"},
                                         "accept|edit|reject|drop [text]",
                                         "accept, edit, reject or drop"};
  static const Vocabulary kConflicts = {"conflict",
                                        {"keep-a", "keep-b", "keep-both", "drop-both"},
                                        "keep-a|keep-b|keep-both|drop-both",
                                        "keep-a, keep-b, keep-both or drop-both"};
  return on == DecisionOn::kConflicts ? kConflicts : kCandidates;
}

}  // namespace

Result<std::vector<Decision>> ParseDecisions(std::string_view text, const std::string& name,
                                             DecisionOn on) {
  const Vocabulary& v = VocabularyOf(on);
  const std::string noun = v.noun;
  std::vector<Decision> out;
  std::map<std::string, int> seen;
  int line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string where = name + ":" + std::to_string(line_no) + ": ";
    if (!IsValidUtf8(line)) return InvalidArgument(where + "invalid UTF-8");
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    std::string_view rest = t;
    std::string_view id = NextField(&rest);
    std::string_view action = NextField(&rest);
    std::string_view more = Trim(rest);
    if (action.empty())
      return InvalidArgument(where + "expected '<" + noun + " id> " + v.usage + "'");
    if (!IsHexId(id))
      return InvalidArgument(where + "bad " + noun + " id '" + std::string(id) +
                             "' (expected 16 hex digits)");
    Decision d;
    d.candidate_id = AsciiLower(id);
    d.action = AsciiLower(action);
    d.file = name;
    d.line = line_no;
    if (std::find(v.actions.begin(), v.actions.end(), d.action) == v.actions.end())
      return InvalidArgument(where + "unknown decision '" + std::string(action) + "' (expected " +
                             v.listed + ")");
    if (d.action == "edit") {
      if (more.empty()) return InvalidArgument(where + "'edit' needs the new text after it");
      d.text = CollapseSpaces(more);
    } else if (!more.empty()) {
      return InvalidArgument(where + "'" + d.action + "' takes no text" +
                             (on == DecisionOn::kCandidates ? " (only 'edit' does)" : ""));
    }
    auto [it, fresh] = seen.emplace(d.candidate_id, line_no);
    if (!fresh)
      return InvalidArgument(where + noun + " " + d.candidate_id + " already decided on line " +
                             std::to_string(it->second));
    out.push_back(std::move(d));
  }
  return out;
}

std::string FormatDecisions(const std::vector<Decision>& decisions) {
  std::string out;
  for (const Decision& d : decisions) {
    out += d.candidate_id + "\t" + d.action;
    if (!d.text.empty()) out += "\t" + d.text;
    out += '\n';
  }
  return out;
}

}  // namespace charter
