// kurdi: UTF-8 validation and UTF-16 input, for hosts that read raw bytes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

/// Offset of the first byte of the first malformed UTF-8 sequence at or after
/// `from`, or std::string_view::npos when the rest is valid. Malformed means:
/// not well-formed per Unicode (overlongs, surrogates, > U+10FFFF, truncated).
std::size_t find_invalid_utf8(std::string_view text, std::size_t from = 0) noexcept;

/// Length of the malformed sequence starting at `offset` (the "maximal
/// subpart" that becomes one U+FFFD), at least 1.
std::size_t invalid_utf8_length(std::string_view text, std::size_t offset) noexcept;

/// Decodes UTF-16 (little or big endian) chunk by chunk into UTF-8. A chunk
/// may end in the middle of a code unit or of a surrogate pair; the rest is
/// kept for the next call. Unpaired surrogates become U+FFFD.
class Utf16Decoder {
 public:
  explicit Utf16Decoder(bool big_endian) noexcept : big_endian_(big_endian) {}
  void decode(std::string_view bytes, std::string& out);
  /// Flushes a dangling byte or high surrogate as U+FFFD.
  void finish(std::string& out);

 private:
  bool big_endian_;
  int pending_byte_ = -1;
  char16_t pending_high_ = 0;
};

}  // namespace kurdi
KURDI_PUBLIC_END
