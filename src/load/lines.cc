#include "load/lines.h"

#include <cstring>
#include <vector>

#include "load/html.h"
#include "load/rejoin.h"

namespace charter::load {
namespace {

struct SourceLine {
  std::string_view content;  // without its line end
  uint32_t line = 0;         // 1-based source line
  bool terminated = false;   // had a line end
};

// Reads the line starting at `pos`; advances pos past its line end.
inline SourceLine ReadLine(std::string_view s, size_t& pos, uint32_t line) {
  SourceLine l;
  l.line = line;
  const char* base = s.data() + pos;
  size_t rest = s.size() - pos;
  const void* nl = std::memchr(base, '\n', rest);
  size_t len = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : rest;
  // A lone '\r' also ends a line (old Mac files); "\r\n" is one line end.
  if (const void* cr = std::memchr(base, '\r', len)) {
    size_t at = static_cast<size_t>(static_cast<const char*>(cr) - base);
    if (at + 1 < len || !nl) {
      l.content = std::string_view(base, at);
      l.terminated = true;
      pos += at + 1;
      return l;
    }
    l.content = std::string_view(base, at);  // "\r\n"
    l.terminated = true;
    pos += len + 1;
    return l;
  }
  l.content = std::string_view(base, len);
  l.terminated = nl != nullptr;
  pos += len + (nl ? 1 : 0);
  return l;
}

inline bool IsBlankLine(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// Writes lines from `next` (a callable filling a SourceLine, false at the
// end), re-joining hyphenated words. `whole` is the document, for the
// joiner's compound lookup.
template <typename NextLine>
AnchoredText EmitLines(std::string_view whole, NextLine next) {
  TextBuilder out;
  out.Reserve(whole.size() + 16);
  HyphenJoiner joiner(whole);
  SourceLine cur;
  if (!next(cur)) return out.Finish();
  SourceLine peek;
  bool have_peek = false;
  while (true) {
    if (EndsWithHyphen(cur.content)) {
      if (!have_peek) have_peek = next(peek);
      JoinPlan plan;
      if (have_peek && peek.line == cur.line + 1 && !IsBlankLine(peek.content) &&
          joiner.Plan(cur.content, peek.content, &plan)) {
        out.Mark(cur.line);
        out.Append(cur.content.substr(0, plan.cut), cur.line);
        if (plan.keep_hyphen) out.Append('-', cur.line);
        out.Append(peek.content.substr(plan.frag_begin, plan.frag_end - plan.frag_begin),
                   peek.line);
        std::string_view rest = peek.content.substr(plan.rest_begin);
        have_peek = false;
        if (!rest.empty()) {
          out.Newline();
          cur = SourceLine{rest, peek.line, peek.terminated};
          continue;
        }
        if (peek.terminated) out.Newline();
        if (!next(cur)) break;
        continue;
      }
    }
    out.Mark(cur.line);
    out.Append(cur.content, cur.line);
    if (cur.terminated) out.Newline();
    if (have_peek) {
      cur = peek;
      have_peek = false;
    } else if (!next(cur)) {
      break;
    }
  }
  return out.Finish();
}

// ---- Markdown ----

inline bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
inline bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) >= 0x80);
}
inline bool IsSpaceOrEdge(std::string_view s, size_t i) {
  return i >= s.size() || s[i] == ' ' || s[i] == '\t';
}

// Index of the bracket closing the one at s[open] ('[' or '('), or npos.
size_t MatchBracket(std::string_view s, size_t open) {
  char o = s[open], c = o == '[' ? ']' : ')';
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == o) ++depth;
    if (s[i] == c && --depth == 0) return i;
  }
  return std::string_view::npos;
}

std::string_view StripIndent(std::string_view s, size_t max) {
  size_t k = 0;
  while (k < s.size() && k < max && s[k] == ' ') ++k;
  return s.substr(k);
}

