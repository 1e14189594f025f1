// kurdi normalize: a pure filter. Input is read in blocks of about 1 MiB,
// each block is cut where normalization cannot look across
// (kurdi::safe_split_point, just after whitespace) and the rest is carried
// into the next block. Line breaks are never touched by the core, so LF,
// CRLF and a missing final newline come out byte for byte.
#include <string>

#include "commands.hpp"
#include "filter.hpp"
#include "input.hpp"
#include "output.hpp"

namespace kurdi::cli {

namespace {

void normalize_file(Input& input, const kurdi::NormalizeOptions& options, Output& out) {
  std::string pending;  // read but not yet normalized (the carry)
  std::string normalized;
  pending.reserve(2 * kBlockSize + 8);
  normalized.reserve(2 * kBlockSize + 8);
  while (input.read(pending)) {
    std::size_t cut = kurdi::safe_split_point(pending);
    // A run of more than a block without whitespace: cut at a character
    // boundary so memory stays bounded.
    if (cut == 0 && pending.size() >= kBlockSize) cut = streaming_cut(pending);
    if (cut == 0) continue;
    normalized.clear();
    kurdi::normalize_into(std::string_view(pending).substr(0, cut), options, normalized);
    out.write(normalized);
    pending.erase(0, cut);
    if (input.interactive()) out.flush();
  }
  if (!pending.empty()) {
    normalized.clear();
    kurdi::normalize_into(pending, options, normalized);
    out.write(normalized);
  }
}

}  // namespace

int run_normalize(const NormalizeArgs& args) {
  return run_filter(args.files, args.strict,
                    [&](Input& input, Output& out) { normalize_file(input, args.options, out); });
}

}  // namespace kurdi::cli
