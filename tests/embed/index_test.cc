// Tests for VectorIndex (src/embed/index.h): faiss agrees with brute force,
// files round-trip, damaged files give exact errors.
#include "embed/index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace charter;

namespace {

std::vector<float> RandomUnitVectors(int n, int dim, unsigned seed) {
  std::mt19937 g(seed);
  std::normal_distribution<float> nd;
  std::vector<float> v(static_cast<size_t>(n) * dim);
  for (int i = 0; i < n; ++i) {
    float norm = 0;
    for (int d = 0; d < dim; ++d) norm += (v[i * dim + d] = nd(g)) * v[i * dim + d];
    for (int d = 0; d < dim; ++d) v[i * dim + d] /= std::sqrt(norm);
  }
  return v;
}

float Dot(const float* a, const float* b, int d) {
  float s = 0;
  for (int i = 0; i < d; ++i) s += a[i] * b[i];
  return s;
}

std::vector<Neighbor> BruteTopK(const std::vector<float>& v, int dim, const float* q, int k) {
  std::vector<Neighbor> all;
  for (size_t i = 0; i < v.size() / dim; ++i)
    all.push_back({static_cast<int64_t>(i), Dot(&v[i * dim], q, dim)});
  std::sort(all.begin(), all.end(),
            [](auto& a, auto& b) { return a.score != b.score ? a.score > b.score : a.id < b.id; });
  all.resize(std::min<size_t>(all.size(), static_cast<size_t>(k)));
  return all;
}

}  // namespace

TEST_CASE("flat index search returns the brute-force top k", "[embed]") {
  const int dim = 16, n = 300;
  auto v = RandomUnitVectors(n, dim, 1);
  auto idx = VectorIndex::Build(v, dim);
  REQUIRE(idx);
  CHECK(idx->kind() == "flat");
  auto q = RandomUnitVectors(20, dim, 2);
  for (int i = 0; i < 20; ++i) {
    auto got = idx->Search(std::span<const float>(&q[i * dim], dim), 7);
    REQUIRE(got);
    auto want = BruteTopK(v, dim, &q[i * dim], 7);
    REQUIRE(got->size() == want.size());
    for (size_t j = 0; j < want.size(); ++j) {
      CHECK(got->at(j).id == want[j].id);
      CHECK(got->at(j).score == Approx(want[j].score).margin(1e-5));
    }
  }
}

TEST_CASE("IVF index probing every list returns the brute-force top k", "[embed]") {
  const int dim = 8, n = 2000;
  auto v = RandomUnitVectors(n, dim, 3);
  auto idx = VectorIndex::Build(v, dim, IndexOptions{.exact_max = 100, .nprobe = 100000});
  REQUIRE(idx);
  CHECK(idx->kind() == "ivf");
  auto q = RandomUnitVectors(10, dim, 4);
  for (int i = 0; i < 10; ++i) {
    auto got = idx->Search(std::span<const float>(&q[i * dim], dim), 5);
    REQUIRE(got);
    auto want = BruteTopK(v, dim, &q[i * dim], 5);
    for (size_t j = 0; j < want.size(); ++j) CHECK(got->at(j).id == want[j].id);
  }
}

TEST_CASE("range search returns exactly the rows at or above the threshold", "[embed]") {
  const int dim = 12, n = 400;
  auto v = RandomUnitVectors(n, dim, 5);
  for (IndexOptions o : {IndexOptions{}, IndexOptions{.exact_max = 10, .nprobe = 100000}}) {
    auto idx = VectorIndex::Build(v, dim, o);
    REQUIRE(idx);
    auto q = RandomUnitVectors(5, dim, 6);
    for (int i = 0; i < 5; ++i) {
      auto got = idx->RangeSearch(std::span<const float>(&q[i * dim], dim), 0.5f);
      REQUIRE(got);
      std::vector<int64_t> want, have;
      for (int j = 0; j < n; ++j)
        if (Dot(&v[j * dim], &q[i * dim], dim) >= 0.5f) want.push_back(j);
      for (const auto& h : *got) have.push_back(h.id);
      std::sort(have.begin(), have.end());
      CHECK(have == want);
    }
  }
}

TEST_CASE("all pairs above a threshold match brute force", "[embed]") {
  const int dim = 6, n = 150;
  auto v = RandomUnitVectors(n, dim, 7);
  auto idx = VectorIndex::Build(v, dim);
  REQUIRE(idx);
  auto pairs = idx->AllPairsAbove(0.8f);
  REQUIRE(pairs);
  std::vector<std::pair<int64_t, int64_t>> want, have;
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b)
      if (Dot(&v[a * dim], &v[b * dim], dim) >= 0.8f) want.push_back({a, b});
  for (const auto& p : *pairs) have.push_back({p.a, p.b});
  CHECK(have == want);
}

TEST_CASE("an index saved and loaded answers the same", "[embed]") {
  const int dim = 10;
  auto v = RandomUnitVectors(50, dim, 8);
  // Flat, and IVF (its payload is walked before faiss reads it).
  auto o = GENERATE(IndexOptions{}, IndexOptions{.exact_max = 10});
  auto idx = VectorIndex::Build(v, dim, o);
  REQUIRE(idx);
  auto bytes = idx->Save();
  REQUIRE(bytes);
  auto back = VectorIndex::Load(*bytes, "x.idx");
  REQUIRE(back);
  CHECK(back->size() == 50);
  CHECK(back->dim() == dim);
  auto a = idx->Search(std::span<const float>(v.data(), dim), 5);
  auto b = back->Search(std::span<const float>(v.data(), dim), 5);
  REQUIRE(a);
  REQUIRE(b);
  for (size_t i = 0; i < a->size(); ++i) CHECK(a->at(i).id == b->at(i).id);
}

TEST_CASE("damaged index files are refused with a message naming the file", "[embed]") {
  const int dim = 4;
  auto v = RandomUnitVectors(20, dim, 9);
  auto bytes = *VectorIndex::Build(v, dim)->Save();
  auto err = [](std::string_view b) { return VectorIndex::Load(b, "idx.bin").error().message; };
  CHECK(err("hello") == "idx.bin: not a Charter index file (bad magic)");
  CHECK(err(bytes.substr(0, 20)) ==
        "idx.bin: truncated (20 bytes, shorter than the 48-byte header)");
  CHECK(err(bytes.substr(0, bytes.size() - 10)) ==
        "idx.bin: truncated (payload is " + std::to_string(bytes.size() - 58) +
            " bytes, header says " + std::to_string(bytes.size() - 48) + ")");
  std::string flipped = bytes;
  flipped[bytes.size() - 30] ^= 0x5a;
  CHECK(err(flipped) == "idx.bin: checksum mismatch (file is corrupt)");
  std::string version = bytes;
  version[8] = 9;
  CHECK(err(version) == "idx.bin: unsupported index format version 9 (expected 1)");
}

TEST_CASE("a query of the wrong dimension is an error, not a crash", "[embed]") {
  auto v = RandomUnitVectors(10, 4, 10);
  auto idx = VectorIndex::Build(v, 4);
  std::vector<float> q(3, 0.5f);
  auto r = idx->Search(q, 3);
  REQUIRE(!r);
  CHECK(r.error().message == "index search: query has 3 dimensions, index has 4");
}
