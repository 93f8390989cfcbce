// parallel.h — one document's per-item steps on two threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <utility>

namespace charter {

// Calls `work(k)` once for every k in [0, n), on the calling thread and,
// when n > 1, one more: the steps of a conversion that depend on one item
// alone (a text's facts, a clause's ideas, a base principle's coding), each
// result into its item's own slot, so the output is the same whatever the
// threads. Each thread calls its own copy of `work` (a mutable lambda's
// scratch buffers are not shared). Two threads: the machines Charter runs
// on have two cores, and bulk already runs documents in parallel.
template <class Work>
void ForEachIndexOnTwoThreads(size_t n, Work work) {
  std::atomic<size_t> next{0};
  auto run = [&next, n](Work w) {
    for (size_t k; (k = next.fetch_add(1)) < n;) w(k);
  };
  std::thread helper;
  if (n > 1) helper = std::thread(run, work);
  run(std::move(work));
  if (helper.joinable()) helper.join();
}

}  // namespace charter
