// The morphotactics of Sorani as finite-state tables: which affixes and
// clitics may follow a stem, in which order and in which surface form. Each
// arc is one row (docs/morphology.md lists them); the analyzer walks them.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace kurdi::morph {

/// States of the suffix automaton, read left to right after a stem.
enum class State : std::uint8_t {
  // nominal chain (nouns, adjectives, pronouns, names, infinitives, participles)
  n_stem, n_degree, n_number, n_ezafe, n_add, n_clitic, n_clitic_add, n_post, n_post_add, n_copula,
  // present verb stem
  v_present, v_present_r, v_person, v_ewe, v_end,
  // past verb stem
  v_past, v_past_person, v_perfect, v_perfect_e, v_perfect_t, v_perfect_person, v_perfect_clitic,
  v_pluperfect, v_infinitive, v_infinitive_ewe,
  count
};

/// Which sound the affix needs before it (the allomorphs after vowels; `yeh`:
/// after a stem in ی, where a glide ی comes before ە: کورسییەکان).
enum class After : std::uint8_t { any, vowel, consonant, yeh };

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

/// Arcs leaving `state`.
std::span<const Arc> arcs_from(State state) noexcept;

/// The arcs leaving `state` that may match at the start of `rest`: bit n
/// stands for arcs_from(state)[n], set when that arc's surface starts with the
/// letter `rest` starts with (the caller still compares the whole surface).
std::uint64_t arcs_at(State state, std::string_view rest) noexcept;

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
