// PLACEHOLDER until its issue lands: replaced by the real subcommand.
#include "cli/command.h"

namespace charter::cli {

Command ExtractCommand() {
  return {"extract", "(not built yet)", [](CLI::App* sub) -> std::function<int()> {
            sub->allow_extras();
            return [] { return Fail("'extract' is not built yet"); };
          }};
}

}  // namespace charter::cli
