#include "cli/convert_job.h"

#include <dlfcn.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/io.h"
#include "core/text.h"
#include "embed/cluster.h"
#include "merge/principle_io.h"
#include "report/report.h"

namespace charter::cli {

namespace fs = std::filesystem;

std::string DocumentName(const std::string& path) {
  fs::path p(path);
  std::string stem = p.stem().string();
  return stem.empty() ? p.filename().string() : stem;
}

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

}  // namespace

Result<std::shared_ptr<ConvertContext>> ConvertContext::Create(const ConvertSettings& settings) {
  StopIdleBlasThreads();
  auto ctx = std::make_shared<ConvertContext>();
  ctx->settings_ = settings;
  if (ctx->settings_.rules_root.empty()) ctx->settings_.rules_root = DefaultRulesRoot();
  if (ctx->settings_.models_root.empty()) ctx->settings_.models_root = DefaultModelsRoot();
  // The embedding model (the slowest part of starting) loads on a second
  // thread while this one reads the rest; its errors are reported after
  // those of the files read here, in the order they always were.
  Result<Embedder> emb = NotFound("");
  std::thread loader([&emb, root = ctx->settings_.models_root] {
    auto files = ReadModelFiles(root);
    emb = files ? Embedder::Load(*files) : Result<Embedder>(std::unexpected(files.error()));
  });
  Status read = ctx->ReadInputs();
  // English's rewriter (its idea patterns are the largest set Charter
  // compiles, about 0.2 s) is built on a third thread while this one builds
  // the extractor: every document of a bulk run is rewritten and merged with
  // the base by the rules of its language (English: every base we know).
  std::thread rewriter;
  if (read && (settings.lang.empty() || settings.lang == "en" || !ctx->base_.empty()))
    rewriter = std::thread([&ctx] { (void)ctx->Tools("en"); });
  if (read && !ctx->base_.empty()) {
    if (settings.lang.empty() || settings.lang == "en") {
      (void)ctx->pipeline_->ExtractorFor("en");
      Document empty;
      empty.lang = "en";
      (void)ctx->pipeline_->Segment(empty);
    }
  }
  if (rewriter.joinable()) rewriter.join();
  loader.join();
  if (!read) return std::unexpected(read.error());
  if (!emb) return std::unexpected(emb.error());
  ctx->embedder_ = std::make_shared<const Embedder>(std::move(*emb));
  ctx->BaseVectors();
  return ctx;
}

