// The regular passive stems of a verb, shared by the lexicon compiler and
// user lexicons so that both build the same ones (docs/morphology.md,
// "Passive, causative and irregular stems").
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kurdi::morph {

struct PassiveStems {
  std::string past;     // X + را
  std::string present;  // X + رێ
};

namespace passive_detail {
inline bool ends_with_vowel_letter(std::string_view s) {
  for (std::string_view v : {"ا", "ە", "ێ", "ۆ", "و", "ی"})
    if (s.ends_with(v)) return true;
  return false;
}
/// Letters (code points) of a Sorani stem, all of which are two UTF-8 bytes.
inline std::size_t letters(std::string_view s) { return s.size() / 2; }
}  // namespace passive_detail

/// Whether the passive of a verb whose passive base (the present stem, or a
/// listed passive stem without its را / رێ) is `base` also takes the -در-
/// form: after a consonant, Sorani writes both X+را and X+درا (گۆڕرا and
/// گۆڕدرا, تواندرێت, ڕاگەیەندرا). Not after a vowel or د, and not on a base
/// of one letter once its preverb is set aside: کرا, کردن's passive, has no
/// کدرا (لێکدراو is لێکدان's, not لێکردن's), and a name like خدران is no
/// خ + درا + ن. That leaves out دانان's داندرا (دا + ن), which is real.
inline bool takes_dr_passive(std::string_view base, std::size_t preverb_bytes) {
  return base.size() > preverb_bytes && passive_detail::letters(base.substr(preverb_bytes)) >= 2 &&
         !passive_detail::ends_with_vowel_letter(base) && !base.ends_with("د");
}

/// The regular passive built on a transitive verb's present stem: + را (past)
/// and + رێ (present), an ە-final stem losing its ە (بین -> بینرا, بینرێ;
/// کۆکە -> کۆکرا, کۆکرێ), and after a consonant also + درا, + درێ
/// (گۆڕ -> گۆڕرا, گۆڕدرا).
inline std::vector<PassiveStems> regular_passive_stems(std::string_view present, std::size_t preverb_bytes) {
  constexpr std::string_view e = "ە";
  const bool drops_e = present.size() > preverb_bytes + e.size() && present.ends_with(e);
  const std::string base(drops_e ? present.substr(0, present.size() - e.size()) : present);
  std::vector<PassiveStems> out;
  out.push_back({base + "را", base + "رێ"});
  if (!drops_e && takes_dr_passive(base, preverb_bytes)) out.push_back({base + "درا", base + "درێ"});
  return out;
}

/// For a passive stem a source lists (X+را or X+رێ), its -در- form when X
/// takes one (ژمێررا -> ژمێردرا); empty otherwise. An
/// irregular passive in ی + را gets none: گیرا's -در- form is گیردرا, which
/// no rule here derives.
inline std::string dr_form_of_listed_passive(std::string_view stem, std::size_t preverb_bytes) {
  for (std::string_view ending : {"را", "رێ"}) {
    if (!stem.ends_with(ending)) continue;
    std::string_view base = stem.substr(0, stem.size() - ending.size());
    if (!takes_dr_passive(base, preverb_bytes)) return {};
    return std::string(base) + "د" + std::string(ending);
  }
  return {};
}

}  // namespace kurdi::morph
