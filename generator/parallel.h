// ParallelFor: runs a function over indexes 0..n-1 on all cores.
//
// Work is handed out one index at a time from a shared counter, so uneven
// items (a long page beside short ones) keep every thread busy. The caller
// gets results in index order by writing into a pre-sized vector, which
// keeps output deterministic whatever the thread timing.
#ifndef KBGEN_GENERATOR_PARALLEL_H_
#define KBGEN_GENERATOR_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace kbgen {

// Number of worker threads to use: the hardware's, at least one.
inline unsigned WorkerCount() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

// Calls fn(i) for every i in [0, n). fn must be safe to call concurrently.
inline void ParallelFor(std::size_t n, const std::function<void(std::size_t)>& fn,
                        unsigned threads = 0) {
  if (threads == 0) threads = WorkerCount();
  if (threads > n) threads = static_cast<unsigned>(n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_PARALLEL_H_