Status ConvertContext::ReadInputs() {
  const ConvertSettings& settings = settings_;
  ConvertContext* ctx = this;
  ctx->pipeline_ = std::make_unique<Pipeline>(PipelineOptions{
      .lang = settings.lang, .rules_root = ctx->settings_.rules_root, .format = ""});
  if (!settings.base_path.empty()) {
    auto bytes = ReadFile(settings.base_path);
    if (!bytes) return std::unexpected(bytes.error());
    auto base = ParseBaseConstitution(*bytes, settings.base_path);
    if (!base) return std::unexpected(base.error());
    ctx->base_ = std::move(*base);
    ctx->base_name_ = fs::path(settings.base_path).filename().string();
  }
  if (!settings.decisions_path.empty()) {
    auto bytes = ReadFile(settings.decisions_path);
    if (!bytes) return std::unexpected(bytes.error());
    auto d = ParseDecisions(*bytes, settings.decisions_path);
    if (!d) return std::unexpected(d.error());
    ctx->decisions_ = std::move(*d);
  }
  if (!settings.system_chat_path.empty()) {
    auto bytes = ReadFile(settings.system_chat_path);
    if (!bytes) return std::unexpected(bytes.error());
    auto j = nlohmann::ordered_json::parse(*bytes, nullptr, false);
    if (j.is_object() && j.contains("system_chat")) j = j.at("system_chat");
    if (!j.is_array())
      return InvalidArgument(
          settings.system_chat_path +
          ": expected a JSON array of dialogues or an object with \"system_chat\"");
    ctx->system_chat_ = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return {};
}

void ConvertContext::BaseVectors() {
  ConvertContext* ctx = this;
  auto cache = std::make_shared<std::map<std::string, std::vector<float>>>();
  if (!ctx->base_.empty()) {
    // Keyed by the text the merge embeds (MergeTools::idea): the rewrite
    // rules of the base's language (English: every base we know).
    // Without English rules the merge embeds other texts: no cache then.
    // Tools reads only the rewriters and the embedder, set by now.
    auto tools = ctx->Tools("en");
    std::vector<std::string> cores;
    auto ideas = std::make_shared<std::map<std::string, Ideas>>();
    if (tools) {
      for (const Principle& p : ctx->base_) {
        Ideas i{tools->idea(p), tools->terms(p),
                tools->ideas ? tools->ideas(p) : std::vector<std::string>{}};
        cores.push_back(i.text);
        ideas->emplace(p.text, std::move(i));
      }
    }
    ctx->base_ideas_ = std::move(ideas);
    std::vector<float> vecs = ctx->embedder_->EmbedBatch(cores);
    size_t dim = static_cast<size_t>(ctx->embedder_->dim());
    for (size_t i = 0; i < cores.size() && (i + 1) * dim <= vecs.size(); ++i)
      (*cache)[cores[i]] = std::vector<float>(vecs.begin() + static_cast<long>(i * dim),
                                              vecs.begin() + static_cast<long>((i + 1) * dim));
  }
  ctx->base_vectors_ = std::move(cache);
}

Result<MergeTools> ConvertContext::Tools(const std::string& lang) {
  std::shared_ptr<const Rewriter> rw;
  std::shared_ptr<const ConflictRules> conflicts;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = rewriters_.find(lang);
    if (it != rewriters_.end()) {
      rw = it->second;
      conflicts = conflicts_.at(lang);
    }
  }
  if (!rw) {
    auto rules = pipeline_->Rules(lang);
    if (!rules) return std::unexpected(rules.error());
    auto created = Rewriter::Create(*rules, lang);
    if (!created) return std::unexpected(created.error());
    auto c = ConflictRules::Create(*rules, lang);
    if (!c) return std::unexpected(c.error());
    std::lock_guard<std::mutex> lock(mu_);
    rw = rewriters_.emplace(lang, std::make_shared<const Rewriter>(std::move(*created)))
             .first->second;
    conflicts = conflicts_.emplace(lang, std::make_shared<const ConflictRules>(std::move(*c)))
                    .first->second;
  }
  std::shared_ptr<const Embedder> emb = embedder_;
  MergeTools tools;
  tools.embed = [emb, cache = base_vectors_](const std::vector<std::string>& texts) {
    // Texts already embedded (the base) come from the cache; the rest in one batch.
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
  // per document (58 codings a document; 0.6% of bulk's instructions).
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
  tools.concise = [rw](const Principle& p) { return rw->Concise(p); };
  tools.cluster = [](const std::vector<float>& vecs, int dim, float threshold) {
    return ClusterAverageLinkage(vecs, dim, threshold);
  };
  if (!rw->IdeaInventory().empty()) {
    tools.idea_principle = [rw](const std::string& id) { return rw->IdeaPrinciple(id); };
    for (const IdeaSet::Conflict& c : rw->IdeaInventory().conflicts())
      tools.idea_conflicts.push_back({c.a, c.b, c.rule_id});
  }
  // The rule-data objects live as long as the context (cached above).
  tools.conflicts = conflicts.get();
  return tools;
}

namespace {

// A document whose words are less than this share of its detected language's
// common words (Document::lang_share) is in none of Charter's languages: over
// the corpus, English texts score 0.41-0.55 with English common words, and
// the UDHR in Turkish, Vietnamese, Zulu, Hausa ... 0.00-0.06 with the nearest
// language's.
constexpr double kMinCommonWordShare = 0.2;

}  // namespace

Result<std::vector<Principle>> ConvertContext::Principles(const std::string& path,
                                                          std::string* lang) {
  auto c = ConvertDocument(path, lang);
  if (!c) return std::unexpected(c.error());
  return std::move(c->principles);
}

Result<Conversion> ConvertContext::ConvertDocument(const std::string& path, std::string* lang) {
  auto doc = pipeline_->Load(path);
  if (!doc) return std::unexpected(doc.error());
  if (lang) *lang = doc->lang;
  // Principles are written in English from English clauses. Language
  // detection picks the language whose common words the text uses most, and
  // English when none is used at all: a document that uses few of the chosen
  // language's common words is in none Charter has rules for (Turkish,
  // Arabic, Vietnamese ...), and English rules would write nonsense or
  // nothing, silently. One in a language without rewrite rules (es, fr, de
  // ...) cannot be converted either.
  auto rules = pipeline_->Rules(doc->lang);
  if (!rules) return std::unexpected(rules.error());
  if (doc->lang_share < kMinCommonWordShare)
    return InvalidArgument(
        path + ": the document is in no language Charter has rules for (" +
        std::to_string(static_cast<int>(doc->lang_share * 100 + 0.5)) +
        "% of its words are common '" + doc->lang +
        "' words, the nearest; a text in it has 40% or more), and principles are " +
        "written from English text: convert an English translation");
  if (!rules->count(doc->lang + "/rewrite.tsv"))
    return InvalidArgument(
        path + ": the document is in '" + doc->lang + "' (rules/" + doc->lang +
        "/ has no rewrite rules), and principles are written from English " +
        "text: convert an English translation; `charter extract` reads this one");
  auto units = pipeline_->Segment(*doc);
  if (!units) return std::unexpected(units.error());
  // The units become the clauses' units: moved, not copied.
  auto clauses = pipeline_->Extract(std::move(*units), doc->lang);
  if (!clauses) return std::unexpected(clauses.error());
  auto tools = Tools(doc->lang);
  if (!tools) return std::unexpected(tools.error());
  std::shared_ptr<const Rewriter> rw;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rw = rewriters_.at(doc->lang);
  }
  return rw->Convert(*clauses);
}

