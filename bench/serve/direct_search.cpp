// kurdi_bench_serve_direct ARCHIVE QUERIES [--threads N] [--seconds S] [--warmup S]
//                          [--count-limit N] [--time-limit MS]:
// the baseline of bench/serve/run.sh. Runs /api/search's handler
// (kurdi::serve::Api::search: Archive::search, the count behind a full page,
// the JSON answer) with kurdi serve's defaults or the given --count-limit
// and --time-limit (0: count every match, as before the limit existed; no
// time limit) on N threads in this process, with no HTTP, for S
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
    std::fprintf(stderr,
                 "usage: kurdi_bench_serve_direct ARCHIVE QUERIES [--threads N] [--seconds S] [--warmup S] "
                 "[--count-limit N] [--time-limit MS]\n");
    return 2;
  }
  const std::string archive = argv[1];
  int threads = 2;
  double seconds = 10;
  double warmup = 5;
  kurdi::serve::Limits limits;
  for (int i = 3; i < argc; i += 2) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "kurdi_bench_serve_direct: %s needs a value\n", arg.c_str());
      return 2;
    }
    if (arg == "--threads") threads = std::atoi(argv[i + 1]);
    else if (arg == "--seconds") seconds = std::atof(argv[i + 1]);
    else if (arg == "--warmup") warmup = std::atof(argv[i + 1]);
    else if (arg == "--count-limit") limits.count_limit = std::strtoull(argv[i + 1], nullptr, 10);
    else if (arg == "--time-limit") limits.time_limit_ms = static_cast<std::uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
    else {
      std::fprintf(stderr, "kurdi_bench_serve_direct: unknown option %s\n", arg.c_str());
      return 2;
    }
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
  const kurdi::serve::Api api(pool, limits);
  std::atomic<bool> stop{false}, measuring{false};
  std::atomic<long> failures{0}, timeouts{0};
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
        if (reply.status == 503 && reply.body.find("\"timeout\"") != std::string::npos) ++timeouts;
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
  std::printf(
      "direct: threads=%d count_limit=%llu time_limit_ms=%u requests=%zu failures=%ld timeouts=%ld rps=%.1f "
      "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      threads, static_cast<unsigned long long>(limits.count_limit), limits.time_limit_ms, all.size(), failures.load(),
      timeouts.load(), static_cast<double>(all.size()) / elapsed, pct(50), pct(90), pct(99),
      all.empty() ? 0.0 : all.back());
  return failures == 0 ? 0 : 1;
}
