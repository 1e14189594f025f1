// kurdi tokenize: one output line per input line, either the tokens'
// normalized forms separated by one space, or (--json) one object per line:
//   {"line": n, "tokens": [{"begin": b, "end": e, "type": "word", "text": "...", "norm": "..."}]}
// with byte offsets from the start of the line. The complete lines read so
// far go to the core in one call (LineReader::next_lines; no token crosses a
// line break, and a cut after white space changes nothing) and the tokens
// are dealt out to their lines: one call per line cost a sixth of the time
// on short lines. A line longer than a block is tokenized piece by piece
// (cut at kurdi::safe_split_point), and its JSON object is streamed: head,
// tokens as they come, then "]}".
#include <string>
#include <vector>

#include "commands.hpp"
#include "filter.hpp"
#include "input.hpp"
#include "json.hpp"
#include "kurdi/morph.hpp"
#include "kurdi/tokenize.hpp"
#include "output.hpp"

namespace kurdi::cli {

namespace {

class TokenPrinter {
 public:
  TokenPrinter(Output& out, bool json) : out_(out), json_(json) {}

  // The tokens [from, to) of `tokens` (of `text`), all on one line; `shift`
  // turns an offset in `text` into one from the start of that line.
  void piece(std::string_view text, std::ptrdiff_t shift, const kurdi::Tokens& tokens, std::size_t from,
             std::size_t to, bool morphemes) {
    if (from == to) return;
    if (json_) {
      piece_json(text, shift, tokens, from, to);
    } else if (morphemes) {
      piece_morphemes(tokens, from, to);
    } else {
      piece_plain(tokens, from, to);
    }
  }

  void begin_line(std::uint64_t line) {
    first_ = true;
    morphemes_.reset();
    if (!json_) return;
    out_.write("{\"line\": ");
    out_.write_uint(line);
    out_.write(", \"tokens\": [");
  }

  void end_line() { out_.write(json_ ? "]}\n" : "\n"); }

 private:
  // JSON output: one object per token, offsets from the start of the line.
  void piece_json(std::string_view text, std::ptrdiff_t shift, const kurdi::Tokens& tokens, std::size_t from,
                  std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const kurdi::Token& token = tokens.tokens[k];
      out_.write(first_ ? "{\"begin\": " : ", {\"begin\": ");
      out_.write_uint(static_cast<std::uint64_t>(static_cast<std::ptrdiff_t>(token.begin) + shift));
      out_.write(", \"end\": ");
      out_.write_uint(static_cast<std::uint64_t>(static_cast<std::ptrdiff_t>(token.end) + shift));
      out_.write(", \"type\": \"");
      out_.write(kurdi::token_type_name(token.type));
      out_.write("\", \"text\": ");
      write_json_string(out_, text.substr(token.begin, token.end - token.begin));
      out_.write(", \"norm\": ");
      write_json_string(out_, tokens.norm(token));
      out_.put('}');
      first_ = false;
    }
  }

  // Plain output: the normalized forms separated by one space. Tokens that
  // already stand one space apart in the normalized text are written as one
  // slice of it (the same bytes, with far fewer copies).
  void piece_plain(const kurdi::Tokens& tokens, std::size_t from, std::size_t to) {
    const std::vector<kurdi::Token>& t = tokens.tokens;
    const std::string_view text = tokens.normalized;
    for (std::size_t k = from; k < to; ++k) {
      if (t[k].norm_end == t[k].norm_begin) continue;
      const std::size_t begin = t[k].norm_begin;
      std::size_t end = t[k].norm_end;
      while (k + 1 < to && t[k + 1].norm_begin == end + 1 && text[end] == ' ' &&
             t[k + 1].norm_end > t[k + 1].norm_begin) {
        end = t[++k].norm_end;
      }
      if (!first_) out_.put(' ');
      out_.write(text.substr(begin, end - begin));
      first_ = false;
    }
  }

  // Morpheme output: like the plain output, with each word replaced by its
  // morpheme tokens (kurdi::MorphemeTokenizer: a word's reading may depend
  // on the words around it on the line).
  void piece_morphemes(const kurdi::Tokens& tokens, std::size_t from, std::size_t to) {
    morpheme_buffer_.clear();
    morphemes_.tokens(tokens, from, to, morpheme_buffer_);
    for (const std::string& m : morpheme_buffer_) {
      if (!first_) out_.put(' ');
      out_.write(m);
      first_ = false;
    }
  }

  Output& out_;
  bool json_;
  bool first_ = true;
  kurdi::MorphemeTokenizer morphemes_;
  std::vector<std::string> morpheme_buffer_;
};

// Bytes of whole lines per call of the core: enough to spread its set-up
// over many short lines, few enough that the text, its tokens and the
// offset map stay in the CPU's L2 cache (with 256 KiB the run was slower
// than with one call per line).
constexpr std::size_t kLinesPerCall = std::size_t{32} << 10;

void tokenize_file(Input& input, const kurdi::TokenizeOptions& options, bool morphemes, TokenPrinter& printer,
                   Output& out) {
  LineReader lines(input);
  LineChunk chunk;
  kurdi::Tokens tokens;
  while (lines.next_lines(chunk, kLinesPerCall)) {
    const std::size_t used = chunk.complete ? chunk.text.size() : streaming_cut(chunk.text);
    const std::string_view piece = chunk.text.substr(0, used);
    kurdi::tokenize(piece, tokens, options);
    const std::vector<kurdi::Token>& t = tokens.tokens;
    // The lines of the piece in turn; the first may have begun in an
    // earlier piece (chunk.offset bytes of it).
    std::uint64_t line = chunk.line;
    std::size_t line_begin = 0;
    auto shift = static_cast<std::ptrdiff_t>(chunk.offset);
    std::size_t k = 0;
    if (chunk.offset == 0) printer.begin_line(line);
    while (true) {
      const std::size_t newline = piece.find('\n', line_begin);
      const std::size_t line_end = newline == std::string_view::npos ? piece.size() : newline;
      std::size_t k_end = k;
      while (k_end < t.size() && t[k_end].begin < line_end) ++k_end;
      printer.piece(piece, shift, tokens, k, k_end, morphemes);
      k = k_end;
      if (newline == std::string_view::npos) break;
      printer.end_line();
      line_begin = newline + 1;
      shift = -static_cast<std::ptrdiff_t>(line_begin);
      printer.begin_line(++line);
    }
    if (chunk.complete) {
      printer.end_line();
      if (input.interactive()) out.flush();
    }
    lines.consume(used, line - chunk.line);
  }
}

}  // namespace

int run_tokenize(const TokenizeArgs& args) {
  kurdi::TokenizeOptions options;
  options.normalize = args.options;
  return run_filter(args.files, args.strict, [&](Input& input, Output& out) {
    TokenPrinter printer(out, args.json);
    tokenize_file(input, options, args.morphemes, printer, out);
  });
}

}  // namespace kurdi::cli
