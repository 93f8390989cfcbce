// segment.cc — Document -> Provisions. See segment.h for the contract.
//
// Three passes over the lines of the document:
//  1. classify each line with one RE2::Set pass over rules/<lang>/headings.tsv
//     (preamble, annex, division, article, section, amendment, §, numbered
//     "19. ...", list item, or running text);
//  2. decide the document's top-level scheme: labelled articles ("Article 5"),
//     labelled sections ("Section 5"), § or Constitute-style numbered headings
//     ("19. Protection of ...") told apart from numbered clauses by the
//     numbering (articles increase, clauses restart at 1) and the caption
//     (short, no final period);
//  3. walk the lines with a stack of divisions and list markers and emit
//     heading, article and text units (sentences via ICU, items with their
//     lead-in).
#include "segment/segment.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/text.h"
#include "segment/sentences.h"

namespace charter {

namespace {

enum class LineKind : uint8_t {
  kBlank,
  kText,
  kPreamble,
  kAnnex,
  kDivision,
  kWeakDivision,
  kAmendment,
  kArticle,
  kSection,
  kParagraph,
  kNumbered,
  kItem,
};

// What a line is in this document, once the scheme is known.
enum class Role : uint8_t {
  kBlank,
  kText,
  kContinuation,  // joins the previous line's paragraph (hard-wrapped text)
  kTitle,
  kPreamble,
  kAnnex,
  kDivision,
  kTop,      // a top-level article/section/amendment heading
  kSubHead,  // a labelled heading inside a top-level unit ("Section 2" in "Article I")
  kItem,     // a numbered or lettered clause / list item
};

struct HeadingRule {
  LineKind kind = LineKind::kText;
  std::string label;
  std::string cite;
  // The pattern without a final "(.*)$": matched for groups 1-2 only, the rest
  // of the line is group 3. Saves running the capture engine over whole lines
  // (the RE2::Set has already checked the full pattern).
  std::shared_ptr<const re2::RE2> head;
};

struct Line {
  uint32_t begin = 0, end = 0;  // trimmed content, byte offsets in Document::text
  LineKind kind = LineKind::kBlank;
  Role role = Role::kBlank;
  int rule = -1;
  uint32_t num_b = 0, num_e = 0;    // group 1: number or marker
  uint32_t rest_b = 0, rest_e = 0;  // group 3: caption or text after the marker
  bool caption = false;             // rest looks like a caption, not a sentence
  bool inner_one = false;           // rest starts with clause 1: "2. 1. Nigeria is one ..."
  bool title_case = false;          // "Sessions of Parliament.": a caption with a period, maybe
};

struct Num {
  int base = -1;
  std::string_view suffix;  // "A" in "21A", "a" in "16a"
  bool roman = false;
  int range_end = -1;  // 391 in "379-391" (repealed articles folded into one line)
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

int RomanDigit(char c) {
  switch (Lower(c)) {
    case 'i':
      return 1;
    case 'v':
      return 5;
    case 'x':
      return 10;
    case 'l':
      return 50;
    case 'c':
      return 100;
    case 'd':
      return 500;
    case 'm':
      return 1000;
    default:
      return 0;
  }
}

// Value of a roman numeral, or -1 if `s` is not one.
int RomanValue(std::string_view s) {
  if (s.empty() || s.size() > 12) return -1;
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int v = RomanDigit(s[i]);
    if (v == 0) return -1;
    int next = i + 1 < s.size() ? RomanDigit(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : -1;
}

Num ParseNum(std::string_view s) {
  Num n;
  size_t i = 0;
  int v = 0;
  while (i < s.size() && IsDigit(s[i]) && i < 6) v = v * 10 + (s[i++] - '0');
  if (i > 0) {
    n.base = v;
    n.suffix = s.substr(i);
    size_t dash = n.suffix.find_first_of("-\xE2");
    if (dash != std::string_view::npos) {
      std::string_view tail = n.suffix.substr(dash);
      n.suffix = n.suffix.substr(0, dash);
      size_t k = 0;
      while (k < tail.size() && !IsDigit(tail[k])) ++k;
      int e = 0;
      size_t digits = 0;
      while (k < tail.size() && IsDigit(tail[k]) && digits < 6)
        e = e * 10 + (tail[k++] - '0'), ++digits;
      if (digits > 0 && e > v) n.range_end = e;
    }
    return n;
  }
  int r = RomanValue(s);
  if (r > 0) {
    n.base = r;
    n.roman = true;
    return n;
  }
  // A roman numeral with a letter suffix ("VIIIa").
  if (s.size() > 1 && IsLower(s.back())) {
    r = RomanValue(s.substr(0, s.size() - 1));
    if (r > 0) {
      n.base = r;
      n.roman = true;
      n.suffix = s.substr(s.size() - 1);
    }
  }
  return n;
}

// Lexicographic, ignoring case: "" < "A" < "AA" < "AB" < "B" (India: 239A, 239AA, 239AB, 239B).
int CompareSuffix(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    char x = Lower(a[i]), y = Lower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

// Article numbers: "21" -> "21A" -> "21B" -> "22" are exact successors.
bool FollowsExactly(Num prev, const Num& cur) {
  if (cur.base < 0) return false;
  if (prev.base < 0) return cur.base == 1 && cur.suffix.empty();
  if (prev.range_end > 0) {
    prev.base = prev.range_end;
    prev.suffix = {};
  }
  if (cur.base == prev.base) return CompareSuffix(prev.suffix, cur.suffix) < 0;
  return cur.base == prev.base + 1 && cur.suffix.empty();
}

// A jump forward of a few numbers (repealed articles dropped from the text).
constexpr int kMaxGap = 12;
bool FollowsWithGap(const Num& prev, const Num& cur) {
  if (cur.base < 0) return false;
  int p = prev.base < 0 ? 0 : std::max(prev.base, prev.range_end);
  return cur.base > p && cur.base <= p + kMaxGap;
}

bool EndsWithDash(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == '-') return true;
  return s.size() >= 3 && s[s.size() - 3] == '\xE2' && s[s.size() - 2] == '\x80' &&
         (s.back() == '\x93' || s.back() == '\x94');
}

// The last sentence of a paragraph introduces a list ("... the right-", "... as follows:").
bool IsLeadIn(std::string_view s) { return !s.empty() && (s.back() == ':' || EndsWithDash(s)); }

// Joined continuation lines keep their '\n'; a unit's text reads as one line.
std::string Flatten(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return out;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string IdPrefix(const std::string& label) {
  if (label == "Article") return "art";
  if (label == "Section") return "sec";
  if (label == "Amendment") return "amend";
  if (label == "§") return "par";
  if (label == "Schedule") return "sched";
  if (label == "Chapter") return "ch";
  std::string out;
  for (char c : label)
    if (IsDigit(c) || IsUpper(c) || IsLower(c)) out += Lower(c);
  return out.empty() ? "h" : out;
}

// Marker classes for the list stack: same class + style = same level.
enum MarkerClass { kDigit, kLowerLetter, kUpperLetter, kLowerRoman, kUpperRoman, kBullet, kPara };

// Whether list marker `next` comes right after `prev` in a list of class
// `cls` ("1" -> "2", "b" -> "c", "iv" -> "v").
bool FollowsInList(int cls, std::string_view prev, std::string_view next) {
  if (prev.empty() || next.empty()) return false;
  switch (cls) {
    case kDigit:
    case kLowerRoman:
    case kUpperRoman: {
      // Plain numbers only: "4A" or a range "3-5" starts no sequence here.
      auto plain = [](const Num& n) { return n.base >= 0 && n.suffix.empty() && n.range_end < 0; };
      const Num a = ParseNum(prev), b = ParseNum(next);
      return plain(a) && plain(b) && b.base == a.base + 1;
    }
    case kLowerLetter:
    case kUpperLetter:
      return prev.size() == 1 && next.size() == 1 && next[0] == prev[0] + 1;
    default:
      return false;
  }
}

}  // namespace

struct Segmenter::Impl {
  std::string lang;
  PatternSet headings;
  std::vector<HeadingRule> rules;      // parallel to headings.rules()
  std::shared_ptr<re2::RE2::Set> set;  // the same patterns as `headings`
  PatternSet not_caption;
  SentenceSplitter splitter;

  void Classify(std::string_view text, Line* line) const;
  bool TitleCase(std::string_view rest) const;
  bool LooksLikeCaption(std::string_view rest) const;
};

Result<Segmenter> Segmenter::Create(const RuleTexts& rules, const std::string& lang) {
  const std::string hname = lang + "/headings.tsv";
  const std::string aname = lang + "/abbreviations.txt";
  auto hit = rules.find(hname);
  if (hit == rules.end()) return NotFound(hname + ": rule file not found");
  auto file = ParseRuleFile(hit->second, hname, 4, 4);
  if (!file) return std::unexpected(file.error());

  RuleFile heads{hname, {}}, notcap{hname, {}};
  std::vector<HeadingRule> kinds;
  static const struct {
    const char* name;
    LineKind kind;
  } kKindNames[] = {
      {"preamble", LineKind::kPreamble},   {"annex", LineKind::kAnnex},
      {"division", LineKind::kDivision},   {"weak_division", LineKind::kWeakDivision},
      {"amendment", LineKind::kAmendment}, {"article", LineKind::kArticle},
      {"section", LineKind::kSection},     {"paragraph", LineKind::kParagraph},
      {"numbered", LineKind::kNumbered},   {"item", LineKind::kItem},
  };
  for (const Rule& r : file->rules) {
    const std::string& kind = r.fields[0];
    if (kind == "not_caption") {
      notcap.rules.push_back(r);
      continue;
    }
    HeadingRule h;
    bool known = false;
    for (const auto& k : kKindNames) {
      if (kind == k.name) {
        h.kind = k.kind;
        known = true;
      }
    }
    if (!known) return InvalidArgument(r.Id() + ": unknown kind '" + kind + "'");
    h.label = r.fields[1] == "-" ? "" : r.fields[1];
    h.cite = r.fields[2] == "-" ? "" : r.fields[2];
    kinds.push_back(std::move(h));
    heads.rules.push_back(r);
  }
  auto set = PatternSet::Compile(heads, 3, {.case_sensitive = false, .anchor_start = true});
  if (!set) return std::unexpected(set.error());
  for (size_t i = 0; i < kinds.size(); ++i) {
    const std::string& pattern = heads.rules[i].fields[3];
    static const std::string kTail = "(.*)$";
    if (pattern.size() <= kTail.size() ||
        pattern.compare(pattern.size() - kTail.size(), kTail.size(), kTail) != 0)
      continue;
    re2::RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    opt.set_encoding(re2::RE2::Options::EncodingUTF8);
    auto head = std::make_shared<re2::RE2>(pattern.substr(0, pattern.size() - kTail.size()), opt);
    if (head->ok() && head->NumberOfCapturingGroups() == 2) kinds[i].head = std::move(head);
  }
  auto nc = PatternSet::Compile(notcap, 3, {.case_sensitive = false, .anchor_start = false});
  if (!nc) return std::unexpected(nc.error());

  std::vector<std::string> abbreviations;
  auto ait = rules.find(aname);
  if (ait != rules.end()) {
    auto list = ParseListFile(ait->second, aname);
    if (!list) return std::unexpected(list.error());
    abbreviations = std::move(*list);
  }
  auto splitter = SentenceSplitter::Create(lang, abbreviations);
  if (!splitter) return std::unexpected(splitter.error());

  re2::RE2::Options set_options;
  set_options.set_case_sensitive(false);
  set_options.set_log_errors(false);
  set_options.set_encoding(re2::RE2::Options::EncodingUTF8);
  auto own_set = std::make_shared<re2::RE2::Set>(set_options, re2::RE2::ANCHOR_START);
  // The set matches the heads too: a line then stops being scanned right after
  // its heading prefix (the "(.*)$" tail would match any rest of a line anyway).
  for (size_t i = 0; i < heads.rules.size(); ++i) {
    const std::string& full = heads.rules[i].fields[3];
    if (own_set->Add(kinds[i].head ? kinds[i].head->pattern() : full, nullptr) < 0)
      return InvalidArgument(heads.rules[i].Id() + ": bad pattern");
  }
  if (!heads.rules.empty() && !own_set->Compile())
    return InvalidArgument(hname + ": patterns too large to compile together");
  auto impl =
      std::make_shared<Impl>(Impl{lang, std::move(*set), std::move(kinds), std::move(own_set),
                                  std::move(*nc), std::move(*splitter)});
  Segmenter s;
  s.impl_ = std::move(impl);
  return s;
}

bool Segmenter::Impl::LooksLikeCaption(std::string_view rest) const {
  rest = Trim(rest);
  if (rest.empty() || rest.size() > 220) return false;
  char first = rest.front();
  if (first == '[' || first == '(') return true;  // "[Omitted]", "(Repealed)"
  if (IsLower(first)) return false;
  std::string_view body = rest;
  while (!body.empty() && (body.back() == '"' || body.back() == '\'')) body.remove_suffix(1);
  if (body.empty()) return false;
  char last = body.back();
  if (last == ';' || last == ':' || last == ',' || EndsWithDash(body)) return false;
  // Sentence ends outside ASCII: "。", "．", "！", "？", "؟", "۔", "।", "።".
  for (std::string_view end : {"\xE3\x80\x82", "\xEF\xBC\x8E", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                               "\xD8\x9F", "\xDB\x94", "\xE0\xA5\xA4", "\xE1\x8D\xA2"}) {
    if (body.size() >= end.size() && body.substr(body.size() - end.size()) == end) return false;
  }
  if (last == '.') {
    // "... freedom of speech, etc." is a caption; "... of the Union." is a sentence.
    bool abbrev = body.size() >= 4 && LowerAscii(body.substr(body.size() - 4)) == "etc.";
    if (!abbrev) return false;
  }
  // Two sentences are never a caption.
  for (size_t i = 0; i + 2 < body.size(); ++i) {
    if ((body[i] == '.' || body[i] == '?' || body[i] == '!') && body[i + 1] == ' ' &&
        IsUpper(body[i + 2]) && i >= 3 && IsLower(body[i - 1]) && IsLower(body[i - 2]) &&
        IsLower(body[i - 3])) {
      return false;
    }
  }
  if (not_caption.size() > 0 && !not_caption.Match(body).empty()) return false;
  return true;
}

// A short phrase ending in one period whose longer words are all capitalised:
// "Sessions of Parliament." (Australia), not "There is a common citizenship.".
bool Segmenter::Impl::TitleCase(std::string_view rest) const {
  rest = Trim(rest);
  if (rest.size() < 4 || rest.size() > 120 || rest.back() != '.') return false;
  std::string_view body = rest.substr(0, rest.size() - 1);
  if (body.find('.') != std::string_view::npos || body.find(';') != std::string_view::npos ||
      body.find(':') != std::string_view::npos)
    return false;
  if (not_caption.size() > 0 && !not_caption.Match(body).empty()) return false;
  size_t words = 0;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && body[i] == ' ') ++i;
    size_t b = i;
    while (i < body.size() && body[i] != ' ') ++i;
    if (i == b) break;
    ++words;
    if (i - b >= 4 && !IsUpper(body[b])) return false;
  }
  return words >= 1 && words <= 12 && IsUpper(body[0]);
}

void Segmenter::Impl::Classify(std::string_view text, Line* line) const {
  std::string_view content = text.substr(line->begin, line->end - line->begin);
  // Our own copy of the set, matched into a reused vector: no allocation per line.
  thread_local std::vector<int> hits;
  hits.clear();
  if (!rules.empty() && !set->Match(re2::StringPiece(content.data(), content.size()), &hits))
    hits.clear();
  std::sort(hits.begin(), hits.end());
  for (int idx : hits) {
    const HeadingRule& rule = rules[static_cast<size_t>(idx)];
    re2::StringPiece groups[4];
    int n = 0;
    const re2::StringPiece whole(content.data(), content.size());
    if (rule.head) {
      if (!rule.head->Match(whole, 0, content.size(), re2::RE2::ANCHOR_START, groups, 3)) continue;
      size_t used = static_cast<size_t>(groups[0].data() + groups[0].size() - content.data());
      groups[3] = re2::StringPiece(content.data() + used, content.size() - used);
      n = 4;
    } else {
      const re2::RE2& re = headings.Regex(idx);
      n = std::min(re.NumberOfCapturingGroups() + 1, 4);
      if (!re.Match(whole, 0, content.size(), re2::RE2::ANCHOR_START, groups, n)) continue;
    }
    auto off = [&](const re2::StringPiece& g) {
      return g.data() == nullptr ? line->end
                                 : line->begin + static_cast<uint32_t>(g.data() - content.data());
    };
    std::string_view sep = n > 2 && groups[2].data()
                               ? std::string_view(groups[2].data(), groups[2].size())
                               : std::string_view();
    std::string_view rest = n > 3 && groups[3].data()
                                ? std::string_view(groups[3].data(), groups[3].size())
                                : std::string_view();
    bool heading_kind = rule.kind == LineKind::kAnnex || rule.kind == LineKind::kDivision ||
                        rule.kind == LineKind::kAmendment || rule.kind == LineKind::kArticle ||
                        rule.kind == LineKind::kSection || rule.kind == LineKind::kParagraph;
    if (heading_kind && !rest.empty()) {
      // "Article 5 of the Convention ..." is running text: a heading's number is
      // followed by punctuation, a bracket or the end of the line.
      bool punct = sep.find_first_of(".:-\xE2") != std::string_view::npos;
      if (!punct && rest.front() != '[' && rest.front() != '(') continue;
    }
    line->kind = rule.kind;
    line->rule = idx;
    if (n > 1 && groups[1].data()) {
      line->num_b = off(groups[1]);
      line->num_e = line->num_b + static_cast<uint32_t>(groups[1].size());
    } else {
      line->num_b = line->num_e = line->begin;
    }
    if (n > 3 && groups[3].data()) {
      line->rest_b = off(groups[3]);
      line->rest_e = line->rest_b + static_cast<uint32_t>(groups[3].size());
    } else {
      line->rest_b = line->rest_e = line->end;
    }
    line->caption = LooksLikeCaption(rest);
    if (!line->caption && rule.kind == LineKind::kNumbered) line->title_case = TitleCase(rest);
    if (rule.kind == LineKind::kNumbered && rest.size() > 3 &&
        ((rest[0] == '1' && rest[1] == '.' && rest[2] == ' ') ||
         (rest[0] == '(' && rest[1] == '1' && rest[2] == ')'))) {
      line->inner_one = true;
    }
    return;
  }
  line->kind = LineKind::kText;
}

namespace {

// The state of the walk in pass 3 and the unit builder.
class Builder {
 public:
  Builder(const Segmenter::Impl& impl, const Document& doc, std::vector<Line>& lines,
          const std::vector<HeadingRule>& rules, SentenceCursor& cursor)
      : impl_(impl), doc_(doc), text_(doc.text), lines_(lines), rules_(rules), cursor_(cursor) {}

