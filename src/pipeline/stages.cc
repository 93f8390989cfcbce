#include "pipeline/stages.h"

namespace charter {

Pipeline::Pipeline(PipelineOptions options) : options_(std::move(options)) {}

Result<RuleTexts> Pipeline::Rules(const std::string& lang) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = rules_.find(lang);
  if (it != rules_.end()) return it->second;
  auto texts = options_.rules.read(lang);
  if (!texts) return std::unexpected(texts.error());
  rules_[lang] = *texts;
  return *texts;
}

Result<LoadOptions> Pipeline::Languages() {
  std::lock_guard<std::mutex> lock(languages_mu_);
  if (!languages_loaded_) {
    LoadOptions o;
    for (const std::string& lang : options_.rules.languages()) {
      auto rules = Rules(lang);
      if (!rules) return std::unexpected(rules.error());
      auto it = rules->find(lang + "/stopwords.txt");
      if (it == rules->end()) continue;
      auto words = ParseListFile(it->second, options_.rules.root + "/" + it->first);
      if (!words) return std::unexpected(words.error());
      o.languages[lang] = std::move(*words);
    }
    o.lang = options_.lang;
    o.format = options_.format;
    load_options_ = std::move(o);
    languages_loaded_ = true;
  }
  return load_options_;
}

Result<Document> Pipeline::Load(const std::string& bytes, const std::string& name) {
  auto options = Languages();
  if (!options) return std::unexpected(options.error());
  return LoadDocument(bytes, name, *options);
}

Result<std::vector<Provision>> Pipeline::Segment(const Document& doc) {
  std::shared_ptr<Segmenter> seg;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = segmenters_.find(doc.lang);
    if (it != segmenters_.end()) seg = it->second;
  }
  if (!seg) {
    auto rules = Rules(doc.lang);
    if (!rules) return std::unexpected(rules.error());
    auto created = Segmenter::Create(*rules, doc.lang);
    if (!created) {
      // Rule errors name the file relative to the rules root ("en/headings.tsv:3: ...");
      // the user needs the path they can open.
      Error e = created.error();
      if (e.message.rfind(doc.lang + "/", 0) == 0)
        e.message = options_.rules.root + "/" + e.message;
      return std::unexpected(e);
    }
    std::lock_guard<std::mutex> lock(mu_);
    seg = segmenters_.emplace(doc.lang, std::make_shared<Segmenter>(std::move(*created)))
              .first->second;
  }
  return seg->Segment(doc);
}

Result<std::shared_ptr<const Extractor>> Pipeline::ExtractorFor(const std::string& lang) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = extractors_.find(lang);
    if (it != extractors_.end()) return it->second;
  }
  auto rules = Rules(lang);
  if (!rules) return std::unexpected(rules.error());
  // A language with segmentation rules only (de, it, ...): say which
  // languages can be extracted, not which file is missing.
  if (!rules->count(lang + "/modality.tsv")) {
    std::string have;
    for (const std::string& l : options_.rules.languages()) {
      auto texts = Rules(l);
      if (!texts || !texts->count(l + "/modality.tsv")) continue;
      have += (have.empty() ? "" : ", ") + l;
    }
    return Unsupported("the document is in '" + lang + "', which has no extraction rules (rules/" +
                       lang + "/modality.tsv): Charter extracts " + have);
  }
  auto created = Extractor::Create(*rules, lang);
  if (!created) return std::unexpected(created.error());
  std::lock_guard<std::mutex> lock(mu_);
  return extractors_.emplace(lang, std::make_shared<const Extractor>(std::move(*created)))
      .first->second;
}

Result<std::vector<Clause>> Pipeline::Extract(std::vector<Provision> units,
                                              const std::string& lang) {
  auto ex = ExtractorFor(lang);
  if (!ex) {
    // Name the document when it is its language that has no rules.
    if (ex.error().code == Error::Code::kUnsupported && !units.empty())
      return Unsupported(units.front().doc + ": " + ex.error().message);
    return std::unexpected(ex.error());
  }
  return (*ex)->Extract(std::move(units));
}

}  // namespace charter
