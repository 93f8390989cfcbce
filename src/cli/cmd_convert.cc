// cmd_convert.cc — `charter convert [FILE] [--base BASE] [--decisions D] --out DIR`:
// one country's constitution to its Collective Constitution: the base
// principles plus the country's own, duplicates dropped, similar ideas
// proposed for combining, and a review report of every decision.
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "cli/outputs.h"
#include "core/io.h"

namespace charter::cli {

namespace {

struct ConvertOptions {
  std::string file;
  std::string out;
  std::string name;
  ConvertSettings settings;
};

int Run(ConvertOptions& o) {
  auto ctx = OpenConvertContext(o.settings);
  if (!ctx) return Fail(ctx.error().message);
  std::string name = !o.name.empty() ? o.name : o.file.empty() ? "base" : DocumentName(o.file);
  DocumentInput doc{o.file, ""};
  if (!o.file.empty()) {
    auto bytes = ReadFile(o.file);
    if (!bytes) return Fail(bytes.error().message);
    doc.bytes = std::move(*bytes);
  }
  auto run = (*ctx)->Convert(o.file.empty() ? nullptr : &doc, name);
  if (!run) return Fail(run.error().message);
  // Never overwrite the decisions file a reviewer is editing in place.
  if (!o.settings.decisions_path.empty()) {
    std::error_code ec;
    std::filesystem::path t = std::filesystem::path(o.out) / "decisions.template.tsv";
    if (std::filesystem::equivalent(t, o.settings.decisions_path, ec))
      run->files.erase("decisions.template.tsv");
  }
  Status st = WriteOutputs(o.out, run->files);
  if (!st) return Fail(st.error().message);
  const MergePlan& p = run->plan;
  for (const Decision& d : p.stale)
    std::cerr << "charter: " << d.file << ":" << d.line << ": stale decision: candidate "
              << d.candidate_id << " (" << d.action << ") no longer exists\n";
  std::cerr << name << ": " << p.country_input << " principles rewritten, "
            << p.country_principles.size() << " after combining; " << p.duplicates.size()
            << " duplicates of the base, " << p.candidates.size() << " merge candidates ("
            << p.Pending() << " awaiting review), " << p.added.size() << " added, "
            << p.conflicts.size() << " conflicts; constitution: " << p.constitution.size()
            << " principles -> " << o.out << "/\n";
  return kExitOk;
}

}  // namespace

Command ConvertCommand() {
  return {"convert", "Constitution -> Collective Constitution (principles, merge, review report)",
          [](CLI::App* sub) -> std::function<int()> {
            auto o = std::make_shared<ConvertOptions>();
            sub->add_option("FILE", o->file,
                            "Constitution or treaty (text, Markdown, HTML); leave out for a "
                            "country without one (the base alone)");
            sub->add_option("--base", o->settings.base_path,
                            "Base constitution: JSONL (text, id), JSON array, or one principle a "
                            "line (default: none)");
            sub->add_option("--decisions", o->settings.decisions_path,
                            "Reviewer decisions: '<candidate id> accept|edit <text>|reject|drop' "
                            "a line");
            sub->add_option("--out", o->out, "Output folder")->required();
            sub->add_option("--name", o->name, "Country name in the outputs (default: file name)");
            AddConvertSettingsOptions(sub, &o->settings);
            sub->footer(
                "Writes DIR/principles.jsonl (the country's principles), constitution.jsonl,\n"
                "constitution.md, report.md, report.html, report.json, cai.json (llm-swarm\n"
                "critique/revision), langchain.json (ConstitutionalPrinciple fields) and\n"
                "decisions.template.tsv. Re-run with --decisions to apply a review.\n"
                "Example: charter convert udhr.txt --base claude-constitution-2023.jsonl --out "
                "out/udhr");
            return [o] { return Run(*o); };
          }};
}

}  // namespace charter::cli
