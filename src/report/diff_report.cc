// diff_report.cc — a diff of two principle sets as a report (JSON,
// Markdown; the HTML page is review.h's DiffPage).
#include <string>
#include <vector>

#include "core/text.h"
#include "merge/principle_io.h"
#include "report/pieces.h"
#include "report/render.h"
#include "report/report.h"
#include "report/review.h"

namespace charter {

using namespace report_internal;

std::string DiffJson(const PrincipleDiff& d) {
  std::string out;
  JsonWriter w(&out, 1);
  BeginReport(w, "diff");
  WriteString(w, "old", d.options.old_name);
  WriteString(w, "new", d.options.new_name);
  WriteNumber(w, "threshold", d.options.changed);
  w.Key("summary");
  w.BeginObject();
  WriteCount(w, "old", d.old_count);
  WriteCount(w, "new", d.new_count);
  WriteCount(w, "unchanged", d.unchanged.size());
  WriteCount(w, "changed", d.changed.size());
  WriteCount(w, "removed", d.removed.size());
  WriteCount(w, "added", d.added.size());
  w.EndObject();
  WritePrinciples(w, "added", d.added);
  WritePrinciples(w, "removed", d.removed);
  WriteArray(w, "changed", d.changed, [&](const PrincipleChange& c) {
    WritePrinciplePair(w, c.similarity, "before", c.before, "after", c.after);
  });
  w.EndObject();
  out += '\n';
  return out;
}

std::string DiffHtml(const PrincipleDiff& d) { return report_internal::DiffPage(d); }

std::string DiffMarkdown(const PrincipleDiff& d) {
  MarkdownSink md;
  md.Begin("Charter diff: " + d.options.old_name + " → " + d.options.new_name);
  auto row = CountRow;
  md.Table({"", "count"},
           {row("Principles before", d.old_count), row("Principles after", d.new_count),
            row("Unchanged", d.unchanged.size()), row("Changed", d.changed.size()),
            row("Removed", d.removed.size()), row("Added", d.added.size())});
  md.Heading(2, "Added (" + std::to_string(d.added.size()) + ")", "added");
  std::vector<Item> items;
  for (const Principle& p : d.added) {
    items.push_back({0, {{'b', "+ "}, {'p', p.text}}});
    Append(&items, SourceItems(p, 1));
  }
  if (items.empty()) md.Para({{'p', "None."}});
  md.Items(items);
  md.Heading(2, "Removed (" + std::to_string(d.removed.size()) + ")", "removed");
  items.clear();
  for (const Principle& p : d.removed) {
    items.push_back({0, {{'b', "− "}, {'p', p.text}}});
    Append(&items, SourceItems(p, 1));
  }
  if (items.empty()) md.Para({{'p', "None."}});
  md.Items(items);
  md.Heading(2, "Changed (" + std::to_string(d.changed.size()) + ")", "changed");
  items.clear();
  for (const PrincipleChange& c : d.changed) {
    items.push_back({0, {{'b', "before: "}, {'p', c.before.text}}});
    Append(&items, SourceItems(c.before, 1));
    items.push_back({0, {{'b', "after: "}, {'p', c.after.text}}});
    Append(&items, SourceItems(c.after, 1));
    items.push_back({1, {{'p', "similarity " + Fixed(c.similarity, 3)}}});
  }
  if (items.empty()) md.Para({{'p', "None."}});
  md.Items(items);
  return md.End();
}
}  // namespace charter
