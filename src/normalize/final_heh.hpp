#pragma once
#include <string_view>

namespace kurdi::normalize_detail {

/// True when a word whose normalized text so far is `word_before_heh` keeps
/// its final ه as a real /h/ (data/normalize/final_heh_exceptions.txt: the
/// word, or a compound ending in it).
bool keeps_final_heh(std::string_view word_before_heh) noexcept;

}  // namespace kurdi::normalize_detail
