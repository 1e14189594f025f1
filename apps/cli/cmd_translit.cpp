// kurdi translit: a pure line filter. Input is read in blocks of about 1 MiB;
// each block is cut just after its last line break (a sentence never spans
// two calls, so "we" and --capitalize see the start of every line), or, in a
// line longer than a block, where normalization cannot look across.
#include <cstring>
#include <string>

#include "commands.hpp"
#include "filter.hpp"
#include "input.hpp"
#include "kurdi/normalize.hpp"
#include "output.hpp"

namespace kurdi::cli {

namespace {

void translit_file(Input& input, const kurdi::TransliterateOptions& options, Output& out) {
  std::string buffer;
  std::size_t pending = 0;
  std::string converted;
  buffer.reserve(2 * kBlockSize + 8);
  converted.reserve(2 * kBlockSize + 8);
  while (const std::size_t got = input.read_into(buffer, pending)) {
    pending += got;
    const std::string_view text(buffer.data(), pending);
    const std::size_t newline = text.rfind('\n');
    std::size_t cut = newline == std::string_view::npos ? 0 : newline + 1;
    if (cut == 0 && pending >= kBlockSize) cut = streaming_cut(text);
    if (cut == 0) continue;
    converted.clear();
    kurdi::transliterate_into(text.substr(0, cut), options, converted);
    out.write(converted);
    std::memmove(buffer.data(), buffer.data() + cut, pending - cut);
    pending -= cut;
    if (input.interactive()) out.flush();
  }
  if (pending > 0) {
    converted.clear();
    kurdi::transliterate_into(std::string_view(buffer.data(), pending), options, converted);
    out.write(converted);
  }
}

}  // namespace

int run_translit(const TranslitArgs& args) {
  return run_filter(args.files, args.strict,
                    [&](Input& input, Output& out) { translit_file(input, args.options, out); });
}

}  // namespace kurdi::cli
