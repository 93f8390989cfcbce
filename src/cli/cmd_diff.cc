// cmd_diff.cc — `charter diff OLD NEW [--json|--html] [--out FILE]`: principles
// added, removed and changed between two principle sets (.jsonl/.json) or two
// versions of one constitution (any other file: run through the pipeline),
// with citations. Markdown by default.
#include <iostream>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "core/io.h"
#include "merge/diff.h"
#include "merge/principle_io.h"
#include "report/report.h"

namespace charter::cli {

namespace {

struct DiffCmdOptions {
  std::string before;
  std::string after;
  bool json = false;
  bool html = false;
  std::string out = "-";
  std::optional<float> threshold;  // default: diff.changed of rules/thresholds.tsv
  ConvertSettings settings;
};

Result<std::vector<Principle>> Side(ConvertContext& ctx, const std::string& path) {
  if (path.ends_with(".jsonl") || path.ends_with(".json")) {
    auto bytes = ReadFile(path);
    if (!bytes) return std::unexpected(bytes.error());
    return ParseBaseConstitution(*bytes, path);
  }
  auto bytes = ReadFile(path);
  if (!bytes) return std::unexpected(bytes.error());
  auto c = ctx.ConvertDocument({path, std::move(*bytes)});
  if (!c) return std::unexpected(c.error());
  return std::move(c->principles);
}

int Run(const DiffCmdOptions& o) {
  auto ctx = OpenConvertContext(o.settings);
  if (!ctx) return Fail(ctx.error().message);
  auto before = Side(**ctx, o.before);
  if (!before) return Fail(before.error().message);
  auto after = Side(**ctx, o.after);
  if (!after) return Fail(after.error().message);
  auto tools = (*ctx)->Tools(o.settings.lang.empty() ? "en" : o.settings.lang);
  if (!tools) return Fail(tools.error().message);
  DiffOptions d;
  d.changed = o.threshold.value_or((*ctx)->inputs().thresholds.diff_changed);
  d.old_name = o.before;
  d.new_name = o.after;
  PrincipleDiff diff = DiffPrinciples(*before, *after, *tools, d);
  Status st = WriteFileAtomic(o.out, o.json   ? DiffJson(diff)
                                     : o.html ? DiffHtml(diff)
                                              : DiffMarkdown(diff));
  if (!st) return Fail(st.error().message);
  std::cerr << "diff: " << diff.added.size() << " added, " << diff.removed.size() << " removed, "
            << diff.changed.size() << " changed, " << diff.unchanged.size() << " unchanged\n";
  return kExitOk;
}

}  // namespace

Command DiffCommand() {
  return {"diff", "Principles added, removed and changed between two versions",
          [](CLI::App* sub) -> std::function<int()> {
            auto o = std::make_shared<DiffCmdOptions>();
            sub->add_option("OLD", o->before, "Old principles (.jsonl/.json) or constitution text")
                ->required();
            sub->add_option("NEW", o->after, "New principles or constitution text")->required();
            auto* json = sub->add_flag("--json", o->json, "JSON instead of Markdown");
            sub->add_flag("--html", o->html,
                          "One self-contained HTML page (word diffs, the clauses that changed)")
                ->excludes(json);
            sub->add_option("--out", o->out, "Output file ('-' = stdout)")->capture_default_str();
            sub->add_option("--threshold", o->threshold,
                            "Cosine at which two principles are one principle reworded" +
                                ThresholdDefault("diff.changed"))
                ->check(CLI::Range(0.0f, 1.0f));
            sub->add_option("--lang", o->settings.lang,
                            "Language of the rules (default: detected)");
            sub->add_option("--rules", o->settings.rules_root, "Rules folder");
            sub->add_option("--models", o->settings.models_root, "Models folder");
            sub->footer(
                "Example: charter diff constitution-2010.txt constitution-2024.txt\n"
                "         charter diff out/v1/principles.jsonl out/v2/principles.jsonl --json\n"
                "         charter diff usa-1804.txt usa.txt --html --out amendments.html");
            return [o] { return Run(*o); };
          }};
}

}  // namespace charter::cli
