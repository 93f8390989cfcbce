// cmd_segment.cc — `charter segment FILE [--format jsonl|text] [--lang L] [--rules DIR]`:
// load + segment one document and print its units in document order.
//
// JSONL: one object per unit, keys in a fixed order: doc, id, type, path,
// cite, line_start, line_end, text; article records add unit, label, caption;
// heading units add label; list items add lead_in. Text: "cite<TAB>lines<TAB>text".
// Output is built in memory and written at the end, so a failure prints
// nothing on stdout, only "charter: <message>" on stderr (exit 1).
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "cli/convert_inputs.h"
#include "core/types.h"

namespace charter::cli {

namespace {

struct SegmentOptions {
  std::string file;
  std::string format = "jsonl";
  std::string lang;
  std::string rules;
};

nlohmann::ordered_json UnitJson(const Provision& u) {
  nlohmann::ordered_json j;
  j["doc"] = u.doc;
  j["id"] = u.id;
  j["type"] = u.type;
  j["path"] = u.path;
  j["cite"] = u.cite;
  j["line_start"] = u.line_start;
  j["line_end"] = u.line_end;
  j["text"] = u.text;
  if (u.type == "article") {
    j["unit"] = u.unit;
    j["label"] = u.label;
    j["caption"] = u.caption;
  } else if (u.type == "heading") {
    j["label"] = u.label;
  } else if (!u.lead_in.empty()) {
    j["lead_in"] = u.lead_in;
  }
  return j;
}

std::string Lines(const Provision& u) {
  if (u.line_end <= u.line_start) return std::to_string(u.line_start);
  return std::to_string(u.line_start) + "-" + std::to_string(u.line_end);
}

int Run(const SegmentOptions& o) {
  Pipeline p(PipelineFor(o.lang, o.rules));
  auto doc = LoadFile(p, o.file);
  if (!doc) return Fail(doc.error().message);
  auto units = p.Segment(*doc);
  if (!units) return Fail(units.error().message);
  std::string out;
  out.reserve(units->size() * 256);
  for (const Provision& u : *units) {
    if (o.format == "text") {
      out += u.cite.empty() ? u.path : u.cite;
      out += '\t';
      out += Lines(u);
      out += '\t';
      out += u.text;
    } else {
      out += UnitJson(u).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += '\n';
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? kExitOk : Fail("stdout: write failed");
}

}  // namespace

Command SegmentCommand() {
  return {"segment", "Split a document into headings, articles and sentences",
          [](CLI::App* sub) -> std::function<int()> {
            auto o = std::make_shared<SegmentOptions>();
            sub->add_option("FILE", o->file, "Constitution or treaty (text, Markdown, HTML)")
                ->required();
            sub->add_option("--format", o->format, "Output format: jsonl (default) or text")
                ->check(CLI::IsMember({"jsonl", "text"}));
            sub->add_option("--lang", o->lang, "Language of the rules (default: detected)");
            sub->add_option("--rules", o->rules, "Rules folder (default: the installed rules/)");
            sub->footer(
                "JSONL keys: doc, id, type (heading|article|text), path, cite, line_start,\n"
                "line_end, text; articles add unit, label, caption; list items add lead_in.\n"
                "Example: charter segment corpora/freedonia.txt --format text\n");
            return [o] { return Run(*o); };
          }};
}

}  // namespace charter::cli
