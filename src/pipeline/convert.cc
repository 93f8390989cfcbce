#include "pipeline/convert.h"

#include <dlfcn.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/parallel.h"
#include "core/text.h"
#include "embed/cluster.h"
#include "merge/principle_io.h"

namespace charter {

namespace {

// OpenBLAS (under faiss) starts a worker thread when the program loads,
// which spins on sched_yield for about 0.1 s waiting for work; nothing a
// conversion does runs BLAS in parallel, so that is a core taken from bulk's
// workers. Stopping it is harmless: OpenBLAS starts it again if a call
// needs it. Looked up by name, as other BLAS builds have no such function.
void StopIdleBlasThreads() {
  using Shutdown = int (*)();
  if (auto f = reinterpret_cast<Shutdown>(::dlsym(RTLD_DEFAULT, "blas_thread_shutdown_"))) f();
}

using VectorCache = std::map<std::string, std::vector<float>>;

// MergeTools::embed over `emb`, taking the texts already embedded (the
// base) from `cache` and the rest in one batch.
std::function<std::vector<float>(const std::vector<std::string>&)> CachedEmbedding(
    std::shared_ptr<const Embedder> emb, std::shared_ptr<const VectorCache> cache) {
  return [emb, cache](const std::vector<std::string>& texts) {
    std::vector<std::string> rest;
    for (const std::string& t : texts)
      if (!cache->count(t)) rest.push_back(t);
    if (rest.size() == texts.size()) return emb->EmbedBatch(texts);
    std::vector<float> fresh = rest.empty() ? std::vector<float>() : emb->EmbedBatch(rest);
    const size_t dim = static_cast<size_t>(emb->dim());
    std::vector<float> out;
    out.reserve(texts.size() * dim);
    size_t k = 0;
    for (const std::string& t : texts) {
      auto it = cache->find(t);
      if (it != cache->end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
      } else {
        out.insert(out.end(), fresh.begin() + static_cast<long>(k * dim),
                   fresh.begin() + static_cast<long>((k + 1) * dim));
        ++k;
      }
    }
    return out;
  };
}

// The refusal of a document Charter cannot write principles from, or "" when
// it can: principles are written in English from English clauses. Language
// detection picks the language whose common words the text uses most, and
// English when none is used at all: a document that uses few of the chosen
// language's common words is in none Charter has rules for (Turkish,
// Arabic, Vietnamese ...), and English rules would write nonsense or
// nothing, silently. One in a language without rewrite rules (es, fr, de
// ...) cannot be converted either.
std::string LanguageRefusal(const Document& doc, const RuleTexts& rules, double min_share) {
  if (doc.lang_share < min_share)
    return doc.path + ": the document is in no language Charter has rules for (" +
           std::to_string(static_cast<int>(doc.lang_share * 100 + 0.5)) +
           "% of its words are common '" + doc.lang +
           "' words, the nearest; a text in it has 40% or more), and principles are " +
           "written from English text: convert an English translation";
  if (!rules.count(doc.lang + "/rewrite.tsv"))
    return doc.path + ": the document is in '" + doc.lang + "' (rules/" + doc.lang +
           "/ has no rewrite rules), and principles are written from English " +
           "text: convert an English translation; `charter extract` reads this one";
  return "";
}

}  // namespace

Result<std::string> ParseSystemChat(const std::string& bytes, const std::string& name) {
  auto j = nlohmann::ordered_json::parse(bytes, nullptr, false);
  if (j.is_object() && j.contains("system_chat")) j = j.at("system_chat");
  if (!j.is_array())
    return InvalidArgument(
        name + ": expected a JSON array of dialogues or an object with \"system_chat\"");
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::shared_ptr<ConvertContext>> ConvertContext::Create(ConvertInputs inputs) {
  StopIdleBlasThreads();
  auto ctx = std::make_shared<ConvertContext>();
  ctx->inputs_ = std::move(inputs);
  const ConvertInputs& in = ctx->inputs_;
  ctx->pipeline_ =
      std::make_unique<Pipeline>(PipelineOptions{.lang = in.lang, .rules = in.rules, .format = ""});
  // The embedding model (the slowest part of starting) loads on a second
  // thread while this one compiles the rules.
  Result<Embedder> emb = NotFound("");
  std::thread loader;
  if (!in.embedder) loader = std::thread([&emb, &in] { emb = Embedder::Load(in.model); });
  // English's rewriter (its idea patterns are the largest set Charter
  // compiles, about 0.2 s) is built on a third thread while this one builds
  // the extractor: every document of a bulk run is rewritten and merged with
  // the base by the rules of its language (English: every base we know).
  std::thread rewriter;
  if (in.lang.empty() || in.lang == "en" || !in.base.empty())
    rewriter = std::thread([&ctx] { (void)ctx->Tools("en"); });
  if (!in.base.empty() && (in.lang.empty() || in.lang == "en")) {
    (void)ctx->pipeline_->ExtractorFor("en");
    Document empty;
    empty.lang = "en";
    (void)ctx->pipeline_->Segment(empty);
  }
  if (rewriter.joinable()) rewriter.join();
  if (loader.joinable()) {
    loader.join();
    if (!emb) return std::unexpected(emb.error());
    ctx->embedder_ = std::make_shared<const Embedder>(std::move(*emb));
  } else {
    ctx->embedder_ = in.embedder;
  }
  ctx->BaseVectors();
  return ctx;
}

void ConvertContext::BaseVectors() {
  auto cache = std::make_shared<VectorCache>();
  if (!inputs_.base.empty()) {
    // Keyed by the text the merge embeds (MergeTools::idea): the rewrite
    // rules of the base's language (English: every base we know).
    // Without English rules the merge embeds other texts: no cache then.
    // Tools reads only the rewriters and the embedder, set by now.
    auto tools = Tools("en");
    std::vector<std::string> cores;
    auto ideas = std::make_shared<std::map<std::string, Ideas>>();
    if (tools) {
      // Coded on two threads (each principle into its own slot, then added in
      // order): coding the base compiles the idea patterns it nearly matches,
      // 0.17 of 3.9 billion instructions of converting India's constitution,
      // with every other thread of Create done.
      const std::vector<Principle>& base = inputs_.base;
      std::vector<Ideas> coded(base.size());
      ForEachIndexOnTwoThreads(base.size(), [&](size_t k) {
        coded[k] = {tools->idea(base[k]), tools->terms(base[k]),
                    tools->ideas ? tools->ideas(base[k]) : std::vector<std::string>{}};
      });
      for (size_t k = 0; k < base.size(); ++k) {
        cores.push_back(coded[k].text);
        ideas->emplace(base[k].text, std::move(coded[k]));
      }
    }
    base_ideas_ = std::move(ideas);
    std::vector<float> vecs = embedder_->EmbedBatch(cores);
    size_t dim = static_cast<size_t>(embedder_->dim());
    for (size_t i = 0; i < cores.size() && (i + 1) * dim <= vecs.size(); ++i)
      (*cache)[cores[i]] = std::vector<float>(vecs.begin() + static_cast<long>(i * dim),
                                              vecs.begin() + static_cast<long>((i + 1) * dim));
  }
  base_vectors_ = std::move(cache);
}

Status ConvertContext::CompileLanguage(const std::string& lang, std::shared_ptr<const Rewriter>* rw,
                                       std::shared_ptr<const ConflictRules>* conflicts) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = rewriters_.find(lang);
    if (it != rewriters_.end()) {
      *rw = it->second;
      *conflicts = conflicts_.at(lang);
      return {};
    }
  }
  auto rules = pipeline_->Rules(lang);
  if (!rules) return std::unexpected(rules.error());
  auto created = Rewriter::Create(*rules, lang);
  if (!created) return std::unexpected(created.error());
  auto c = ConflictRules::Create(*rules, lang);
  if (!c) return std::unexpected(c.error());
  std::lock_guard<std::mutex> lock(mu_);
  *rw =
      rewriters_.emplace(lang, std::make_shared<const Rewriter>(std::move(*created))).first->second;
  *conflicts =
      conflicts_.emplace(lang, std::make_shared<const ConflictRules>(std::move(*c))).first->second;
  return {};
}

