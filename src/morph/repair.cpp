#include "morph/repair.hpp"

#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morph/lexicon.hpp"
#include "morph/word.hpp"
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
  return has_lexicon_reading(word);
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
  // The verdict on each distinct word of this call: trying a word runs the
  // analyzer on it and on its readings, tens of thousands of instructions,
  // and running text repeats its words (Zipf). The verdict depends on the
  // word's bytes alone, so the cache changes nothing but the time.
  std::unordered_map<std::string, std::string> verdicts;  // word -> repaired form, or "" if none
  auto repair_cached = [&](char* word, std::size_t size) {
    auto [it, fresh] = verdicts.try_emplace(std::string(word, size));
    if (fresh) {
      if (repair_word(word, size)) it->second.assign(word, size);
      return !it->second.empty();
    }
    if (it->second.empty()) return false;
    std::memcpy(word, it->second.data(), size);
    return true;
  };
  // Only words holding ه can change: jump from one ه to the next and take
  // the word around it (a run of Arabic letters and ZWNJ), instead of
  // decoding every character of the text.
  const auto* base = text::bytes(text.data());
  const auto* end = base + text.size();
  auto in_word = [](char32_t cp) { return text::is_arabic_letter(cp) || cp == text::kZwnj; };
  const std::string_view all(text);
  std::size_t i = from;
  while ((i = all.find(kHeh, i, 2)) != std::string_view::npos) {
    std::size_t word_begin = i, word_end = i;
    while (word_begin > from) {
      unsigned len = 0;
      if (!in_word(text::decode_before(base + from, base + word_begin, &len))) break;
      word_begin -= len;
    }
    while (word_end < text.size()) {
      const text::Decoded d = text::decode(base + word_end, end);
      if (!in_word(d.cp)) break;
      word_end += d.len;
    }
    if (repair_cached(&text[word_begin], word_end - word_begin)) ++repaired;
    i = word_end;
  }
  return repaired;
}

}  // namespace kurdi::morph
