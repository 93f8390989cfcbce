// stages.h — the first stages of the pipeline for one document: load,
// segment, extract, with the compiled rules of each language cached so a
// bulk run compiles them once.
//
// Where it sits: pipeline/, under convert.h. Takes values: the document's
// bytes, and the rule texts of a language from a RuleSource (the CLI's reads
// rules/<lang>/; a test's hands over strings).
// Thread-safe: a Pipeline may be shared by worker threads (the caches are locked).
//
//   Pipeline p({.lang = "", .rules = source});
//   Result<Document> doc = p.Load(bytes, "ken.txt");
//   Result<std::vector<Provision>> units = p.Segment(*doc);
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_file.h"
#include "core/types.h"
#include "extract/extract.h"
#include "load/load.h"
#include "segment/segment.h"

namespace charter {

// Where the rule texts of each language come from.
struct RuleSource {
  // Names the rules in messages ("rules"); a rule error "en/headings.tsv:3:
  // ..." becomes "<root>/en/headings.tsv:3: ...".
  std::string root;
  // The languages with rules, sorted.
  std::function<std::vector<std::string>()> languages;
  // One language's texts (keys as ReadRuleFolder gives them).
  std::function<Result<RuleTexts>(const std::string& lang)> read;
};

struct PipelineOptions {
  std::string lang;    // forced language; "" = detect. Default: "".
  RuleSource rules;    // required
  std::string format;  // forced input format; "" = detect.
};

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options);

  // Loads a document (language detected among the languages whose rules
  // have a stopwords.txt, unless forced). `name` names it in messages and
  // provenance.
  Result<Document> Load(const std::string& bytes, const std::string& name);

  Result<std::vector<Provision>> Segment(const Document& doc);

  // The rule texts of one language (read once, cached).
  Result<RuleTexts> Rules(const std::string& lang);

  // The Extractor of `lang` (rules compiled once, cached).
  Result<std::shared_ptr<const Extractor>> ExtractorFor(const std::string& lang);

  // Classifies segmented units with the cached Extractor of `lang`: one
  // Clause per unit, in order. (Pass the units with std::move when they are
  // not needed afterwards: each becomes its Clause's unit.)
  Result<std::vector<Clause>> Extract(std::vector<Provision> units, const std::string& lang);

  const PipelineOptions& options() const { return options_; }

 private:
  // LoadOptions with every language's stopwords (read on first use).
  Result<LoadOptions> Languages();

  PipelineOptions options_;
  std::mutex mu_;
  std::mutex languages_mu_;  // held while the stopwords are read (which takes mu_)
  std::map<std::string, RuleTexts> rules_;
  std::map<std::string, std::shared_ptr<Segmenter>> segmenters_;
  std::map<std::string, std::shared_ptr<const Extractor>> extractors_;
  bool languages_loaded_ = false;
  LoadOptions load_options_;
};

}  // namespace charter
