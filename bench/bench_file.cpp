// SPDX-License-Identifier: Apache-2.0
//
// kurdi_bench_file: whole-file throughput through the library.
//
// Reads FILE into memory (not timed), then times each operation over the
// whole buffer, `--reps` times after `--warmup` untimed runs, and prints the
// best and the median. The buffer is processed in pieces of about `--chunk`
// bytes cut at kurdi::safe_split_point, as a streaming host does (default
// 1 MiB; 0 = the whole file in one call; "lines" = one call per line without
// its line break, as `kurdi tokenize` calls the library). Output buffers are reused between
// pieces and runs (normalize_into, tokenize(text, Tokens&)).
//
// Operations:
//   memcpy            baseline: std::memcpy of the buffer
//   memchr_lines      baseline: count '\n' with memchr
//   utf8_validate     baseline: kurdi::find_invalid_utf8 over the buffer
//   normalize         kurdi::normalize_into, standard profile
//   normalize_search  kurdi::normalize_into, search profile
//   normalize_map     standard profile with the output-to-input offset map
//   tokenize          kurdi::tokenize: normalize + typed tokens with offsets
//   sentences         kurdi::sentences
//
// Output: one line per operation on stdout,
//   RESULT op=<op> bytes=... tokens=... best_s=... median_s=... best_mbps=...
//          median_mbps=... tokens_per_s=... checksum=...
// MB = 10^6 bytes of input. tokens is the number of kurdi tokens in the file
// (from an untimed tokenize pass), so tokens/s is comparable across rows;
// tokens/s uses the best time. --no-token-count skips that pass (tokens=0),
// for profiling one operation alone.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/sentences.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/utf8.hpp"

namespace {

struct Options {
  int reps = 5;
  int warmup = 1;
  std::size_t chunk = std::size_t{1} << 20;
  bool lines = false;  // --chunk lines: one piece per line, as the CLI calls the library
  bool count_tokens = true;
  std::vector<std::string> ops;
  std::string file;
};

const char* const kAllOps[] = {"memcpy",        "memchr_lines", "utf8_validate", "normalize",
                               "normalize_search", "normalize_map", "tokenize",  "sentences"};

[[noreturn]] void usage() {
  std::fputs(
      "usage: kurdi_bench_file [--reps N] [--warmup N] [--chunk BYTES|lines] [--ops a,b,...]\n"
      "                        [--no-token-count] FILE\n"
      "ops: memcpy memchr_lines utf8_validate normalize normalize_search normalize_map\n"
      "     tokenize sentences (default: all)\n",
      stderr);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--reps" && has_value) {
      o.reps = std::atoi(argv[++i]);
    } else if (a == "--warmup" && has_value) {
      o.warmup = std::atoi(argv[++i]);
    } else if (a == "--chunk" && has_value) {
      const std::string v = argv[++i];
      o.lines = v == "lines";
      o.chunk = o.lines ? 0 : std::strtoull(v.c_str(), nullptr, 10);
    } else if (a == "--no-token-count") {
      o.count_tokens = false;
    } else if (a == "--ops" && has_value) {
      o.ops = kurdi_bench::split_commas(argv[++i]);
    } else if (a.rfind("--", 0) == 0 || !o.file.empty()) {
      usage();
    } else {
      o.file = a;
    }
  }
  if (o.file.empty() || o.reps < 1 || o.warmup < 0) usage();
  if (o.ops.empty()) o.ops.assign(std::begin(kAllOps), std::end(kAllOps));
  for (const auto& op : o.ops) {
    if (std::find(std::begin(kAllOps), std::end(kAllOps), op) == std::end(kAllOps)) usage();
  }
  return o;
}

// One pass of an operation over the pieces; returns a checksum so the
// compiler cannot drop the work.
using Pass = std::function<std::size_t()>;

Pass make_pass(const std::string& op, std::string_view text,
               const std::vector<std::string_view>& pieces) {
  if (op == "memcpy") {
    auto dst = std::make_shared<std::string>(text.size(), '\0');
    return [text, dst] {
      std::memcpy(dst->data(), text.data(), text.size());
      return static_cast<std::size_t>(static_cast<unsigned char>((*dst)[dst->size() / 2]));
    };
  }
  if (op == "memchr_lines") return [text] { return kurdi_bench::count_lines_memchr(text); };
  if (op == "utf8_validate") return [text] { return kurdi_bench::count_invalid_utf8(text) + 1; };
  if (op == "normalize" || op == "normalize_search" || op == "normalize_map") {
    kurdi::NormalizeOptions opts;
    if (op == "normalize_search") opts.profile = kurdi::Profile::search;
    const bool with_map = op == "normalize_map";
    auto out = std::make_shared<std::string>();
    auto map = std::make_shared<kurdi::OffsetMap>();
    return [&pieces, opts, with_map, out, map] {
      std::size_t sum = 0;
      for (std::string_view piece : pieces) {
        out->clear();
        map->clear();
        kurdi::normalize_into(piece, opts, *out, with_map ? map.get() : nullptr);
        sum += out->size() + map->anchors().size();
      }
      return sum;
    };
  }
  if (op == "tokenize") {
    auto toks = std::make_shared<kurdi::Tokens>();
    return [&pieces, toks] {
      std::size_t sum = 0;
      for (std::string_view piece : pieces) {
        kurdi::tokenize(piece, *toks);
        sum += toks->tokens.size() + toks->normalized.size();
      }
      return sum;
    };
  }
  // sentences
  return [&pieces] {
    std::size_t sum = 0;
    for (std::string_view piece : pieces) sum += kurdi::sentences(piece).size();
    return sum;
  };
}

std::size_t count_tokens(const std::vector<std::string_view>& pieces) {
  kurdi::Tokens toks;
  std::size_t n = 0;
  for (std::string_view piece : pieces) {
    kurdi::tokenize(piece, toks);
    n += toks.tokens.size();
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const auto data = kurdi_bench::read_file(o.file);
  if (!data) {
    std::fprintf(stderr, "kurdi_bench_file: cannot read %s\n", o.file.c_str());
    return 1;
  }
  const std::string_view text(*data);
  const std::vector<std::string_view> pieces =
      o.lines ? kurdi_bench::lines(text) : kurdi_bench::chunks(text, o.chunk);
  const std::size_t tokens = o.count_tokens ? count_tokens(pieces) : 0;
  std::fprintf(stderr,
               "kurdi_bench_file: %s, %zu bytes, %zu pieces (chunk %s), %zu tokens, "
               "%d warm-up + %d timed runs\n",
               o.file.c_str(), text.size(), pieces.size(), o.lines ? "lines" : std::to_string(o.chunk).c_str(), tokens, o.warmup, o.reps);

  const double mb = static_cast<double>(text.size()) / 1e6;
  for (const std::string& op : o.ops) {
    const Pass pass = make_pass(op, text, pieces);
    std::size_t checksum = 0;
    const auto [best, median] = kurdi_bench::time_passes(o.warmup, o.reps, pass, checksum);
    std::printf(
        "RESULT op=%s bytes=%zu tokens=%zu best_s=%.6f median_s=%.6f best_mbps=%.2f "
        "median_mbps=%.2f tokens_per_s=%.0f checksum=%zu\n",
        op.c_str(), text.size(), tokens, best, median, mb / best, mb / median,
        static_cast<double>(tokens) / best, checksum);
    std::fflush(stdout);
  }
  return 0;
}
