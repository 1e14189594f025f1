#include "morph/repair.hpp"

#include <cstring>
#include <string_view>
#include <vector>

#include "kurdi/morph.hpp"
#include "morph/lexicon.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace kurdi::morph {
namespace {

constexpr char kHeh[] = "\xD9\x87";  // ه U+0647
constexpr char kAe[] = "\xDB\x95";   // ە U+06D5
// A word with more ه than this is left alone (2^n readings to try).
constexpr std::size_t kMaxHeh = 6;

bool known(std::string_view word) {
  // Fast path: most words with a real ه are lexicon keys themselves.
  for (const auto& r : lookup(word).records)
    if (r.kind == format::Kind::lemma || r.kind == format::Kind::form) return true;
  const auto analyses = analyze(word);
  return !analyses.empty() && analyses.front().known;
}

// Tries the readings of `word` with fewest changes first; on success writes
// the repaired word over it.
bool repair_word(char* word, std::size_t size) {
  std::vector<std::size_t> hehs;
  for (std::size_t i = 0; i + 1 < size; ++i)
    if (word[i] == kHeh[0] && word[i + 1] == kHeh[1]) hehs.push_back(i);
  if (hehs.empty() || hehs.size() > kMaxHeh) return false;
  const std::string original(word, size);
  if (known(original)) return false;
  std::string candidate = original;
  const std::size_t n = hehs.size();
  for (std::size_t changes = 1; changes <= n; ++changes) {
    for (std::size_t mask = 1; mask < (std::size_t{1} << n); ++mask) {
      if (static_cast<std::size_t>(__builtin_popcountll(mask)) != changes) continue;
      candidate = original;
      for (std::size_t b = 0; b < n; ++b)
        if (mask & (std::size_t{1} << b)) std::memcpy(&candidate[hehs[b]], kAe, 2);
      if (known(candidate)) {
        std::memcpy(word, candidate.data(), size);
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::size_t repair_heh(std::string& text, std::size_t from) {
  std::size_t repaired = 0;
  const auto* base = text::bytes(text.data());
  const auto* end = base + text.size();
  std::size_t i = from, word_begin = from;
  bool in_word = false, has_heh = false;
  auto finish = [&](std::size_t word_end) {
    if (in_word && has_heh && repair_word(&text[word_begin], word_end - word_begin)) ++repaired;
    in_word = has_heh = false;
  };
  while (i < text.size()) {
    const text::Decoded d = text::decode(base + i, end);
    const bool letter = text::is_arabic_letter(d.cp) || d.cp == text::kZwnj;
    if (letter && !in_word) {
      in_word = true;
      word_begin = i;
    } else if (!letter) {
      finish(i);
    }
    if (d.cp == 0x0647) has_heh = true;
    i += d.len;
  }
  finish(text.size());
  return repaired;
}

}  // namespace kurdi::morph
