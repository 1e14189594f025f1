// kurdi tokenize: one output line per input line, either the tokens'
// normalized forms separated by one space, or (--json) one object per line:
//   {"line": n, "tokens": [{"begin": b, "end": e, "type": "word", "text": "...", "norm": "..."}]}
// with byte offsets from the start of the line. A line longer than a block
// is tokenized piece by piece (cut at kurdi::safe_split_point), and its JSON
// object is streamed: head, tokens as they come, then "]}".
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

  void begin_line(std::uint64_t line) {
    first_ = true;
    if (!json_) return;
    out_.write("{\"line\": ");
    out_.write_uint(line);
    out_.write(", \"tokens\": [");
  }

  // JSON output: one object per token, offsets from the start of the line.
  void piece_json(std::string_view text, std::size_t line_offset, const kurdi::Tokens& tokens) {
    for (const kurdi::Token& token : tokens.tokens) {
      out_.write(first_ ? "{\"begin\": " : ", {\"begin\": ");
      out_.write_uint(line_offset + token.begin);
      out_.write(", \"end\": ");
      out_.write_uint(line_offset + token.end);
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
  void piece_plain(const kurdi::Tokens& tokens) {
    const std::vector<kurdi::Token>& t = tokens.tokens;
    const std::string_view text = tokens.normalized;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k].norm_end == t[k].norm_begin) continue;
      const std::size_t begin = t[k].norm_begin;
      std::size_t end = t[k].norm_end;
      while (k + 1 < t.size() && t[k + 1].norm_begin == end + 1 && text[end] == ' ' &&
             t[k + 1].norm_end > t[k + 1].norm_begin) {
        end = t[++k].norm_end;
      }
      if (!first_) out_.put(' ');
      out_.write(text.substr(begin, end - begin));
      first_ = false;
    }
  }

  // Morpheme output: like the plain output, with each word replaced by its
  // morpheme tokens (kurdi::morpheme_tokens).
  void piece_morphemes(const kurdi::Tokens& tokens) {
    std::string form;
    for (const kurdi::Token& t : tokens.tokens) {
      const std::string_view norm = tokens.norm(t);
      if (norm.empty()) continue;
      if (t.type != kurdi::TokenType::word) {
        if (!first_) out_.put(' ');
        out_.write(norm);
        first_ = false;
        continue;
      }
      for (const auto& [b, e] : kurdi::morpheme_tokens(norm, &form)) {
        if (!first_) out_.put(' ');
        out_.write(std::string_view(form).substr(b, e - b));
        first_ = false;
      }
    }
  }

  bool json() const { return json_; }

  void end_line() { out_.write(json_ ? "]}\n" : "\n"); }

 private:
  Output& out_;
  bool json_;
  bool first_ = true;
};

void tokenize_file(Input& input, const kurdi::TokenizeOptions& options, bool morphemes, TokenPrinter& printer,
                   Output& out) {
  LineReader lines(input);
  LineChunk chunk;
  kurdi::Tokens tokens;
  while (lines.next(chunk)) {
    if (chunk.offset == 0) printer.begin_line(chunk.line);
    const std::size_t used = chunk.complete ? chunk.text.size() : streaming_cut(chunk.text);
    const std::string_view piece = chunk.text.substr(0, used);
    kurdi::tokenize(piece, tokens, options);
    if (printer.json()) {
      printer.piece_json(piece, chunk.offset, tokens);
    } else if (morphemes) {
      printer.piece_morphemes(tokens);
    } else {
      printer.piece_plain(tokens);
    }
    if (chunk.complete) {
      printer.end_line();
      if (input.interactive()) out.flush();
    }
    lines.consume(used);
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