// "---", "***", "___", "- - -": three or more of one of -*_ and spaces only.
bool IsThematicBreak(std::string_view s) {
  s = StripIndent(s, 3);
  if (s.empty() || (s[0] != '-' && s[0] != '*' && s[0] != '_')) return false;
  int count = 0;
  for (char c : s) {
    if (c == s[0])
      ++count;
    else if (c != ' ' && c != '\t')
      return false;
  }
  return count >= 3;
}

// "===" or "---" (setext underline; spaces around allowed).
bool IsSetextUnderline(std::string_view s) {
  s = StripIndent(s, 3);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty() || (s[0] != '=' && s[0] != '-')) return false;
  for (char c : s)
    if (c != s[0]) return false;
  return true;
}

bool IsFence(std::string_view s) {
  s = StripIndent(s, 3);
  return s.starts_with("```") || s.starts_with("~~~");
}

// "[label]: http://..." on its own line.
bool IsLinkDefinition(std::string_view s) {
  s = StripIndent(s, 3);
  if (s.empty() || s[0] != '[') return false;
  size_t close = MatchBracket(s, 0);
  return close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == ':' &&
         close > 1 && s[1] != '^';
}

// Block-level markup at the start of a line.
std::string_view StripBlockMarkup(std::string_view s, std::string* bullet) {
  std::string_view t = StripIndent(s, 3);
  while (!t.empty() && t[0] == '>') {  // blockquote marks
    t.remove_prefix(1);
    if (!t.empty() && t[0] == ' ') t.remove_prefix(1);
    s = t;
    t = StripIndent(t, 3);
  }
  if (!t.empty() && t[0] == '#') {  // ATX heading
    size_t k = 0;
    while (k < t.size() && t[k] == '#') ++k;
    if (k <= 6) {
      t.remove_prefix(k);
      while (!t.empty() && (t[0] == ' ' || t[0] == '\t')) t.remove_prefix(1);
      while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
      size_t e = t.size();
      while (e > 0 && t[e - 1] == '#') --e;
      if (e < t.size() && (e == 0 || t[e - 1] == ' ')) {
        t = t.substr(0, e);
        while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      }
      return t;
    }
  }
  if (t.size() >= 2 && (t[0] == '*' || t[0] == '+') && t[1] == ' ') {  // bullets -> "- "
    *bullet = std::string(s.substr(0, s.size() - t.size())) + "- ";
    return t.substr(2);
  }
  return s;
}

// Each step below reads the construct that starts at s[i], appends what it
// shows to `out` and returns the offset after it.

// `code`: its text, one space of padding dropped; unmatched backticks stay.
size_t CodeSpan(std::string_view s, size_t i, std::string* out) {
  size_t k = i;
  while (k < s.size() && s[k] == '`') ++k;
  std::string_view ticks = s.substr(i, k - i);
  size_t close = s.find(ticks, k);
  if (close == std::string_view::npos) {
    out->append(ticks);
    return k;
  }
  std::string_view code = s.substr(k, close - k);
  if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ')
    code = code.substr(1, code.size() - 2);
  out->append(code);
  return close + ticks.size();
}

// [text](url), [text][ref], ![alt](src): the text only.
size_t LinkOrImage(std::string_view s, size_t i, std::string* out) {
  const char c = s[i];
  size_t open = c == '!' ? i + 1 : i;
  size_t close = MatchBracket(s, open);
  if (close != std::string_view::npos && close + 1 < s.size() &&
      (s[close + 1] == '(' || s[close + 1] == '[')) {
    size_t end = MatchBracket(s, close + 1);
    if (end != std::string_view::npos) {
      out->append(MarkdownInline(s.substr(open + 1, close - open - 1)));
      return end + 1;
    }
  }
  out->push_back(c);
  return i + 1;
}

// <https://...> and <a@b> keep their address; an HTML tag goes.
size_t AngleBracket(std::string_view s, size_t i, std::string* out) {
  size_t close = s.find('>', i + 1);
  if (close != std::string_view::npos) {
    std::string_view inner = s.substr(i + 1, close - i - 1);
    bool autolink =
        inner.find("://") != std::string_view::npos ||
        (inner.find('@') != std::string_view::npos && inner.find(' ') == std::string_view::npos);
    bool tag = !inner.empty() &&
               ((inner[0] >= 'a' && inner[0] <= 'z') || (inner[0] >= 'A' && inner[0] <= 'Z') ||
                (inner[0] == '/' && inner.size() > 1) || inner[0] == '!');
    if (autolink) out->append(inner);
    if (autolink || tag) return close + 1;
  }
  out->push_back('<');
  return i + 1;
}

