// SPDX-License-Identifier: Apache-2.0
//
// kurdi_bench_morph: stemming and analysis throughput on running text.
//
// Reads FILE (not timed), tokenizes it once (not timed) and keeps the
// normalized form of every `word` token (Arabic-script words; numbers,
// punctuation, URLs and Latin words are not analysed), in text order and with
// their repetitions: the running-text workload of a search host. The distinct
// forms, in order of first occurrence, are the types. Then each operation is
// timed over its items, `--reps` times after `--warmup` untimed passes, and the
// best and the median are printed.
//
// Operations (items are word tokens unless the name ends in _types):
//   tokenize         baseline: kurdi::tokenize of the whole file in 1 MiB
//                    pieces (as kurdi_bench_file), counted per word token
//   normalize_words  baseline: kurdi::normalize of each word token, one call
//                    per word (the per-call floor of a word-level API)
//   stems            kurdi::stems(word) for every word token
//   lemma            kurdi::lemma(word) for every word token
//   analyze          kurdi::analyze(word) for every word token
//   tokenize_stems   tokenize the file and kurdi::stems every word token (what
//                    an indexing host does), per word token
//   session_stems    kurdi::Analyzer::stems for every word token: one new
//                    session (default cache capacity) per pass, so each pass
//                    pays its own misses; what a host keeping an Analyzer does
//   session_analyze  kurdi::Analyzer::analyze, the same way
//   warm_stems       kurdi::Analyzer::stems for every word token with one
//                    session kept across passes (the warm-up pass fills it):
//                    the steady state of a long-running indexer that has seen
//                    this vocabulary before
//   stems_types      kurdi::stems once per distinct form
//   analyze_types    kurdi::analyze once per distinct form ("cold": the library
//                    keeps no cache, so every call does the whole analysis; the
//                    CPU caches and the lexicon pages are warm after the warm-up)
//
// Output: one line per operation on stdout,
//   RESULT op=<op> items=<n> item=<word_token|type> bytes=... best_s=...
//          median_s=... best_items_per_s=... median_items_per_s=... checksum=...
// --max-tokens N keeps only the first N word tokens (and their types), to make
// a quick run; by default the whole file is used.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bench_common.hpp"
#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/tokenize.hpp"

