// PLACEHOLDER until its issue lands: replaced by the real subcommand.
#include "cli/command.h"

namespace charter::cli {

Command ExplainCommand() {
  return {"explain", "(not built yet)", [](CLI::App* sub) -> std::function<int()> {
            sub->allow_extras();
            return [] { return Fail("'explain' is not built yet"); };
          }};
}

}  // namespace charter::cli
