#include "rewrite/rewrite.h"

#include <algorithm>
#include <cctype>

#include "core/hash.h"
#include "core/text.h"
#include "rewrite/grammar.h"
#include "rewrite/templates.h"

namespace charter {

using rewrite_internal::Clean;
using rewrite_internal::CompileRulePattern;
using rewrite_internal::LowerFirst;
using rewrite_internal::Template;
using rewrite_internal::TrimFragment;

namespace {

// The first sentence of `s`: a ". " followed by a capital, after a word of
// more than three letters (so "Art. 5" and "No. 3" do not end it). With
// `short_lowercase`, also after a shorter word in lowercase that follows a
// space ("... harm to it. It should ..." in a public statement, where an
// abbreviation is capitalised or dotted: "Dr. ", "U.S. ", "e.g. ").
std::string FirstSentence(const std::string& s, bool short_lowercase = false) {
  size_t p = 0;
  while ((p = s.find(". ", p)) != std::string::npos) {
    size_t w = p;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(s[w - 1]))) --w;
    bool word_ok = p - w > 3 || (p == w && p > 0 && s[p - 1] == ')');
    if (short_lowercase && p > w && (w == 0 || s[w - 1] == ' ') &&
        std::all_of(s.begin() + static_cast<long>(w), s.begin() + static_cast<long>(p),
                    [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }))
      word_ok = true;
    if (word_ok && p + 2 < s.size() && std::isupper(static_cast<unsigned char>(s[p + 2])))
      return s.substr(0, p);
    p += 2;
  }
  return s;
}

std::vector<std::string> Segments(const std::string& s) {
  std::vector<std::string> out;
  for (std::string_view part : Split(s, ';')) {
    std::string t = TrimFragment(part);
    if (t.empty()) continue;
    // "; or ..." goes on with the list before it ("Congress shall make no
    // law respecting ...; or abridging the freedom of speech ...; or the
    // right of the people peaceably to assemble").
    if (!out.empty() && StartsWith(t, "or ")) {
      out.back() += ", " + t;
      continue;
    }
    out.push_back(t);
  }
  return out;
}

// <lang>/policy.tsv's `right` line (Rewriter::Impl::right_words), or null without the file.
Result<std::shared_ptr<const re2::RE2>> RightWords(const RuleTexts& rules,
                                                   const std::string& lang) {
  std::shared_ptr<const re2::RE2> words;
  auto it = rules.find(lang + "/policy.tsv");
  if (it == rules.end()) return words;
  auto f = ParseRuleFile(it->second, lang + "/policy.tsv", 2, 2);
  if (!f) return std::unexpected(f.error());
  for (const Rule& r : f->rules) {
    if (r.fields[0] != "right")
      return InvalidArgument(r.Id() + ": the first column may only be 'right', found '" +
                             r.fields[0] + "'");
    Result<std::shared_ptr<const re2::RE2>> re = CompileRulePattern(r, r.fields[1]);
    if (!re) return std::unexpected(re.error());
    words = std::move(*re);
  }
  return words;
}

std::string Finish(std::string body) {
  body = TrimFragment(body);
  return std::string(kPrincipleOpening) + body + ".";
}

}  // namespace

