// kurdi normalize: a pure filter. Input is read in blocks of about 1 MiB,
// each block is cut where normalization cannot look across
// (kurdi::safe_split_point, just after whitespace) and the rest is carried
// into the next block. Line breaks are never touched by the core, so LF,
// CRLF and a missing final newline come out byte for byte.
#include <cstring>
#include <string>

#include "commands.hpp"
#include "filter.hpp"
#include "input.hpp"
#include "output.hpp"

namespace kurdi::cli {

namespace {

void normalize_file(Input& input, const kurdi::NormalizeOptions& options, Output& out) {
  // buffer[0, pending) is read but not yet normalized (the carry); the
  // buffer itself is only ever grown (Input::read_into).
  std::string buffer;
  std::size_t pending = 0;
  std::string normalized;
  buffer.reserve(2 * kBlockSize + 8);
  normalized.reserve(2 * kBlockSize + 8);
  while (const std::size_t got = input.read_into(buffer, pending)) {
    pending += got;
    const std::string_view text(buffer.data(), pending);
    std::size_t cut = kurdi::safe_split_point(text);
    // A run of more than a block without whitespace: cut at a character
    // boundary so memory stays bounded.
    if (cut == 0 && pending >= kBlockSize) cut = streaming_cut(text);
    if (cut == 0) continue;
    normalized.clear();
    kurdi::normalize_into(text.substr(0, cut), options, normalized);
    out.write_block(normalized);
    std::memmove(buffer.data(), buffer.data() + cut, pending - cut);
    pending -= cut;
    if (input.interactive()) out.flush();
  }
  if (pending > 0) {
    normalized.clear();
    kurdi::normalize_into(std::string_view(buffer.data(), pending), options, normalized);
    out.write_block(normalized);
  }
}

}  // namespace

int run_normalize(const NormalizeArgs& args) {
  return run_filter(args.files, args.strict,
                    [&](Input& input, Output& out) { normalize_file(input, args.options, out); });
}

}  // namespace kurdi::cli
