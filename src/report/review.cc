#include "report/review.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "report/render.h"
#include "report/report.h"

namespace charter::report_internal {

namespace {

// The review page's own styles, added after the report's (render.cc). Colours
// keep a contrast of at least 4.5:1 on their backgrounds (WCAG AA).
const char kReviewCss[] = R"css(
.toolbar{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #d0d7de;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.toolbar label{white-space:nowrap}
.toolbar input[type=number]{width:4.5rem}
#progress{font-weight:600;margin:0}
.cand{border:1px solid #d0d7de;border-radius:6px;padding:.2rem .9rem .8rem;margin:1rem 0;content-visibility:auto;contain-intrinsic-size:auto 30rem}
.cand:focus{outline:3px solid #0969da;outline-offset:2px}
.cand[data-state=accept],.cand[data-state=edit]{border-left:6px solid #1a7f37}
.cand[data-state=reject]{border-left:6px solid #9a6700}
.cand[data-state=drop]{border-left:6px solid #57606a}
body{overflow-wrap:break-word}
li,.cand{overflow-wrap:anywhere}
.sides{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
.sides h4{margin:.4rem 0 .2rem;font-size:.95rem}
.sides p{margin:.2rem 0}
del{background:#ffebe9;color:#82071e;text-decoration:line-through}
ins{background:#dafbe1;color:#0f5323;text-decoration:none}
.actions button,.toolbar button,.editor button{font:inherit;padding:.25rem .8rem;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa;color:#1b1f24;cursor:pointer}
.actions button[aria-pressed=true]{background:#0969da;border-color:#0969da;color:#fff}
.editor textarea,#export-text{width:100%;box-sizing:border-box;font:inherit;min-height:5rem}
.state{color:#57606a;margin:.3rem 0}
.keys{color:#57606a}
@media (max-width:700px){.sides{grid-template-columns:minmax(0,1fr)}body{margin:1rem auto}}
)css";

// Runs in the page; no network, no external resource. State per candidate
// (or conflict): {a: action ("" = pending), t: edited text}, in localStorage
// under the report's key, over the decisions the report was built with
// (data-decision). A template: ReviewScript fills in the decision keys
// (@ACTS@) and the key that opens the editor (@EDIT_KEY@).
const char kReviewJs[] = R"js(
(function () {
  'use strict';
  var root = document.getElementById('review');
  if (!root) return;
  var key = 'charter-review:' + root.getAttribute('data-key');
  var cards = Array.prototype.slice.call(root.querySelectorAll('article.cand'));
  var byId = {};
  cards.forEach(function (c) { byId[c.getAttribute('data-id')] = c; });
  var fState = document.getElementById('f-state'), fTopic = document.getElementById('f-topic');
  var fMin = document.getElementById('f-min'), fMax = document.getElementById('f-max');
  var progress = document.getElementById('progress'), shownEl = document.getElementById('shown');
  var out = document.getElementById('export-text');
  var saved = {};
  try { saved = JSON.parse(window.localStorage.getItem(key) || '{}') || {}; } catch (e) { saved = {}; }
  function store() {
    try { window.localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* private mode */ }
  }
  function stateOf(c) {
    var s = saved[c.getAttribute('data-id')];
    if (s) return s;
    var a = c.getAttribute('data-decision') || '';
    return { a: a, t: c.getAttribute('data-decided') || '' };
  }
  function show(c) {
    var s = stateOf(c);
    c.setAttribute('data-state', s.a || 'pending');
    var label = c.querySelector('.state');
    label.textContent = s.a ? 'Decided: ' + s.a + (s.a === 'edit' ? ' \u2014 ' + s.t : '') : 'Awaiting review';
    Array.prototype.forEach.call(c.querySelectorAll('.actions button'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-act') === s.a ? 'true' : 'false');
    });
  }
  function count() {
    var n = 0;
    cards.forEach(function (c) { if (c.getAttribute('data-state') !== 'pending') n++; });
    progress.textContent = n + ' of ' + cards.length + ' decided';
  }
  function filter() {
    var st = fState.value, tp = fTopic.value;
    var lo = parseFloat(fMin.value), hi = parseFloat(fMax.value);
    if (isNaN(lo)) lo = 0;
    if (isNaN(hi)) hi = 1;
    var shown = 0;
    cards.forEach(function (c) {
      var sim = parseFloat(c.getAttribute('data-sim'));
      var pending = c.getAttribute('data-state') === 'pending';
      var ok = (st === 'all' || (st === 'pending') === pending) &&
               (!tp || (' ' + c.getAttribute('data-topics') + ' ').indexOf(' ' + tp + ' ') >= 0) &&
               sim >= lo - 1e-9 && sim <= hi + 1e-9;
      c.hidden = !ok;
      if (ok) shown++;
    });
    shownEl.textContent = shown + ' shown';
  }
  function decide(c, a, t) {
    saved[c.getAttribute('data-id')] = { a: a, t: t || '' };
    store();
    show(c);
    count();
    var next = a ? nextVisible(c, 1) : null;
    filter();
    if (next && !next.hidden) next.focus();
    else if (!c.hidden) c.focus();
  }
  function nextVisible(c, step) {
    var i = cards.indexOf(c);
    for (var k = i + step; k >= 0 && k < cards.length; k += step)
      if (!cards[k].hidden) return cards[k];
    return null;
  }
  function current() {
    var el = document.activeElement;
    var c = el && el.closest ? el.closest('article.cand') : null;
    if (c && !c.hidden) return c;
    for (var i = 0; i < cards.length; i++) if (!cards[i].hidden) return cards[i];
    return null;
  }
  function openEditor(c) {
    var ed = c.querySelector('.editor'), ta = ed.querySelector('textarea');
    var s = stateOf(c);
    ta.value = s.a === 'edit' ? s.t : c.getAttribute('data-suggested');
    ed.hidden = false;
    ta.focus();
  }
  function saveEdit(c) {
    var ed = c.querySelector('.editor');
    var t = ed.querySelector('textarea').value.replace(/\s+/g, ' ').trim();
    if (!t) return;
    ed.hidden = true;
    decide(c, 'edit', t);
  }
  function exportText() {
    var lines = ['# Reviewer decisions for ' + root.getAttribute('data-key') +
                 ', exported from report.html. Run again with --decisions FILE.'];
    cards.forEach(function (c) {
      var s = stateOf(c);
      if (!s.a) return;
      lines.push(c.getAttribute('data-id') + '\t' + s.a + (s.a === 'edit' ? '\t' + s.t : ''));
    });
    return lines.join('\n') + '\n';
  }
  root.addEventListener('click', function (ev) {
    var b = ev.target.closest ? ev.target.closest('button[data-act]') : null;
    if (!b) return;
    var c = b.closest('article.cand'), act = b.getAttribute('data-act');
    if (act === 'edit') openEditor(c);
    else if (act === 'save') saveEdit(c);
    else if (act === 'cancel') { c.querySelector('.editor').hidden = true; c.focus(); }
    else if (act === 'undo') decide(c, '', '');
    else decide(c, act, '');
  });
  document.getElementById('export').addEventListener('click', function () {
    var text = exportText();
    out.value = text;
    out.hidden = false;
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/tab-separated-values' }));
    a.download = 'decisions.tsv';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  [fState, fTopic, fMin, fMax].forEach(function (el) {
    el.addEventListener('input', filter);
    el.addEventListener('change', filter);
  });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target, tag = t && t.tagName;
    if (tag === 'TEXTAREA' && t.closest('.editor')) {
      var c0 = t.closest('article.cand');
      if (ev.key === 'Escape') { t.closest('.editor').hidden = true; c0.focus(); ev.preventDefault(); }
      else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { saveEdit(c0); ev.preventDefault(); }
      return;
    }
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var c = current();
    if (!c) return;
    var acts = @ACTS@;
    if (ev.key === 'j' || ev.key === 'k') {
      var n = document.activeElement && document.activeElement.closest &&
              document.activeElement.closest('article.cand') ? nextVisible(c, ev.key === 'j' ? 1 : -1) : c;
      if (n) { n.focus(); n.scrollIntoView({ block: 'nearest' }); }
    } else if (ev.key === @EDIT_KEY@) {
      openEditor(c);
    } else if (Object.prototype.hasOwnProperty.call(acts, ev.key)) {
      decide(c, acts[ev.key], '');
    } else {
      return;
    }
    ev.preventDefault();
  });
  cards.forEach(show);
  count();
  filter();
  root.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  root.setAttribute('data-ready', 'true');
})();
)js";

// The global page's styles, after kReviewCss: a decided conflict's mark; a
// figure wider than a phone scrolls on its own (focusable, so a keyboard
// scrolls it too), not the page.
const char kGlobalCss[] = R"css(
.cand[data-state=keep-a],.cand[data-state=keep-b]{border-left:6px solid #1a7f37}
.cand[data-state=keep-both]{border-left:6px solid #9a6700}
.cand[data-state=drop-both]{border-left:6px solid #57606a}
.entry{color:#3d444d}
figure{margin:1rem 0;overflow-x:auto}
td{overflow-wrap:anywhere}
)css";

// "1 document", "2 documents".
std::string Documents(size_t n) {
  return std::to_string(n) + (n == 1 ? " document" : " documents");
}

// kReviewJs with its slots filled: `acts`, a JavaScript object from key to
// decision; `edit_key`, a JavaScript expression for the key that opens the
// editor (null: no editor).
std::string ReviewScript(std::string_view acts, std::string_view edit_key) {
  std::string js = kReviewJs;
  js.replace(js.find("@ACTS@"), 6, acts);
  js.replace(js.find("@EDIT_KEY@"), 10, edit_key);
  return js;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Attr(std::string_view s) { return HtmlEscape(s); }

std::string Similarity(float x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(x));
  return buf;
}

void SourcesHtml(const Principle& p, std::string* out) {
  if (p.sources.empty()) return;
  *out += "<ul class=\"sources\">\n";
  for (const Source& s : p.sources) {
    *out += "<li><i>" + HtmlEscape(CiteSource(s)) + "</i>";
    if (!s.text.empty() && s.text != p.text) *out += ": <q>" + HtmlEscape(s.text) + "</q>";
    if (!s.note.empty()) *out += " (" + HtmlEscape(s.note) + ")";
    *out += "</li>\n";
  }
  *out += "</ul>\n";
}

void Candidate(const MergeCandidate& c, std::string* out) {
  std::string topics;
  for (const std::string& t : c.country.topics) topics += (topics.empty() ? "" : " ") + t;
  *out += "<article class=\"cand\" id=\"cand-" + Attr(c.id) + "\" tabindex=\"-1\" data-id=\"" +
          Attr(c.id) + "\" data-sim=\"" + Similarity(c.similarity) + "\" data-topics=\"" +
          Attr(topics) + "\" data-decision=\"" + Attr(c.decision) + "\" data-decided=\"" +
          Attr(c.decision == "edit" ? c.decided_text : "") + "\" data-suggested=\"" +
          Attr(c.suggested.text) + "\" aria-labelledby=\"h-" + Attr(c.id) + "\">\n";
  *out += "<h3 id=\"h-" + Attr(c.id) + "\">Candidate <code>" + HtmlEscape(c.id) +
          "</code> — similarity " + Similarity(c.similarity) + "</h3>\n";
  std::string shares;
  if (!c.shared_ideas.empty()) {
    shares = "Both state the idea" + std::string(c.shared_ideas.size() > 1 ? "s " : " ");
    for (size_t i = 0; i < c.shared_ideas.size(); ++i)
      shares += (i ? ", " : "") + std::string("<code>") + HtmlEscape(c.shared_ideas[i]) + "</code>";
    shares += ".";
  }
  if (!topics.empty())
    shares += std::string(shares.empty() ? "" : " ") + "Topics: " + HtmlEscape(topics) + ".";
  if (!shares.empty()) *out += "<p class=\"shares\">" + shares + "</p>\n";
  *out += "<div class=\"sides\">\n<div><h4>Base <code>" + HtmlEscape(c.base.id) +
          "</code></h4>\n<p>" + WordDiffHtml(c.base.text, c.country.text, true) + "</p>\n";
  SourcesHtml(c.base, out);
  *out += "</div>\n<div><h4>Country</h4>\n<p>" + WordDiffHtml(c.base.text, c.country.text, false) +
          "</p>\n";
  SourcesHtml(c.country, out);
  *out += "</div>\n</div>\n<p><b>Suggested</b> (what it adds to the base): " +
          WordDiffHtml(c.base.text, c.suggested.text, false) + "</p>\n";
  *out +=
      "<div class=\"actions\" role=\"group\" aria-label=\"Decision\">"
      "<button type=\"button\" data-act=\"accept\" aria-pressed=\"false\">Accept</button> "
      "<button type=\"button\" data-act=\"edit\" aria-pressed=\"false\">Edit</button> "
      "<button type=\"button\" data-act=\"reject\" aria-pressed=\"false\">Reject</button> "
      "<button type=\"button\" data-act=\"drop\" aria-pressed=\"false\">Drop</button> "
      "<button type=\"button\" data-act=\"undo\">Undo</button></div>\n";
  *out += "<div class=\"editor\" hidden><label for=\"ed-" + Attr(c.id) +
          "\">Merged text (Ctrl+Enter saves, Esc cancels)</label>\n<textarea id=\"ed-" +
          Attr(c.id) +
          "\"></textarea>\n<button type=\"button\" data-act=\"save\">Save edit</button> "
          "<button type=\"button\" data-act=\"cancel\">Cancel</button></div>\n";
  std::string state = "Awaiting review";
  if (!c.decision.empty()) state = "Decided: " + c.decision;
  *out += "<p class=\"state\" aria-live=\"polite\">" + HtmlEscape(state) + "</p>\n</article>\n";
}

// The global principles by id, kept and dropped: id -> (entry, whether a
// decision dropped it).
using EntryIndex = std::map<std::string, std::pair<const GlobalEntry*, bool>>;

EntryIndex IndexEntries(const GlobalPlan& plan) {
  EntryIndex out;
  for (const GlobalEntry& e : plan.entries) out.emplace(e.principle.id, std::pair{&e, false});
  for (const GlobalEntry& e : plan.dropped) out.emplace(e.principle.id, std::pair{&e, true});
  return out;
}

// "deu, gha" -> {"deu", "gha"}.
std::vector<std::string> Countries(const std::string& side) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= side.size()) {
    size_t j = side.find(", ", i);
    if (j == std::string::npos) j = side.size();
    if (j > i) out.push_back(side.substr(i, j - i));
    i = j + 2;
  }
  return out;
}

// What the two sides of a conflict of this kind are, in words.
std::string ConflictWhy(const Conflict& c) {
  std::string rule = c.rule.empty() ? "" : " (rule <code>" + HtmlEscape(c.rule) + "</code>)";
  std::string on = "<code>" + HtmlEscape(c.label_a) + "</code> against <code>" +
                   HtmlEscape(c.label_b) + "</code>";
  if (c.kind == "negation")
    return "The same idea with opposite stances: side A <code>" + HtmlEscape(c.label_a) +
           "</code> it, side B <code>" + HtmlEscape(c.label_b) + "</code> it";
  if (c.kind == "idea") return "Ideas that cannot both hold: " + on + rule;
  return "Value declarations that cannot both hold: " + on + rule;
}

void ConflictSide(const Conflict& c, bool side_a, const EntryIndex& entries, std::string* out) {
  const Principle& p = side_a ? c.a : c.b;
  const std::string& who = side_a ? c.side_a : c.side_b;
  const std::string& label = side_a ? c.label_a : c.label_b;
  const std::string& entry_id = side_a ? c.entry_a : c.entry_b;
  std::vector<std::string> countries = Countries(who);
  *out += std::string("<div><h4>") + (side_a ? "A" : "B") + ": <code>" + HtmlEscape(label) +
          "</code></h4>\n<p class=\"who\">Stated by " + Documents(countries.size()) + ": " +
          HtmlEscape(who) + "</p>\n";
  *out += "<p>" + WordDiffHtml(c.a.text, c.b.text, side_a) + "</p>\n";
  auto it = entries.find(entry_id);
  if (it != entries.end()) {
    const GlobalEntry& e = *it->second.first;
    std::string in = it->second.second ? "Dropped from the global constitution by a decision: "
                                       : "In the global constitution: ";
    if (e.principle.text != p.text || it->second.second)
      *out += "<p class=\"entry\">" + in + "<q>" + HtmlEscape(e.principle.text) + "</q> (" +
              Documents(e.countries.size()) + ").</p>\n";
  }
  SourcesHtml(p, out);
  *out += "</div>\n";
}

void ConflictCard(const Conflict& c, const EntryIndex& entries, std::string* out) {
  std::vector<std::string> tokens = Countries(c.side_a);
  for (const std::string& t : Countries(c.side_b)) tokens.push_back(t);
  tokens.push_back(c.label_a);
  tokens.push_back(c.label_b);
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  std::string topics;
  for (const std::string& t : tokens) topics += (topics.empty() ? "" : " ") + t;
  *out += "<article class=\"cand\" id=\"conflict-" + Attr(c.id) + "\" tabindex=\"-1\" data-id=\"" +
          Attr(c.id) + "\" data-sim=\"" + Similarity(c.similarity) + "\" data-topics=\"" +
          Attr(topics) + "\" data-decision=\"" + Attr(c.decision) +
          "\" data-decided=\"\" data-suggested=\"\" aria-labelledby=\"h-" + Attr(c.id) + "\">\n";
  *out += "<h3 id=\"h-" + Attr(c.id) + "\">Conflict <code>" + HtmlEscape(c.id) + "</code> — " +
          HtmlEscape(c.label_a) + " vs " + HtmlEscape(c.label_b) + "</h3>\n";
  *out +=
      "<p class=\"shares\">" + ConflictWhy(c) + "; similarity " + Similarity(c.similarity) + ".";
  if (!c.entry_a.empty() && c.entry_a == c.entry_b)
    *out += " One global principle states both sides: keeping either side keeps it.";
  *out += "</p>\n<div class=\"sides\">\n";
  ConflictSide(c, true, entries, out);
  ConflictSide(c, false, entries, out);
  *out +=
      "</div>\n<div class=\"actions\" role=\"group\" aria-label=\"Decision\">"
      "<button type=\"button\" data-act=\"keep-a\" aria-pressed=\"false\">Keep A</button> "
      "<button type=\"button\" data-act=\"keep-b\" aria-pressed=\"false\">Keep B</button> "
      "<button type=\"button\" data-act=\"keep-both\" aria-pressed=\"false\">Keep both</button> "
      "<button type=\"button\" data-act=\"drop-both\" aria-pressed=\"false\">Drop both</button> "
      "<button type=\"button\" data-act=\"undo\">Undo</button></div>\n";
  std::string state = c.decision.empty() ? "Awaiting review" : "Decided: " + c.decision;
  *out += "<p class=\"state\" aria-live=\"polite\">" + HtmlEscape(state) + "</p>\n</article>\n";
}

void ChangedSources(const Principle& before, const Principle& after, std::string* out) {
  std::map<std::string, const Source*> old_by_cite, new_by_cite;
  for (const Source& s : before.sources) old_by_cite.emplace(s.cite, &s);
  for (const Source& s : after.sources) new_by_cite.emplace(s.cite, &s);
  std::string items;
  for (const Source& s : after.sources) {
    auto it = old_by_cite.find(s.cite);
    if (it == old_by_cite.end()) {
      items += "<li><ins>new clause</ins> <i>" + HtmlEscape(CiteSource(s)) + "</i>: <q>" +
               HtmlEscape(s.text) + "</q></li>\n";
    } else if (it->second->text != s.text) {
      items += "<li>changed clause <i>" + HtmlEscape(CiteSource(s)) +
               "</i>: " + WordDiffHtml(it->second->text, s.text, false) +
               " <br>was: " + WordDiffHtml(it->second->text, s.text, true) + "</li>\n";
    }
  }
  for (const Source& s : before.sources)
    if (!new_by_cite.count(s.cite))
      items += "<li><del>clause no longer cited</del> <i>" + HtmlEscape(CiteSource(s)) +
               "</i>: <q>" + HtmlEscape(s.text) + "</q></li>\n";
  if (items.empty()) items = "<li>The same clauses; the wording of the principle changed.</li>\n";
  *out += "<ul class=\"sources\">\n" + items + "</ul>\n";
}

}  // namespace

std::string WordDiffHtml(std::string_view before, std::string_view after, bool side_before) {
  std::vector<std::string_view> a = Words(before), b = Words(after);
  const size_t n = a.size(), m = b.size();
  // lcs[i][j]: common subsequence length of a[i..] and b[j..].
  std::vector<unsigned> lcs((n + 1) * (m + 1), 0);
  auto L = [&](size_t i, size_t j) -> unsigned& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      L(i, j) = a[i] == b[j] ? L(i + 1, j + 1) + 1 : std::max(L(i + 1, j), L(i, j + 1));
  std::string out;
  bool open = false;
  const char* tag = side_before ? "del" : "ins";
  auto word = [&](std::string_view w, bool changed) {
    if (changed && !open) {
      if (!out.empty()) out += ' ';
      out += std::string("<") + tag + ">";
      open = true;
    } else if (!changed && open) {
      out += std::string("</") + tag + ">";
      open = false;
      out += ' ';
    } else if (!out.empty()) {
      out += ' ';
    }
    AppendHtmlEscaped(&out, w);
  };
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      word(side_before ? a[i] : b[j], false);
      ++i, ++j;
    } else if (j < m && (i == n || L(i, j + 1) >= L(i + 1, j))) {
      if (!side_before) word(b[j], true);
      ++j;
    } else {
      if (side_before) word(a[i], true);
      ++i;
    }
  }
  if (open) out += std::string("</") + tag + ">";
  return out;
}

std::string ReviewSection(const MergePlan& plan) {
  std::string out = "<style>";
  out += kReviewCss;
  out += "</style>\n";
  size_t decided = 0;
  std::set<std::string> topics;
  for (const MergeCandidate& c : plan.candidates) {
    if (!c.decision.empty()) ++decided;
    for (const std::string& t : c.country.topics) topics.insert(t);
  }
  std::string key = (plan.country.empty() ? "country" : plan.country) + "|" + plan.base_name;
  out += "<section id=\"review\" data-key=\"" + Attr(key) + "\" aria-labelledby=\"candidates\">\n";
  out += "<h2 id=\"candidates\">Merge candidates (" + std::to_string(plan.candidates.size()) +
         ")</h2>\n";
  if (plan.candidates.empty()) {
    out += "<p>None.</p>\n</section>\n";
    return out;
  }
  out +=
      "<p>Decide each candidate here: your decisions stay in this browser; <b>Export "
      "decisions</b> gives the file to run again with <code>--decisions FILE</code> (one "
      "line each: <code>&lt;candidate id&gt; accept|edit &lt;text&gt;|reject|drop</code>). "
      "<b>Accept</b> merges the suggested text into the base principle, <b>Edit</b> merges "
      "your own text, <b>Reject</b> keeps both (not the same idea), <b>Drop</b> drops the "
      "country principle (the base already says it).</p>\n"
      "<p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> accept, "
      "<kbd>e</kbd> edit, <kbd>r</kbd> reject, <kbd>d</kbd> drop, <kbd>u</kbd> undo.</p>\n";
  out += "<div class=\"toolbar\">\n<p id=\"progress\" aria-live=\"polite\">" +
         std::to_string(decided) + " of " + std::to_string(plan.candidates.size()) +
         " decided</p>\n";
  out +=
      "<label>Show <select id=\"f-state\"><option value=\"all\">all</option>"
      "<option value=\"pending\">awaiting review</option><option value=\"decided\">decided"
      "</option></select></label>\n<label>Topic <select id=\"f-topic\"><option "
      "value=\"\">any</option>";
  for (const std::string& t : topics)
    out += "<option value=\"" + Attr(t) + "\">" + HtmlEscape(t) + "</option>";
  out +=
      "</select></label>\n<label>Similarity from <input id=\"f-min\" type=\"number\" "
      "min=\"0\" max=\"1\" step=\"0.05\" value=\"0\"></label>\n<label>to <input id=\"f-max\" "
      "type=\"number\" min=\"0\" max=\"1\" step=\"0.05\" value=\"1\"></label>\n<span "
      "id=\"shown\">" +
      std::to_string(plan.candidates.size()) +
      " shown</span>\n<button type=\"button\" id=\"export\">Export decisions</button>\n</div>\n"
      "<textarea id=\"export-text\" readonly hidden aria-label=\"Decisions file\"></textarea>\n";
  for (const MergeCandidate& c : plan.candidates) Candidate(c, &out);
  out += "<script>";
  out += ReviewScript("{ a: 'accept', r: 'reject', d: 'drop', u: '' }", "'e'");
  out += "</script>\n</section>\n";
  return out;
}

std::string ConflictReviewSection(const GlobalPlan& plan) {
  std::string out = "<style>";
  out += kReviewCss;
  out += kGlobalCss;
  out += "</style>\n";
  const size_t n = plan.conflicts.size();
  out += "<section id=\"review\" data-key=\"global\" aria-labelledby=\"conflicts\">\n";
  out += "<h2 id=\"conflicts\">Conflicts (" + std::to_string(n) + ")</h2>\n";
  if (n == 0) {
    out += "<p>None found.</p>\n</section>\n";
    return out;
  }
  std::set<std::string> countries, labels;
  for (const Conflict& c : plan.conflicts) {
    for (const std::string& s : Countries(c.side_a)) countries.insert(s);
    for (const std::string& s : Countries(c.side_b)) countries.insert(s);
    labels.insert(c.label_a);
    labels.insert(c.label_b);
  }
  out +=
      "<p>Pairs that cannot both hold, each side with the documents that state it. Decide "
      "which side stays in the global constitution: your decisions stay in this browser; "
      "<b>Export decisions</b> gives the file to run again with <code>charter merge --global "
      "--decisions FILE</code> (one line each: <code>&lt;conflict id&gt; "
      "keep-a|keep-b|keep-both|drop-both</code>). <b>Keep A</b> drops side B's principle, "
      "<b>Keep B</b> drops side A's, <b>Keep both</b> keeps both (they can both hold), "
      "<b>Drop both</b> drops both.</p>\n"
      "<p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> keep A, "
      "<kbd>b</kbd> keep B, <kbd>o</kbd> keep both, <kbd>x</kbd> drop both, <kbd>u</kbd> "
      "undo.</p>\n";
  out += "<div class=\"toolbar\">\n<p id=\"progress\" aria-live=\"polite\">" +
         std::to_string(n - plan.Pending()) + " of " + std::to_string(n) + " decided</p>\n";
  out +=
      "<label>Show <select id=\"f-state\"><option value=\"all\">all</option>"
      "<option value=\"pending\">awaiting review</option><option value=\"decided\">decided"
      "</option></select></label>\n<label>Document or idea <select id=\"f-topic\"><option "
      "value=\"\">any</option><optgroup label=\"Documents\">";
  for (const std::string& t : countries)
    out += "<option value=\"" + Attr(t) + "\">" + HtmlEscape(t) + "</option>";
  out += "</optgroup><optgroup label=\"Ideas\">";
  for (const std::string& t : labels)
    out += "<option value=\"" + Attr(t) + "\">" + HtmlEscape(t) + "</option>";
  out +=
      "</optgroup></select></label>\n<label>Similarity from <input id=\"f-min\" "
      "type=\"number\" min=\"-1\" max=\"1\" step=\"0.05\" value=\"-1\"></label>\n<label>to "
      "<input id=\"f-max\" type=\"number\" min=\"-1\" max=\"1\" step=\"0.05\" "
      "value=\"1\"></label>\n<span id=\"shown\">" +
      std::to_string(n) +
      " shown</span>\n<button type=\"button\" id=\"export\">Export decisions</button>\n</div>\n"
      "<textarea id=\"export-text\" readonly hidden aria-label=\"Decisions file\"></textarea>\n";
  const EntryIndex entries = IndexEntries(plan);
  for (const Conflict& c : plan.conflicts) ConflictCard(c, entries, &out);
  out += "<script>";
  out +=
      ReviewScript("{ a: 'keep-a', b: 'keep-b', o: 'keep-both', x: 'drop-both', u: '' }", "null");
  out += "</script>\n</section>\n";
  return out;
}

std::string DiffPage(const PrincipleDiff& diff) {
  HtmlSink page;
  page.Begin("Charter diff: " + diff.options.old_name + " → " + diff.options.new_name);
  std::string out = "<style>";
  out += kReviewCss;
  out += "</style>\n";
  auto row = [](const char* k, size_t v) {
    return "<tr><td>" + std::string(k) + "</td><td>" + std::to_string(v) + "</td></tr>\n";
  };
  out +=
      "<h2 id=\"summary\">Summary</h2>\n<table>\n<tr><th scope=\"col\">principles</th><th "
      "scope=\"col\">count</th></tr>\n" +
      row("before", diff.old_count) + row("after", diff.new_count) +
      row("added", diff.added.size()) + row("removed", diff.removed.size()) +
      row("changed", diff.changed.size()) + row("unchanged", diff.unchanged.size()) + "</table>\n";
  out += "<h2 id=\"changed\">Changed (" + std::to_string(diff.changed.size()) + ")</h2>\n";
  if (diff.changed.empty()) out += "<p>None.</p>\n";
  for (const PrincipleChange& c : diff.changed) {
    out += "<article class=\"cand\">\n<h3>Similarity " + Similarity(c.similarity) + "</h3>\n";
    out += "<div class=\"sides\">\n<div><h4>Before</h4>\n<p>" +
           WordDiffHtml(c.before.text, c.after.text, true) +
           "</p></div>\n<div><h4>After</h4>\n<p>" +
           WordDiffHtml(c.before.text, c.after.text, false) + "</p></div>\n</div>\n";
    out += "<h4>Clauses that changed</h4>\n";
    ChangedSources(c.before, c.after, &out);
    out += "</article>\n";
  }
  out += "<h2 id=\"added\">Added (" + std::to_string(diff.added.size()) + ")</h2>\n";
  if (diff.added.empty()) out += "<p>None.</p>\n";
  for (const Principle& p : diff.added) {
    out += "<article class=\"cand\">\n<p><ins>" + HtmlEscape(p.text) + "</ins></p>\n";
    SourcesHtml(p, &out);
    out += "</article>\n";
  }
  out += "<h2 id=\"removed\">Removed (" + std::to_string(diff.removed.size()) + ")</h2>\n";
  if (diff.removed.empty()) out += "<p>None.</p>\n";
  for (const Principle& p : diff.removed) {
    out += "<article class=\"cand\">\n<p><del>" + HtmlEscape(p.text) + "</del></p>\n";
    SourcesHtml(p, &out);
    out += "</article>\n";
  }
  page.Raw(out);
  return page.End();
}

}  // namespace charter::report_internal