Result<Rewriter> Rewriter::Create(const RuleTexts& rules, const std::string& lang) {
  Result<rewrite_internal::Rules> loaded = rewrite_internal::LoadRules(rules, lang);
  if (!loaded) return std::unexpected(loaded.error());
  auto impl = std::make_shared<Impl>();
  impl->rules = std::move(*loaded);
  Result<IdeaSet> ideas = IdeaSet::Create(rules, lang);
  if (!ideas) return std::unexpected(ideas.error());
  impl->ideas = std::move(*ideas);
  Result<HolderGroups> holder_groups = HolderGroups::Create(rules, lang);
  if (!holder_groups) return std::unexpected(holder_groups.error());
  impl->holder_groups = std::move(*holder_groups);
  Result<std::shared_ptr<const re2::RE2>> right_words = RightWords(rules, lang);
  if (!right_words) return std::unexpected(right_words.error());
  impl->right_words = std::move(*right_words);
  Result<Validator> validator = Validator::Create(rules, lang);
  if (!validator) return std::unexpected(validator.error());
  impl->validator = std::move(*validator);
  if (auto it = rules.find(lang + "/repeal.tsv"); it != rules.end()) {
    auto f = ParseRuleFile(it->second, lang + "/repeal.tsv", 2, 2);
    if (!f) return std::unexpected(f.error());
    for (const Rule& r : f->rules) {
      Result<std::shared_ptr<const re2::RE2>> re = CompileRulePattern(r, r.fields[1]);
      if (!re) return std::unexpected(re.error());
      if ((*re)->NumberOfCapturingGroups() < 1)
        return InvalidArgument(r.Id() + ": the pattern needs a group for the repealed number");
      impl->repeals.push_back({r.fields[0], r.Id(), std::move(*re)});
    }
    std::vector<std::string> patterns;
    for (const Rule& r : f->rules) patterns.push_back(r.fields[1]);
    impl->repeal_set.Build(patterns, std::vector<bool>(patterns.size(), false), RE2::UNANCHORED);
  }
  if (auto it = rules.find(lang + "/numbers.tsv"); it != rules.end()) {
    auto f = ParseRuleFile(it->second, lang + "/numbers.tsv", 2, 2);
    if (!f) return std::unexpected(f.error());
    for (const Rule& r : f->rules) {
      int v = 0;
      for (char ch : r.fields[1]) {
        if (ch < '0' || ch > '9')
          return InvalidArgument(r.Id() + ": value must be a number, found '" + r.fields[1] + "'");
        v = v * 10 + (ch - '0');
      }
      impl->numbers[AsciiLower(r.fields[0])] = v;
    }
  }
  Rewriter rw;
  rw.impl_ = std::move(impl);
  return rw;
}

namespace {

// The clause's text to rewrite. A list item whose core lost its lead-in ("to
// freedom of speech") gets it back: the holder and the modality live in the lead-in.
std::string CoreWithLeadIn(const Clause& clause) {
  std::string core = clause.core.empty() ? clause.unit.text : clause.core;
  const std::string& lead_in = clause.unit.lead_in;
  if (!lead_in.empty() && !core.empty() &&
      core.compare(0, std::min(core.size(), lead_in.size() / 2), lead_in, 0,
                   std::min(core.size(), lead_in.size() / 2)) != 0 &&
      (std::islower(static_cast<unsigned char>(core[0])) || StartsWith(core, "(") ||
       StartsWith(core, "To ")))
    core = lead_in + " " + (StartsWith(core, "To ") ? "to" + core.substr(2) : core);
  return core;
}

struct Rendering {
  const Template* used = nullptr;
  std::string body;
};

// The first of `candidates` (clause template indices) that applies to `kind`,
// is a fallback or not as asked, and renders `seg`.
Rendering RenderWith(const std::vector<int>& candidates, const std::string& seg, Kind kind,
                     bool fallback, const rewrite_internal::Rules& r) {
  for (int i : candidates) {
    const Template& t = r.clause_templates[static_cast<size_t>(i)];
    if (t.fallback != fallback || !t.AppliesTo(kind)) continue;
    if (std::optional<std::string> out = t.Render(seg, r.words)) return {&t, *out};
  }
  return {};
}

// The first segment a specific template renders; else the first segment by a fallback.
Rendering RenderSegments(const std::vector<std::string>& segs, Kind kind,
                         const rewrite_internal::Rules& r) {
  std::vector<int> first;
  for (const std::string& seg : segs) {
    std::vector<int> cands = r.clause_set.Candidates(seg);
    if (Rendering got = RenderWith(cands, seg, kind, false, r); got.used) return got;
    if (first.empty() && &seg == &segs.front()) first = std::move(cands);
  }
  return RenderWith(first, segs.front(), kind, true, r);
}

// A clause of several sentences ("All human beings are born free and equal
// in dignity and rights. They ... should act towards one another in a
// spirit of brotherhood.") names an idea in each: a later sentence that a
// specific template renders adds its part ("..., and that most encourages
// a spirit of brotherhood"). Sentences only a fallback would render add
// nothing (they would repeat the clause); so do sentences that open with
// a condition or an exception ("If ...", "However, ...": they qualify the
// first), and long renderings (a later sentence's own idea is short; a
// long one is mostly a template misreading a complex sentence). Returns the
// templates that added a part.
std::vector<const Template*> AddLaterSentences(const std::string& cleaned, Kind kind,
                                               const rewrite_internal::Rules& r,
                                               std::string* body) {
  constexpr size_t kMaxLaterPart = 100;
  auto qualifies = [&](const std::string& sentence) {
    size_t end = 0;
    while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
    return r.words.qualifying.count(AsciiLower(sentence.substr(0, end))) > 0;
  };
  std::vector<const Template*> more;
  std::string rest = cleaned;
  for (int extra = 0; extra < 2; ++extra) {
    std::string first = FirstSentence(rest);
    if (first.size() + 2 >= rest.size()) break;
    rest = rest.substr(first.size() + 2);
    std::string sentence = FirstSentence(rest);
    if (qualifies(sentence)) continue;
    Rendering later;
    for (const std::string& seg : Segments(sentence)) {
      later = RenderWith(r.clause_set.Candidates(seg), seg, kind, false, r);
      if (later.used) break;
    }
    if (!later.used) continue;
    const std::string body2 = TrimFragment(later.body);
    if (body2.size() <= kMaxLaterPart && body2 != TrimFragment(*body) &&
        TrimFragment(*body).find(", and that " + body2) == std::string::npos) {
      *body = TrimFragment(*body) + ", and that " + body2;
      more.push_back(later.used);
    }
  }
  return more;
}

size_t WordsIn(const std::string& s) {
  size_t words = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (std::isalnum(static_cast<unsigned char>(s[i])) && (i == 0 || s[i - 1] == ' ')) ++words;
  return words;
}

}  // namespace

