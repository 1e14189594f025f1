// kurdi: sentence boundaries.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>
#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

struct Sentence {
  std::size_t begin;  ///< byte offset into the original text (first non-space byte)
  std::size_t end;    ///< one past the last non-space byte
};

/// Splits `text` into sentences at . ! ? ؟ … (with closing quotes and
/// brackets kept in the sentence) and at line breaks. Not fooled by the
/// abbreviations of data/segment/abbreviations.txt, decimals, dates, URLs
/// or numbered-list markers. Sentences never overlap; whitespace between
/// them belongs to none.
std::vector<Sentence> sentences(std::string_view text);

}  // namespace kurdi
KURDI_PUBLIC_END
