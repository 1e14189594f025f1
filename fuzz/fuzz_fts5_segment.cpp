// libFuzzer target for the FTS5 segment decoder (archive/fts5_segment.hpp),
// which reads leaf pages straight from an archive file: a damaged or
// hostile file must be declined, never read out of bounds. The input is a
// sequence of pages, each a 2-byte little-endian length and that many bytes
// (a short tail is the last page). The contracts, for whatever the decoder
// accepts or visits before it declines:
//   * terms come in strictly increasing byte order, none empty;
//   * each term has at least one document, rowids strictly increasing;
//   * every count is finite and at least 1 (one occurrence of weight 1).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "archive/fts5_segment.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view term) {
  std::fprintf(stderr, "fuzz_fts5_segment: %s (term of %zu bytes)\n", what, term.size());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t at = 0;
  const auto next_leaf = [&](std::string_view& leaf) {
    if (at >= input.size()) return false;
    std::size_t length = input.size() - at;
    if (length >= 2) {
      length = std::min<std::size_t>(static_cast<unsigned char>(input[at]) |
                                         static_cast<std::size_t>(static_cast<unsigned char>(input[at + 1])) << 8,
                                     length - 2);
      at += 2;
    }
    leaf = input.substr(at, length);
    at += length;
    return true;
  };
  static const double kWeights[] = {3.0, 1.0};
  std::string previous;
  bool first = true;
  kurdi::archive::fts5::decode_leaves(
      next_leaf, kWeights,
      [&](std::string_view term, const std::vector<kurdi::archive::fts5::Posting>& postings) {
        if (term.empty() && !first) fail("an empty term after the first", term);
        if (!first && term <= previous) fail("terms out of order", term);
        if (postings.empty()) fail("a term without documents", term);
        for (std::size_t i = 0; i < postings.size(); ++i) {
          if (i > 0 && postings[i].rowid <= postings[i - 1].rowid) fail("rowids out of order", term);
          if (!std::isfinite(postings[i].tf) || postings[i].tf < 1.0) fail("a count below 1", term);
        }
        previous.assign(term);
        first = false;
      });
  return 0;
}
