#include "load/html.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "load/rejoin.h"
#include "load/utf8.h"

namespace charter::load {
namespace {

constexpr size_t npos = std::string_view::npos;

// Generated from Python html.entities.name2codepoint (the 252 HTML 4 entities) plus &apos;.
// Sorted by name (byte order) for binary search.
struct NamedEntity {
  const char* name;
  char32_t code;
};
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0xC6},     {"Aacute", 0xC1},   {"Acirc", 0xC2},     {"Agrave", 0xC0},
    {"Alpha", 0x391},    {"Aring", 0xC5},    {"Atilde", 0xC3},    {"Auml", 0xC4},
    {"Beta", 0x392},     {"Ccedil", 0xC7},   {"Chi", 0x3A7},      {"Dagger", 0x2021},
    {"Delta", 0x394},    {"ETH", 0xD0},      {"Eacute", 0xC9},    {"Ecirc", 0xCA},
    {"Egrave", 0xC8},    {"Epsilon", 0x395}, {"Eta", 0x397},      {"Euml", 0xCB},
    {"Gamma", 0x393},    {"Iacute", 0xCD},   {"Icirc", 0xCE},     {"Igrave", 0xCC},
    {"Iota", 0x399},     {"Iuml", 0xCF},     {"Kappa", 0x39A},    {"Lambda", 0x39B},
    {"Mu", 0x39C},       {"Ntilde", 0xD1},   {"Nu", 0x39D},       {"OElig", 0x152},
    {"Oacute", 0xD3},    {"Ocirc", 0xD4},    {"Ograve", 0xD2},    {"Omega", 0x3A9},
    {"Omicron", 0x39F},  {"Oslash", 0xD8},   {"Otilde", 0xD5},    {"Ouml", 0xD6},
    {"Phi", 0x3A6},      {"Pi", 0x3A0},      {"Prime", 0x2033},   {"Psi", 0x3A8},
    {"Rho", 0x3A1},      {"Scaron", 0x160},  {"Sigma", 0x3A3},    {"THORN", 0xDE},
    {"Tau", 0x3A4},      {"Theta", 0x398},   {"Uacute", 0xDA},    {"Ucirc", 0xDB},
    {"Ugrave", 0xD9},    {"Upsilon", 0x3A5}, {"Uuml", 0xDC},      {"Xi", 0x39E},
    {"Yacute", 0xDD},    {"Yuml", 0x178},    {"Zeta", 0x396},     {"aacute", 0xE1},
    {"acirc", 0xE2},     {"acute", 0xB4},    {"aelig", 0xE6},     {"agrave", 0xE0},
    {"alefsym", 0x2135}, {"alpha", 0x3B1},   {"amp", 0x26},       {"and", 0x2227},
    {"ang", 0x2220},     {"apos", 0x27},     {"aring", 0xE5},     {"asymp", 0x2248},
    {"atilde", 0xE3},    {"auml", 0xE4},     {"bdquo", 0x201E},   {"beta", 0x3B2},
    {"brvbar", 0xA6},    {"bull", 0x2022},   {"cap", 0x2229},     {"ccedil", 0xE7},
    {"cedil", 0xB8},     {"cent", 0xA2},     {"chi", 0x3C7},      {"circ", 0x2C6},
    {"clubs", 0x2663},   {"cong", 0x2245},   {"copy", 0xA9},      {"crarr", 0x21B5},
    {"cup", 0x222A},     {"curren", 0xA4},   {"dArr", 0x21D3},    {"dagger", 0x2020},
    {"darr", 0x2193},    {"deg", 0xB0},      {"delta", 0x3B4},    {"diams", 0x2666},
    {"divide", 0xF7},    {"eacute", 0xE9},   {"ecirc", 0xEA},     {"egrave", 0xE8},
    {"empty", 0x2205},   {"emsp", 0x2003},   {"ensp", 0x2002},    {"epsilon", 0x3B5},
    {"equiv", 0x2261},   {"eta", 0x3B7},     {"eth", 0xF0},       {"euml", 0xEB},
    {"euro", 0x20AC},    {"exist", 0x2203},  {"fnof", 0x192},     {"forall", 0x2200},
    {"frac12", 0xBD},    {"frac14", 0xBC},   {"frac34", 0xBE},    {"frasl", 0x2044},
    {"gamma", 0x3B3},    {"ge", 0x2265},     {"gt", 0x3E},        {"hArr", 0x21D4},
    {"harr", 0x2194},    {"hearts", 0x2665}, {"hellip", 0x2026},  {"iacute", 0xED},
    {"icirc", 0xEE},     {"iexcl", 0xA1},    {"igrave", 0xEC},    {"image", 0x2111},
    {"infin", 0x221E},   {"int", 0x222B},    {"iota", 0x3B9},     {"iquest", 0xBF},
    {"isin", 0x2208},    {"iuml", 0xEF},     {"kappa", 0x3BA},    {"lArr", 0x21D0},
    {"lambda", 0x3BB},   {"lang", 0x2329},   {"laquo", 0xAB},     {"larr", 0x2190},
    {"lceil", 0x2308},   {"ldquo", 0x201C},  {"le", 0x2264},      {"lfloor", 0x230A},
    {"lowast", 0x2217},  {"loz", 0x25CA},    {"lrm", 0x200E},     {"lsaquo", 0x2039},
    {"lsquo", 0x2018},   {"lt", 0x3C},       {"macr", 0xAF},      {"mdash", 0x2014},
    {"micro", 0xB5},     {"middot", 0xB7},   {"minus", 0x2212},   {"mu", 0x3BC},
    {"nabla", 0x2207},   {"nbsp", 0xA0},     {"ndash", 0x2013},   {"ne", 0x2260},
    {"ni", 0x220B},      {"not", 0xAC},      {"notin", 0x2209},   {"nsub", 0x2284},
    {"ntilde", 0xF1},    {"nu", 0x3BD},      {"oacute", 0xF3},    {"ocirc", 0xF4},
    {"oelig", 0x153},    {"ograve", 0xF2},   {"oline", 0x203E},   {"omega", 0x3C9},
    {"omicron", 0x3BF},  {"oplus", 0x2295},  {"or", 0x2228},      {"ordf", 0xAA},
    {"ordm", 0xBA},      {"oslash", 0xF8},   {"otilde", 0xF5},    {"otimes", 0x2297},
    {"ouml", 0xF6},      {"para", 0xB6},     {"part", 0x2202},    {"permil", 0x2030},
    {"perp", 0x22A5},    {"phi", 0x3C6},     {"pi", 0x3C0},       {"piv", 0x3D6},
    {"plusmn", 0xB1},    {"pound", 0xA3},    {"prime", 0x2032},   {"prod", 0x220F},
    {"prop", 0x221D},    {"psi", 0x3C8},     {"quot", 0x22},      {"rArr", 0x21D2},
    {"radic", 0x221A},   {"rang", 0x232A},   {"raquo", 0xBB},     {"rarr", 0x2192},
    {"rceil", 0x2309},   {"rdquo", 0x201D},  {"real", 0x211C},    {"reg", 0xAE},
    {"rfloor", 0x230B},  {"rho", 0x3C1},     {"rlm", 0x200F},     {"rsaquo", 0x203A},
    {"rsquo", 0x2019},   {"sbquo", 0x201A},  {"scaron", 0x161},   {"sdot", 0x22C5},
    {"sect", 0xA7},      {"shy", 0xAD},      {"sigma", 0x3C3},    {"sigmaf", 0x3C2},
    {"sim", 0x223C},     {"spades", 0x2660}, {"sub", 0x2282},     {"sube", 0x2286},
    {"sum", 0x2211},     {"sup", 0x2283},    {"sup1", 0xB9},      {"sup2", 0xB2},
    {"sup3", 0xB3},      {"supe", 0x2287},   {"szlig", 0xDF},     {"tau", 0x3C4},
    {"there4", 0x2234},  {"theta", 0x3B8},   {"thetasym", 0x3D1}, {"thinsp", 0x2009},
    {"thorn", 0xFE},     {"tilde", 0x2DC},   {"times", 0xD7},     {"trade", 0x2122},
    {"uArr", 0x21D1},    {"uacute", 0xFA},   {"uarr", 0x2191},    {"ucirc", 0xFB},
    {"ugrave", 0xF9},    {"uml", 0xA8},      {"upsih", 0x3D2},    {"upsilon", 0x3C5},
    {"uuml", 0xFC},      {"weierp", 0x2118}, {"xi", 0x3BE},       {"yacute", 0xFD},
    {"yen", 0xA5},       {"yuml", 0xFF},     {"zeta", 0x3B6},     {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

char32_t LookupEntity(std::string_view name) {
  const NamedEntity* begin = std::begin(kNamedEntities);
  const NamedEntity* end = std::end(kNamedEntities);
  const NamedEntity* it = std::lower_bound(
      begin, end, name, [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  if (it != end && it->name == name) return it->code;
  return 0;
}

inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that end a line.
bool IsLineBlock(std::string_view t) {
  return IsOneOf(
      t, {"p",       "div",        "li",      "dt",      "dd",     "tr",     "br",   "pre",
          "address", "figcaption", "caption", "summary", "legend", "center", "form", "fieldset",
          "details", "dialog",     "option",  "tbody",   "thead",  "tfoot"});
}
// Elements that end a line and leave a blank line.
bool IsBlankBlock(std::string_view t) {
  return IsOneOf(t, {"h1",     "h2",         "h3",  "h4",    "h5",   "h6",     "article", "section",
                     "header", "footer",     "nav", "aside", "main", "table",  "ul",      "ol",
                     "dl",     "blockquote", "hr",  "body",  "html", "figure", "hgroup",  "menu"});
}
// Elements whose content is not text for a reader.
bool IsDropped(std::string_view t) {
  return IsOneOf(t, {"script", "style", "title", "template", "noscript"});
}

std::string Roman(int n, bool upper) {
  static const struct {
    int v;
    const char* s;
  } kRoman[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& r : kRoman) {
    while (n >= r.v) {
      out += r.s;
      n -= r.v;
    }
  }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// The label an <ol> item shows: "3", "c", "C", "iii", "III".
std::string ListLabel(int n, char type) {
  if (n < 1 || type == '1') return std::to_string(n);
  if (type == 'i' || type == 'I') return Roman(n, type == 'I');
  std::string out;
  for (int k = n; k > 0; k = (k - 1) / 26)
    out.insert(out.begin(), static_cast<char>((type == 'A' ? 'A' : 'a') + (k - 1) % 26));
  return out;
}

struct TagAttributes {
  std::string_view start, value, type;
};

class HtmlConverter {
 public:
  explicit HtmlConverter(std::string_view s) : s_(s), joiner_(s) { out_.Reserve(s.size() / 2); }

  AnchoredText Run() {
    const size_t n = s_.size();
    std::string ref;
    while (i_ < n) {
      char c = s_[i_];
      if (c == '<') {
        Tag();
      } else if (c == '&') {
        ref.clear();
        size_t j = i_;
        if (DecodeCharacterReference(s_, j, ref)) {
          i_ = j;
          if (ref.size() == 1 && IsHtmlSpace(ref[0])) {
            Space(ref[0] == '\n', ref[0]);
          } else {
            Emit(ref, line_);
          }
        } else {
          Emit("&", line_);
          ++i_;
        }
      } else if (IsHtmlSpace(c)) {
        bool newline = c == '\n' || c == '\r';
        if (c == '\r' && i_ + 1 < n && s_[i_ + 1] == '\n') ++i_;
        ++i_;
        if (newline) ++line_;
        Space(newline, c);
      } else {
        size_t j = i_ + 1;
        while (j < n && s_[j] != '<' && s_[j] != '&' && !IsHtmlSpace(s_[j])) ++j;
        Emit(s_.substr(i_, j - i_), line_);
        i_ = j;
      }
    }
    if (!AtLineStart()) out_.Newline();
    return out_.Finish();
  }

 private:
  // Advances to `to`, counting the line ends passed.
  void SkipTo(size_t to) {
    to = std::min(to, s_.size());
    for (size_t k = i_; k < to; ++k) {
      if (s_[k] == '\n' || (s_[k] == '\r' && (k + 1 >= s_.size() || s_[k + 1] != '\n'))) ++line_;
    }
    i_ = to;
  }

  bool AtLineStart() const { return out_.size() == 0 || out_.text().back() == '\n'; }

  void Space(bool newline, char c) {
    if (pre_ > 0) {
      if (newline) {
        if (pending_break_ == 0 && out_.size() > 0) {
          out_.Newline();
          pending_space_ = false;
        }
      } else {
        char ws[1] = {c == '\f' ? ' ' : c};
        Emit(std::string_view(ws, 1), line_);
      }
      return;
    }
    if (!pending_space_) {
      pending_space_ = true;
      space_had_newline_ = newline;
    } else {
      space_had_newline_ = space_had_newline_ || newline;
    }
  }

  void Break(int kind) { pending_break_ = std::max(pending_break_, kind); }

  // Joins "consti-" + newline + "tution" inside a paragraph.
  bool TryJoin(std::string_view piece) {
    const std::string& t = out_.text();
    if (!EndsWithHyphen(t)) return false;  // before any search: keeps this O(1) per space
    // Plan() looks only at the word before the hyphen: a bounded tail will do.
    size_t line_start = t.size() > 256 ? t.size() - 256 : 0;
    while (line_start < t.size() && (static_cast<unsigned char>(t[line_start]) & 0xC0) == 0x80)
      ++line_start;
    size_t nl = std::string_view(t).substr(line_start).rfind('\n');
    if (nl != npos) line_start += nl + 1;
    std::string_view tail(t.data() + line_start, t.size() - line_start);
    JoinPlan plan;
    if (!joiner_.Plan(tail, piece, &plan)) return false;
    out_.Truncate(line_start + plan.cut);
    if (plan.keep_hyphen) out_.mutable_text().push_back('-');
    return true;
  }

  void Emit(std::string_view piece, uint32_t line) {
    if (out_.size() == 0) {
      pending_break_ = 0;
      pending_space_ = false;
    }
    if (pending_break_ > 0) {
      out_.Newline();
      if (pending_break_ == 2) out_.Newline();
      pending_break_ = 0;
      pending_space_ = false;
    } else if (pending_space_) {
      pending_space_ = false;
      if (!AtLineStart() && !(space_had_newline_ && pre_ == 0 && TryJoin(piece)))
        out_.Append(' ', line);
    }
    if (!prefix_.empty()) {
      out_.Append(prefix_, line);
      prefix_.clear();
    }
    out_.Append(piece, line);
  }

  // Position of "</name" (any case) at or after `from`, or npos.
  size_t FindCloseTag(std::string_view name, size_t from) const {
    for (size_t k = s_.find("</", from); k != npos; k = s_.find("</", k + 2)) {
      size_t p = k + 2;
      if (p + name.size() > s_.size()) return npos;
      bool same = true;
      for (size_t m = 0; m < name.size() && same; ++m) same = Lower(s_[p + m]) == name[m];
      if (!same) continue;
      size_t after = p + name.size();
      if (after >= s_.size() || !IsAsciiAlpha(s_[after])) return k;
    }
    return npos;
  }

  void Tag() {
    const size_t n = s_.size();
    std::string_view rest = s_.substr(i_);
    if (rest.starts_with("<!--")) {
      size_t end = s_.find("-->", i_ + 4);
      SkipTo(end == npos ? n : end + 3);
      return;
    }
    if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
      size_t end = s_.find('>', i_);
      SkipTo(end == npos ? n : end + 1);
      return;
    }
    bool closing = rest.size() > 1 && rest[1] == '/';
    size_t p = i_ + 1 + (closing ? 1 : 0);
    if (p >= n || !IsAsciiAlpha(s_[p])) {  // a literal '<'
      Emit("<", line_);
      ++i_;
      return;
    }
    std::string name;
    while (p < n && (IsAsciiAlpha(s_[p]) || IsAsciiDigit(s_[p]) || s_[p] == '-' || s_[p] == ':'))
      name.push_back(Lower(s_[p++]));
    // Attributes, up to the closing '>' (quoted values may hold '>').
    TagAttributes attrs;
    bool self_closing = false;
    while (p < n && s_[p] != '>') {
      if (IsHtmlSpace(s_[p])) {
        ++p;
        continue;
      }
      if (s_[p] == '/') {
        self_closing = true;
        ++p;
        continue;
      }
      self_closing = false;
      size_t ns = p;
      while (p < n && !IsHtmlSpace(s_[p]) && s_[p] != '=' && s_[p] != '>' && s_[p] != '/') ++p;
      std::string attr;
      for (size_t k = ns; k < p; ++k) attr.push_back(Lower(s_[k]));
      while (p < n && IsHtmlSpace(s_[p])) ++p;
      std::string_view value;
      if (p < n && s_[p] == '=') {
        ++p;
        while (p < n && IsHtmlSpace(s_[p])) ++p;
        if (p < n && (s_[p] == '"' || s_[p] == '\'')) {
          char q = s_[p++];
          size_t vs = p;
          while (p < n && s_[p] != q) ++p;
          value = s_.substr(vs, p - vs);
          if (p < n) ++p;
        } else {
          size_t vs = p;
          while (p < n && !IsHtmlSpace(s_[p]) && s_[p] != '>') ++p;
          value = s_.substr(vs, p - vs);
        }
      }
      if (attr == "start") attrs.start = value;
      if (attr == "value") attrs.value = value;
      if (attr == "type") attrs.type = value;
    }
    SkipTo(p < n ? p + 1 : n);
    if (closing) {
      Close(name);
    } else {
      Open(name, attrs, self_closing);
    }
  }

  static int ParseInt(std::string_view v, int fallback) {
    int x = 0;
    bool any = false;
    for (char c : v) {
      if (!IsAsciiDigit(c)) break;
      x = std::min(x * 10 + (c - '0'), 1000000);
      any = true;
    }
    return any ? x : fallback;
  }

  void Open(const std::string& name, const TagAttributes& attrs, bool self_closing) {
    if (IsDropped(name) && !self_closing) {
      size_t close = FindCloseTag(name, i_);
      if (close == npos) {
        SkipTo(s_.size());
        return;
      }
      size_t end = s_.find('>', close);
      SkipTo(end == npos ? s_.size() : end + 1);
      return;
    }
    if (name == "td" || name == "th") {
      if (!AtLineStart()) Space(false, ' ');
      return;
    }
    if (name == "pre") ++pre_;
    if (name == "ol" || name == "ul") {
      List l;
      l.ordered = name == "ol";
      l.next = ParseInt(attrs.start, 1);
      l.type = attrs.type.size() == 1 ? attrs.type[0] : '1';
      if (l.type != 'a' && l.type != 'A' && l.type != 'i' && l.type != 'I') l.type = '1';
      lists_.push_back(l);
    }
    if (IsBlankBlock(name)) Break(2);
    if (IsLineBlock(name)) Break(1);
    if (name == "li" && !lists_.empty()) {
      List& l = lists_.back();
      if (l.ordered) {
        int n = ParseInt(attrs.value, l.next);
        prefix_ = ListLabel(n, l.type) + ". ";
        l.next = n + 1;
      } else {
        prefix_ = "- ";
      }
    }
  }

  void Close(const std::string& name) {
    if (name == "pre" && pre_ > 0) --pre_;
    if ((name == "ol" || name == "ul") && !lists_.empty()) lists_.pop_back();
    if (name == "td" || name == "th") {
      Space(false, ' ');
      return;
    }
    if (name == "li") prefix_.clear();
    if (IsBlankBlock(name)) Break(2);
    if (IsLineBlock(name)) Break(1);
  }

  struct List {
    bool ordered = false;
    int next = 1;
    char type = '1';
  };

  std::string_view s_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  TextBuilder out_;
  int pending_break_ = 0;  // 1: a line end, 2: a blank line, before the next text
  bool pending_space_ = false;
  bool space_had_newline_ = false;
  int pre_ = 0;
  std::vector<List> lists_;
  std::string prefix_;  // the list label for the next text
  HyphenJoiner joiner_;
};

}  // namespace

bool DecodeCharacterReference(std::string_view s, size_t& i, std::string& out) {
  const size_t n = s.size();
  if (i >= n || s[i] != '&') return false;
  size_t j = i + 1;
  if (j < n && s[j] == '#') {
    ++j;
    bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    size_t digits = j;
    uint32_t v = 0;
    while (j < n) {
      char c = s[j];
      int d = -1;
      if (IsAsciiDigit(c))
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      if (d < 0) break;
      v = std::min<uint32_t>(v * (hex ? 16 : 10) + static_cast<uint32_t>(d), 0x110000);
      ++j;
    }
    if (j == digits) return false;
    if (j < n && s[j] == ';') ++j;
    char32_t cp = v;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    cp = Cp1252ForC1(cp);
    AppendUtf8(out, cp);
    i = j;
    return true;
  }
  size_t start = j;
  while (j < n && j - start < 32 && (IsAsciiAlpha(s[j]) || IsAsciiDigit(s[j]))) ++j;
  if (j == start || j >= n || s[j] != ';') return false;
  char32_t cp = LookupEntity(s.substr(start, j - start));
  if (cp == 0) return false;
  AppendUtf8(out, cp);
  i = j + 1;
  return true;
}

AnchoredText HtmlToText(std::string_view html) { return HtmlConverter(html).Run(); }

}  // namespace charter::load