Principle Rewriter::RewriteClause(const Clause& clause) const {
  const rewrite_internal::Rules& r = impl_->rules;
  std::vector<std::string> fired;
  std::string cleaned = Clean(CollapseSpaces(CoreWithLeadIn(clause)), r, &fired);
  std::vector<std::string> segs = Segments(FirstSentence(cleaned));
  if (segs.empty()) segs.push_back(TrimFragment(cleaned));
  Rendering rendered = RenderSegments(segs, clause.kind, r);
  const Template* used = rendered.used;
  std::string body = std::move(rendered.body);
  std::vector<const Template*> more;
  if (used && !used->fallback) more = AddLaterSentences(cleaned, clause.kind, r, &body);

  Principle p;
  // Nothing to say: the clause was only an opener or a qualifier
  // ("Notwithstanding anything in this Constitution—"), or it is a few words
  // that no specific template reads ("Fundamental Principles", "In
  // consequence:", a heading taken for text): "the principle that
  // fundamental Principles" is no principle.
  constexpr size_t kMinFallbackWords = 5;
  if ((!used || used->fallback) && WordsIn(segs.front()) < kMinFallbackWords) {
    // p.text stays empty: Rewrite() leaves the clause out.
  } else if (used) {
    p.text = Finish(body);
    p.polarity = used->polarity;
    p.template_id = used->id;
  } else {
    // No template at all for this kind: say it as a principle, faithfully.
    p.text = Finish("most respects the principle that " + LowerFirst(segs.front(), r.words));
    p.polarity = "most";
    p.template_id = "builtin";
  }
  p.id = HashHex(p.text);
  p.kind = KindName(clause.kind);
  p.topics = clause.topics;
  p.origin = "country";
  p.sources.push_back(rewrite_internal::SourceOf(clause));
  p.rules = clause.rules;
  for (const std::string& id : fired) p.rules.push_back(id);
  if (used) p.rules.push_back(used->rule_id);
  for (const Template* t : more) p.rules.push_back(t->rule_id);
  return p;
}

std::vector<Principle> Rewriter::Rewrite(const std::vector<Clause>& clauses) const {
  std::vector<Principle> out;
  for (size_t k = 0; k < clauses.size(); ++k) {
    const Clause& c = clauses[k];
    if (!c.principle) continue;
    // A lead-in on a line of its own ("All citizens shall have the right—")
    // is rewritten with each of its items, which carry its words; alone it
    // would make a principle without an object.
    if (k + 1 < clauses.size() && clauses[k + 1].principle &&
        IsLeadInOf(c.unit, clauses[k + 1].unit))
      continue;
    Principle p = RewriteClause(c);
    if (!p.text.empty()) out.push_back(std::move(p));
  }
  return out;
}

