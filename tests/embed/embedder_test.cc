// Tests for Embedder (src/embed/embedder.h) and training (train.h): the
// committed model ranks paraphrases above unrelated sentences, damaged model
// files give exact errors, training is deterministic.
#include "embed/embedder.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "embed/committed_embedder.h"
#include "embed/model.h"
#include "embed/train.h"
#include "files/files.h"
#include "test_util.h"

using namespace charter;

namespace {

using charter::testing::CommittedEmbedder;

float Dot(const std::vector<float>& a, const std::vector<float>& b) {
  float s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// A tiny corpus that trains in well under a second.
std::vector<CorpusText> TinyCorpus() {
  std::vector<CorpusText> c;
  c.push_back(
      CorpusFromFile("a.txt",
                     "Everyone has the right to life.\nNo one shall be subjected to torture.\n"
                     "Everyone has the right to freedom of expression.\n"
                     "The State shall provide free education for all children.\n"
                     "Everyone has the right to work and to just conditions of work.\n"));
  c.push_back(
      CorpusFromFile("b.txt",
                     "All persons are equal before the law.\nThe press shall be free.\n"
                     "No one shall be held in slavery.\nEvery citizen has the right to vote.\n"
                     "Everyone has the right to education.\n"));
  return c;
}

TrainOptions TinyOptions() {
  TrainOptions o;
  o.sem_dim = 8;
  o.lex_dim = 16;
  o.vocab_size = 100;
  o.min_count = 1;
  o.threads = 1;
  o.hard_vocab_limit = false;
  return o;
}

}  // namespace

TEST_CASE("embeddings are unit vectors of the model's dimension", "[embed]") {
  const Embedder& e = CommittedEmbedder();
  auto v = e.Embed("No one shall be subjected to torture");
  REQUIRE(static_cast<int>(v.size()) == e.dim());
  CHECK(Dot(v, v) == Approx(1.0f).margin(1e-4));
  auto z = e.Embed("");
  CHECK(Dot(z, z) == 0.0f);
}

TEST_CASE("paraphrases are closer than unrelated sentences", "[embed]") {
  const Embedder& e = CommittedEmbedder();
  struct Case {
    const char* a;
    const char* paraphrase;
    const char* unrelated;
  };
  const Case cases[] = {
      {"No one shall be subjected to torture", "Every person has the right not to be tortured",
       "Every person has the right to own property"},
      {"Everyone has the right to freedom of expression",
       "Freedom of speech and of the press is guaranteed",
       "The President shall be elected for a term of five years"},
      {"The State shall provide free primary education",
       "Every child has the right to basic schooling",
       "Parliament may amend this Constitution by a two-thirds majority"},
      {"All persons are equal before the law", "No one may be discriminated against",
       "Everyone has the right to rest and leisure"},
  };
  for (const auto& c : cases) {
    INFO(c.a);
    auto a = e.Embed(c.a);
    CHECK(Dot(a, e.Embed(c.paraphrase)) > Dot(a, e.Embed(c.unrelated)));
  }
}

TEST_CASE("a French article lands nearer its English original than another article", "[embed]") {
  const Embedder& e = CommittedEmbedder();
  auto fr = e.Embed(
      "Nul ne sera soumis à la torture, ni à des peines ou traitements cruels, "
      "inhumains ou dégradants.");
  auto en_same = e.Embed(
      "No one shall be subjected to torture or to cruel, inhuman or degrading "
      "treatment or punishment.");
  auto en_other =
      e.Embed("Everyone has the right to freedom of peaceful assembly and association.");
  CHECK(Dot(fr, en_same) > Dot(fr, en_other));
}

TEST_CASE("damaged model files are refused with a message naming the file", "[embed]") {
  auto good = ReadModelFiles(testing::ModelsDir());
  REQUIRE(good);
  good->dir = "m";
  auto err = [](const ModelFiles& f) { return Embedder::Load(f).error().message; };

  ModelFiles truncated = *good;
  std::string& emb = truncated.files["charter.emb"];
  const size_t full = emb.size();
  emb.resize(full / 2);
  CHECK(err(truncated) == "m/charter.emb: size " + std::to_string(full / 2) +
                              " does not match the manifest (" + std::to_string(full) +
                              "): truncated or from another model");

  ModelFiles flipped = *good;
  flipped.files["charter.emb"][full / 3] ^= 0x40;
  CHECK(err(flipped) == "m/charter.emb: checksum does not match the manifest (file is corrupt)");

  ModelFiles bad_manifest = *good;
  bad_manifest.files["manifest.json"] = "{\"format_version\": 7}";
  CHECK(err(bad_manifest) == "m/manifest.json: unsupported format version 7 (expected 1)");

  ModelFiles missing = *good;
  missing.files.erase("charter.spm.model");
  CHECK(err(missing) == "m/charter.spm.model: model file missing");
}

TEST_CASE("the model file parser itself refuses truncation, bad magic and versions", "[embed]") {
  auto good = ReadModelFiles(testing::ModelsDir());
  REQUIRE(good);
  const std::string& emb = good->files["charter.emb"];
  using embed::ParseModel;
  CHECK(ParseModel("nonsense", "e").error().message ==
        "e: not a Charter embedding file (bad magic)");
  CHECK(ParseModel(emb.substr(0, 20), "e").error().message ==
        "e: truncated (20 bytes, shorter than the header)");
  CHECK(ParseModel(emb.substr(0, 1000), "e").error().message ==
        "e: truncated or padded (1000 bytes, header says " + std::to_string(emb.size()) + ")");
  std::string v = emb;
  v[8] = 2;
  CHECK(ParseModel(v, "e").error().message == "e: unsupported format version 2 (expected 1)");
  std::string c = emb;
  c[c.size() / 2] ^= 1;
  CHECK(ParseModel(c, "e").error().message == "e: checksum mismatch (file is corrupt)");
}

TEST_CASE("training twice on the same corpus gives identical bytes", "[embed]") {
  auto a = TrainModel(TinyCorpus(), TinyOptions());
  REQUIRE(a);
  auto b = TrainModel(TinyCorpus(), TinyOptions());
  REQUIRE(b);
  CHECK(a->files == b->files);
  auto emb = Embedder::Load(*a);
  REQUIRE(emb);
  CHECK(emb->dim() == 24);
}

TEST_CASE("the order of corpus files does not change the model", "[embed]") {
  auto c = TinyCorpus();
  auto a = TrainModel(c, TinyOptions());
  std::reverse(c.begin(), c.end());
  auto b = TrainModel(c, TinyOptions());
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->files == b->files);
}

