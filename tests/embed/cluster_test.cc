// Tests for ClusterVectors (src/embed/cluster.h): average linkage does not
// chain, is deterministic, and the sparse path agrees on clear groups.
#include "embed/cluster.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace charter;

namespace {

// Unit vector in the plane at `deg` degrees.
std::vector<float> At(std::initializer_list<double> degrees) {
  std::vector<float> v;
  for (double d : degrees) {
    v.push_back(static_cast<float>(std::cos(d * M_PI / 180)));
    v.push_back(static_cast<float>(std::sin(d * M_PI / 180)));
  }
  return v;
}

}  // namespace

TEST_CASE("average linkage does not chain A and C through B", "[embed]") {
  // A-B and B-C are similar (cos 40deg = 0.77), A-C is not (cos 80deg = 0.17).
  auto v = At({0, 40, 80});
  auto clusters = ClusterAverageLinkage(v, 2, 0.7f);
  // A and B join first (ties: lower index); C's average with {A, B} is
  // (0.77 + 0.17) / 2 = 0.47 < 0.7, so C stays apart.
  REQUIRE(clusters.size() == 2);
  CHECK(clusters[0] == std::vector<int>{0, 1});
  CHECK(clusters[1] == std::vector<int>{2});
}

TEST_CASE("two tight groups become two clusters", "[embed]") {
  auto v = At({0, 3, 6, 90, 93, 96, 180});
  auto clusters = ClusterAverageLinkage(v, 2, 0.9f);
  REQUIRE(clusters.size() == 3);
  CHECK(clusters[0] == std::vector<int>{0, 1, 2});
  CHECK(clusters[1] == std::vector<int>{3, 4, 5});
  CHECK(clusters[2] == std::vector<int>{6});
}

TEST_CASE("the kNN-graph path gives the same clear groups as the dense path", "[embed]") {
  std::vector<float> v;
  for (int g = 0; g < 4; ++g)
    for (int i = 0; i < 10; ++i) {
      auto p = At({g * 90.0 + i * 0.5});
      v.insert(v.end(), p.begin(), p.end());
    }
  ClusterOptions dense{.threshold = 0.95f};
  ClusterOptions sparse{.threshold = 0.95f, .dense_max = 5, .knn = 12};
  auto a = ClusterVectors(v, 2, dense);
  auto b = ClusterVectors(v, 2, sparse);
  CHECK(a.size() == 4);
  CHECK(a == b);
}

TEST_CASE("complete linkage is stricter than average linkage", "[embed]") {
  auto v = At({0, 20, 40});
  ClusterOptions avg{.threshold = 0.85f};
  ClusterOptions comp{.threshold = 0.85f, .complete = true};
  CHECK(ClusterVectors(v, 2, avg).size() == 1);   // avg of {0,20} to 40: (0.77+0.94)/2 = 0.85
  CHECK(ClusterVectors(v, 2, comp).size() == 2);  // min is 0.77
}

TEST_CASE("clustering the same input twice gives the same clusters", "[embed]") {
  auto v = At({0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100});
  CHECK(ClusterAverageLinkage(v, 2, 0.8f) == ClusterAverageLinkage(v, 2, 0.8f));
}

TEST_CASE("bad shapes give no clusters", "[embed]") {
  CHECK(ClusterAverageLinkage({1, 2, 3}, 2, 0.5f).empty());
  CHECK(ClusterAverageLinkage({}, 2, 0.5f).empty());
}