namespace {

struct Options {
  int reps = 5;
  int warmup = 1;
  std::size_t max_tokens = 0;  // 0 = all
  std::vector<std::string> ops;
  std::string file;
};

const char* const kAllOps[] = {"tokenize",      "normalize_words", "stems",          "lemma",
                               "analyze",       "tokenize_stems",  "session_stems",  "session_analyze", "warm_stems",
                               "stems_types",   "analyze_types"};

[[noreturn]] void usage() {
  std::fputs(
      "usage: kurdi_bench_morph [--reps N] [--warmup N] [--max-tokens N] [--ops a,b,...] FILE\n"
      "ops: tokenize normalize_words stems lemma analyze tokenize_stems session_stems\n"
      "     session_analyze warm_stems stems_types analyze_types (default: all)\n",
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
    } else if (a == "--max-tokens" && has_value) {
      o.max_tokens = std::strtoull(argv[++i], nullptr, 10);
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

/// The word tokens of a text, normalized, stored back to back.
struct Words {
  std::string storage;
  std::vector<std::string_view> tokens;  // running text, with repetition
  std::vector<std::string_view> types;   // distinct, in order of first occurrence
};

Words collect_words(const std::vector<std::string_view>& pieces, std::size_t max_tokens) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // into storage
  Words w;
  kurdi::Tokens toks;
  for (std::string_view piece : pieces) {
    kurdi::tokenize(piece, toks);
    for (const auto& t : toks.tokens) {
      if (t.type != kurdi::TokenType::word) continue;
      if (max_tokens != 0 && spans.size() >= max_tokens) break;
      const std::string_view form = toks.norm(t);
      spans.emplace_back(w.storage.size(), form.size());
      w.storage.append(form);
    }
  }
  w.tokens.reserve(spans.size());
  std::unordered_set<std::string_view> seen;
  for (const auto& [off, len] : spans) {
    const std::string_view form(w.storage.data() + off, len);
    w.tokens.push_back(form);
    if (seen.insert(form).second) w.types.push_back(form);
  }
  return w;
}

using Pass = std::function<std::size_t()>;

Pass make_pass(const std::string& op, const std::vector<std::string_view>& pieces, const Words& w) {
  if (op == "tokenize" || op == "tokenize_stems") {
    const bool stem = op == "tokenize_stems";
    return [&pieces, stem] {
      kurdi::Tokens toks;
      std::size_t sum = 0;
      for (std::string_view piece : pieces) {
        kurdi::tokenize(piece, toks);
        sum += toks.tokens.size();
        if (!stem) continue;
        for (const auto& t : toks.tokens) {
          if (t.type == kurdi::TokenType::word) sum += kurdi::stems(toks.norm(t)).size();
        }
      }
      return sum;
    };
  }
  if (op == "normalize_words") {
    return [&w] {
      std::string out;
      std::size_t sum = 0;
      for (std::string_view word : w.tokens) {
        out.clear();
        kurdi::normalize_into(word, {}, out, nullptr);
        sum += out.size();
      }
      return sum;
    };
  }
  if (op == "warm_stems") {
    auto session = std::make_shared<kurdi::Analyzer>();
    return [&w, session] {
      std::size_t sum = 0;
      for (std::string_view word : w.tokens) {
        const auto& s = session->stems(word);
        sum += s.size() + (s.empty() ? 0 : s.front().size());
      }
      return sum;
    };
  }
  if (op == "session_stems" || op == "session_analyze") {
    const bool stem = op == "session_stems";
    return [&w, stem] {
      kurdi::Analyzer session;
      std::size_t sum = 0;
      for (std::string_view word : w.tokens) {
        if (stem) {
          const auto& s = session.stems(word);
          sum += s.size() + (s.empty() ? 0 : s.front().size());
        } else {
          const auto& a = session.analyze(word);
          sum += a.size() + (a.empty() ? 0 : a.front().morphemes.size());
        }
      }
      return sum;
    };
  }
  const bool types = op.size() > 6 && op.substr(op.size() - 6) == "_types";
  const std::vector<std::string_view>& items = types ? w.types : w.tokens;
  if (op == "stems" || op == "stems_types") {
    return [&items] {
      std::size_t sum = 0;
      for (std::string_view word : items) {
        const auto s = kurdi::stems(word);
        sum += s.size() + (s.empty() ? 0 : s.front().size());
      }
      return sum;
    };
  }
  if (op == "lemma") {
    return [&items] {
      std::size_t sum = 0;
      for (std::string_view word : items) sum += kurdi::lemma(word).size();
      return sum;
    };
  }
  // analyze, analyze_types
  return [&items] {
    std::size_t sum = 0;
    for (std::string_view word : items) {
      const auto a = kurdi::analyze(word);
      sum += a.size() + (a.empty() ? 0 : a.front().morphemes.size());
    }
    return sum;
  };
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const auto data = kurdi_bench::read_file(o.file);
  if (!data) {
    std::fprintf(stderr, "kurdi_bench_morph: cannot read %s\n", o.file.c_str());
    return 1;
  }
  const std::string_view text(*data);
  const std::vector<std::string_view> pieces = kurdi_bench::chunks(text, std::size_t{1} << 20);
  const Words w = collect_words(pieces, o.max_tokens);
  std::fprintf(stderr,
               "kurdi_bench_morph: %s, %zu bytes, %zu word tokens, %zu distinct forms%s, "
               "%d warm-up + %d timed runs\n",
               o.file.c_str(), text.size(), w.tokens.size(), w.types.size(),
               o.max_tokens ? " (--max-tokens)" : "", o.warmup, o.reps);

  for (const std::string& op : o.ops) {
    const bool types = op.size() > 6 && op.substr(op.size() - 6) == "_types";
    if (o.max_tokens != 0 && (op == "tokenize" || op == "tokenize_stems")) {
      std::fprintf(stderr, "kurdi_bench_morph: %s runs on the whole file, skipped with --max-tokens\n",
                   op.c_str());
      continue;
    }
    const std::size_t items = types ? w.types.size() : w.tokens.size();
    const Pass pass = make_pass(op, pieces, w);
    std::size_t checksum = 0;
    const auto [best, median] = kurdi_bench::time_passes(o.warmup, o.reps, pass, checksum);
    std::printf(
        "RESULT op=%s items=%zu item=%s bytes=%zu best_s=%.6f median_s=%.6f best_items_per_s=%.0f "
        "median_items_per_s=%.0f checksum=%zu\n",
        op.c_str(), items, types ? "type" : "word_token", text.size(), best, median,
        static_cast<double>(items) / best, static_cast<double>(items) / median, checksum);
    std::fflush(stdout);
  }
  return 0;
}
