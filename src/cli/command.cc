#include "cli/command.h"

#include <iostream>

namespace charter::cli {

std::vector<Command> AllCommands() {
  return {SegmentCommand(), ExtractCommand(), ExplainCommand(), TrainCommand(),
          SearchCommand(),  SimilarCommand(), ConvertCommand(), BulkCommand(),
          MergeCommand(),   DiffCommand(),    PolisCommand(),   ValidateCommand()};
}

int Fail(const std::string& message) {
  std::cerr << "charter: " << message << "\n";
  return kExitFailure;
}

}  // namespace charter::cli
