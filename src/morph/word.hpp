// Small pieces the morphology files share.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi {
class UserLexicon;
}

namespace kurdi::morph {

/// `word` normalized (standard profile) without surrounding white space: the
/// form every analysis and every user-lexicon entry is of.
std::string normalized_word(std::string_view word);

/// What Analyzer::stems and Analyzer::lemma give for `word` (with `user`'s
/// entries; `user` may be null), from one search and kept nowhere: for a
/// caller that keeps the results itself (the Expander's document terms),
/// without the insertions into and evictions from an Analyzer's cache.
void stems_and_lemma(std::string_view word, const UserLexicon* user, std::vector<std::string>& stems,
                     std::string& lemma);

/// Whether the best analysis of `word` is lexicon-backed (what
/// kurdi::analyze(word).front().known says), without building the analyses:
/// the orthography repair asks it of many words.
bool has_lexicon_reading(std::string_view word);

/// A string hash that also takes string_views, for maps keyed by std::string
/// that are searched with views (no key copy per lookup).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace kurdi::morph
