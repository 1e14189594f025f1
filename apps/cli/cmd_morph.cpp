// kurdi stem, kurdi lemma, kurdi analyze: line filters over the morphology
// API. Each input line is tokenized (as `kurdi tokenize` does) and every
// token gives one output item, so the output lines align token for token
// with `kurdi tokenize`: word tokens are replaced by their stems, lemma or
// analyses, other tokens (numbers, punctuation, Latin words) by their
// normalized form. An empty line gives an empty line.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "filter.hpp"
#include "input.hpp"
#include "json.hpp"
#include "kurdi/morph.hpp"
#include "kurdi/tokenize.hpp"
#include "output.hpp"
#include "session.hpp"

namespace kurdi::cli {

namespace {

/// Calls item(token, text of the token, normalized form) for each token of
/// each line, and line_end() after each line.
template <typename Item, typename LineBegin, typename LineEnd>
void each_token(Input& input, Item&& item, LineBegin&& line_begin, LineEnd&& line_end, Output& out) {
  LineReader lines(input);
  LineChunk chunk;
  kurdi::Tokens tokens;
  while (lines.next(chunk)) {
    if (chunk.offset == 0) line_begin(chunk.line);
    const std::size_t used = chunk.complete ? chunk.text.size() : streaming_cut(chunk.text);
    const std::string_view piece = chunk.text.substr(0, used);
    kurdi::tokenize(piece, tokens);
    for (const kurdi::Token& t : tokens.tokens)
      item(t, piece.substr(t.begin, t.end - t.begin), tokens.norm(t), chunk.offset);
    if (chunk.complete) {
      line_end();
      if (input.interactive()) out.flush();
    }
    lines.consume(used);
  }
}

void write_morphemes(Output& out, const kurdi::Analysis& a, bool json) {
  if (json) {
    out.put('[');
    for (std::size_t i = 0; i < a.morphemes.size(); ++i) {
      const kurdi::Morpheme& m = a.morphemes[i];
      out.write(i ? ", {\"text\": " : "{\"text\": ");
      write_json_string(out, std::string_view(a.form).substr(m.begin, m.end - m.begin));
      out.write(", \"tag\": ");
      write_json_string(out, m.tag);
      out.put('}');
    }
    out.put(']');
    return;
  }
  for (std::size_t i = 0; i < a.morphemes.size(); ++i) {
    const kurdi::Morpheme& m = a.morphemes[i];
    if (i) out.put('+');
    out.write(std::string_view(a.form).substr(m.begin, m.end - m.begin));
    if (m.tag != "stem") {
      out.put('/');
      out.write(m.tag);
    }
  }
}

void write_analysis_json(Output& out, const kurdi::Analysis& a) {
  out.write("{\"lemma\": ");
  write_json_string(out, a.lemma);
  out.write(", \"upos\": ");
  write_json_string(out, a.upos);
  out.write(", \"features\": ");
  write_json_string(out, a.features);
  out.write(", \"stem\": ");
  write_json_string(out, a.stem);
  out.write(a.known ? ", \"known\": true" : ", \"known\": false");
  out.write(", \"morphemes\": ");
  write_morphemes(out, a, true);
  out.put('}');
}

// Loads --user-lexicon; on failure prints why (file and line) and returns null.
bool load_user_lexicon(const MorphArgs& args, std::unique_ptr<kurdi::UserLexicon>& out) {
  if (args.user_lexicon.empty()) return true;
  try {
    out = std::make_unique<kurdi::UserLexicon>(kurdi::UserLexicon::load(args.user_lexicon));
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "kurdi: %s\n", e.what());
    return false;
  }
  return true;
}

}  // namespace

// The session's cache: enough for the vocabulary of a large corpus (docs/morphology.md).
constexpr std::size_t kCacheWords = 1u << 17;

