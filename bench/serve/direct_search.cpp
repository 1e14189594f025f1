// kurdi_bench_serve_direct ARCHIVE QUERIES [--threads N] [--seconds S] [--warmup S]:
// the baseline of bench/serve/run.sh. Runs /api/search's handler
// (kurdi::serve::Api::search: Archive::search, the count behind a full page,
// the JSON answer) on N threads in this process, with no HTTP, for S
// seconds after a warm-up of --warmup seconds (default 5: every thread's
// connection warms its word cache, as the server's do), cycling through
// QUERIES (one raw query per line), and prints
// requests per second and latency percentiles. wrk against kurdi serve on
// the same archive and queries shows what HTTP adds.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "serve/api.hpp"
#include "serve/pool.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: kurdi_bench_serve_direct ARCHIVE QUERIES [--threads N] [--seconds S] [--warmup S]\n");
    return 2;
  }
  const std::string archive = argv[1];
  int threads = 2;
  double seconds = 10;
  double warmup = 5;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--threads") threads = std::atoi(argv[i + 1]);
    else if (arg == "--seconds") seconds = std::atof(argv[i + 1]);
    else if (arg == "--warmup") warmup = std::atof(argv[i + 1]);
  }
  std::vector<std::string> queries;
  {
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty() || threads < 1) {
    std::fprintf(stderr, "kurdi_bench_serve_direct: no queries or no threads\n");
    return 2;
  }
  kurdi::serve::ArchivePool pool(archive);
  const kurdi::serve::Api api(pool, kurdi::serve::Limits{});
  std::atomic<bool> stop{false}, measuring{false};
  std::atomic<long> failures{0};
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      std::size_t next = static_cast<std::size_t>(t) * 7919 % queries.size();
      while (!stop) {
        kurdi::serve::Params params{{"q", queries[next]}, {"limit", "10"}};
        next = (next + 1) % queries.size();
        const auto t0 = std::chrono::steady_clock::now();
        const auto reply = api.search(params);
        if (!measuring) continue;
        latencies[static_cast<std::size_t>(t)].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (reply.status != 200) ++failures;
      }
    });
  std::this_thread::sleep_for(std::chrono::duration<double>(warmup));
  measuring = true;
  const auto start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  const auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<std::size_t>(p / 100 * static_cast<double>(all.size())))];
  };
  std::printf("direct: threads=%d requests=%zu failures=%ld rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
              threads, all.size(), failures.load(), static_cast<double>(all.size()) / elapsed, pct(50), pct(90), pct(99),
              all.empty() ? 0.0 : all.back());
  return failures == 0 ? 0 : 1;
}
