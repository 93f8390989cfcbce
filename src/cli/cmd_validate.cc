// cmd_validate.cc — `charter validate [FILE|-] [--lang L] [--rules DIR]`: the
// validator's findings (src/rewrite/validate.h) on each principle of a file:
// one principle text a line, or JSONL with a "text" field (principles.jsonl,
// a base constitution). Prints "LINE<TAB>finding; finding<TAB>text" for each
// principle with findings, then a count to stderr. Exit 0 when every
// principle passes, 1 when one does not (or on bad input).
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "core/io.h"
#include "core/rule_file.h"
#include "core/text.h"
#include "rewrite/validate.h"
#include "files/files.h"

namespace charter::cli {

namespace {

struct ValidateOptions {
  std::string file = "-";
  std::string lang = "en";
  std::string rules;
};

Result<std::string> ReadInput(const std::string& file) {
  if (file != "-") return ReadFile(file);
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (all.size() > kMaxInputBytes) return InvalidArgument("stdin: larger than the input limit");
  return all;
}

int Run(const ValidateOptions& o) {
  Result<std::string> bytes = ReadInput(o.file);
  if (!bytes) return Fail(bytes.error().message);
  Result<RuleTexts> rules = ReadRuleFolder(o.rules.empty() ? DefaultRulesRoot() : o.rules, o.lang);
  if (!rules) return Fail(rules.error().message);
  Result<Validator> v = Validator::Create(*rules, o.lang);
  if (!v) return Fail(v.error().message);
  const std::string name = o.file == "-" ? "stdin" : o.file;
  size_t checked = 0, failed = 0, line_no = 0;
  for (std::string_view raw : Split(*bytes, '\n')) {
    ++line_no;
    std::string line(Trim(raw));
    if (line.empty()) continue;
    std::string text = line;
    if (line.front() == '{') {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j.at("text").is_string())
        return Fail(name + ":" + std::to_string(line_no) +
                    ": expected a JSON object with \"text\"");
      text = j.at("text").get<std::string>();
    }
    ++checked;
    std::vector<Finding> fs = v->Check(text);
    if (fs.empty()) continue;
    ++failed;
    std::vector<std::string> parts;
    for (const Finding& f : fs) parts.push_back(f.ToString());
    std::cout << line_no << "\t" << Join(parts, "; ") << "\t" << text << "\n";
  }
  std::cerr << name << ": " << checked << " principles, " << failed << " with findings\n";
  std::cout.flush();
  if (!std::cout) return Fail("stdout: write failed");
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

Command ValidateCommand() {
  return {"validate", "Check principles for cross-references, fragments, debris, machinery",
          [](CLI::App* sub) -> std::function<int()> {
            auto o = std::make_shared<ValidateOptions>();
            sub->add_option("FILE", o->file,
                            "Principles: one text a line, or JSONL with \"text\" (- = stdin)")
                ->capture_default_str();
            sub->add_option("--lang", o->lang, "Language of the validation rules")
                ->capture_default_str();
            sub->add_option("--rules", o->rules, "Rules folder");
            sub->footer("Example: charter validate out/ken/principles.jsonl");
            return [o] { return Run(*o); };
          }};
}

}  // namespace charter::cli
