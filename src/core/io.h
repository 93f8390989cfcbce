// io.h — the only place Charter touches the file system for its inputs and
// outputs. Stages below the CLI never call these; the CLI reads bytes, hands
// them to the library, and writes what comes back.
//
// Thread-safe: yes (no shared state).
//
//   Result<std::string> bytes = ReadFile("constitution.txt");
//   if (!bytes) return bytes.error();
//   Status st = WriteFileAtomic("out/report.md", text);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"

namespace charter {

// Largest input file Charter reads, in bytes. The longest real constitution is
// under 1 MB; anything far larger is a mistake (a database dump, a video).
// Default: 64 MiB.
inline constexpr size_t kMaxInputBytes = 64u << 20;

// Reads a whole regular file. Errors (each naming `path`): missing file,
// a directory, unreadable, larger than `max_bytes`.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = kMaxInputBytes);

// Writes `data` to `path` through a temporary file in the same folder and a
// rename, so a reader never sees a half-written file. Creates no folders.
Status WriteFileAtomic(const std::string& path, const std::string& data);

// Regular files under `dir` (recursively), sorted by path, whose extension is
// one of `extensions` (e.g. {".txt", ".html", ".md"}); all files if empty.
Result<std::vector<std::string>> ListFiles(const std::string& dir,
                                           const std::vector<std::string>& extensions);

}  // namespace charter
