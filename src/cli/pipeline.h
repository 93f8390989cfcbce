// pipeline.h — the CLI's glue: read a file, load it, segment it (and, as the
// later stages land, extract ...), with the compiled rules of each language
// cached so bulk runs compile them once.
//
// This is I/O and orchestration: the library stages below never see paths.
// Thread-safe: a Pipeline may be shared by worker threads (the cache is locked).
//
//   Pipeline p({.lang = "", .rules_root = DefaultRulesRoot()});
//   Result<Document> doc = p.Load("ken.txt");
//   Result<std::vector<Provision>> units = p.Segment(*doc);
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"
#include "load/load.h"
#include "segment/segment.h"
#include "extract/extract.h"

namespace charter::cli {

struct PipelineOptions {
  std::string lang;        // forced language; "" = detect. Default: "".
  std::string rules_root;  // Default: DefaultRulesRoot().
  std::string format;      // forced input format; "" = detect.
};

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options);

  // Reads and loads `path` (language detected among the rules folders that
  // have a stopwords.txt, unless forced).
  Result<Document> Load(const std::string& path);

  Result<std::vector<Provision>> Segment(const Document& doc);

  // The rule texts of one language (read once, cached).
  Result<RuleTexts> Rules(const std::string& lang);

  const PipelineOptions& options() const { return options_; }

 private:
  PipelineOptions options_;
  std::mutex mu_;
  std::map<std::string, RuleTexts> rules_;
  std::map<std::string, std::shared_ptr<Segmenter>> segmenters_;
  bool languages_loaded_ = false;
  LoadOptions load_options_;

  // --- extract (appended by the extract stage) ---
 public:
  // The Extractor of `lang` (rules read and compiled once, cached).
  Result<std::shared_ptr<const Extractor>> ExtractorFor(const std::string& lang);

  // Classifies segmented units with the cached Extractor of `lang`: one
  // Clause per unit, in order.
  // (Pass the units with std::move when they are not needed afterwards:
  // each becomes its Clause's unit.)
  Result<std::vector<Clause>> Extract(std::vector<Provision> units, const std::string& lang);

 private:
  std::map<std::string, std::shared_ptr<const Extractor>> extractors_;
};

}  // namespace charter::cli
