// A learned correction to the cost of the unwritten i (bizroke): a cost
// added to an i before a letter, by the letters around it
// (docs/transliteration.md, "Learned bizroke costs"). The syllable DP adds it
// to its hand-set cost of an i (syllables.cpp), so it changes where an i is
// cheap or dear without changing the DP's states: the reading stays linear.
//
// The compiled model (kBizrokeModel) is generated from
// data/translit/bizroke_costs.tsv, written by
// scripts/translit/learn_bizroke.py from the licensed training pairs only.
// kurdi_eval's trainer uses its own, mutable model.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

#include "translit/letters.hpp"

namespace kurdi::translit_detail {

/// Letters of the model: 0 is the word's edge, 1..41 the Sorani letters of
/// kModelAlphabet, 42 any other letter (none after normalization).
inline constexpr unsigned kModelLetters = 43;
inline constexpr unsigned kModelEdge = 0;
inline constexpr unsigned kModelOther = kModelLetters - 1;
/// The letters of ids 1..41.
inline constexpr char32_t kModelAlphabet[] = U"ءئابپتثجچحخدذرڕزژسشصضطظعغفڤقکگلڵمنهھەوۆیێ";

/// The model id of a letter of the block U+0600..U+06FF by its low byte.
inline constexpr std::array<std::uint8_t, 256> kModelLetterId = [] {
  std::array<std::uint8_t, 256> ids{};
  for (auto& id : ids) id = kModelOther;
  for (unsigned i = 0; kModelAlphabet[i] != 0; ++i) ids[kModelAlphabet[i] & 0xFF] = static_cast<std::uint8_t>(i + 1);
  return ids;
}();
static_assert(sizeof kModelAlphabet / sizeof kModelAlphabet[0] - 1 == kModelLetters - 2);

inline unsigned model_letter(const ArabicLetter* l) noexcept { return l->model_id; }

/// The feature templates of an i before letter b (letters ... a [i] b c ...):
/// the pair (a, b) and the pair (b, c), each a dense table indexed by model
/// ids, in cost units (the hand-set i costs 1). (A third, the pair before a,
/// was tried and dropped: docs/quality.md.)
enum Template : unsigned { kPairAB = 0, kPairBC = 1, kTemplates = 2 };

struct BizrokeModel {
  std::array<std::array<float, kModelLetters * kModelLetters>, kTemplates> weight{};

  /// The cost added to an i before letter p, between the letters of model
  /// ids a and b, with c after b (kModelEdge at the end of the word).
  float cost(unsigned a, unsigned b, unsigned c) const noexcept {
    return weight[kPairAB][a * kModelLetters + b] + weight[kPairBC][b * kModelLetters + c];
  }
};

/// The model compiled from data/translit/bizroke_costs.tsv.
extern const BizrokeModel kBizrokeModel;
/// A model of zeros: the hand-set costs alone.
extern const BizrokeModel kNoBizrokeModel;

}  // namespace kurdi::translit_detail
