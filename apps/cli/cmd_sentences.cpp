// kurdi sentences: one sentence per output line (the one exception to the
// one-line-in, one-line-out rule), or (--json) one object per sentence:
//   {"line": n, "begin": b, "end": e, "text": "..."}
// with byte offsets from the start of the line. The core always breaks at
// line ends, so input is processed line by line. A line longer than a block
// is processed in pieces: every sentence but the last is printed and the
// last one is carried into the next piece, where it may continue.
#include <string>

#include "commands.hpp"
#include "filter.hpp"
#include "input.hpp"
#include "json.hpp"
#include "kurdi/sentences.hpp"
#include "output.hpp"

namespace kurdi::cli {

namespace {

void print_sentence(Output& out, bool json, const LineChunk& chunk, const kurdi::Sentence& s) {
  const std::string_view text = chunk.text.substr(s.begin, s.end - s.begin);
  if (json) {
    out.write("{\"line\": ");
    out.write_uint(chunk.line);
    out.write(", \"begin\": ");
    out.write_uint(chunk.offset + s.begin);
    out.write(", \"end\": ");
    out.write_uint(chunk.offset + s.end);
    out.write(", \"text\": ");
    write_json_string(out, text);
    out.write("}\n");
  } else {
    write_valid_utf8(out, text);
    out.put('\n');
  }
}

void split_file(Input& input, bool json, Output& out) {
  LineReader lines(input);
  LineChunk chunk;
  while (lines.next(chunk)) {
    std::vector<kurdi::Sentence> found = kurdi::sentences(chunk.text);
    std::size_t used = chunk.text.size();
    if (!chunk.complete) {
      if (found.size() >= 2) {
        used = found.back().begin;  // the last sentence may go on
        found.pop_back();
      } else {
        // One sentence longer than a block: cut it where the core allows.
        used = streaming_cut(chunk.text);
        found = kurdi::sentences(chunk.text.substr(0, used));
      }
    }
    for (const kurdi::Sentence& s : found) print_sentence(out, json, chunk, s);
    if (chunk.complete && input.interactive()) out.flush();
    lines.consume(used);
  }
}

}  // namespace

int run_sentences(const SentencesArgs& args) {
  return run_filter(args.files, args.strict,
                    [&](Input& input, Output& out) { split_file(input, args.json, out); });
}

}  // namespace kurdi::cli
