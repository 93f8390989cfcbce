// outputs.h — writing a run's output files (rendered in memory by the
// pipeline) so that an error or a kill leaves no half-written output.
//
// Thread-safe: WriteOutputs of different folders may run at once.
//
//   Status st = WriteOutputs("out/ken", run->files);
#pragma once

#include <map>
#include <string>

#include "core/error.h"

namespace charter::cli {

// Writes `files` into `dir` so that a run killed at any point (kill -9)
// leaves no half-written file under a final name. A folder that does not
// exist yet is written whole under a temporary name beside it
// (".NAME.partial.PID") and renamed into place, so it appears complete or not
// at all; into an existing folder each file is written atomically
// (WriteFileAtomic), and temporary files a killed run left there are removed.
// `replace`: an existing folder is replaced as a whole, the same way (for
// bulk's own per-document folders). Creates the parents of `dir`.
Status WriteOutputs(const std::string& dir, const std::map<std::string, std::string>& files,
                    bool replace = false);

// "ken" from "corpora/constitutions/en/ken.txt".
std::string DocumentName(const std::string& path);

}  // namespace charter::cli