// A run of *, _ or ~ marks emphasis and goes, unless it stands between spaces
// or is an underscore inside a word (snake_case).
size_t Emphasis(std::string_view s, size_t i, std::string* out) {
  const char c = s[i];
  size_t k = i;
  while (k < s.size() && s[k] == c) ++k;
  char prev = i > 0 ? s[i - 1] : ' ';
  bool space_before = prev == ' ' || prev == '\t';
  bool space_after = IsSpaceOrEdge(s, k);
  bool keep = (space_before && space_after) ||
              (c == '_' && i > 0 && IsWordByte(prev) && k < s.size() && IsWordByte(s[k]));
  if (keep) out->append(s.substr(i, k - i));
  return k;
}

}  // namespace

std::string MarkdownInline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    char c = s[i];
    if (c == '\\' && i + 1 < n && IsAsciiPunct(s[i + 1])) {
      out.push_back(s[i + 1]);
      i += 2;
    } else if (c == '\\' && i + 1 == n) {
      break;  // a hard line break mark
    } else if (c == '`') {
      i = CodeSpan(s, i, &out);
    } else if (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) {
      i = LinkOrImage(s, i, &out);
    } else if (c == '<' && i + 1 < n) {
      i = AngleBracket(s, i, &out);
    } else if (c == '&') {
      size_t j = i;
      if (DecodeCharacterReference(s, j, out)) {
        i = j;
      } else {
        out.push_back(c);
        ++i;
      }
    } else if (c == '*' || c == '_' || (c == '~' && i + 1 < n && s[i + 1] == '~')) {
      i = Emphasis(s, i, &out);
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

AnchoredText PlainToText(std::string_view text) {
  size_t pos = 0;
  uint32_t line = 0;
  return EmitLines(text, [&](SourceLine& l) {
    if (pos >= text.size()) return false;
    l = ReadLine(text, pos, ++line);
    return true;
  });
}

AnchoredText MarkdownToText(std::string_view text) {
  // Convert every line first (Markdown files are small), then emit.
  std::vector<std::string> converted;
  std::vector<SourceLine> lines;
  size_t pos = 0;
  uint32_t line = 0;
  while (pos < text.size()) lines.push_back(ReadLine(text, pos, ++line));
  converted.resize(lines.size());
  size_t first = 0;
  // YAML front matter: "---" on line 1 up to the next "---" or "...".
  if (!lines.empty() && lines[0].content == "---") {
    for (size_t k = 1; k < lines.size(); ++k) {
      if (lines[k].content == "---" || lines[k].content == "...") {
        first = k + 1;
        break;
      }
    }
  }
  bool in_fence = false;
  for (size_t k = first; k < lines.size(); ++k) {
    std::string_view s = lines[k].content;
    if (IsFence(s)) {
      in_fence = !in_fence;
      continue;  // the fence line itself becomes empty
    }
    if (in_fence) {
      converted[k] = std::string(s);
      continue;
    }
    bool after_text =
        k > first && !IsBlankLine(lines[k - 1].content) && !IsThematicBreak(lines[k - 1].content);
    if ((after_text && IsSetextUnderline(s)) || IsThematicBreak(s) || IsLinkDefinition(s)) {
      continue;
    }
    std::string bullet;
    std::string_view body = StripBlockMarkup(s, &bullet);
    converted[k] = bullet + MarkdownInline(body);
  }
  size_t k = first;
  return EmitLines(text, [&](SourceLine& l) {
    if (k >= lines.size()) return false;
    l = lines[k];
    l.content = converted[k];
    ++k;
    return true;
  });
}

}  // namespace charter::load