  bool Run();
  std::vector<Provision> Take() { return std::move(out_); }
  void Reserve(size_t n) { out_.reserve(n); }
  // Label of Constitute-style numbered headings: "Section" where the text
  // cites sections (South Africa, Nigeria), else "Article".
  void SetNumberedLabel(std::string label) { numbered_label_ = std::move(label); }

 private:
  struct Div {
    std::string label, number, heading, id, path, cite;
  };
  struct Top {
    std::string unit, label, cite_label, number_as_written, caption, heading, id, path;
  };
  struct Marker {
    int cls = 0, style = 0;
    std::string value;  // "1", "a", "iii"
    std::string id, path;
    bool under_leadin = false;
    std::string leadin_from_parent;
    std::string leadin;  // lead-in this level offers its children
    int paragraphs = 0;
  };

  std::string_view View(uint32_t b, uint32_t e) const { return text_.substr(b, e - b); }
  // Document::SourceLine with a cursor: units come in (nearly) increasing
  // offset order, so the anchor is usually the current one or the next few.
  uint32_t SourceLine(size_t offset) {
    const auto& a = doc_.line_anchors;
    if (a.empty()) return 0;
    if (anchor_ >= a.size() || a[anchor_].offset > offset) return doc_.SourceLine(offset);
    for (int step = 0; step < 8; ++step) {
      if (anchor_ + 1 >= a.size() || a[anchor_ + 1].offset > offset) return a[anchor_].line;
      ++anchor_;
    }
    uint32_t line = doc_.SourceLine(offset);
    auto it =
        std::upper_bound(a.begin(), a.end(), offset,
                         [](size_t off, const Document::Anchor& x) { return off < x.offset; });
    anchor_ = static_cast<size_t>(it - a.begin()) - 1;
    return line;
  }
  const HeadingRule& RuleOf(const Line& l) const { return rules_[static_cast<size_t>(l.rule)]; }

