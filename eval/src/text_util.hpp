// kurdi eval: small text helpers shared by the evaluation commands.
//
// The evaluation tools decode UTF-8 themselves (they judge the library, so
// they do not borrow its character classes). Input must be valid UTF-8;
// a malformed byte decodes as U+FFFD and is counted by the caller.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi_eval {

/// One decoded code point and where it sits in the UTF-8 string.
struct CodePoint {
  char32_t cp;
  std::size_t begin;  ///< byte offset
  std::size_t end;    ///< one past the last byte
};

/// Reads a whole file; throws std::runtime_error with the path on failure.
std::string read_file(const std::string& path);

/// Decodes UTF-8; malformed bytes become U+FFFD (one per maximal bad run of
/// continuation bytes), and `*malformed` (if given) counts them.
std::vector<CodePoint> decode(std::string_view text, std::size_t* malformed = nullptr);
std::u32string decode_u32(std::string_view text);
void append_utf8(std::string& out, char32_t cp);
std::string encode(std::u32string_view text);

/// Unicode White_Space (PropList.txt): TAB..CR, space, U+0085, U+00A0,
/// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool is_space(char32_t cp) noexcept;

/// An approximation of "letter or digit" (General_Category L* or Nd) for the
/// scripts that occur in Sorani text: ASCII, Latin-1 and Latin Extended,
/// Greek, Cyrillic, Arabic letters (U+0620..U+064A except tatweel U+0640,
/// U+066E..U+06D3, U+06D5,
/// U+06EE..U+06FF minus signs, U+0750..U+077F, U+08A0..U+08C9),
/// Arabic presentation-form letters, Arabic-Indic and Persian digits, CJK.
bool is_letter_or_digit(char32_t cp) noexcept;

/// "U+06A9" style name.
std::string cp_name(char32_t cp);
/// Printable rendering of a code point sequence: visible characters as they
/// are, invisible ones (controls, ZWNJ, bidi marks, spaces) as <U+XXXX>;
/// an empty sequence as "∅".
std::string show(std::u32string_view s);
/// "U+0647 U+200C" list; "∅" when empty.
std::string cp_list(std::u32string_view s);

/// Quotes and closing brackets that may follow sentence-final punctuation:
/// " ' » « ) ] ” ’ ›.
bool is_closing_mark(char32_t cp) noexcept;

/// Drops ASCII spaces, tabs, CR and LF around `s`.
std::string_view trim_ascii(std::string_view s) noexcept;

/// Splits on '\n' (a trailing '\r' stays in the line). A final empty piece
/// after a terminating newline is dropped.
std::vector<std::string_view> split_lines(std::string_view text);

/// Strips a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text) noexcept;

/// Formats a ratio as a percentage with `digits` decimals.
std::string percent(double num, double den, int digits = 3);
std::string fixed(double value, int digits);

}  // namespace kurdi_eval
