// command.h — the subcommand table of the `charter` binary.
//
// Each subcommand lives in src/cli/cmd_<name>.cc: it declares its options on a
// CLI11 subcommand, parses into an options struct, calls the library, prints
// data to stdout and diagnostics to stderr, and returns the exit code.
// Exit codes: 0 success, 1 bad input or failed work, 2 usage error.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace charter::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  std::string name;
  std::string summary;
  // Adds options to `sub` and returns the function to run once parsed.
  std::function<std::function<int()>(CLI::App* sub)> setup;
};

// Every subcommand, in the order `charter --help` lists them.
std::vector<Command> AllCommands();

// Prints "charter: <message>" to stderr and returns kExitFailure.
int Fail(const std::string& message);

// Each subcommand file defines one of these.
Command SegmentCommand();
Command ExtractCommand();
Command ExplainCommand();
Command TrainCommand();
Command SearchCommand();
Command SimilarCommand();
Command ConvertCommand();
Command BulkCommand();
Command MergeCommand();
Command DiffCommand();
Command PolisCommand();
Command ValidateCommand();

}  // namespace charter::cli
