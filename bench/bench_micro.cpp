// SPDX-License-Identifier: Apache-2.0
//
// kurdi_bench_micro: Google Benchmark micro benchmarks of the core on
// realistic input, with baselines in the same binary.
//
// Input: the first ~1 MB (whole lines) of ckb-clean.txt and ckb-dirty.txt
// from KURDI_BENCH_DATA_DIR (compile definition, ../shared/data/bench next to
// the source tree; the environment variable of the same name overrides it).
// A missing file is reported and its benchmarks are skipped.
//
// Every benchmark reports bytes/s (input bytes) and items/s, where an item is
// one kurdi token of the input (counted once, untimed), so the rates of the
// baselines and of each operation can be compared directly.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_common.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/sentences.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/utf8.hpp"

#ifndef KURDI_BENCH_DATA_DIR
#define KURDI_BENCH_DATA_DIR ""
#endif

namespace {

constexpr std::size_t kInputBytes = std::size_t{1} << 20;

struct Input {
  std::string name;  // "clean" / "dirty"
  std::string text;  // first ~1 MB, whole lines
  std::int64_t tokens = 0;
};

void finish(benchmark::State& state, const Input& in) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.text.size()));
  state.SetItemsProcessed(state.iterations() * in.tokens);
}

void BM_Memcpy(benchmark::State& state, const Input* in) {
  std::string dst(in->text.size(), '\0');
  for (auto _ : state) {
    std::memcpy(dst.data(), in->text.data(), in->text.size());
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  finish(state, *in);
}

void BM_MemchrLines(benchmark::State& state, const Input* in) {
  for (auto _ : state) benchmark::DoNotOptimize(kurdi_bench::count_lines_memchr(in->text));
  finish(state, *in);
}

void BM_ValidateUtf8(benchmark::State& state, const Input* in) {
  for (auto _ : state) benchmark::DoNotOptimize(kurdi_bench::count_invalid_utf8(in->text));
  finish(state, *in);
}

void BM_Normalize(benchmark::State& state, const Input* in, kurdi::Profile profile, bool map) {
  kurdi::NormalizeOptions opts;
  opts.profile = profile;
  std::string out;
  kurdi::OffsetMap offsets;
  for (auto _ : state) {
    out.clear();
    offsets.clear();
    kurdi::normalize_into(in->text, opts, out, map ? &offsets : nullptr);
    benchmark::DoNotOptimize(out.data());
  }
  finish(state, *in);
}

void BM_Tokenize(benchmark::State& state, const Input* in) {
  kurdi::Tokens toks;
  for (auto _ : state) {
    kurdi::tokenize(in->text, toks);
    benchmark::DoNotOptimize(toks.tokens.data());
  }
  finish(state, *in);
}

void BM_Sentences(benchmark::State& state, const Input* in) {
  for (auto _ : state) {
    auto s = kurdi::sentences(in->text);
    benchmark::DoNotOptimize(s.data());
  }
  finish(state, *in);
}

std::string data_dir() {
  if (const char* env = std::getenv("KURDI_BENCH_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return KURDI_BENCH_DATA_DIR;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // Stable addresses: the registered benchmarks keep pointers into this.
  static std::vector<Input> inputs;
  inputs.reserve(2);
  const std::string dir = data_dir();
  for (const char* name : {"clean", "dirty"}) {
    const std::string path = dir + "/ckb-" + name + ".txt";
    auto data = kurdi_bench::read_file(path);
    if (!data) {
      std::fprintf(stderr, "kurdi_bench_micro: %s not found, skipping its benchmarks\n",
                   path.c_str());
      continue;
    }
    Input in;
    in.name = name;
    in.text = std::string(kurdi_bench::prefix_lines(*data, kInputBytes));
    in.tokens = static_cast<std::int64_t>(kurdi::tokenize(in.text).tokens.size());
    inputs.push_back(std::move(in));
  }
  if (inputs.empty()) {
    std::fprintf(stderr,
                 "kurdi_bench_micro: no input in %s (set KURDI_BENCH_DATA_DIR); nothing to run\n",
                 dir.c_str());
    return 0;
  }

  for (const Input& in : inputs) {
    const Input* p = &in;
    const std::string s = "/" + in.name;
    benchmark::RegisterBenchmark(("baseline_memcpy" + s).c_str(), BM_Memcpy, p);
    benchmark::RegisterBenchmark(("baseline_memchr_lines" + s).c_str(), BM_MemchrLines, p);
    benchmark::RegisterBenchmark(("baseline_utf8_validate" + s).c_str(), BM_ValidateUtf8, p);
    benchmark::RegisterBenchmark(("normalize_standard" + s).c_str(), BM_Normalize, p,
                                 kurdi::Profile::standard, false);
    benchmark::RegisterBenchmark(("normalize_search" + s).c_str(), BM_Normalize, p,
                                 kurdi::Profile::search, false);
    benchmark::RegisterBenchmark(("normalize_standard_offset_map" + s).c_str(), BM_Normalize, p,
                                 kurdi::Profile::standard, true);
    benchmark::RegisterBenchmark(("tokenize" + s).c_str(), BM_Tokenize, p);
    benchmark::RegisterBenchmark(("sentences" + s).c_str(), BM_Sentences, p);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