Result<std::set<std::string>> ConvertContext::NotVerbs(const std::string& lang) {
  std::shared_ptr<const Rewriter> rw;
  std::shared_ptr<const ConflictRules> conflicts;
  if (Status st = CompileLanguage(lang, &rw, &conflicts); !st) return std::unexpected(st.error());
  return rw->WordClass("not_verb");
}

Result<MergeTools> ConvertContext::Tools(const std::string& lang) {
  std::shared_ptr<const Rewriter> rw;
  std::shared_ptr<const ConflictRules> conflicts;
  if (Status st = CompileLanguage(lang, &rw, &conflicts); !st) return std::unexpected(st.error());
  MergeTools tools;
  tools.embed = CachedEmbedding(embedder_, base_vectors_);
  tools.combine = [rw](const std::vector<Principle>& cluster) { return rw->Combine(cluster); };
  tools.idea = [rw, cache = base_ideas_](const Principle& p) {
    if (cache)
      if (auto it = cache->find(p.text); it != cache->end()) return it->second.text;
    return Join(rw->Ideas(p.text), ", ");
  };
  tools.terms = [rw, cache = base_ideas_](const Principle& p) {
    if (cache)
      if (auto it = cache->find(p.text); it != cache->end()) return it->second.terms;
    return rw->IdeaTerms(p.text);
  };
  // The base's principles are coded once per run (BaseVectors), not once
  // per document.
  tools.ideas = [rw, cache = base_ideas_](const Principle& p) {
    if (!p.ideas.empty()) return p.ideas;
    if (cache)
      if (auto it = cache->find(p.text); it != cache->end()) return it->second.coded;
    const IdeaSet& set = rw->IdeaInventory();
    std::vector<std::string> ids;
    for (int i : set.Code(p.text, nullptr)) ids.push_back(set.ideas()[static_cast<size_t>(i)].id);
    return ids;
  };
  tools.idea_wording = [rw](const std::vector<std::string>& ids) {
    const IdeaSet& set = rw->IdeaInventory();
    std::vector<int> idx;
    for (const std::string& id : ids)
      if (int i = set.Find(id); i >= 0) idx.push_back(i);
    std::sort(idx.begin(), idx.end());
    return set.Wording(idx);
  };
  tools.validate = [rw](const std::string& text) { return rw->Validate(text); };
  tools.common_names = rw->WordClass("common_name");
  tools.figures = rw->WordClass("figure");
  tools.concise = [rw](const Principle& p) { return rw->Concise(p); };
  tools.cluster = [](const std::vector<float>& vecs, int dim, float threshold) {
    return ClusterAverageLinkage(vecs, dim, threshold);
  };
  if (!rw->IdeaInventory().empty()) {
    tools.idea_principle = [rw](const std::string& id) { return rw->IdeaPrinciple(id); };
    for (const IdeaSet::Conflict& c : rw->IdeaInventory().conflicts())
      tools.idea_conflicts.push_back({c.a, c.b, c.rule_id});
    for (const IdeaSet::Broader& b : rw->IdeaInventory().broader())
      tools.idea_broader.emplace(b.narrow, b.broad);
  }
  // The rule-data objects live as long as the context (cached above).
  tools.conflicts = conflicts.get();
  return tools;
}

