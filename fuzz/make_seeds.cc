// make_seeds.cc — writes small valid files into a folder, as seeds for the
// fuzz targets of binary formats (scripts/fuzz.sh): tiny.emb (a model of 5
// pieces), flat.idx and ivf.idx (vector indexes), tiny.search (a search
// index). The committed model is 4.7 MB: too slow a seed.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "embed/index.h"
#include "embed/model.h"
#include "embed/search_index.h"

using namespace charter;

namespace {

bool Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

std::vector<float> Vectors(int n, int dim) {
  std::vector<float> v(static_cast<size_t>(n * dim));
  for (int i = 0; i < n; ++i) {
    float norm = 0;
    for (int d = 0; d < dim; ++d) {
      float x = std::sin(static_cast<float>(i * 7 + d * 3 + 1));
      v[static_cast<size_t>(i * dim + d)] = x;
      norm += x * x;
    }
    for (int d = 0; d < dim; ++d) v[static_cast<size_t>(i * dim + d)] /= std::sqrt(norm);
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  embed::Model m;
  m.sem_dim = 4;
  m.lex_dim = 8;
  m.n_pieces = 5;
  m.vectors = Vectors(5, 4);
  m.sif = {0.5f, 0.6f, 0.7f, 0.8f, 0.9f};
  m.idf = {1.0f, 1.5f, 2.0f, 2.5f, 3.0f};
  m.pc = {1.0f, 0.0f, 0.0f, 0.0f};
  m.langs = {"en", "fr"};
  m.piece_lang = {0, 0, 1, 1, 0};
  m.piece_lang_conf = {1.0f, 1.0f, 0.8f, 0.6f, 1.0f};
  m.dict.resize(2);
  m.dict[1][2] = {{0, 0.7f}, {1, 0.3f}};
  m.words = {"right", "freedom"};
  std::string emb = embed::SerializeModel(m);
  if (!embed::ParseModel(emb, "tiny.emb")) return 1;
  bool ok = Write(dir + "/tiny.emb", emb);

  std::vector<float> v = Vectors(40, 8);
  auto flat = VectorIndex::Build(v, 8);
  IndexOptions ivf_options;
  ivf_options.exact_max = 10;
  auto ivf = VectorIndex::Build(v, 8, ivf_options);
  if (!flat || !ivf) return 1;
  ok = ok && Write(dir + "/flat.idx", flat->Save().value());
  ok = ok && Write(dir + "/ivf.idx", ivf->Save().value());
  std::vector<EmbedUnit> units;
  for (int i = 0; i < 40; ++i)
    units.push_back({"doc.txt",
                     "Art. " + std::to_string(i + 1),
                     static_cast<uint32_t>(i + 1),
                     static_cast<uint32_t>(i + 1),
                     "Everyone has the right " + std::to_string(i),
                     "Caption",
                     {"speech"}});
  auto search = SaveSearchIndex(units, *flat);
  if (!search) return 1;
  ok = ok && Write(dir + "/tiny.search", *search);
  if (!ok) {
    std::fprintf(stderr, "%s: cannot write into %s\n", argv[0], dir.c_str());
    return 1;
  }
  return 0;
}