namespace {

// A statement's sentence without its final period, "!" and enclosing quotes
// ("“The AI should ...”").
std::string StripStatement(std::string s) {
  s = rewrite_internal::TrimSentenceEnd(s);
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (std::string_view q : {"\"", "\u201c", "\u201d", "!", "."}) {
      if (EndsWith(s, q))
        s = rewrite_internal::TrimSentenceEnd(s.substr(0, s.size() - q.size())), again = true;
      if (q.size() > 1 && StartsWith(s, q)) s = std::string(Trim(s.substr(q.size()))), again = true;
      if (q == "\"" && StartsWith(s, q)) s = std::string(Trim(s.substr(1))), again = true;
    }
  }
  return s;
}

// The sentences of a statement, where FirstSentence ends one.
std::vector<std::string> Sentences(std::string s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::string first = FirstSentence(s, /*short_lowercase=*/true);
    out.push_back(StripStatement(first));
    if (first.size() + 2 >= s.size()) break;
    s = s.substr(first.size() + 2);
  }
  return out;
}

// The first statement template that renders `s`.
Rendering RenderStatement(const std::string& s, const rewrite_internal::Rules& r) {
  for (int i : r.statement_set.Candidates(s)) {
    const Template& t = r.statement_templates[static_cast<size_t>(i)];
    if (std::optional<std::string> body = t.Render(s, r.words)) return {&t, *body};
  }
  return {};
}

}  // namespace

Result<Principle> Rewriter::RewriteStatement(std::string_view text, const Source& source) const {
  const rewrite_internal::Rules& r = impl_->rules;
  std::string original = CollapseSpaces(text);
  std::vector<std::string> fired;
  const std::string cleaned = Clean(original, r, &fired, /*statement=*/true);
  const std::string whole = StripStatement(cleaned);
  if (whole.empty() || EndsWith(Trim(original), "?"))
    return InvalidArgument("statement: not a statement about AI behaviour: " + original);
  // The first sentence says what the statement asks; the statement whole
  // when its first sentence alone is no statement about the AI.
  std::vector<std::string> sentences = Sentences(cleaned);
  Rendering got = RenderStatement(sentences.front(), r);
  if (!got.used || got.used->fallback) {
    sentences = {whole};
    got = RenderStatement(whole, r);
  }
  if (!got.used)
    return InvalidArgument("statement: not a statement about AI behaviour: " + original);
  // A template whose output starts with "!" names a statement that is no
  // response criterion (a property of the whole system: "AI should be
  // regulated"); the caller lists it as such.
  if (StartsWith(got.body, "!"))
    return InvalidArgument("statement: not a response criterion (" + got.body.substr(1) + ", " +
                           got.used->rule_id + "): " + original);
  std::string body = rewrite_internal::TrimSentenceEnd(got.body);
  std::vector<const Template*> used = {got.used};
  // A later sentence that asks something of the AI adds its part ("It should
  // not act human. It should not impersonate anyone." -> "... does not act
  // human, and that does not impersonate anyone"), as a clause's later
  // sentence does; one that asks nothing ("This is a fear of many.", "In
  // general.") or says the system is no response criterion adds nothing (the
  // source keeps the statement whole).
  for (size_t k = 1; k < sentences.size(); ++k) {
    Rendering later = RenderStatement(sentences[k], r);
    if (!later.used || later.used->fallback || StartsWith(later.body, "!")) continue;
    const std::string part = rewrite_internal::TrimSentenceEnd(later.body);
    if (part == body || body.find(", and that " + part) != std::string::npos) continue;
    body += ", and that " + part;
    used.push_back(later.used);
  }
  Principle p;
  p.text = std::string(kPrincipleOpening) + body + ".";
  p.id = HashHex(p.text);
  p.polarity = got.used->polarity;
  p.kind = "public";
  p.origin = "public";
  Source src = source;
  if (src.text.empty()) src.text = original;
  p.sources.push_back(std::move(src));
  p.template_id = got.used->id;
  p.rules = fired;
  for (const Template* t : used) p.rules.push_back(t->rule_id);
  return p;
}

}  // namespace charter