// kurdi stem and kurdi lemma: one item per token, separated by one space,
// one output line per input line.
template <typename Item>
int run_items(const MorphArgs& args, Item&& item) {
  std::unique_ptr<kurdi::UserLexicon> user;
  if (!load_user_lexicon(args, user)) return kExitBadInput;
  kurdi::Analyzer analyzer(kCacheWords, user.get());
  return run_filter(args.files, args.strict, [&](Input& input, Output& out) {
    bool first = true;
    each_token(
        input,
        [&](const kurdi::Token& t, std::string_view, std::string_view norm, std::size_t) {
          if (!first) out.put(' ');
          first = false;
          item(analyzer, t, norm, out);
        },
        [&](std::uint64_t) { first = true; }, [&] { out.put('\n'); }, out);
  });
}

int run_stem(const MorphArgs& args) {
  return run_items(args, [&](kurdi::Analyzer& analyzer, const kurdi::Token& t, std::string_view norm, Output& out) {
    if (t.type != kurdi::TokenType::word) {
      out.write(norm);
      return;
    }
    if (args.lucene) {
      out.write(kurdi::lucene_stem(norm));
      return;
    }
    const std::vector<std::string>& stems = analyzer.stems(norm);
    const std::size_t n = args.first_only ? 1 : stems.size();
    for (std::size_t i = 0; i < n && i < stems.size(); ++i) {
      if (i) out.put('|');
      out.write(stems[i]);
    }
  });
}

int run_lemma(const MorphArgs& args) {
  return run_items(args, [](kurdi::Analyzer& analyzer, const kurdi::Token& t, std::string_view norm, Output& out) {
    out.write(t.type == kurdi::TokenType::word ? std::string_view(analyzer.lemma(norm)) : norm);
  });
}

// Plain: one line per token, "text TAB lemma TAB UPOS TAB features TAB
// morphemes" for the best analysis, a blank line after each input line.
// --json: one object per input line with every analysis of every token.
int run_analyze(const MorphArgs& args) {
  std::unique_ptr<kurdi::UserLexicon> user;
  if (!load_user_lexicon(args, user)) return kExitBadInput;
  kurdi::Analyzer analyzer(kCacheWords, user.get());
  static const std::vector<kurdi::Analysis> kNone;
  return run_filter(args.files, args.strict, [&](Input& input, Output& out) {
    bool first = true;
    each_token(
        input,
        [&](const kurdi::Token& t, std::string_view text, std::string_view norm, std::size_t offset) {
          const std::vector<kurdi::Analysis>& analyses =
              t.type == kurdi::TokenType::word ? analyzer.analyze(norm) : kNone;
          if (!args.json) {
            out.write(text);
            out.put('\t');
            if (analyses.empty()) {
              out.write(norm);
              out.write("\t");
              out.write(kurdi::token_type_name(t.type));
              out.write("\t-\t");
              out.write(norm);
            } else {
              const kurdi::Analysis& a = analyses.front();
              out.write(a.lemma);
              out.put('\t');
              out.write(a.upos);
              out.put('\t');
              out.write(a.features);
              out.put('\t');
              write_morphemes(out, a, false);
            }
            out.put('\n');
            return;
          }
          out.write(first ? "{\"begin\": " : ", {\"begin\": ");
          first = false;
          out.write_uint(offset + t.begin);
          out.write(", \"end\": ");
          out.write_uint(offset + t.end);
          out.write(", \"type\": \"");
          out.write(kurdi::token_type_name(t.type));
          out.write("\", \"text\": ");
          write_json_string(out, text);
          out.write(", \"norm\": ");
          write_json_string(out, norm);
          out.write(", \"analyses\": [");
          for (std::size_t i = 0; i < analyses.size(); ++i) {
            if (i) out.write(", ");
            write_analysis_json(out, analyses[i]);
          }
          out.write("]}");
        },
        [&](std::uint64_t line) {
          first = true;
          if (!args.json) return;
          out.write("{\"line\": ");
          out.write_uint(line);
          out.write(", \"tokens\": [");
        },
        [&] { out.write(args.json ? "]}\n" : "\n"); }, out);
  });
}

}  // namespace kurdi::cli
