// bulk.h — `convert` for many documents on a pool of threads, each on its
// own (outputs are identical whatever the number of threads), with a journal
// so that a rerun converts only documents not finished or changed.
//
// A document's stamp hashes everything its outputs depend on (the run's
// stamp: settings, base, decisions, rules, models, program; then the
// document's name and bytes). A journal line is the stamp and the
// document's summary row; a document whose journal line has its stamp, and
// whose output folder is there, is reused.
//
// From values: the caller (the CLI) lists, reads and writes through BulkIO.
// Thread-safe: RunBulk calls BulkIO's functions from its worker threads,
// `progress` under a lock, the others concurrently.
//
//   std::vector<BulkOutcome> out = RunBulk(*ctx, docs, settings, io);
//   std::string table = SummaryTable(out);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "pipeline/convert.h"

namespace charter {

struct BulkOutcome {
  std::string file;
  std::string name;
  bool ok = false;
  bool reused = false;  // up to date from an earlier run
  std::string stamp;    // 16 hex digits
  std::string error;
  size_t rewritten = 0, principles = 0, duplicates = 0, candidates = 0, added = 0, conflicts = 0,
         constitution = 0;
};

struct BulkDocument {
  std::string file;    // as listed; names the document in messages
  std::string name;    // its output folder's name
  uint64_t bytes = 0;  // its size: the largest are converted first
};

struct BulkSettings {
  int jobs = 1;        // worker threads (at least 1)
  bool force = false;  // convert every document, even those up to date
  uint64_t run_stamp = 0;
  std::map<std::string, BulkOutcome> journal;  // an earlier run's, by name (ParseJournal)
};

struct BulkIO {
  std::function<Result<std::string>(const std::string& file)> read;
  // Whether an earlier run's output folder of `name` is there.
  std::function<bool(const std::string& name)> has_output;
  // Writes a document's outputs whole, or not at all.
  std::function<Status(const std::string& name, const std::map<std::string, std::string>& files)>
      write;
  // Appends a finished document's journal line.
  std::function<void(const std::string& line)> journal;
  // After each document: its outcome, how many are done, of how many.
  std::function<void(const BulkOutcome& outcome, size_t done, size_t total)> progress;
};

// Every document converted (or reused), outcomes in input order. A failing
// document is an outcome with its error; the rest go on.
std::vector<BulkOutcome> RunBulk(ConvertContext& ctx, const std::vector<BulkDocument>& docs,
                                 const BulkSettings& settings, const BulkIO& io);

// Adds `bytes` to a stamp (length-prefixed, so "ab"+"c" differs from "a"+"bc").
void AddToStamp(std::string_view bytes, uint64_t* stamp);
// A stamp's 16 hex digits.
std::string StampHex(uint64_t stamp);
// The start of a run's stamp: the format, the thresholds and the language.
uint64_t SettingsStamp(const Thresholds& thresholds, const std::string& lang);

// The summary table (TSV with a header line), a row per outcome.
std::string SummaryTable(const std::vector<BulkOutcome>& outcomes);
// A journal line: the stamp, then the document's summary row.
std::string JournalLine(const BulkOutcome& o);
// name -> outcome of each good line of a journal's text (a line cut short by
// a kill, or malformed, is left out: that document is converted again).
std::map<std::string, BulkOutcome> ParseJournal(std::string_view text);

}  // namespace charter
