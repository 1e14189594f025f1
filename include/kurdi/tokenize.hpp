// kurdi: tokenization with offsets into the original text.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/export.hpp"
#include "kurdi/normalize.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

enum class TokenType : std::uint8_t {
  word,     ///< Arabic-script word (Sorani and others); ZWNJ and harakat stay inside
  latin,    ///< Latin-script word (Hawar, English, ...), internal ' allowed
  number,   ///< digits (ASCII, Arabic-Indic, Persian), separators ٫ ٬ . , , sign, percent
  date,     ///< 26/7/2021, ٢٦/٧/٢٠٢١, 2021-07-26, 26.7.2021
  time,     ///< 10:30, ١٠:٣٠:١٥
  url,      ///< https://..., www.example.org/...
  email,    ///< name@example.org
  hashtag,  ///< #کوردستان
  mention,  ///< @name
  emoji,    ///< a whole emoji sequence (ZWJ, modifiers, flags, keycaps)
  punct,    ///< punctuation, one mark per token except runs of the same mark (... ؟؟)
  symbol,   ///< other symbols ($ + = © ...)
  suffix,   ///< letters glued to a number: the دا of ١٩٩٩دا, the ی of 40%ی
  other,    ///< anything else (controls, U+FFFD, unassigned)
};

/// Lower-case name of a token type ("word", "latin", ...), as printed in JSON.
std::string_view token_type_name(TokenType type) noexcept;

struct Token {
  std::size_t begin;       ///< byte offset into the ORIGINAL text
  std::size_t end;         ///< one past the last byte, in the original text
  std::size_t norm_begin;  ///< byte range of the normalized form in Tokens::normalized
  std::size_t norm_end;
  TokenType type;
};

/// Tokens of a text, and the normalized text their forms point into.
struct Tokens {
  std::string normalized;
  std::vector<Token> tokens;
  OffsetMap map;  ///< normalized -> original offsets (kept so calls reuse its buffer)
  std::string_view norm(const Token& t) const noexcept {
    return std::string_view(normalized).substr(t.norm_begin, t.norm_end - t.norm_begin);
  }
};

struct TokenizeOptions {
  NormalizeOptions normalize;  ///< the form each token carries (standard by default)
  /// Tokens longer than this many bytes are cut into consecutive tokens with
  /// adjacent offsets (at a character boundary), as Lucene does, so that one
  /// pathological run cannot use unbounded memory.
  std::size_t max_token_bytes = 1024;
};

/// Tokenizes `text`. Offsets are monotonic and non-overlapping; whitespace is
/// never part of a token. Reuses `out`'s buffers.
void tokenize(std::string_view text, Tokens& out, const TokenizeOptions& options = {});
Tokens tokenize(std::string_view text, const TokenizeOptions& options = {});

}  // namespace kurdi
KURDI_PUBLIC_END