  void Heading(const Line& l, const std::string& label, const std::string& id,
               const std::string& path, const std::string& cite);
  void StartTop(const Line& l);
  void StartSub(const Line& l);
  void Item(const Line& l, size_t last_line);
  void Paragraph(uint32_t b, uint32_t e, bool marker_paragraph);
  void Division(const Line& l, bool annex);
  std::string UniqueId(std::string id);
  const std::vector<std::string>& Headings() const;
  void Touch() { heads_dirty_ = prefix_dirty_ = true; }  // divisions, preamble, top or sub changed
  void RefreshPrefix() const;
  std::string ContainerId() const;
  std::string ContainerPath() const;
  std::string Cite() const;
  std::string* ContainerLeadIn() { return &container_leadin_; }
  int* ContainerParagraphs() { return &container_paragraphs_; }
  void ResetContainer() {
    markers_.clear();
    ended_item_.reset();
    container_leadin_.clear();
    container_paragraphs_ = 0;
  }
  uint32_t ParagraphEnd(size_t i, size_t* last) const;

  const Segmenter::Impl& impl_;
  const Document& doc_;
  std::string_view text_;
  std::vector<Line>& lines_;
  const std::vector<HeadingRule>& rules_;
  SentenceCursor& cursor_;
  std::vector<Provision> out_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;

