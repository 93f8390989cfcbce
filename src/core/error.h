// error.h — the one error type every Charter stage returns.
//
// Library code never throws on user data, never exits and never aborts: a
// function that can fail on input returns Result<T> (std::expected<T, Error>).
// The message is complete and one line, naming the file and, where there is
// one, the 1-based line: "rules/en/modality.tsv:12: bad pattern: missing ): (?i:shall".
// Only main() turns an Error into an exit code.
//
// Thread-safe: plain values.
//
//   Result<Document> doc = LoadDocument(bytes, "udhr.txt", {});
//   if (!doc) { std::cerr << "charter: " << doc.error().message << "\n"; return 1; }
//   Use(*doc);
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace charter {

struct Error {
  // Categories in the manner of LevelDB's Status.
  enum class Code {
    kInvalidArgument,  // bad user input: options, rule files, CSV, text
    kNotFound,         // a missing file or folder
    kCorruption,       // a model/index file that fails its checks
    kIOError,          // the OS refused a read or write
    kUnsupported,      // valid input Charter cannot handle (e.g. an encoding)
  };
  Code code = Code::kInvalidArgument;
  std::string message;  // one line, "file[:line]: problem"
};

template <typename T>
using Result = std::expected<T, Error>;

// Status for functions that return nothing on success.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> MakeError(Error::Code code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}
inline std::unexpected<Error> InvalidArgument(std::string message) {
  return MakeError(Error::Code::kInvalidArgument, std::move(message));
}
inline std::unexpected<Error> NotFound(std::string message) {
  return MakeError(Error::Code::kNotFound, std::move(message));
}
inline std::unexpected<Error> Corruption(std::string message) {
  return MakeError(Error::Code::kCorruption, std::move(message));
}
inline std::unexpected<Error> IOError(std::string message) {
  return MakeError(Error::Code::kIOError, std::move(message));
}
inline std::unexpected<Error> Unsupported(std::string message) {
  return MakeError(Error::Code::kUnsupported, std::move(message));
}

}  // namespace charter
