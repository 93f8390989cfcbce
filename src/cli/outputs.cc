#include "cli/outputs.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "core/io.h"

namespace charter::cli {

namespace fs = std::filesystem;

std::string DocumentName(const std::string& path) {
  fs::path p(path);
  std::string stem = p.stem().string();
  return stem.empty() ? p.filename().string() : stem;
}

namespace {

// Removes "NAME.tmp.PID" files (WriteFileAtomic's) in `dir` whose process
// is gone: what a run killed while writing left behind.
void RemoveDeadTemporaries(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    size_t at = n.rfind(".tmp.");
    if (at == std::string::npos || at + 5 >= n.size()) continue;
    std::string pid = n.substr(at + 5);
    if (pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
    pid_t p = static_cast<pid_t>(std::stol(pid));
    if (p != ::getpid() && ::kill(p, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

}  // namespace

Status WriteOutputs(const std::string& dir, const std::map<std::string, std::string>& files,
                    bool replace) {
  std::error_code ec;
  fs::path target = fs::path(dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/udhr/"
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const bool exists = fs::exists(target, ec);
  if (exists && !replace) {
    if (!fs::is_directory(target, ec)) return IOError(dir + ": not a folder");
    RemoveDeadTemporaries(target);
    for (const auto& [name, bytes] : files) {
      Status st = WriteFileAtomic((target / name).string(), bytes);
      if (!st) return st;
    }
    return {};
  }
  fs::create_directories(parent, ec);
  if (ec) return IOError(parent.string() + ": cannot create folder: " + ec.message());
  const std::string stem = target.filename().string();
  const std::string pid = std::to_string(::getpid());
  const fs::path partial = parent / ("." + stem + ".partial." + pid);
  fs::remove_all(partial, ec);
  fs::create_directory(partial, ec);
  if (ec) return IOError(dir + ": cannot create folder: " + ec.message());
  auto fail = [&](Status st) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    return st;
  };
  for (const auto& [name, bytes] : files) {
    Status st = WriteFileAtomic((partial / name).string(), bytes);
    if (!st) return fail(st);
  }
  if (exists) {
    const fs::path old = parent / ("." + stem + ".old." + pid);
    fs::remove_all(old, ec);
    fs::rename(target, old, ec);
    if (ec) return fail(IOError(dir + ": cannot replace: " + ec.message()));
    fs::rename(partial, target, ec);
    if (ec) return fail(IOError(dir + ": cannot replace: " + ec.message()));
    fs::remove_all(old, ec);
    return {};
  }
  fs::rename(partial, target, ec);
  if (ec) return fail(IOError(dir + ": cannot create: " + ec.message()));
  return {};
}

}  // namespace charter::cli