  std::vector<Div> divs_;
  std::vector<Div> saved_divs_;  // the divisions open when an annex began
  bool preamble_ = false;
  bool annex_ = false;
  std::optional<Top> top_;
  std::optional<Top> sub_;
  std::vector<Marker> markers_;
  // The item that running text ended, with how deep it was: the next item
  // of its list, past that text, still hangs from its lead-in.
  std::optional<Marker> ended_item_;
  size_t ended_depth_ = 0;
  std::string container_leadin_;
  int container_paragraphs_ = 0;
  std::string numbered_label_ = "Article";
  size_t anchor_ = 0;
  mutable std::vector<std::string> heads_cache_;
  mutable bool heads_dirty_ = true;
  mutable bool prefix_dirty_ = true;
  mutable std::string prefix_id_, prefix_path_, prefix_cite_;
  // Open-addressing set of id hashes (no allocation per id).
  struct HashSet {
    std::vector<uint64_t> slots = std::vector<uint64_t>(1024, 0);
    size_t size = 0;
    static uint64_t Hash(std::string_view s) {
      uint64_t h = 1469598103934665603ull;  // FNV-1a, then a final mix
      for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      h ^= h >> 33;
      return h | 1;  // 0 marks an empty slot
    }
    bool Contains(std::string_view s) const {
      uint64_t h = Hash(s);
      for (size_t i = h & (slots.size() - 1);; i = (i + 1) & (slots.size() - 1)) {
        if (slots[i] == 0) return false;
        if (slots[i] == h) return true;
      }
    }
    bool Insert(std::string_view s) {
      if (2 * (size + 1) > slots.size()) {
        std::vector<uint64_t> old(slots.size() * 2, 0);
        old.swap(slots);
        for (uint64_t h : old) {
          if (h == 0) continue;
          size_t i = h & (slots.size() - 1);
          while (slots[i] != 0) i = (i + 1) & (slots.size() - 1);
          slots[i] = h;
        }
      }
      uint64_t h = Hash(s);
      size_t i = h & (slots.size() - 1);
      for (; slots[i] != 0; i = (i + 1) & (slots.size() - 1))
        if (slots[i] == h) return false;
      slots[i] = h;
      ++size;
      return true;
    }
  };
  HashSet used_;
};

// Ids are unique by construction except where a document repeats a number;
// a 64-bit hash set keeps the check cheap (a collision only adds a suffix).
std::string Builder::UniqueId(std::string id) {
  // Every id starts with "<doc>#": hash only what follows.
  size_t skip = std::min(id.size(), doc_.path.size());
  if (used_.Insert(std::string_view(id).substr(skip))) return id;
  for (int k = 2;; ++k) {
    std::string alt = id + "~" + std::to_string(k);
    if (used_.Insert(std::string_view(alt).substr(skip))) return alt;
  }
}

const std::vector<std::string>& Builder::Headings() const {
  if (!heads_dirty_) return heads_cache_;
  heads_dirty_ = false;
  std::vector<std::string>& h = heads_cache_;
  h.clear();
  if (preamble_) h.push_back("Preamble");
  for (const Div& d : divs_) h.push_back(d.heading);
  if (top_) h.push_back(top_->heading);
  if (sub_) h.push_back(sub_->heading);
  return h;
}

// The container's id, path and cite without its list markers change only
// with divisions, preamble, top or sub (Touch()); they are cached.
void Builder::RefreshPrefix() const {
  if (!prefix_dirty_) return;
  prefix_dirty_ = false;
  std::string& id = prefix_id_;
  if (top_) {
    id = top_->id;
    if (sub_) id += "/" + sub_->id;
  } else if (preamble_) {
    id = "preamble";
  } else if (!divs_.empty()) {
    id = divs_.back().id;
  } else {
    id = "front";
  }
  std::string& path = prefix_path_;
  path.clear();
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!path.empty()) path += " > ";
    path += part;
  };
  if (preamble_) add("Preamble");
  for (const Div& d : divs_) add(d.path);
  if (top_) add(top_->path);
  if (sub_) add(sub_->path);
  std::string& cite = prefix_cite_;
  cite.clear();
  if (top_) {
    cite = top_->cite_label.empty() ? top_->number_as_written
                                    : top_->cite_label + " " + top_->number_as_written;
    if (sub_)
      cite += ", " + (sub_->cite_label.empty() ? sub_->label : sub_->cite_label) + " " +
              sub_->number_as_written;
  } else if (preamble_) {
    cite = "Preamble";
  } else if (!divs_.empty()) {
    cite = divs_.back().cite;
  }
}

std::string Builder::ContainerId() const {
  RefreshPrefix();
  std::string id = prefix_id_;
  for (const Marker& m : markers_) {
    id += '/';
    id += m.id;
  }
  return id;
}

std::string Builder::ContainerPath() const {
  RefreshPrefix();
  std::string path = prefix_path_;
  for (const Marker& m : markers_) {
    if (!path.empty()) path += " > ";
    path += m.path;
  }
  return path;
}

std::string Builder::Cite() const {
  RefreshPrefix();
  std::string cite = prefix_cite_;
  if (!markers_.empty() && !cite.empty() && cite.back() == '.') cite += ' ';  // "Sched. (1)"
  for (const Marker& m : markers_) cite += m.path;
  return cite;
}

void Builder::Heading(const Line& l, const std::string& label, const std::string& id,
                      const std::string& path, const std::string& cite) {
  Provision p;
  p.doc = doc_.path;
  p.id = UniqueId(doc_.path + "#" + id);
  p.type = "heading";
  p.path = path;
  p.cite = cite;
  p.label = label;
  p.headings = Headings();
  p.text = std::string(View(l.begin, l.end));
  p.begin = l.begin;
  p.end = l.end;
  p.line_start = SourceLine(l.begin);
  p.line_end = SourceLine(l.end > l.begin ? l.end - 1 : l.begin);
  out_.push_back(std::move(p));
}

void Builder::Division(const Line& l, bool annex) {
  const HeadingRule& rule = RuleOf(l);
  Div d;
  d.label = rule.label;
  d.number = std::string(View(l.num_b, l.num_e));
  d.heading = std::string(View(l.begin, l.end));
  std::string num_id = LowerAscii(d.number);
  d.id = IdPrefix(d.label) + (num_id.empty() ? "" : "-" + num_id);
  d.path = d.number.empty() ? d.label : d.label + " " + d.number;
  d.cite = rule.cite.empty() ? d.path : (d.number.empty() ? rule.cite : rule.cite + " " + d.number);
  top_.reset();
  Touch();
  sub_.reset();
  Touch();
  preamble_ = false;
  Touch();
  ResetContainer();
  if (annex) {
    if (!annex_) saved_divs_ = divs_;
    divs_.clear();
    Touch();
    annex_ = true;
  } else {
    // Same label as an open division: a sibling (pop to it); else a child.
    for (size_t k = 0; k < divs_.size(); ++k) {
      if (divs_[k].label == d.label) {
        divs_.resize(k);
        Touch();
        break;
      }
    }
  }
  std::string prefix;
  for (const Div& p : divs_) prefix += p.id + "/";
  d.id = prefix + d.id;
  divs_.push_back(d);
  Touch();
  // The heading's own headings list excludes itself.
  divs_.pop_back();
  Touch();
  std::string path = ContainerPath();
  path = path.empty() ? d.path : path + " > " + d.path;
  Heading(l, d.label, d.id, path, d.cite);
  divs_.push_back(std::move(d));
  Touch();
}

void Builder::StartTop(const Line& l) {
  const HeadingRule& rule = RuleOf(l);
  Top t;
  t.label = rule.label.empty() ? numbered_label_ : rule.label;
  t.cite_label = rule.cite.empty() ? (t.label == "Section" ? "Sec." : "Art.") : rule.cite;
  t.number_as_written = std::string(View(l.num_b, l.num_e));
  t.unit = t.number_as_written;
  if (l.kind == LineKind::kAmendment) {
    Num n = ParseNum(t.unit);
    if (n.base > 0) t.unit = std::to_string(n.base) + std::string(n.suffix);
  }
  t.caption = l.caption ? std::string(Trim(View(l.rest_b, l.rest_e))) : "";
  t.heading = std::string(View(l.begin, l.end));
  t.path = t.label + " " + t.number_as_written;
  std::string id = IdPrefix(t.label) + "-" + LowerAscii(t.unit);
  if (used_.Contains("#" + id)) {
    // Numbering that restarts per chapter (Sweden): qualify with the divisions.
    std::string prefix;
    for (const Div& d : divs_) prefix += d.id + "/";
    id = prefix + id;
  }
  t.id = UniqueId(doc_.path + "#" + id).substr(doc_.path.size() + 1);
  top_.reset();
  Touch();
  sub_.reset();
  Touch();
  preamble_ = false;
  Touch();
  ResetContainer();

  Provision p;
  p.doc = doc_.path;
  p.id = doc_.path + "#" + t.id;
  p.type = "article";
  p.unit = t.unit;
  p.label = t.label;
  p.caption = t.caption;
  p.headings = Headings();
  p.text = t.heading;
  p.begin = l.begin;
  p.end = l.end;
  p.line_start = SourceLine(l.begin);
  p.line_end = SourceLine(l.end > l.begin ? l.end - 1 : l.begin);
  top_ = std::move(t);
  Touch();
  p.path = ContainerPath();
  p.cite = Cite();
  out_.push_back(std::move(p));
}

void Builder::StartSub(const Line& l) {
  const HeadingRule& rule = RuleOf(l);
  Top s;
  s.label = rule.label;
  s.cite_label = rule.cite;
  s.number_as_written = std::string(View(l.num_b, l.num_e));
  s.unit = s.number_as_written;
  s.heading = std::string(View(l.begin, l.end));
  s.path = s.label + " " + s.number_as_written;
  s.id = IdPrefix(s.label) + "-" + LowerAscii(s.unit);
  sub_.reset();
  Touch();
  ResetContainer();
  std::string path = ContainerPath();
  path = path.empty() ? s.path : path + " > " + s.path;
  std::string id = ContainerId() + "/" + s.id;
  std::string cite =
      Cite() + ", " + (s.cite_label.empty() ? s.label : s.cite_label) + " " + s.number_as_written;
  Heading(l, s.label, id, path, cite);
  sub_ = std::move(s);
  Touch();
}

// Classifies a marker and places it on the stack.
void Builder::Item(const Line& l, size_t /*last_line*/) {
  std::string_view m = View(l.num_b, l.num_e);
  std::string_view whole = View(l.begin, l.end);
  int style = 0;  // 0 "1." / "a.", 1 "(1)", 2 "1)", 3 bullet, 4 §
  if (!whole.empty() && whole.front() == '(')
    style = 1;
  else if (l.num_e < l.end && text_[l.num_e] == ')')
    style = 2;
  int cls = kDigit;
  if (l.kind == LineKind::kParagraph) {
    cls = kPara;
    style = 4;
  } else if (m.size() == 1 && !IsDigit(m[0]) && !IsLower(m[0]) && !IsUpper(m[0])) {
    cls = kBullet;
    style = 3;
  } else if (!m.empty() && IsDigit(m[0])) {
    cls = kDigit;
  } else {
    bool lower = !m.empty() && IsLower(m[0]);
    bool roman = RomanValue(m) > 0;
    if (roman && m.size() == 1) {
      // "i" after "h" is a letter; "i" with no letters before it starts a roman list.
      int letter_cls = lower ? kLowerLetter : kUpperLetter;
      bool letter = false;
      for (const Marker& k : markers_) {
        if (k.cls == letter_cls && k.style == style && k.value.size() == 1 &&
            Lower(k.value[0]) + 1 == Lower(m[0])) {
          letter = true;
        }
      }
      bool roman_open = false;
      int roman_cls = lower ? kLowerRoman : kUpperRoman;
      for (const Marker& k : markers_)
        if (k.cls == roman_cls && k.style == style) roman_open = true;
      if (letter)
        roman = false;
      else if (!roman_open && Lower(m[0]) != 'i')
        roman = false;
    } else if (roman && m.size() == 2 && m[0] == m[1] && Lower(m[0]) != 'i' && Lower(m[0]) != 'x' &&
               Lower(m[0]) != 'c') {
      roman = false;  // "vv", "ll", "dd": doubled letters
    }
    if (roman)
      cls = lower ? kLowerRoman : kUpperRoman;
    else
      cls = lower ? kLowerLetter : kUpperLetter;
  }
  // Pop to a level of the same kind, or push a child.
  size_t level = markers_.size();
  for (size_t k = markers_.size(); k-- > 0;) {
    if (markers_[k].cls == cls && markers_[k].style == style) {
      level = k;
      break;
    }
  }
  size_t old_size = markers_.size();
  std::string old_value = level < old_size ? markers_[level].value : std::string();
  markers_.resize(level);
  Marker mk;
  mk.cls = cls;
  mk.style = style;
  if (cls == kBullet) {
    // Bullets have no value of their own: number them among their siblings.
    int index = 1;
    if (level < old_size && !old_value.empty()) index = std::stoi(old_value) + 1;
    mk.value = std::to_string(index);
    mk.id = "b" + mk.value;
    mk.path = "(-" + mk.value + ")";
  } else {
    mk.value = std::string(m);
    std::string v = LowerAscii(m);
    mk.id = cls == kPara ? "par-" + v : v;
    mk.path = cls == kPara ? "§" + std::string(m) : "(" + std::string(m) + ")";
  }
  {
    const std::string& parent_leadin =
        markers_.empty() ? container_leadin_ : markers_.back().leadin;
    mk.under_leadin = !parent_leadin.empty();
    mk.leadin_from_parent = parent_leadin;
  }
  // "The Constitution assures to all persons: 1. The right to life. [running
  // text] 2. Equality before the law.": item 2 goes on the list of item 1.
  if (!mk.under_leadin && ended_item_ && ended_depth_ == markers_.size() &&
      ended_item_->cls == cls && ended_item_->style == style &&
      FollowsInList(cls, ended_item_->value, mk.value)) {
    // Its siblings after it hang from the lead-in again too.
    std::string& offered = markers_.empty() ? container_leadin_ : markers_.back().leadin;
    offered = ended_item_->leadin_from_parent;
    mk.under_leadin = true;
    mk.leadin_from_parent = offered;
  }
  ended_item_.reset();
  markers_.push_back(std::move(mk));
}

// Emits the sentences of one paragraph [b, e) in the current container.
void Builder::Paragraph(uint32_t b, uint32_t e, bool marker_paragraph) {
  std::string_view para = View(b, e);
  static const std::string kNone;
  const std::string* leadin = &kNone;
  std::string base_id;
  if (marker_paragraph && !markers_.empty()) {
    leadin = &markers_.back().leadin_from_parent;
    base_id = ContainerId();
  } else {
    // Running text ends a list that hung from a lead-in (until its next item).
    while (!markers_.empty() && markers_.back().under_leadin) {
      ended_depth_ = markers_.size() - 1;
      ended_item_ = std::move(markers_.back());
      markers_.pop_back();
    }
    int* count = markers_.empty() ? &container_paragraphs_ : &markers_.back().paragraphs;
    ++*count;
    base_id = ContainerId() + "/p" + std::to_string(*count);
  }
  spans_.clear();
  if (!cursor_.Split(para, &spans_)) spans_.assign(1, {0, static_cast<uint32_t>(para.size())});
  std::string path = ContainerPath();
  std::string cite = Cite();
  const std::vector<std::string>& heads = Headings();
  std::string offered;
  for (size_t k = 0; k < spans_.size(); ++k) {
    Provision& p = out_.emplace_back();
    p.doc = doc_.path;
    // The paragraph's id is checked once; its sentences are unique under it.
    if (k == 0) base_id = UniqueId(doc_.path + "#" + base_id);
    p.id.reserve(base_id.size() + 4);
    p.id = base_id;
    p.id += "/s";
    p.id += std::to_string(k + 1);
    p.type = "text";
    bool last_one = k + 1 == spans_.size();
    p.path = last_one ? std::move(path) : path;
    p.cite = last_one ? std::move(cite) : cite;
    p.headings = heads;
    std::string_view own = para.substr(spans_[k].first, spans_[k].second - spans_[k].first);
    if (k == 0 && !leadin->empty()) {
      p.lead_in = *leadin;
      p.text.reserve(leadin->size() + 1 + own.size());
      p.text = *leadin;
      p.text += ' ';
      p.text += own;
    } else {
      p.text.assign(own);
    }
    if (own.find('\n') != std::string_view::npos) p.text = Flatten(p.text);
    p.begin = b + spans_[k].first;
    p.end = b + spans_[k].second;
    p.line_start = SourceLine(p.begin);
    p.line_end = SourceLine(p.end - 1);
    if (last_one && IsLeadIn(Trim(p.text))) offered = p.text;
  }
  if (marker_paragraph && !markers_.empty())
    markers_.back().leadin = std::move(offered);
  else if (!markers_.empty())
    markers_.back().leadin = std::move(offered);
  else
    container_leadin_ = std::move(offered);
}

// End of the paragraph starting at line i: continuation lines join it.
uint32_t Builder::ParagraphEnd(size_t i, size_t* last) const {
  size_t j = i;
  while (j + 1 < lines_.size() && lines_[j + 1].role == Role::kContinuation) ++j;
  *last = j;
  return lines_[j].end;
}

bool Builder::Run() {
  for (size_t i = 0; i < lines_.size(); ++i) {
    Line& l = lines_[i];
    size_t last = i;
    switch (l.role) {
      case Role::kBlank:
      case Role::kContinuation:
        break;
      case Role::kTitle:
        Heading(l, "Title", "title", "Title", "Title");
        break;
      case Role::kPreamble: {
        divs_.clear();
        Touch();
        top_.reset();
        Touch();
        sub_.reset();
        Touch();
        ResetContainer();
        preamble_ = false;
        Touch();
        Heading(l, RuleOf(l).label, "preamble", "Preamble", "Preamble");
        preamble_ = true;
        Touch();
        break;
      }
      case Role::kAnnex:
        Division(l, true);
        break;
      case Role::kDivision:
        Division(l, false);
        break;
      case Role::kTop:
      case Role::kSubHead: {
        if (l.role == Role::kTop) {
          if (annex_) {
            // The body resumes after an annex inside it ("SCHEDULE I" to an article).
            divs_ = saved_divs_;
            Touch();
            annex_ = false;
          }
          StartTop(l);
        } else {
          StartSub(l);
        }
        if (l.rest_b < l.rest_e && !l.caption) {
          // Text on the heading line: "5. The King shall not reign ...", or a first
          // clause: "2. 1. Nigeria is one indivisible ...".
          uint32_t e = ParagraphEnd(i, &last);
          Line inner;
          inner.begin = l.rest_b;
          inner.end = l.rest_e;
          impl_.Classify(text_, &inner);
          if (inner.kind == LineKind::kNumbered || inner.kind == LineKind::kItem) {
            Item(inner, i);
            Paragraph(inner.rest_b, e, true);
          } else {
            Paragraph(l.rest_b, e, false);
          }
          i = last;
        }
        break;
      }
      case Role::kItem: {
        Item(l, i);
        uint32_t e = ParagraphEnd(i, &last);
        if (l.rest_b < e && !Trim(View(l.rest_b, e)).empty()) {
          Paragraph(l.rest_b, e, true);
        } else {
          // A bare marker ("3." before its lettered items): keep the line covered.
          Provision p;
          p.doc = doc_.path;
          p.id = UniqueId(doc_.path + "#" + ContainerId());
          p.type = "heading";
          p.path = ContainerPath();
          p.cite = Cite();
          p.label = "Clause";
          p.headings = Headings();
          p.text = std::string(View(l.begin, l.end));
          p.begin = l.begin;
          p.end = l.end;
          p.line_start = p.line_end = SourceLine(l.begin);
          out_.push_back(std::move(p));
          if (!markers_.empty()) markers_.back().leadin.clear();
        }
        i = last;
        break;
      }
      case Role::kText: {
        if (top_ == std::nullopt && divs_.empty() && !preamble_ && !out_.empty()) {
          // Text between the title and the first heading is an (implicit) preamble.
          preamble_ = true;
          Touch();
          ResetContainer();
        }
        uint32_t e = ParagraphEnd(i, &last);
        Paragraph(l.begin, e, false);
        i = last;
        break;
      }
    }
  }
  return true;
}

// Pass 2: the scheme.
struct Scheme {
  bool labelled_articles = false;
  bool labelled_sections = false;
  bool paragraphs = false;
  bool numbered = false;
};

// Occurrences of the words "section(s)" and "article(s)" (any case, whole
// words) in one pass.
void CountLabelWords(std::string_view text, size_t* sections, size_t* articles) {
  *sections = *articles = 0;
  auto word_char = [](char c) { return IsLower(c) || IsUpper(c); };
  auto at = [&](size_t i, std::string_view w) {
    if (i + w.size() > text.size()) return false;
    for (size_t k = 1; k < w.size(); ++k)
      if (Lower(text[i + k]) != w[k]) return false;
    size_t e = i + w.size();
    if (e < text.size() && Lower(text[e]) == 's') ++e;
    return e >= text.size() || !word_char(text[e]);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = static_cast<char>(text[i] | 0x20);
    if (c != 's' && c != 'a') continue;
    if (i > 0 && word_char(text[i - 1])) continue;
    if (c == 's' && at(i, "section"))
      ++*sections;
    else if (c == 'a' && at(i, "article"))
      ++*articles;
  }
}

// Index of the next non-blank line after i, or lines.size().
size_t NextNonBlank(const std::vector<Line>& lines, size_t i) {
  for (size_t j = i + 1; j < lines.size(); ++j)
    if (lines[j].kind != LineKind::kBlank) return j;
  return lines.size();
}

bool IsHeadingKind(const Line& l) {
  switch (l.kind) {
    case LineKind::kArticle:
    case LineKind::kSection:
    case LineKind::kAmendment:
    case LineKind::kDivision:
    case LineKind::kAnnex:
    case LineKind::kPreamble:
      return true;
    case LineKind::kNumbered:
      return l.caption;
    default:
      return false;
  }
}

}  // namespace

