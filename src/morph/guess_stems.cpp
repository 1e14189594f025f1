// Look-ups in the compiled guess-stem table (guess_stems.hpp).
#include "morph/guess_stems.hpp"

#include <cstddef>

namespace kurdi::morph::data {
extern const char kGuessStemPool[];
extern const guess_format::GuessStem kGuessStems[];
extern const std::uint32_t kGuessSlots[];
extern const std::size_t kGuessSlotCount;  // a power of two, at most half full
extern const std::uint64_t kGuessFilter[];  // guess_format::kFilterBits bits
}  // namespace kurdi::morph::data

namespace kurdi::morph {

unsigned marked_forms(std::string_view stem, std::uint64_t hash) noexcept {
  const auto has = [](std::uint32_t bit) { return (data::kGuessFilter[bit >> 6] >> (bit & 63)) & 1; };
  if (!has(guess_format::filter_bit_1(hash)) || !has(guess_format::filter_bit_2(hash))) return 0;
  const std::size_t mask = data::kGuessSlotCount - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 48);
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const std::uint32_t v = data::kGuessSlots[s];
    if (v == 0) return 0;
    if (v >> 16 != tag) continue;
    const guess_format::GuessStem& g = data::kGuessStems[(v & 0xFFFF) - 1];
    if (std::string_view(data::kGuessStemPool + g.offset, g.length) == stem) return g.marked;
  }
}

}  // namespace kurdi::morph
