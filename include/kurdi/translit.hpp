// kurdi: transliteration between Sorani Arabic script, Kurdish Latin (Hawar)
// and IPA. The conventions (one row per letter, the schemes, the syllable
// scoring that decides و, ی and the unwritten i) are in docs/transliteration.md.
//
// Guarantees:
//   * any bytes in, valid UTF-8 out (malformed sequences become U+FFFD, as
//     in normalize());
//   * line breaks, spaces and every character that is not a letter of the
//     source script pass through unchanged (digits and the Arabic
//     punctuation ، ؛ ؟ « » are converted, see the docs);
//   * time linear in the input: each word is decided by dynamic programming
//     over its letters with a small state, never by enumerating readings.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

/// The script to write.
enum class Script : unsigned char {
  latn,  ///< Sorani Arabic script -> Latin (Hawar or a scheme below)
  arab,  ///< Latin (Hawar, with or without diacritics) -> Sorani Arabic script
  ipa,   ///< Sorani Arabic script -> IPA, syllables separated by '.'
};

/// The Latin alphabet written by Script::latn (ignored for the others).
enum class LatinScheme : unsigned char {
  hawar,       ///< Hawar with ř ł ḧ ẍ and dotted letters for Arabic-only letters: lossless
  simplified,  ///< Hawar's 31 letters (ç ê î ş û), the Sorani and Arabic-only marks dropped
  ascii,       ///< ASCII only: ch sh rr ll gh for ç ş ř ł ẍ, ê î û as e i u
};

struct TransliterateOptions {
  Script to = Script::latn;
  LatinScheme scheme = LatinScheme::hawar;
  /// Script::latn: capitalise the first letter of each sentence.
  bool capitalize = false;
  /// Script::latn and Script::ipa: read the words of the exception lexicon
  /// (data/translit/exceptions.tsv, built from licensed word pairs) as it
  /// spells them. false: the syllable rules alone (for evaluation and for
  /// rebuilding the lexicon). Script::arab never uses it.
  bool exceptions = true;
};

/// Transliterates `text`. Arabic-script input is first normalized with the
/// standard profile (kurdi::normalize).
std::string transliterate(std::string_view text, const TransliterateOptions& options = {});

/// Same, appending to `out` (reuse buffers in loops).
void transliterate_into(std::string_view text, const TransliterateOptions& options,
                        std::string& out);

/// "latn" / "arab" / "ipa" -> Script; anything else -> nullopt.
std::optional<Script> parse_script(std::string_view name) noexcept;
/// "hawar" / "simplified" / "ascii" -> LatinScheme; anything else -> nullopt.
std::optional<LatinScheme> parse_latin_scheme(std::string_view name) noexcept;

}  // namespace kurdi
KURDI_PUBLIC_END
