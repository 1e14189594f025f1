// A check callers on a per-word hot path use to skip the normalizer.
#pragma once
#include <string_view>

namespace kurdi::normalize_detail {

/// True only when kurdi::normalize with default options (standard profile)
/// returns `word` unchanged, judged by one table look-up per character: the
/// word is made of two-byte letters of U+0600..U+06FF that no rule touches
/// in its context. False means "not known": the caller normalizes. The
/// analyzer runs it on every new word, which nearly always passes (its
/// tokens were normalized already) and so costs a fraction of a normalizer
/// call, whose set-up dominates for one word.
bool standard_keeps_word(std::string_view word) noexcept;

/// The same for the search profile (NormalizeOptions::profile = search,
/// other options default). It also refuses every word with ه, which the
/// search profile's repair may change. The search hosts run it on each
/// stem and lemma they index, nearly all of which pass.
bool search_keeps_word(std::string_view word) noexcept;

}  // namespace kurdi::normalize_detail