TEST_CASE("bad training options are refused before any work", "[embed]") {
  TrainOptions o;
  o.window = 0;
  auto r = TrainModel(TinyCorpus(), o);
  REQUIRE(!r);
  CHECK(r.error().message == "train: window must be in 1..50");
}

TEST_CASE("corpus files give lines by format", "[embed]") {
  CHECK(CorpusFromFile("x/instruments/udhr/pt-BR.txt", "a\nb").lang == "pt");
  CHECK(CorpusFromFile("x/constitutions/de/deu.txt", "a").lang == "de");
  CHECK(CorpusFromFile("x/constitutions/en/ind.txt", "a").lang == "en");
  auto csv = CorpusFromFile("c/comments.csv", "id,comment-body\n1,\"Hello, world\"\n2,Second\n");
  CHECK(csv.lines == std::vector<std::string>{"Hello, world", "Second"});
  auto jl = CorpusFromFile("p.jsonl",
                           "{\"id\": \"x\", \"text\": \"Choose the response that is kind.\"}\n");
  CHECK(jl.lines == std::vector<std::string>{"Choose the response that is kind."});
}

TEST_CASE("a warmed word encodes as it does without the cache, from any thread", "[embed]") {
  auto files = ReadModelFiles(testing::ModelsDir());
  REQUIRE(files);
  auto model = embed::ParseModel(files->files["charter.emb"], "charter.emb");
  REQUIRE(model);
  REQUIRE(model->words.size() > 100);
  auto plain = embed::Tokenizer::Create(files->files["charter.spm.model"], "spm");
  auto warm = embed::Tokenizer::Create(files->files["charter.spm.model"], "spm");
  REQUIRE(plain);
  REQUIRE(warm);
  (*warm)->Warm(model->words);
  std::vector<std::string> words(model->words.begin(), model->words.begin() + 100);
  words.push_back("constitutionality");  // not a frequent word: never cached
  std::vector<std::vector<int>> expect(words.size()), got(words.size()), again(words.size());
  for (size_t i = 0; i < words.size(); ++i) (*plain)->EncodeWord(words[i], &expect[i]);
  // Two threads encode the same words at once: each is encoded once, and both
  // read the same pieces.
  std::thread other([&] {
    for (size_t i = 0; i < words.size(); ++i) (*warm)->EncodeWord(words[i], &again[i]);
  });
  for (size_t i = 0; i < words.size(); ++i) (*warm)->EncodeWord(words[i], &got[i]);
  other.join();
  CHECK(got == expect);
  CHECK(again == expect);
  CHECK(!expect.front().empty());
}
