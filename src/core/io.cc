#include "core/io.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace charter {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return NotFound(path + ": no such file");
  if (fs::is_directory(st)) return InvalidArgument(path + ": is a directory, not a file");
  if (!fs::is_regular_file(st)) return InvalidArgument(path + ": not a regular file");
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return IOError(path + ": cannot read size: " + ec.message());
  if (size > max_bytes) {
    return InvalidArgument(path + ": file too large (" + std::to_string(size / (1024 * 1024)) +
                           " MiB; the limit is " + std::to_string(max_bytes / (1024 * 1024)) +
                           " MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IOError(path + ": cannot open: " + std::strerror(errno));
  std::string data(static_cast<size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<uintmax_t>(in.gcount()) != size) return IOError(path + ": short read");
  return data;
}

Status WriteFileAtomic(const std::string& path, const std::string& data) {
  if (path == "-") {
    if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size())
      return IOError("<stdout>: write failed");
    std::fflush(stdout);
    return {};
  }
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IOError(path + ": cannot write: " + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return IOError(path + ": write failed: " + std::strerror(errno));
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return IOError(path + ": cannot rename temporary file: " + ec.message());
  }
  return {};
}

Result<std::vector<std::string>> ListFiles(const std::string& dir,
                                           const std::vector<std::string>& extensions) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return NotFound(dir + ": no such folder");
  if (!fs::is_directory(dir, ec)) return InvalidArgument(dir + ": not a folder");
  std::vector<std::string> out;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string ext = it->path().extension().string();
    if (!extensions.empty() &&
        std::find(extensions.begin(), extensions.end(), ext) == extensions.end())
      continue;
    out.push_back(it->path().string());
  }
  if (ec) return IOError(dir + ": cannot list: " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace charter