Result<Conversion> ConvertContext::ConvertDocument(const DocumentInput& input, std::string* lang) {
  auto doc = pipeline_->Load(input.bytes, input.name);
  if (!doc) return std::unexpected(doc.error());
  if (lang) *lang = doc->lang;
  auto rules = pipeline_->Rules(doc->lang);
  if (!rules) return std::unexpected(rules.error());
  if (std::string refusal = LanguageRefusal(*doc, *rules, inputs_.thresholds.min_language_share);
      !refusal.empty())
    return InvalidArgument(refusal);
  auto units = pipeline_->Segment(*doc);
  if (!units) return std::unexpected(units.error());
  // The units become the clauses' units: moved, not copied.
  auto clauses = pipeline_->Extract(std::move(*units), doc->lang);
  if (!clauses) return std::unexpected(clauses.error());
  std::shared_ptr<const Rewriter> rw;
  std::shared_ptr<const ConflictRules> conflicts;
  if (Status st = CompileLanguage(doc->lang, &rw, &conflicts); !st)
    return std::unexpected(st.error());
  return rw->Convert(*clauses);
}

Result<MergePlan> ConvertContext::Merge(const std::vector<Principle>& principles,
                                        const std::string& name, const std::string& lang) {
  // Without its tools (a language with no rewrite rules) a merge would
  // write the base's principles as none: an error, never an empty plan.
  const std::string rules_lang = lang.empty() ? "en" : lang;
  auto tools = Tools(rules_lang);
  if (!tools)
    return MakeError(tools.error().code, "merge: the rules of '" + rules_lang +
                                             "' cannot merge principles: " + tools.error().message);
  MergeOptions o = inputs_.thresholds.country;
  o.country = name;
  o.base_name = inputs_.base_name;
  o.decisions = inputs_.decisions;
  return MergeCountry(inputs_.base, principles, *tools, o);
}

