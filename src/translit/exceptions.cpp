// The exception lexicon at run time: a probe of the compiled hash table and
// the alignment of an entry's Hawar spelling with the word's letters.
#include "translit/exceptions.hpp"

namespace kurdi::translit_detail {

const ExceptionEntry* find_exception(std::uint64_t hash, std::string_view word) noexcept {
  for (std::size_t s = hash & kExceptionSlotMask;; s = (s + 1) & kExceptionSlotMask) {
    const unsigned index = kExceptionSlots[s];
    if (index == 0) return nullptr;
    const ExceptionEntry& e = kExceptions[index - 1];
    if (e.hash == hash && e.arabic == word) return &e;
  }
}

namespace {

bool take(std::string_view& rest, std::string_view spelling) {
  if (spelling.empty() || rest.substr(0, spelling.size()) != spelling) return false;
  rest.remove_prefix(spelling.size());
  return true;
}

Phone phone(const Reading& r, bool vowel, unsigned sonority) {
  return {&r, vowel, false, static_cast<std::uint8_t>(sonority), false};
}

}  // namespace

bool read_exception(const std::vector<const ArabicLetter*>& letters, std::string_view hawar,
                    Phones& phones) {
  phones.clear();
  std::string_view rest = hawar;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const ArabicLetter& letter = *letters[i];
    if (i == 0 && letter.kind == Kind::hamza) {  // not written in Latin
      Phone ph = phone(kReadGlottal, false, kStop);
      ph.word_initial_glottal = true;
      phones.push_back(ph);
      continue;
    }
    // No letter's Hawar spelling starts with a plain i: it is the bizroke.
    if (!rest.empty() && rest[0] == 'i') {
      phones.push_back(phone(kReadBizroke, true, 0));
      rest.remove_prefix(1);
    }
    switch (letter.kind) {
      case Kind::vowel:
        if (!take(rest, letter.reading.hawar)) return false;
        phones.push_back(phone(letter.reading, true, 0));
        break;
      case Kind::consonant:
        if (!take(rest, letter.reading.hawar)) return false;
        phones.push_back(phone(letter.reading, false, letter.sonority));
        break;
      case Kind::hamza:
        if (!take(rest, kReadGlottal.hawar)) return false;
        phones.push_back(phone(kReadGlottal, false, kStop));
        break;
      case Kind::waw:
        if (i + 1 < letters.size() && letters[i + 1]->kind == Kind::waw && take(rest, kReadUU.hawar)) {
          phones.push_back(phone(kReadUU, true, 0));
          ++i;
        } else if (take(rest, kReadU.hawar)) {
          phones.push_back(phone(kReadU, true, 0));
        } else if (take(rest, kReadW.hawar)) {
          phones.push_back(phone(kReadW, false, kGlide));
        } else {
          return false;
        }
        break;
      case Kind::yeh:
        if (take(rest, kReadII.hawar)) {
          phones.push_back(phone(kReadII, true, 0));
        } else if (take(rest, kReadY.hawar)) {
          phones.push_back(phone(kReadY, false, kGlideY));
        } else {
          return false;
        }
        break;
    }
  }
  return rest.empty();
}

}  // namespace kurdi::translit_detail
