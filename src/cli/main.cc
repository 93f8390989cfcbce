// charter — turns legal text and public input into Constitutional-AI principles.
// main() only parses the command line, dispatches to a subcommand and returns
// its exit code; the work is in the library.
#include <iostream>
#include <string>

#include "cli/command.h"

namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace charter::cli;
  CLI::App app{"charter: turn constitutions, treaties and public input into Constitutional-AI principles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "charter 0.1.0");
  std::vector<Command> commands = AllCommands();

  if (argc > 1 && argv[1][0] != '-') {
    std::string given = argv[1];
    bool known = false;
    for (const auto& c : commands) known |= c.name == given;
    if (!known) {
      std::string best;
      size_t best_d = 99;
      for (const auto& c : commands) {
        size_t d = EditDistance(given, c.name);
        if (d < best_d) best_d = d, best = c.name;
      }
      std::cerr << "charter: unknown command '" << given << "'";
      if (best_d <= 3) std::cerr << "; did you mean '" << best << "'?";
      std::cerr << " (see charter --help)\n";
      return kExitUsage;
    }
  }

  std::function<int()> run;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    auto fn = c.setup(sub);
    sub->callback([fn, &run] { run = fn; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return run ? run() : kExitUsage;
}
