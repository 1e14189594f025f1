// kurdi: normalization of Sorani text.
//
// normalize() maps UTF-8 text to its canonical Sorani spelling under a
// profile. Every rule is one row of docs/normalization.md. Guarantees:
//   * any bytes in, valid UTF-8 out (malformed sequences become U+FFFD);
//   * idempotent: normalize(normalize(x)) == normalize(x);
//   * whitespace is never merged or dropped, and a whitespace-delimited token
//     holding a letter or digit is never removed or merged;
//   * correctly written Sorani is unchanged by the standard profile;
//   * an optional sparse output-to-input offset map.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

enum class Profile : unsigned char {
  standard,  ///< canonical Sorani spelling; digits and punctuation untouched
  search,    ///< standard + folds for matching (ASCII digits, lower-case Latin, no ZWNJ, ...)
};

enum class DigitStyle : unsigned char {
  profile_default,  ///< keep for standard, ascii for search
  keep,
  ascii,         ///< ٠-٩ and ۰-۹ -> 0-9
  arabic_indic,  ///< 0-9 and ۰-۹ -> ٠-٩
};

struct NormalizeOptions {
  Profile profile = Profile::standard;
  DigitStyle digits = DigitStyle::profile_default;
  bool keep_harakat = false;  ///< keep vowel marks (U+064B..U+065F, U+0670)
  /// Lexicon-validated repair of ە written as ه (ئهو -> ئەو) in words the
  /// lexicon does not know (docs/morphology.md). Always on in the search
  /// profile; `kurdi normalize --repair` turns it on for the standard one.
  bool repair = false;
};

/// Sparse map from output byte offsets back to input byte offsets: one anchor
/// where an edit starts and one where the text lines up again. Between two
/// anchors, output and input advance together.
class OffsetMap {
 public:
  struct Anchor {
    std::size_t out;
    std::size_t in;
  };
  /// Input offset of the output byte at `out` (for `out` == output size: the
  /// input size). Input bytes deleted by normalization belong to the output
  /// character before them.
  std::size_t to_input(std::size_t out) const noexcept;
  const std::vector<Anchor>& anchors() const noexcept { return anchors_; }
  void clear() noexcept { anchors_.clear(); }

  // Used by the normalizer while it writes.
  void add(std::size_t out, std::size_t in);

 private:
  std::vector<Anchor> anchors_;
};

/// Normalizes `text` (UTF-8; a leading BOM is dropped) and returns the result.
std::string normalize(std::string_view text, const NormalizeOptions& options = {},
                      OffsetMap* map = nullptr);

/// Same, appending to `out` (reuse buffers in loops). Map offsets are
/// relative to the appended part.
void normalize_into(std::string_view text, const NormalizeOptions& options, std::string& out,
                    OffsetMap* map = nullptr);

/// "standard" / "search" -> Profile; anything else -> nullopt.
std::optional<Profile> parse_profile(std::string_view name) noexcept;
std::string_view profile_name(Profile profile) noexcept;

/// The largest offset <= text.size() at which `text` can be cut so that
/// normalizing or tokenizing the two parts separately gives the same result
/// as the whole: just after a space, tab or line break (no rule looks across
/// white space). Returns 0 when there is no such place. Streaming hosts use
/// it to process unbounded input in bounded memory. (Sentences can span a
/// space; sentences() is only split-safe after a line break.)
std::size_t safe_split_point(std::string_view text) noexcept;

}  // namespace kurdi
KURDI_PUBLIC_END
