// cmd_train.cc — `charter train CORPUS... --out models/`: trains the
// sentencepiece model and the embedding model (src/embed/train.h) on every
// .txt/.md/.jsonl/.csv file under the given files and folders.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "core/io.h"
#include "core/text.h"
#include "embed/train.h"

namespace charter::cli {

namespace {

struct TrainArgs {
  std::vector<std::string> inputs;
  std::string out = "models";
  int seed = 1;
  int dim = 256;
  int lex_dim = 256;
  int vocab = 16000;
  int window = 16;
  int threads = 2;
};

int RunTrain(const TrainArgs& a) {
  TrainOptions o;
  o.seed = a.seed;
  o.sem_dim = a.dim;
  o.lex_dim = a.lex_dim;
  o.vocab_size = a.vocab;
  o.window = a.window;
  o.threads = a.threads;
  if (auto st = ValidateTrainOptions(o); !st) return Fail(st.error().message);
  if (!std::filesystem::is_directory(a.out)) return Fail(a.out + ": output folder not found");

  const auto start = std::chrono::steady_clock::now();
  std::vector<CorpusText> corpus;
  size_t bytes = 0;
  for (const auto& in : a.inputs) {
    std::vector<std::string> paths;
    // Files are named relative to the folder above the input, so the model
    // (and the corpus checksum in the manifest) does not depend on where
    // the corpus lies: ".../shared/corpora" -> "corpora/constitutions/en/ind.txt".
    std::filesystem::path base = std::filesystem::path(in).lexically_normal();
    if (!base.has_filename()) base = base.parent_path();
    base = base.parent_path();
    if (std::filesystem::is_directory(in)) {
      auto list = ListFiles(in, {".txt", ".md", ".jsonl", ".csv"});
      if (!list) return Fail(list.error().message);
      paths = std::move(*list);
    } else {
      paths.push_back(in);
    }
    for (const auto& p : paths) {
      // Only the comment texts of Polis exports: votes/participants are numbers.
      auto data = ReadFile(p);
      if (!data) return Fail(data.error().message);
      bytes += data->size();
      std::string name =
          std::filesystem::path(p).lexically_normal().lexically_relative(base).string();
      if (!std::filesystem::is_directory(in) || name.empty() || StartsWith(name, "..")) name = p;
      CorpusText t = CorpusFromFile(name, *data);
      if (!t.lines.empty()) corpus.push_back(std::move(t));
    }
  }
  if (corpus.empty()) return Fail("train: no text found in the given inputs");
  std::cerr << "charter: training on " << corpus.size() << " files (" << bytes / 1024
            << " KiB read)\n";
  auto files = TrainModel(corpus, o);
  if (!files) return Fail(files.error().message);
  for (const auto& [name, data] : files->files) {
    if (auto st = WriteFileAtomic(a.out + "/" + name, data); !st) return Fail(st.error().message);
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "charter: wrote " << a.out << "/{charter.spm.model,charter.emb,manifest.json} in "
            << static_cast<int>(secs) << " s\n";
  return kExitOk;
}

}  // namespace

Command TrainCommand() {
  return {
      "train", "Train the sentencepiece + embedding models on a corpus",
      [](CLI::App* sub) -> std::function<int()> {
        auto a = std::make_shared<TrainArgs>();
        sub->add_option("corpus", a->inputs, "Files or folders (.txt .md .jsonl .csv)")->required();
        sub->add_option("--out", a->out, "Output folder (must exist)")->capture_default_str();
        sub->add_option("--seed", a->seed, "Random seed")->capture_default_str();
        sub->add_option("--dim", a->dim, "Semantic dimensions")->capture_default_str();
        sub->add_option("--lex-dim", a->lex_dim, "Hashed lexical dimensions")
            ->capture_default_str();
        sub->add_option("--vocab", a->vocab, "sentencepiece vocabulary size")
            ->capture_default_str();
        sub->add_option("--window", a->window, "Co-occurrence window (pieces each side)")
            ->capture_default_str();
        sub->add_option("--threads", a->threads, "Threads")->capture_default_str();
        sub->footer("Example: charter train ../shared/corpora --out models/ --seed 1");
        return [a] { return RunTrain(*a); };
      }};
}

}  // namespace charter::cli
