// linalg.cc — randomized SVD and Jacobi eigen-decomposition, plain loops.
//
// Kept as own code rather than LAPACK (dgeqrf/dorgqr for the QR step, dsyev
// for the eigen-decomposition, through the OpenBLAS faiss links) because a
// trained model must be byte-identical whatever the thread count and the
// machine. Measured (issue 20, `charter train` on 9 constitutions, --vocab
// 5000 --dim 256): with LAPACK the charter.emb bytes differed between
// OPENBLAS_NUM_THREADS=1 and 2 and between OPENBLAS_CORETYPE=Haswell, Prescott
// and SkylakeX (four different checksums out of five runs); these loops give
// one file in all five. LAPACK was faster (that training 3.3-4.0 s against
// 8.5-11 s; randomized SVD of a 16000 x 16000 sparse matrix, k=256: 21.6 s
// against 37.7 s; the 256 x 256 eigenproblem 0.15 s against 1.8 s), with the
// same singular values to float precision.
#include "embed/linalg.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace charter::embed {

namespace {

// Portable standard normal from a 64-bit generator (Box-Muller), so the same
// seed gives the same matrix with any standard library.
double Normal(std::mt19937_64& g) {
  double u1 = (static_cast<double>(g() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
  double u2 = (static_cast<double>(g() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

// y (rows x l) = a x, x: cols x l, all row-major.
void MulA(const SparseMatrix& a, const std::vector<double>& x, int l, std::vector<double>* y) {
  y->assign(static_cast<size_t>(a.rows) * l, 0.0);
#pragma omp parallel for schedule(static) num_threads(2)
  for (int r = 0; r < a.rows; ++r) {
    double* out = &(*y)[static_cast<size_t>(r) * l];
    for (int64_t p = a.indptr[r]; p < a.indptr[r + 1]; ++p) {
      const double v = a.values[p];
      const double* in = &x[static_cast<size_t>(a.indices[p]) * l];
      for (int j = 0; j < l; ++j) out[j] += v * in[j];
    }
  }
}

// y (cols x l) = a^T x, x: rows x l.
void MulAT(const SparseMatrix& a, const std::vector<double>& x, int l, std::vector<double>* y) {
  y->assign(static_cast<size_t>(a.cols) * l, 0.0);
  for (int r = 0; r < a.rows; ++r) {
    const double* in = &x[static_cast<size_t>(r) * l];
    for (int64_t p = a.indptr[r]; p < a.indptr[r + 1]; ++p) {
      const double v = a.values[p];
      double* out = &(*y)[static_cast<size_t>(a.indices[p]) * l];
      for (int j = 0; j < l; ++j) out[j] += v * in[j];
    }
  }
}

// Orthonormalises the columns of row-major n x l `y` (modified Gram-Schmidt,
// twice for stability). A column that vanishes becomes zero.
void Orthonormalize(std::vector<double>* y, int n, int l) {
  std::vector<double> col(static_cast<size_t>(l) * n);  // column-major copy
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < l; ++j)
      col[static_cast<size_t>(j) * n + i] = (*y)[static_cast<size_t>(i) * l + j];
  for (int pass = 0; pass < 2; ++pass) {
    for (int j = 0; j < l; ++j) {
      double* cj = &col[static_cast<size_t>(j) * n];
      for (int k = 0; k < j; ++k) {
        const double* ck = &col[static_cast<size_t>(k) * n];
        double dot = 0;
        for (int i = 0; i < n; ++i) dot += cj[i] * ck[i];
        for (int i = 0; i < n; ++i) cj[i] -= dot * ck[i];
      }
      double norm = 0;
      for (int i = 0; i < n; ++i) norm += cj[i] * cj[i];
      norm = std::sqrt(norm);
      if (norm < 1e-12) {
        std::fill(cj, cj + n, 0.0);
      } else {
        for (int i = 0; i < n; ++i) cj[i] /= norm;
      }
    }
  }
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < l; ++j)
      (*y)[static_cast<size_t>(i) * l + j] = col[static_cast<size_t>(j) * n + i];
}

}  // namespace

void SymmetricEigen(std::vector<double> a, int n, std::vector<double>* w, std::vector<double>* v) {
  const size_t N = static_cast<size_t>(n);
  v->assign(N * N, 0.0);
  for (size_t i = 0; i < N; ++i) (*v)[i * N + i] = 1.0;
  for (int sweep = 0; sweep < 60; ++sweep) {
    double off = 0;
    for (size_t i = 0; i < N; ++i)
      for (size_t j = i + 1; j < N; ++j) off += a[i * N + j] * a[i * N + j];
    if (off < 1e-22) break;
    for (size_t p = 0; p < N; ++p) {
      for (size_t q = p + 1; q < N; ++q) {
        double apq = a[p * N + q];
        if (std::fabs(apq) < 1e-300) continue;
        double theta = (a[q * N + q] - a[p * N + p]) / (2 * apq);
        double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (size_t k = 0; k < N; ++k) {  // rotate rows/cols p, q
          double akp = a[k * N + p], akq = a[k * N + q];
          a[k * N + p] = c * akp - s * akq;
          a[k * N + q] = s * akp + c * akq;
        }
        for (size_t k = 0; k < N; ++k) {
          double apk = a[p * N + k], aqk = a[q * N + k];
          a[p * N + k] = c * apk - s * aqk;
          a[q * N + k] = s * apk + c * aqk;
        }
        for (size_t k = 0; k < N; ++k) {
          double vkp = (*v)[k * N + p], vkq = (*v)[k * N + q];
          (*v)[k * N + p] = c * vkp - s * vkq;
          (*v)[k * N + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<int> order(N);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return a[static_cast<size_t>(x) * N + x] > a[static_cast<size_t>(y) * N + y];
  });
  std::vector<double> vs(N * N);
  w->resize(N);
  for (size_t j = 0; j < N; ++j) {
    size_t o = static_cast<size_t>(order[j]);
    (*w)[j] = a[o * N + o];
    for (size_t k = 0; k < N; ++k) vs[k * N + j] = (*v)[k * N + o];
  }
  *v = std::move(vs);
}

void RandomizedSvd(const SparseMatrix& a, int k, int oversample, int iters, uint64_t seed,
                   std::vector<float>* u, std::vector<float>* s) {
  const int l = std::min(k + oversample, std::min(a.rows, a.cols));
  k = std::min(k, l);
  std::mt19937_64 g(seed);
  std::vector<double> omega(static_cast<size_t>(a.cols) * l);
  for (double& x : omega) x = Normal(g);
  std::vector<double> y, z;
  MulA(a, omega, l, &y);
  Orthonormalize(&y, a.rows, l);
  for (int it = 0; it < iters; ++it) {
    MulAT(a, y, l, &z);
    Orthonormalize(&z, a.cols, l);
    MulA(a, z, l, &y);
    Orthonormalize(&y, a.rows, l);
  }
  // B = Q^T A; B B^T = (A^T Q)^T (A^T Q).
  MulAT(a, y, l, &z);  // cols x l
  std::vector<double> bbt(static_cast<size_t>(l) * l, 0.0);
  for (int r = 0; r < a.cols; ++r) {
    const double* zr = &z[static_cast<size_t>(r) * l];
    for (int i = 0; i < l; ++i) {
      const double zi = zr[i];
      if (zi == 0) continue;
      double* row = &bbt[static_cast<size_t>(i) * l];
      for (int j = 0; j < l; ++j) row[j] += zi * zr[j];
    }
  }
  std::vector<double> w, v;
  SymmetricEigen(std::move(bbt), l, &w, &v);
  s->assign(static_cast<size_t>(k), 0.0f);
  for (int j = 0; j < k; ++j)
    (*s)[static_cast<size_t>(j)] =
        static_cast<float>(std::sqrt(std::max(0.0, w[static_cast<size_t>(j)])));
  u->assign(static_cast<size_t>(a.rows) * k, 0.0f);
  for (int r = 0; r < a.rows; ++r) {
    const double* q = &y[static_cast<size_t>(r) * l];
    for (int j = 0; j < k; ++j) {
      double acc = 0;
      for (int i = 0; i < l; ++i) acc += q[i] * v[static_cast<size_t>(i) * l + j];
      (*u)[static_cast<size_t>(r) * k + j] = static_cast<float>(acc);
    }
  }
}

std::vector<float> TopDirections(const std::vector<float>& x, int n, int d, int k) {
  const size_t D = static_cast<size_t>(d);
  std::vector<double> cov(D * D, 0.0);
  for (int i = 0; i < n; ++i) {
    const float* r = &x[static_cast<size_t>(i) * D];
    for (size_t a = 0; a < D; ++a) {
      if (r[a] == 0) continue;
      double* row = &cov[a * D];
      for (size_t b = 0; b < D; ++b) row[b] += static_cast<double>(r[a]) * r[b];
    }
  }
  std::vector<double> w, v;
  SymmetricEigen(std::move(cov), d, &w, &v);
  k = std::min(k, d);
  std::vector<float> out(static_cast<size_t>(k) * D);
  for (int c = 0; c < k; ++c)
    for (size_t a = 0; a < D; ++a)
      out[static_cast<size_t>(c) * D + a] = static_cast<float>(v[a * D + static_cast<size_t>(c)]);
  return out;
}

}  // namespace charter::embed
