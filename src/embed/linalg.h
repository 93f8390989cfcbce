// linalg.h — the little dense/sparse linear algebra that training needs
// (internal to the embed stage): a sparse matrix in CSR form, a randomized
// truncated SVD (Halko, Martinsson & Tropp 2011) and the top principal
// direction of a dense matrix. Plain loops; deterministic for a given seed.
//
// Thread-safe: pure functions.
//
//   SparseMatrix a = ...;                       // rows x cols, CSR
//   std::vector<float> u, s;
//   RandomizedSvd(a, 256, 20, 2, /*seed=*/1, &u, &s);  // u: rows x 256
#pragma once

#include <cstdint>
#include <vector>

namespace charter::embed {

struct SparseMatrix {
  int rows = 0;
  int cols = 0;
  std::vector<int64_t> indptr;  // rows + 1
  std::vector<int32_t> indices;
  std::vector<float> values;
};

// Top-k left singular vectors `u` (rows x k, row-major) and singular values
// `s` (k, descending) of `a`, with `oversample` extra columns and `iters`
// power iterations.
void RandomizedSvd(const SparseMatrix& a, int k, int oversample, int iters, uint64_t seed,
                   std::vector<float>* u, std::vector<float>* s);

// The top `k` principal directions (uncentred) of the row-major n x d matrix
// `x`, as k unit rows of d floats, strongest first.
std::vector<float> TopDirections(const std::vector<float>& x, int n, int d, int k);

// Eigen-decomposition of the symmetric row-major n x n matrix `a` (cyclic
// Jacobi): eigenvalues descending in `w`, eigenvectors as columns of `v`.
void SymmetricEigen(std::vector<double> a, int n, std::vector<double>* w, std::vector<double>* v);

}  // namespace charter::embed
