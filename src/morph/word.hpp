// Small pieces the morphology files share.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace kurdi::morph {

/// `word` normalized (standard profile) without surrounding white space: the
/// form every analysis and every user-lexicon entry is of.
std::string normalized_word(std::string_view word);

/// A string hash that also takes string_views, for maps keyed by std::string
/// that are searched with views (no key copy per lookup).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace kurdi::morph
