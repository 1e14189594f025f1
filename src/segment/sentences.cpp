// Sentence boundaries over the token stream: terminal punctuation and line
// breaks end a sentence; abbreviations, initials, numbered-list markers and
// dotted Latin names do not. Numbers, dates and URLs never contain a
// boundary because the tokenizer keeps their dots inside one token.
#include "kurdi/sentences.hpp"

#include <algorithm>

#include "kurdi/tokenize.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace kurdi::data {
extern const std::string_view sentence_abbreviations[];
extern const std::size_t sentence_abbreviations_count;
}  // namespace kurdi::data

namespace kurdi {
namespace {

bool is_abbreviation(std::string_view s) {
  const std::string_view* begin = data::sentence_abbreviations;
  const std::string_view* end = begin + data::sentence_abbreviations_count;
  return std::binary_search(begin, end, s);
}

char32_t first_cp(std::string_view s) {
  if (s.empty()) return 0;
  return text::decode(text::bytes(s.data()), text::bytes(s.data()) + s.size()).cp;
}

bool is_terminator(std::string_view norm) {
  const char32_t c = first_cp(norm);
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

bool is_closer(std::string_view norm) {
  const char32_t c = first_cp(norm);
  return c == 0xBB || c == 0x201D || c == 0x2019 || c == ')' || c == ']' || c == '}' ||
         c == 0x203A || c == '"' || c == '\'';
}

bool is_opener(char32_t c) {
  return c == 0xAB || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == '{' ||
         c == 0x2039 || c == '"' || c == '\'';
}

bool has_line_break(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return true;
    if (c == 0xE2 && s.substr(i, 3) >= "\u2028" && s.substr(i, 3) <= "\u2029") return true;
  }
  return false;
}

class Splitter {
 public:
  Splitter(std::string_view text, const Tokens& t) : text_(text), t_(t), tok_(t.tokens) {}

  std::vector<Sentence> run() {
    std::size_t start = 0;
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      if (i > start && line_break_before(i)) {
        close(start, i - 1);
        start = i;
      }
      if (!is_terminator(t_.norm(tok_[i])) || !ends_sentence(i, start)) continue;
      std::size_t last = i;
      // Further terminators and closing quotes glued to it stay in the sentence.
      while (last + 1 < tok_.size() && tok_[last + 1].begin == tok_[last].end &&
             (is_terminator(t_.norm(tok_[last + 1])) || is_closer(t_.norm(tok_[last + 1])))) {
        ++last;
      }
      // A closing quote set off by spaces on both sides ("... کرد. "  پاشان")
      // closes this sentence; it cannot open the next one.
      if (last + 1 < tok_.size() && is_closer(t_.norm(tok_[last + 1])) &&
          !line_break_before(last + 1) &&
          (last + 2 >= tok_.size() || !adjacent(last + 1, last + 2))) {
        ++last;
      }
      close(start, last);
      start = last + 1;
      i = last;
    }
    if (start < tok_.size()) close(start, tok_.size() - 1);
    return std::move(out_);
  }

 private:
  bool line_break_before(std::size_t i) const {
    return has_line_break(text_.substr(tok_[i - 1].end, tok_[i].begin - tok_[i - 1].end));
  }
  bool adjacent(std::size_t a, std::size_t b) const { return tok_[a].end == tok_[b].begin; }

  bool ends_sentence(std::size_t i, std::size_t start) const {
    const std::string_view mark = t_.norm(tok_[i]);
    const bool ellipsis = mark == "\u2026" || mark.starts_with("..");
    if (ellipsis) {
      // An ellipsis glued to the next word (بوو...لەوانەیە) trails off
      // inside the sentence.
      const bool glued = i + 1 < tok_.size() && adjacent(i, i + 1) &&
                         (tok_[i + 1].type == TokenType::word || tok_[i + 1].type == TokenType::latin);
      return !glued;
    }
    if (mark != ".") return true;  // ! ? ؟ and their runs always end
    if (i == 0) return false;
    // Numbered-list marker: "١. " opening a sentence.
    if (i - 1 == start && tok_[i - 1].type == TokenType::number && adjacent(i - 1, i) &&
        i + 1 < tok_.size() && !line_break_before(i + 1)) {
      return false;
    }
    // Dotted Latin names: file.txt, U.S (no space on either side).
    if (i + 1 < tok_.size() && adjacent(i - 1, i) && adjacent(i, i + 1) &&
        tok_[i - 1].type == TokenType::latin && tok_[i + 1].type == TokenType::latin) {
      return false;
    }
    // The space-delimited chunk ending in this dot: an abbreviation or an
    // initial (a single letter).
    const std::string_view norm = t_.normalized;
    const std::size_t dot_end = tok_[i].norm_end;
    std::size_t b = tok_[i].norm_begin;
    while (b > 0) {
      unsigned n;
      const char32_t c = text::decode_before(text::bytes(norm.data()),
                                             text::bytes(norm.data()) + b, &n);
      if (text::is_space(c)) break;
      b -= n;
    }
    while (b < dot_end && is_opener(first_cp(norm.substr(b)))) {
      b += text::decode(text::bytes(norm.data()) + b, text::bytes(norm.data()) + norm.size()).len;
    }
    const std::string_view chunk = norm.substr(b, dot_end - b);
    if (is_abbreviation(chunk)) return false;
    const std::string_view word = t_.norm(tok_[i - 1]);
    const bool single_letter = adjacent(i - 1, i) && text::is_letter(first_cp(word)) &&
                               text::decode(text::bytes(word.data()),
                                            text::bytes(word.data()) + word.size())
                                       .len == word.size();
    if (single_letter && (i - 1 == 0 || !adjacent(i - 2, i - 1) ||
                          t_.norm(tok_[i - 2]) == "." || is_opener(first_cp(t_.norm(tok_[i - 2]))))) {
      return false;
    }
    return true;
  }

  void close(std::size_t first, std::size_t last) {
    out_.push_back({tok_[first].begin, tok_[last].end});
  }

  std::string_view text_;
  const Tokens& t_;
  const std::vector<Token>& tok_;
  std::vector<Sentence> out_;
};

}  // namespace

std::vector<Sentence> sentences(std::string_view text) {
  const Tokens t = tokenize(text);
  return Splitter(text, t).run();
}

}  // namespace kurdi