Result<std::vector<Provision>> Segmenter::Segment(const Document& doc) const {
  const Impl& impl = *impl_;
  std::string_view text = doc.text;
  if (text.size() >= UINT32_MAX)
    return InvalidArgument(doc.path + ": document too large to segment");

  // Pass 1: lines.
  std::vector<Line> lines;
  lines.reserve(text.size() / 64 + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line l;
    size_t b = pos, e = nl;
    while (b < e && IsAsciiSpace(text[b])) ++b;
    while (e > b && IsAsciiSpace(text[e - 1])) --e;
    // A BOM or zero-width space at the very start is not content.
    if (e - b >= 3 && text.compare(b, 3, "\xEF\xBB\xBF") == 0) b += 3;
    l.begin = static_cast<uint32_t>(b);
    l.end = static_cast<uint32_t>(e);
    if (b < e) impl.Classify(text, &l);
    lines.push_back(l);
    pos = nl + 1;
  }

  // Weak divisions ("I. Basic Rights") and structural sections ("Section 1. The Right to
  // Equality" above numbered articles) are headings only when another heading follows.
  // A weak division numbers a sequence: "V." needs an "IV." before it. A lone "C."
  // after "A." and "B." (Philippines: "C. THE COMMISSION ON ELECTIONS") is a
  // letter, not the hundredth division.
  std::vector<char> weak_seen;  // by roman value: a weak division line had it
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.kind != LineKind::kWeakDivision && l.kind != LineKind::kSection &&
        l.kind != LineKind::kParagraph)
      continue;
    size_t j = NextNonBlank(lines, i);
    bool heading_follows =
        j < lines.size() && IsHeadingKind(lines[j]) && lines[j].kind != LineKind::kPreamble;
    if (l.kind == LineKind::kWeakDivision) {
      const Num n = ParseNum(text.substr(l.num_b, l.num_e - l.num_b));
      const size_t v = n.base > 0 ? static_cast<size_t>(n.base) : 0;
      const bool in_sequence = v == 1 || (v > 1 && v - 1 < weak_seen.size() && weak_seen[v - 1]);
      if (v > 0) {
        if (weak_seen.size() <= v) weak_seen.resize(v + 1, 0);
        weak_seen[v] = 1;
      }
      l.kind = heading_follows && l.caption && in_sequence ? LineKind::kDivision : LineKind::kItem;
    } else if (heading_follows && (l.caption || l.rest_b >= l.rest_e) && lines[j].kind != l.kind) {
      l.kind = LineKind::kDivision;
    }
  }

  // Counts for the scheme, outside annexes.
  size_t n_article = 0, n_section = 0, n_para = 0, section_resets = 0, para_resets = 0;
  {
    bool annex = false;
    Num prev_section, prev_para;
    for (const Line& l : lines) {
      if (l.kind == LineKind::kAnnex) annex = true;
      if (annex) continue;
      if (l.kind == LineKind::kArticle) {
        ++n_article;
      } else if (l.kind == LineKind::kSection) {
        ++n_section;
        Num n = ParseNum(text.substr(l.num_b, l.num_e - l.num_b));
        if (prev_section.base >= 0 && n.base >= 0 && n.base <= prev_section.base) ++section_resets;
        prev_section = n;
      } else if (l.kind == LineKind::kParagraph) {
        ++n_para;
        Num n = ParseNum(text.substr(l.num_b, l.num_e - l.num_b));
        if (prev_para.base >= 0 && n.base >= 0 && n.base <= prev_para.base) ++para_resets;
        prev_para = n;
      }
    }
  }

  // Constitute-style numbered headings: the chain of article numbers.
  std::vector<char> numbered_head(lines.size(), 0);
  size_t n_numbered = 0;
  // Captionless numbering (Denmark, Nigeria): "2. 1. Nigeria is one ..." opens
  // section 2 with its subsection 1; a section without subsections is "5. Text".
  size_t n_inner_one = 0;
  for (const Line& l : lines) n_inner_one += l.inner_one;
  const bool captionless = n_inner_one >= 3;
  {
    Num last;
    int clause = 0;
    bool after_division = false;
    auto num_of = [&](const Line& l) { return ParseNum(text.substr(l.num_b, l.num_e - l.num_b)); };
    bool in_annex = false;
    // Numbered goals in a preamble are not articles, when a division follows it.
    bool in_preamble = false;
    size_t last_division = 0;
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].kind == LineKind::kDivision) last_division = i;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      if (l.kind == LineKind::kPreamble) in_preamble = i < last_division;
      if (l.kind == LineKind::kDivision) in_preamble = false;
      if (in_preamble) continue;
      if (l.kind == LineKind::kAnnex) {
        in_annex = true;  // until an article continues the numbering ("SCHEDULE I" of an article)
        continue;
      }
      if (in_annex) {
        if (l.kind == LineKind::kNumbered && l.caption && last.base > 0) {
          Num n = num_of(l);
          if (FollowsExactly(last, n)) {
            in_annex = false;
            numbered_head[i] = 1;
            ++n_numbered;
            last = n;
            clause = 0;
          }
        }
        continue;
      }
      if (l.kind == LineKind::kDivision || l.kind == LineKind::kPreamble) {
        after_division = true;
        continue;
      }
      if (l.kind == LineKind::kBlank) continue;
      if (l.kind != LineKind::kNumbered) {
        if (l.kind == LineKind::kText) after_division = false;
        continue;
      }
      Num n = num_of(l);
      bool restart = after_division && n.base == 1 && n.suffix.empty() && l.caption;
      bool first_after_division = after_division;
      after_division = false;
      bool exact = FollowsExactly(last, n) || restart;
      // The first article of an excerpt may have any number ("19. Protection of ...").
      bool gap = !exact && (FollowsWithGap(last, n) || (last.base < 0 && n.base > 0));
      bool fits_clause = n.suffix.empty() && n.base == clause + 1;
      bool head = false;
      bool caption = l.caption || (l.title_case && exact && !fits_clause);
      if (l.inner_one && (exact || gap)) {
        head = true;
      } else if (!l.caption && exact && ((captionless && !fits_clause) || first_after_division)) {
        head = true;
      } else if (caption && (exact || gap)) {
        if (exact && !fits_clause) {
          head = true;
        } else {
          // Look at the next numbered line: clauses restart at 1 after a heading;
          // the next article follows this one.
          size_t j = i + 1;
          while (j < lines.size() && lines[j].kind != LineKind::kNumbered &&
                 lines[j].kind != LineKind::kDivision && lines[j].kind != LineKind::kAnnex)
            ++j;
          if (j >= lines.size() || lines[j].kind != LineKind::kNumbered) {
            head = true;  // the last numbered line before a division: an article with plain text
          } else {
            Num next = num_of(lines[j]);
            if (next.base == 1 && next.suffix.empty())
              head = true;
            else if (lines[j].caption && FollowsExactly(n, next))
              head = true;
            else if (next.base == n.base + 1 && !lines[j].caption)
              head = false;
            else
              head = exact && !fits_clause;
          }
        }
      }
      if (head) {
        numbered_head[i] = 1;
        ++n_numbered;
        last = n;
        clause = l.inner_one ? 1 : 0;
        if (caption) lines[i].caption = true;
      } else if (n.suffix.empty() && n.base >= 0) {
        clause = n.base;
      }
    }
  }

  Scheme scheme;
  bool sections_nested = n_article >= 2 && section_resets >= 1;
  size_t eff_section = sections_nested ? 0 : n_section;
  size_t eff_para = n_article >= 2 && para_resets >= 1 ? 0 : n_para;
  size_t best = std::max({n_article, eff_section, eff_para, n_numbered});
  if (best == 0) {
    // No top-level units at all: nothing to decide.
  } else if (n_article == best) {
    scheme.labelled_articles = true;
  } else if (eff_section == best) {
    scheme.labelled_sections = true;
  } else if (n_numbered == best) {
    scheme.numbered = true;
  } else if (eff_para == 0) {
    scheme.numbered = true;
  } else {
    scheme.paragraphs = true;
  }

  // Roles.
  bool annex = false;
  bool seen_content = false;
  Num last_top;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    switch (l.kind) {
      case LineKind::kBlank:
        l.role = Role::kBlank;
        continue;
      case LineKind::kText:
        l.role = Role::kText;
        break;
      case LineKind::kPreamble:
        // The preamble of an instrument in an annex (Nepal's Schedule 4, a peace
        // accord) opens a part of that annex, not the document's preamble.
        l.role = annex ? Role::kDivision : Role::kPreamble;
        break;
      case LineKind::kAnnex:
        l.role = Role::kAnnex;
        annex = true;
        break;
      case LineKind::kDivision:
      case LineKind::kWeakDivision:
        l.role = Role::kDivision;
        break;
      case LineKind::kAmendment:
        l.role = annex ? Role::kSubHead : Role::kTop;
        break;
      case LineKind::kArticle:
      case LineKind::kSection:
      case LineKind::kParagraph: {
        bool is_top = (l.kind == LineKind::kArticle && scheme.labelled_articles) ||
                      (l.kind == LineKind::kSection && scheme.labelled_sections) ||
                      (l.kind == LineKind::kParagraph && scheme.paragraphs);
        Num n = ParseNum(text.substr(l.num_b, l.num_e - l.num_b));
        if (is_top && annex && FollowsExactly(last_top, n)) annex = false;  // the body resumes
        if (is_top && !annex) {
          l.role = Role::kTop;
          last_top = n;
        } else if (l.kind == LineKind::kParagraph) {
          l.role = Role::kItem;
        } else {
          l.role = Role::kSubHead;
        }
        break;
      }
      case LineKind::kNumbered:
        l.role = scheme.numbered && numbered_head[i] ? Role::kTop : Role::kItem;
        if (l.role == Role::kTop) annex = false;
        break;
      case LineKind::kItem:
        l.role = Role::kItem;
        break;
    }
    // The first line, if it is plain text, is the document's title.
    if (!seen_content) {
      seen_content = true;
      std::string_view c = text.substr(l.begin, l.end - l.begin);
      if (l.role == Role::kText && c.size() <= 200 && c.back() != '.' && c.back() != ':' &&
          c.back() != ';' && c.back() != ',')
        l.role = Role::kTitle;
      continue;
    }
    // Hard-wrapped text: a line that continues the sentence of the line above.
    if (l.role == Role::kText && i > 0 && lines[i - 1].kind != LineKind::kBlank) {
      const Line& p = lines[i - 1];
      char last = text[p.end - 1];
      char first = text[l.begin];
      bool open = last != '.' && last != ':' && last != ';' && last != '!' && last != '?' &&
                  !EndsWithDash(text.substr(p.begin, p.end - p.begin));
      if (open && IsLower(first) &&
          (p.role == Role::kText || p.role == Role::kItem || p.role == Role::kContinuation ||
           ((p.role == Role::kTop || p.role == Role::kSubHead) && !p.caption &&
            p.rest_b < p.rest_e)))
        l.role = Role::kContinuation;
    }
  }

  SentenceCursor cursor = impl.splitter.Cursor();
  Builder builder(impl, doc, lines, impl.rules, cursor);
  builder.Reserve(lines.size() / 2 + 16);
  if (scheme.numbered) {
    size_t sections = 0, articles = 0;
    CountLabelWords(text, &sections, &articles);
    builder.SetNumberedLabel(sections > articles ? "Section" : "Article");
  }
  if (!builder.Run()) return Unsupported(doc.path + ": ICU sentence segmentation failed");
  return builder.Take();
}

}  // namespace charter