Result<ConvertRun> ConvertContext::MergeSet(const std::vector<Principle>& principles,
                                            const std::string& name, const std::string& lang,
                                            std::vector<Unconverted> unconverted,
                                            std::vector<Principle> positions) {
  auto plan = Merge(principles, name, lang);
  if (!plan) return std::unexpected(plan.error());
  ConvertRun run;
  run.name = name;
  run.plan = std::move(*plan);
  run.plan.unconverted = std::move(unconverted);
  run.plan.positions = std::move(positions);
  auto not_verbs = NotVerbs(lang.empty() ? "en" : lang);
  if (!not_verbs) return std::unexpected(not_verbs.error());
  run.files = RenderCountryOutputs(run.plan, inputs_.system_chat,
                                   {ThresholdList(inputs_.thresholds, "country"), {}, *not_verbs});
  return run;
}

Result<ConvertRun> ConvertContext::Convert(const DocumentInput* doc, const std::string& name) {
  Conversion conversion;
  std::string lang = inputs_.lang.empty() ? "en" : inputs_.lang;
  if (doc) {
    auto converted = ConvertDocument(*doc, &lang);
    if (!converted) return std::unexpected(converted.error());
    conversion = std::move(*converted);
  } else {
    auto tools = Tools(lang);
    if (!tools) return std::unexpected(tools.error());
  }
  return MergeSet(conversion.principles, name, lang, std::move(conversion.unconverted),
                  std::move(conversion.positions));
}

std::map<std::string, std::string> RenderCountryOutputs(const MergePlan& plan,
                                                        const std::string& system_chat,
                                                        const ReportExtras& extras) {
  std::map<std::string, std::string> files;
  std::vector<Principle> constitution = ConstitutionPrinciples(plan);
  files["principles.jsonl"] = PrinciplesToJsonl(plan.country_principles);
  // Always written, empty or not, so that a folder never keeps an earlier run's positions.
  files["positions.jsonl"] = PrinciplesToJsonl(plan.positions);
  files["constitution.jsonl"] = ConstitutionJsonl(plan);
  files["constitution.md"] = ConstitutionMarkdown(plan);
  files["report.md"] = ReportMarkdown(plan, extras);
  files["report.html"] = ReportHtml(plan, extras);
  files["report.json"] = ReportJson(plan, extras);
  files["cai.json"] = CaiJson(constitution, system_chat, extras);
  files["langchain.json"] = LangChainJson(constitution, extras);
  files["decisions.template.tsv"] = DecisionsTemplate(plan);
  return files;
}

}  // namespace charter
