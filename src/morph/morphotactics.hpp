// The morphotactics of Sorani as finite-state tables: which affixes and
// clitics may follow a stem, in which order and in which surface form. Each
// arc is one row (docs/morphology.md lists them); the analyzer walks them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace kurdi::morph {

/// States of the suffix automaton, read left to right after a stem.
enum class State : std::uint8_t {
  // nominal chain (nouns, adjectives, pronouns, names, infinitives, participles)
  n_stem, n_degree, n_number, n_dem, n_ezafe, n_add, n_clitic, n_clitic_add, n_post, n_post_add, n_copula,
  // present verb stem
  v_present, v_present_r, v_person, v_ewe, v_end,
  // past verb stem
  v_past, v_past_person, v_perfect, v_perfect_e, v_perfect_t, v_perfect_person, v_perfect_clitic,
  v_pluperfect, v_infinitive, v_infinitive_ewe, v_past_add, v_perfect_merged, v_perfect_person_e,
  v_pluperfect_o,
  count
};

/// Which sound the affix needs before it (the allomorphs after vowels; `yeh`:
/// after a stem in ی, where a glide ی comes before ە: کورسییەکان; `waw`:
/// after وو, where the perfect's وو merges with a past stem's: بووە, چووەتە;
/// `glide_y`: after ا ە ۆ ێ or ی, where writers put a glide ی before ەکان
/// and ێک: هۆیەکان, ماوەیێک; not after و, since وی + ەکان is more often an
/// adjective in ی: شاخاویەکان).
enum class After : std::uint8_t { any, vowel, consonant, yeh, waw, glide_y };

struct Arc {
  State from;
  std::string_view surface;
  After after;
  std::string_view tag;       ///< morpheme tag (docs/morphology.md)
  std::string_view features;  ///< UniMorph features it contributes ("" for none)
  State to;
};

/// The name of a state as docs/morphology.md writes it ("n_stem", ...).
std::string_view state_name(State state) noexcept;

namespace detail {
// The arcs sorted by state, and where each state's begin (kArcBegin[s] up to
// kArcBegin[s + 1]): built at compile time in morphotactics.cpp, declared
// here so that arcs_from inlines into the suffix walk, which asks for it at
// every step.
extern const Arc* const kArcs;
extern const std::uint16_t* const kArcBegin;
}  // namespace detail

/// Arcs leaving `state`.
inline std::span<const Arc> arcs_from(State state) noexcept {
  const auto s = static_cast<std::size_t>(state);
  return {detail::kArcs + detail::kArcBegin[s], static_cast<std::size_t>(detail::kArcBegin[s + 1] - detail::kArcBegin[s])};
}

namespace detail {
// Every surface starts with a two-byte letter of the Arabic block
// (U+0600..U+06FF, lead byte D8..DB); its offset in the block indexes a class.
constexpr bool arabic_letter(unsigned char b0, unsigned char b1) noexcept {
  return b0 >= 0xD8 && b0 <= 0xDB && (b1 & 0xC0) == 0x80;
}
constexpr std::size_t letter_offset(unsigned char b0, unsigned char b1) noexcept {
  return static_cast<std::size_t>(b0 - 0xD8) << 6 | (b1 & 0x3F);
}
}  // namespace detail

/// The tables of arcs_at (built at compile time in morphotactics.cpp; here so
/// that arcs_at inlines into the analyzer's innermost loop).
inline constexpr std::size_t kMaxLetterClasses = 32;
struct FirstLetters {
  std::uint8_t letter_class[256]{};  ///< 0: no surface starts with the letter
  std::uint64_t masks[static_cast<std::size_t>(State::count)][kMaxLetterClasses]{};
};
extern const FirstLetters kFirstLetters;

/// The arcs leaving `state` that may match at the start of `rest`: bit n
/// stands for arcs_from(state)[n], set when that arc's surface starts with the
/// letter `rest` starts with (the caller still compares the whole surface).
inline std::uint64_t arcs_at(State state, std::string_view rest) noexcept {
  if (rest.size() < 2) return 0;
  const auto b0 = static_cast<unsigned char>(rest[0]), b1 = static_cast<unsigned char>(rest[1]);
  if (!detail::arabic_letter(b0, b1)) return 0;
  const std::uint8_t c = kFirstLetters.letter_class[detail::letter_offset(b0, b1)];
  return c == 0 ? 0 : kFirstLetters.masks[static_cast<std::size_t>(state)][c];
}

/// Whether a chain may end in `state`.
bool accepting(State state) noexcept;

/// Verb prefixes before the stem (after any preverb): negation, aspect, mood.
struct Prefix {
  std::string_view surface;
  std::string_view tag;
  std::string_view features;
  bool negative;
  bool present_only;  ///< نا and مە occur only with present stems
  bool past_only;
};
std::span<const Prefix> verb_prefixes() noexcept;

/// Pronominal clitics (agent/object/possessor), the same set on nouns and verbs.
struct Clitic {
  std::string_view surface;
  std::string_view tag;     ///< "CL.1S" ...
  std::string_view person;  ///< "1S" ...
};
std::span<const Clitic> clitics() noexcept;

}  // namespace kurdi::morph