Result<ConvertRun> ConvertContext::MergeSet(const std::vector<Principle>& principles,
                                            const std::string& name, const std::string& lang,
                                            std::vector<Unconverted> unconverted) {
  ConvertRun run;
  run.name = name;
  // Without its tools (a language with no rewrite rules) a merge would
  // write the base's principles as none: an error, never an empty plan.
  const std::string rules_lang = lang.empty() ? "en" : lang;
  auto tools = Tools(rules_lang);
  if (!tools)
    return MakeError(tools.error().code, "merge: the rules of '" + rules_lang +
                                             "' cannot merge principles: " + tools.error().message);
  MergeOptions o;
  o.duplicate = settings_.duplicate;
  o.similar = settings_.similar;
  o.combine = settings_.combine;
  o.lexical = settings_.lexical;
  o.topical = settings_.topical;
  o.max_chars = settings_.max_chars;
  o.country = name;
  o.base_name = base_name_;
  o.decisions = decisions_;
  run.plan = MergeCountry(base_, principles, *tools, o);
  run.plan.unconverted = std::move(unconverted);
  run.files = RenderCountryOutputs(run.plan, system_chat_);
  return run;
}

Result<ConvertRun> ConvertContext::Convert(const std::string& path, const std::string& name) {
  Conversion conversion;
  std::string lang = settings_.lang.empty() ? "en" : settings_.lang;
  if (!path.empty()) {
    auto converted = ConvertDocument(path, &lang);
    if (!converted) return std::unexpected(converted.error());
    conversion = std::move(*converted);
  } else {
    auto tools = Tools(lang);
    if (!tools) return std::unexpected(tools.error());
  }
  return MergeSet(conversion.principles, name, lang, std::move(conversion.unconverted));
}

std::map<std::string, std::string> RenderCountryOutputs(const MergePlan& plan,
                                                        const std::string& system_chat) {
  std::map<std::string, std::string> files;
  std::vector<Principle> constitution = ConstitutionPrinciples(plan);
  files["principles.jsonl"] = PrinciplesToJsonl(plan.country_principles);
  files["constitution.jsonl"] = ConstitutionJsonl(plan);
  files["constitution.md"] = ConstitutionMarkdown(plan);
  files["report.md"] = ReportMarkdown(plan);
  files["report.html"] = ReportHtml(plan);
  files["report.json"] = ReportJson(plan);
  files["cai.json"] = CaiJson(constitution, system_chat);
  files["langchain.json"] = LangChainJson(constitution);
  files["decisions.template.tsv"] = DecisionsTemplate(plan);
  return files;
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
