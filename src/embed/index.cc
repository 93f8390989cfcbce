// index.cc — VectorIndex over faiss (IndexFlatIP / IndexIVFFlat).
#include "embed/index.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFFlat.h>
#include <faiss/impl/AuxIndexStructures.h>
#include <faiss/impl/FaissException.h>
#include <faiss/impl/io.h>
#include <faiss/index_io.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "core/hash.h"

namespace charter {

namespace {

constexpr char kIndexMagic[8] = {'C', 'H', 'A', 'R', 'I', 'D', 'X', '\n'};
constexpr uint32_t kIndexFormatVersion = 1;
constexpr uint32_t kKindFlat = 1;
constexpr uint32_t kKindIvf = 2;
// magic, version, dim, kind, reserved, count, payload size, checksum
constexpr size_t kIndexHeader = 8 + 4 + 4 + 4 + 4 + 8 + 8 + 8;

// The one place faiss exceptions become Errors.
Status Faiss(const std::string& what, const std::function<void()>& fn) {
  try {
    fn();
  } catch (const faiss::FaissException& e) {
    return MakeError(Error::Code::kInvalidArgument, what + ": faiss: " + e.msg);
  } catch (const std::exception& e) {
    return MakeError(Error::Code::kInvalidArgument, what + ": faiss: " + e.what());
  }
  return {};
}

// Best first, ties by lower id: faiss leaves tie order to the implementation.
void SortNeighbors(std::vector<Neighbor>* v) {
  std::sort(v->begin(), v->end(), [](const Neighbor& a, const Neighbor& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
}

// Walks a faiss payload as faiss 1.7.3 writes an IndexFlatIP ("IxFI") or an
// IndexIVFFlat over one ("IwFl", ArrayInvertedLists "ilar"), checking every
// count against n, dim and the bytes left, so that faiss::read_index never
// allocates what a corrupt count says (it allocates first and finds the data
// short after: a 128 GB vector, found by fuzz_search_index).
class PayloadWalk {
 public:
  explicit PayloadWalk(std::string_view p) : p_(p) {}
  template <typename T>
  T Get() {
    T v{};
    if (!ok_ || sizeof(T) > p_.size() - at_) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, p_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  void Tag(std::string_view t) {
    if (!ok_ || t.size() > p_.size() - at_ || p_.substr(at_, t.size()) != t)
      ok_ = false;
    else
      at_ += t.size();
  }
  void Skip(uint64_t n) {
    if (!ok_ || n > p_.size() - at_)
      ok_ = false;
    else
      at_ += n;
  }
  bool Is(std::string_view t) const { return ok_ && p_.substr(at_, t.size()) == t; }
  void Fail() { ok_ = false; }
  bool done() const { return ok_ && at_ == p_.size(); }

  // write_index_header: d, ntotal, two dummies, is_trained, metric (+ arg).
  void Header(uint32_t dim, uint64_t n) {
    if (Get<int32_t>() != static_cast<int32_t>(dim) || Get<int64_t>() != static_cast<int64_t>(n))
      Fail();
    Get<int64_t>();
    Get<int64_t>();
    Get<uint8_t>();
    if (Get<int32_t>() > 1) Get<float>();
  }
  void Flat(uint32_t dim, uint64_t n) {
    Tag("IxFI");
    Header(dim, n);
    const uint64_t floats = n * dim;
    if (Get<uint64_t>() != floats) Fail();
    Skip(floats * 4);
  }
  void Ivf(uint32_t dim, uint64_t n) {
    Tag("IwFl");
    Header(dim, n);
    const uint64_t nlist = Get<uint64_t>();
    Get<uint64_t>();  // nprobe
    if (nlist == 0 || nlist > n) return Fail();
    Flat(dim, nlist);  // the quantizer: one centroid a list
    if (Get<uint8_t>() != 0 || Get<uint64_t>() != 0) return Fail();  // no direct map
    Tag("ilar");
    if (Get<uint64_t>() != nlist || Get<uint64_t>() != uint64_t{dim} * 4) return Fail();
    std::vector<uint64_t> sizes;
    if (Is("full")) {
      Tag("full");
      if (Get<uint64_t>() != nlist) return Fail();  // the sizes, as a vector
      for (uint64_t l = 0; l < nlist && ok_; ++l) sizes.push_back(Get<uint64_t>());
    } else {
      Tag("sprs");
      const uint64_t m = Get<uint64_t>();
      if (m % 2 != 0 || m > 2 * nlist) return Fail();
      sizes.assign(nlist, 0);
      for (uint64_t i = 0; i < m / 2 && ok_; ++i) {
        const uint64_t list = Get<uint64_t>(), size = Get<uint64_t>();
        if (list >= nlist) return Fail();
        sizes[list] = size;
      }
    }
    uint64_t total = 0;
    for (uint64_t size : sizes) {
      if (size > n - total) return Fail();
      total += size;
      Skip(size * (uint64_t{dim} * 4 + 8));  // codes, then ids
    }
    if (total != n) Fail();
  }

 private:
  std::string_view p_;
  size_t at_ = 0;
  bool ok_ = true;
};

bool PayloadHolds(std::string_view payload, uint32_t kind, uint32_t dim, uint64_t n) {
  PayloadWalk w(payload);
  if (kind == kKindFlat)
    w.Flat(dim, n);
  else
    w.Ivf(dim, n);
  return w.done();
}

}  // namespace

struct VectorIndex::Impl {
  int dim = 0;
  int64_t n = 0;
  uint32_t kind = kKindFlat;
  std::unique_ptr<faiss::Index> index;  // null when n == 0
};

Result<VectorIndex> VectorIndex::Build(std::span<const float> vecs, int dim,
                                       const IndexOptions& options) {
  if (dim <= 0) return InvalidArgument("index: dimension must be > 0, got " + std::to_string(dim));
  if (vecs.size() % static_cast<size_t>(dim) != 0) {
    return InvalidArgument("index: " + std::to_string(vecs.size()) +
                           " floats is not a whole number of " + std::to_string(dim) +
                           "-dimensional vectors");
  }
  auto impl = std::make_shared<Impl>();
  impl->dim = dim;
  impl->n = static_cast<int64_t>(vecs.size() / static_cast<size_t>(dim));
  const int64_t n = impl->n;
  if (n > 0) {
    auto st = Faiss("index build", [&] {
      if (n <= options.exact_max) {
        impl->kind = kKindFlat;
        auto flat = std::make_unique<faiss::IndexFlatIP>(dim);
        flat->add(n, vecs.data());
        impl->index = std::move(flat);
      } else {
        impl->kind = kKindIvf;
        // About sqrt(n) lists, with at least 39 training points per list
        // (faiss's own minimum for a meaningful k-means).
        size_t nlist = static_cast<size_t>(
            std::min(std::sqrt(static_cast<double>(n)), static_cast<double>(n) / 39.0));
        nlist = std::max<size_t>(nlist, 1);
        auto* quantizer = new faiss::IndexFlatIP(dim);
        auto ivf = std::make_unique<faiss::IndexIVFFlat>(quantizer, dim, nlist,
                                                         faiss::METRIC_INNER_PRODUCT);
        ivf->own_fields = true;
        ivf->cp.seed = options.seed;
        ivf->cp.niter = 10;
        // Train on an even sample: k-means cost grows with the training set.
        const int64_t max_train = static_cast<int64_t>(nlist) * 40;
        if (n > max_train) {
          std::vector<float> sample(static_cast<size_t>(max_train) * static_cast<size_t>(dim));
          for (int64_t i = 0; i < max_train; ++i) {
            int64_t src = i * n / max_train;
            std::memcpy(&sample[static_cast<size_t>(i * dim)],
                        &vecs[static_cast<size_t>(src * dim)],
                        sizeof(float) * static_cast<size_t>(dim));
          }
          ivf->train(max_train, sample.data());
        } else {
          ivf->train(n, vecs.data());
        }
        ivf->add(n, vecs.data());
        ivf->nprobe = static_cast<size_t>(std::max(1, options.nprobe));
        impl->index = std::move(ivf);
      }
    });
    if (!st) return std::unexpected(st.error());
  }
  VectorIndex out;
  out.impl_ = std::move(impl);
  return out;
}

int VectorIndex::dim() const { return impl_ ? impl_->dim : 0; }
int64_t VectorIndex::size() const { return impl_ ? impl_->n : 0; }
bool VectorIndex::exact() const { return !impl_ || impl_->kind == kKindFlat; }
std::string VectorIndex::kind() const { return exact() ? "flat" : "ivf"; }

Result<std::vector<std::vector<Neighbor>>> VectorIndex::SearchBatch(std::span<const float> queries,
                                                                    int k) const {
  const int d = dim();
  if (d <= 0 || queries.size() % static_cast<size_t>(d) != 0) {
    return InvalidArgument("index search: queries are not " + std::to_string(d) +
                           "-dimensional vectors (" + std::to_string(queries.size()) + " floats)");
  }
  const int64_t nq = static_cast<int64_t>(queries.size() / static_cast<size_t>(d));
  std::vector<std::vector<Neighbor>> out(static_cast<size_t>(nq));
  const int64_t kk = std::min<int64_t>(std::max(k, 0), size());
  if (kk == 0 || nq == 0) return out;
  std::vector<float> dist(static_cast<size_t>(nq * kk));
  std::vector<faiss::Index::idx_t> labels(static_cast<size_t>(nq * kk));
  auto st = Faiss("index search", [&] {
    impl_->index->search(nq, queries.data(), kk, dist.data(), labels.data());
  });
  if (!st) return std::unexpected(st.error());
  for (int64_t q = 0; q < nq; ++q) {
    auto& v = out[static_cast<size_t>(q)];
    for (int64_t j = 0; j < kk; ++j) {
      faiss::Index::idx_t id = labels[static_cast<size_t>(q * kk + j)];
      if (id >= 0) v.push_back({id, dist[static_cast<size_t>(q * kk + j)]});
    }
    SortNeighbors(&v);
  }
  return out;
}

Result<std::vector<Neighbor>> VectorIndex::Search(std::span<const float> query, int k) const {
  if (static_cast<int>(query.size()) != dim()) {
    return InvalidArgument("index search: query has " + std::to_string(query.size()) +
                           " dimensions, index has " + std::to_string(dim()));
  }
  auto r = SearchBatch(query, k);
  if (!r) return std::unexpected(r.error());
  return std::move((*r)[0]);
}

Result<std::vector<Neighbor>> VectorIndex::RangeSearch(std::span<const float> query,
                                                       float threshold) const {
  if (static_cast<int>(query.size()) != dim()) {
    return InvalidArgument("index range search: query has " + std::to_string(query.size()) +
                           " dimensions, index has " + std::to_string(dim()));
  }
  std::vector<Neighbor> out;
  if (size() == 0) return out;
  faiss::RangeSearchResult res(1);
  // faiss keeps inner products strictly above the radius; nudge it down so
  // a score equal to the threshold counts, then filter exactly.
  const float radius = std::nextafter(threshold, -INFINITY);
  auto st = Faiss("index range search",
                  [&] { impl_->index->range_search(1, query.data(), radius, &res); });
  if (!st) return std::unexpected(st.error());
  for (size_t j = res.lims[0]; j < res.lims[1]; ++j) {
    if (res.distances[j] >= threshold) out.push_back({res.labels[j], res.distances[j]});
  }
  SortNeighbors(&out);
  return out;
}

Result<std::vector<ScoredPair>> VectorIndex::AllPairsAbove(float threshold) const {
  std::vector<ScoredPair> out;
  const int64_t n = size();
  if (n == 0) return out;
  const int d = dim();
  // Stored vectors back out of faiss, in blocks of queries.
  std::vector<float> all(static_cast<size_t>(n) * static_cast<size_t>(d));
  auto st = Faiss("index pairs", [&] { impl_->index->reconstruct_n(0, n, all.data()); });
  if (!st) {
    // IVF needs a direct map to reconstruct; rebuild it on a copy-free path.
    auto* ivf = dynamic_cast<faiss::IndexIVF*>(impl_->index.get());
    if (!ivf) return std::unexpected(st.error());
    auto st2 = Faiss("index pairs", [&] {
      for (size_t l = 0; l < ivf->nlist; ++l) {
        size_t ls = ivf->invlists->list_size(l);
        if (ls == 0) continue;
        const faiss::Index::idx_t* ids = ivf->invlists->get_ids(l);
        const uint8_t* codes = ivf->invlists->get_codes(l);
        for (size_t j = 0; j < ls; ++j) {
          std::memcpy(&all[static_cast<size_t>(ids[j]) * static_cast<size_t>(d)],
                      codes + j * ivf->code_size, sizeof(float) * static_cast<size_t>(d));
        }
        ivf->invlists->release_codes(l, codes);
        ivf->invlists->release_ids(l, ids);
      }
    });
    if (!st2) return std::unexpected(st2.error());
  }
  const int64_t block = 1024;
  const float radius = std::nextafter(threshold, -INFINITY);
  for (int64_t b = 0; b < n; b += block) {
    int64_t nb = std::min(block, n - b);
    faiss::RangeSearchResult res(nb);
    auto st3 = Faiss("index pairs", [&] {
      impl_->index->range_search(nb, &all[static_cast<size_t>(b * d)], radius, &res);
    });
    if (!st3) return std::unexpected(st3.error());
    for (int64_t q = 0; q < nb; ++q) {
      const int64_t a = b + q;
      for (size_t j = res.lims[q]; j < res.lims[q + 1]; ++j) {
        const int64_t o = res.labels[j];
        if (o > a && res.distances[j] >= threshold) out.push_back({a, o, res.distances[j]});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const ScoredPair& x, const ScoredPair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return out;
}

// ------------------------------------------------------------------ files

Result<std::string> VectorIndex::Save() const {
  faiss::VectorIOWriter w;
  if (size() > 0) {
    auto st = Faiss("index save", [&] { faiss::write_index(impl_->index.get(), &w); });
    if (!st) return std::unexpected(st.error());
  }
  std::string out(kIndexHeader, '\0');
  char* h = out.data();
  std::memcpy(h, kIndexMagic, 8);
  uint32_t u32[4] = {kIndexFormatVersion, static_cast<uint32_t>(dim()),
                     impl_ ? impl_->kind : kKindFlat, 0};
  std::memcpy(h + 8, u32, 16);
  uint64_t u64[2] = {static_cast<uint64_t>(size()), static_cast<uint64_t>(w.data.size())};
  std::memcpy(h + 24, u64, 16);
  out.append(reinterpret_cast<const char*>(w.data.data()), w.data.size());
  // The checksum covers the header fields before it and the payload.
  const std::string_view sv(out);
  uint64_t sum = Fnv1a64(sv.substr(kIndexHeader), Fnv1a64(sv.substr(0, kIndexHeader - 8)));
  std::memcpy(out.data() + kIndexHeader - 8, &sum, 8);
  return out;
}

Result<VectorIndex> VectorIndex::Load(std::string_view bytes, std::string_view name_view) {
  const std::string name(name_view);
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kIndexMagic, 8) != 0) {
    return Corruption(name + ": not a Charter index file (bad magic)");
  }
  if (bytes.size() < kIndexHeader) {
    return Corruption(name + ": truncated (" + std::to_string(bytes.size()) +
                      " bytes, shorter than the " + std::to_string(kIndexHeader) + "-byte header)");
  }
  uint32_t u32[4];
  uint64_t u64[2], sum;
  std::memcpy(u32, bytes.data() + 8, 16);
  std::memcpy(u64, bytes.data() + 24, 16);
  std::memcpy(&sum, bytes.data() + kIndexHeader - 8, 8);
  if (u32[0] != kIndexFormatVersion) {
    return Corruption(name + ": unsupported index format version " + std::to_string(u32[0]) +
                      " (expected " + std::to_string(kIndexFormatVersion) + ")");
  }
  const uint32_t dim = u32[1], kind = u32[2];
  if (dim == 0 || dim > 65536 || (kind != kKindFlat && kind != kKindIvf)) {
    return Corruption(name + ": bad header (dimension " + std::to_string(dim) + ", kind " +
                      std::to_string(kind) + ")");
  }
  const uint64_t payload = bytes.size() - kIndexHeader;
  if (payload != u64[1]) {
    return Corruption(name + ": truncated (payload is " + std::to_string(payload) +
                      " bytes, header says " + std::to_string(u64[1]) + ")");
  }
  if (Fnv1a64(bytes.substr(kIndexHeader), Fnv1a64(bytes.substr(0, kIndexHeader - 8))) != sum) {
    return Corruption(name + ": checksum mismatch (file is corrupt)");
  }
  if (u64[0] > (uint64_t{1} << 40)) {
    return Corruption(name + ": bad header (" + std::to_string(u64[0]) + " vectors)");
  }
  if (u64[0] > 0 && !PayloadHolds(bytes.substr(kIndexHeader), kind, dim, u64[0])) {
    return Corruption(name + ": malformed index (payload does not hold " + std::to_string(u64[0]) +
                      " vectors of " + std::to_string(dim) + " dimensions)");
  }
  auto impl = std::make_shared<Impl>();
  impl->dim = static_cast<int>(dim);
  impl->n = static_cast<int64_t>(u64[0]);
  impl->kind = kind;
  if (impl->n > 0) {
    faiss::VectorIOReader r;
    r.data.assign(reinterpret_cast<const uint8_t*>(bytes.data()) + kIndexHeader,
                  reinterpret_cast<const uint8_t*>(bytes.data()) + bytes.size());
    faiss::Index* idx = nullptr;
    auto st = Faiss(name, [&] { idx = faiss::read_index(&r); });
    if (!st) return std::unexpected(st.error());
    impl->index.reset(idx);
    // Charter writes inner-product indexes only; another metric (a corrupt
    // byte) made faiss throw at search time (found by fuzz_search_index).
    // The field is read as bytes: a corrupt value is no valid MetricType.
    int metric = 0;
    static_assert(sizeof metric == sizeof idx->metric_type);
    std::memcpy(&metric, &idx->metric_type, sizeof metric);
    if (metric != static_cast<int>(faiss::METRIC_INNER_PRODUCT))
      return Corruption(name + ": index metric " + std::to_string(metric) +
                        " is not inner product");
    if (idx->d != static_cast<faiss::Index::idx_t>(dim) || idx->ntotal != impl->n) {
      return Corruption(name + ": index holds " + std::to_string(idx->ntotal) + " vectors of " +
                        std::to_string(idx->d) + " dimensions, header says " +
                        std::to_string(impl->n) + " of " + std::to_string(dim));
    }
  } else if (payload != 0) {
    return Corruption(name + ": empty index with a payload");
  }
  VectorIndex out;
  out.impl_ = std::move(impl);
  return out;
}

}  // namespace charter
