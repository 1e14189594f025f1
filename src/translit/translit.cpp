// kurdi::transliterate: the scan over the text. Arabic-script words go
// through WordReader (syllables.cpp); Latin words are spelt letter by letter
// (latin_to_arabic). Everything else passes through, except the digits and
// punctuation of docs/transliteration.md ("Digits and punctuation").
#include "kurdi/translit.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "kurdi/normalize.hpp"
#include "normalize/final_heh.hpp"
#include "text/utf8.hpp"
#include "translit/bizroke_model.hpp"
#include "translit/exceptions.hpp"
#include "translit/with_model.hpp"
#include "translit/letters.hpp"
#include "translit/morph_hints.hpp"
#include "translit/syllables.hpp"

namespace kurdi {

namespace {

using namespace translit_detail;

constexpr char32_t kZwnj = 0x200C;

bool ends_sentence(char32_t cp) {
  return cp == U'.' || cp == U'!' || cp == U'?' || cp == 0x061F || cp == U'\n' || cp == 0x06D4;
}

// Characters that neither start nor end a sentence (spaces, quotes, brackets).
bool sentence_neutral(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\r' || cp == U'"' || cp == U'\'' || cp == U'(' ||
         cp == U'[' || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D || cp == U'-' ||
         cp == 0x2013 || cp == 0x2014;
}

const char* arabic_punct_to_latin(char32_t cp) {
  switch (cp) {
    case 0x060C: return ",";
    case 0x061B: return ";";
    case 0x061F: return "?";
    case 0x00AB: return "“";
    case 0x00BB: return "”";
    case 0x066A: return "%";
    case 0x066B: return ".";
    case 0x066C: return ",";
    case 0x06D4: return ".";
    default: return nullptr;
  }
}

const char* latin_punct_to_arabic(char32_t cp) {
  switch (cp) {
    case U',': return "،";
    case U';': return "؛";
    case U'?': return "؟";
    case 0x201C: return "«";
    case 0x201D: return "»";
    default: return nullptr;
  }
}

// Per letter: bit 0 a consonant (or ئ), bit 1 a consonant or و ی (may be
// read as one), bit 2 و or ی, bit 3 م ت ن (an ending or clitic may start).
constexpr unsigned kGlideBit = 4;
// Bit 3 by the low byte of a letter's code point (all are U+06xx).
constexpr std::array<std::uint8_t, 256> kEndingBit = [] {
  std::array<std::uint8_t, 256> bits{};
  for (const char32_t cp : {U'ن', U'ت', U'م'}) bits[cp & 0xFF] = 8;
  return bits;
}();
// By Kind: vowel, consonant, waw, yeh, hamza. (At namespace scope: as a
// local, GCC rebuilt the array on the stack for every letter.)
constexpr unsigned char kBitsByKind[] = {0, 3, 6, 6, 3};
inline unsigned letter_bits(const ArabicLetter* l) {
  return kBitsByKind[static_cast<unsigned>(l->kind)] | kEndingBit[l->cp & 0xFF];
}

// The letter at p (p < end) and its length in bytes. A letter is two bytes,
// D8..DB and a continuation byte: looked up from the bytes, as text::decode
// and arabic_letter would find it; anything else (a null letter, where a
// word ends) goes through the decoder.
struct NextLetter {
  const ArabicLetter* letter;
  unsigned len;
};
inline NextLetter next_letter(const unsigned char* p, const unsigned char* end) {
  // Both bytes tested at once (GCC makes it one 16-bit load and compare).
  if (end - p >= 2 && ((p[0] | (unsigned{p[1]} << 8)) & 0xC0FCu) == 0x80D8u) {
    return {kArabicBlock[((p[0] & 0x03u) << 6) | (p[1] & 0x3Fu)], 2};
  }
  const text::Decoded d = text::decode(p, end);
  return {arabic_letter(d.cp), d.len};
}

void append_upper_first(std::string& out, std::string_view s) {
  if (s.empty()) return;
  const auto* p = text::bytes(s.data());
  const text::Decoded d = text::decode(p, p + s.size());
  text::append(out, latin_upper(d.cp));
  out.append(s.substr(d.len));
}

class Transliterator {
 public:
  Transliterator(const TransliterateOptions& options, std::string& out)
      : options_(options),
        out_(out),
        spelling_(options.scheme == LatinScheme::hawar        ? kSpellHawar
                  : options.scheme == LatinScheme::simplified ? kSpellSimplified
                                                              : kSpellAscii) {}

  /// The learned bizroke costs (the compiled model by default).
  void set_model(const BizrokeModel* model) noexcept { reader_.set_model(model); }

  void from_arabic(std::string_view text) {
    const auto* const begin = text::bytes(text.data());
    const auto* p = begin;
    const auto* end = p + text.size();
    bool sentence_start = true;
    while (p < end) {
      // The space between words: written as is, and neither starts nor
      // ends a sentence (what the general path below does with it).
      if (*p == ' ') {
        out_.push_back(' ');
        ++p;
        continue;
      }
      if (const auto [letter, letter_len] = next_letter(p, end); letter) {
        const unsigned char* word_begin = p;
        letters_.clear();
        letters_.push_back(letter);
        p += letter_len;
        // Whether the word has a و or ی (read u/w/û, î/y) and two
        // consonant letters in a row (one of them may be a و or ی read w, y;
        // where an unwritten i may go): a word with neither has one
        // reading, letter by letter, and its morphology changes nothing.
        // Branch-free: a few bits per letter (letter_bits).
        unsigned bits = letter_bits(letter);
        unsigned any_glide = bits & kGlideBit;
        unsigned cluster = 0;
        // Bit k: letter (size - 1 - k) is م ت ن right after a consonant
        // letter, where an ending or clitic may start (morph_hints).
        std::uint32_t endings = 0;
        while (p < end) {
          const auto [next, next_len] = next_letter(p, end);
          if (!next) break;
          letters_.push_back(next);
          const unsigned b = letter_bits(next);
          any_glide |= b;
          // strict consonant then a possible one, or a possible one then a strict one
          cluster |= (bits & (b >> 1)) | ((bits >> 1) & b);
          endings = (endings << 1) | (bits & (b >> 3) & 1u);
          bits = b;
          p += next_len;
        }
        ambiguous_ = (any_glide & kGlideBit) != 0;
        cluster_ = (cluster & 1u) != 0;
        endings_ = endings;
        const std::string_view word(reinterpret_cast<const char*>(word_begin),
                                    static_cast<std::size_t>(p - word_begin));
        write_arabic_word(word, sentence_start, sentence_start && word_follows(p, end));
        sentence_start = false;
        continue;
      }
      // A URL or an address passes through whole, Arabic letters and all
      // (https://rudaw.net/کورد); one starts with an ASCII character after
      // white space, which is rare enough in Sorani text to test each time.
      if (*p < 0x80 && *p > ' ' && (p == begin || p[-1] <= ' ')) {
        const unsigned char* chunk_end = p;
        if (starts_protected_chunk(p, end, &chunk_end)) {
          out_.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(chunk_end - p));
          p = chunk_end;
          sentence_start = false;
          continue;
        }
      }
      const text::Decoded d = text::decode(p, end);
      p += d.len;
      if (d.cp == kZwnj && !out_.empty() && p < end && arabic_letter(text::decode(p, end).cp)) {
        continue;  // inside a compound: the Latin word is written together
      }
      if (const int v = digit(d.cp); v >= 0) {
        out_.push_back(static_cast<char>('0' + v));
      } else if (const char* punct = arabic_punct_to_latin(d.cp)) {
        out_.append(punct);
      } else {
        text::append(out_, d.cp);
      }
      if (ends_sentence(d.cp)) {
        sentence_start = true;
      } else if (!sentence_neutral(d.cp)) {
        sentence_start = false;
      }
    }
  }

  void from_latin(std::string_view text) {
    const auto* p = text::bytes(text.data());
    const auto* end = p + text.size();
    const auto* chunk_end = p;  // end of a URL or e-mail chunk that passes through whole
    // What from_arabic writes depends on what stands before a word: the
    // sentence's start (we for و) and, for a suffix written after a number
    // or a bracket (١٠٠٠ەم, (...)ی), the character right before it.
    bool sentence_start = true;
    char32_t before = U' ';
    bool quoting = false;  // a ‘ is open on this line: a word-final ’ closes it
    while (p < end) {
      if (p >= chunk_end && starts_protected_chunk(p, end, &chunk_end)) {
        out_.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(chunk_end - p));
        p = chunk_end;
        sentence_start = false;
        before = U'/';
        continue;
      }
      text::Decoded d = text::decode(p, end);
      const char32_t lower = latin_lower(d.cp);
      if (latin_letter(lower) && (!is_apostrophe(lower) || (lower != U'\'' && letter_follows(p + d.len, end)))) {
        p = write_latin_word(p, end, before, sentence_start, quoting);
        sentence_start = false;
        before = U'a';
        continue;
      }
      p += d.len;
      if (const char* punct = latin_punct_to_arabic(d.cp)) {
        out_.append(punct);
      } else {
        text::append(out_, d.cp);
      }
      if (ends_sentence(d.cp)) {
        sentence_start = true;
      } else if (!sentence_neutral(d.cp)) {
        sentence_start = false;
      }
      if (d.cp == 0x2018) quoting = true;
      else if (d.cp == 0x2019 || d.cp == U'\n') quoting = false;
      before = d.cp;
    }
  }

 private:
  // ’ and ʼ start a word (as ع and ئ) when a letter follows; ' only inside one.
  static bool letter_follows(const unsigned char* p, const unsigned char* end) {
    if (p >= end) return false;
    const char32_t cp = latin_lower(text::decode(p, end).cp);
    return latin_letter(cp) && !is_apostrophe(cp);
  }

  static bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2BC || cp == 0x2019; }

  // Whether a letter follows on the same line (a lone و is the citation form û).
  static bool word_follows(const unsigned char* p, const unsigned char* end) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    return p < end && *p != '\n' && *p != '\r' && *p >= 0x80;
  }

  // The same for a Latin letter (the sentence-initial we, read back as و).
  static bool latin_word_follows(const unsigned char* p, const unsigned char* end) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    return p < end && latin_letter(latin_lower(text::decode(p, end).cp)) != nullptr;
  }

  static int digit(char32_t cp) {
    if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
    return -1;
  }

  // A whitespace-delimited chunk holding "://", "@" or starting "www." is a
  // URL or an address: it passes through unchanged.
  static bool starts_protected_chunk(const unsigned char* p, const unsigned char* end,
                                     const unsigned char** chunk_end) {
    if (*p <= ' ') {
      *chunk_end = p + 1;
      return false;
    }
    const unsigned char* q = p;
    bool found = false;
    std::string_view chunk;
    while (q < end && *q > ' ') ++q;
    chunk = std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(q - p));
    found = chunk.find("://") != std::string_view::npos || chunk.find('@') != std::string_view::npos ||
            chunk.substr(0, 4) == "www.";
    // Only decide at a chunk start: the next decision is after the chunk.
    *chunk_end = q;
    return found;
  }

  // `word`: the normalized word (its letters are letters_); `opens_sentence`:
  // the word starts a sentence that goes on after it.
  void write_arabic_word(std::string_view word, bool sentence_start, bool opens_sentence) {
    // The conjunction و alone: û, "we" at the start of a sentence.
    if (letters_.size() == 1 && letters_[0]->kind == Kind::waw) {
      const char* conj = opens_sentence ? "we" : "û";
      if (options_.to == Script::ipa) conj = opens_sentence ? "wɛ" : "uː";
      else if (options_.scheme == LatinScheme::ascii && !opens_sentence) conj = "u";
      if (sentence_start && options_.capitalize && options_.to == Script::latn) {
        append_upper_first(out_, conj);
      } else {
        out_.append(conj);
      }
      return;
    }
    // A whole-word exception from the licensed pairs, else the syllable reading.
    const ExceptionEntry* exception = nullptr;
    if (options_.exceptions && letters_.size() >= 2 &&
        may_be_exception(letters_[0]->cp, letters_[1]->cp, letters_.back()->cp, letters_.size())) {
      std::uint64_t hash = kExceptionHashSeed;
      for (const ArabicLetter* l : letters_) hash = exception_hash_step(hash, l->cp);
      exception = find_exception(hash, word);
    }
    if (exception && read_exception(letters_, exception->hawar, phones_)) {
      if (options_.to == Script::ipa) mark_syllables(phones_);
    } else if (!ambiguous_ && !cluster_) {
      WordReader::read_plain(letters_, phones_, options_.to == Script::ipa);
    } else {
      // The rules alone, then the morpheme boundaries when they say more.
      if (!cluster_) {
        reader_.read(letters_, phones_, options_.to == Script::ipa);
      } else {
        std::uint64_t bizroke = 0;
        reader_.read(letters_, phones_, options_.to == Script::ipa, nullptr, &bizroke);
        if (may_split() && morph_hints(letters_, word, endings_, bizroke, reader_, hints_, scratch_)) {
          reader_.read(letters_, phones_, options_.to == Script::ipa, hints_.data());
        }
      }
    }
    // The spellings are copied 8 bytes at a time (PackedSpelling) into a
    // buffer with room for that, then appended to the output once per word.
    // At most 7 bytes a phone, 8 with the '.' of IPA, and 8 of slack.
    const std::size_t room = 8 * phones_.size() + 8;
    if (word_out_.size() < room) word_out_.resize(std::max(room, 2 * word_out_.size()));
    char* const start = word_out_.data();
    char* d = start;
    if (options_.to == Script::ipa) {
      for (const Phone& ph : phones_) {
        *d = '.';
        d += ph.syllable_start;
        const PackedSpelling& s = ph.reading->packed[kSpellIpa];
        std::memcpy(d, s.bytes, sizeof s.bytes);
        d += s.size();
      }
      out_.append(start, static_cast<std::size_t>(d - start));
      return;
    }
    if (!(sentence_start && options_.capitalize)) {
      for (const Phone& ph : phones_) {
        if (ph.word_initial_glottal) continue;
        const PackedSpelling& s = ph.reading->packed[spelling_];
        std::memcpy(d, s.bytes, sizeof s.bytes);
        d += s.size();
      }
      out_.append(start, static_cast<std::size_t>(d - start));
      return;
    }
    bool first = true;
    for (const Phone& ph : phones_) {
      if (ph.word_initial_glottal) continue;
      const std::string_view s = options_.scheme == LatinScheme::hawar        ? ph.reading->hawar
                                 : options_.scheme == LatinScheme::simplified ? ph.reading->simplified
                                                                              : ph.reading->ascii;
      if (first && sentence_start && options_.capitalize) {
        append_upper_first(out_, s);
      } else {
        out_.append(s);
      }
      first = false;
    }
  }

  // Whether morph_hints may have something to say (a cheap superset of its
  // own first test): an ending letter after a consonant near the end, or a
  // start that may be a verbal prefix (ب, or a letter + ە ا ێ that may begin
  // دە نە مە ئە نا or a preverb).
  bool may_split() const {
    if ((endings_ & ((1u << kEndingWindow) - 1)) != 0) return true;
    if (letters_.size() < 3) return false;
    const char32_t c0 = letters_[0]->cp, c1 = letters_[1]->cp;
    if (c0 == U'ب') return true;
    return (c1 == U'ە' || c1 == U'ا' || c1 == U'ێ') &&
           (c0 == U'د' || c0 == U'ن' || c0 == U'م' || c0 == U'ئ' || c0 == U'ه' || c0 == U'ڕ' || c0 == U'ل' ||
            c0 == U'ت' || c0 == U'و' || c0 == U'پ');
  }

  // One Latin word: letters (with combining marks) and apostrophes between
  // letters; `before_word`: the character before it; `sentence_start`: whether
  // it starts a sentence; `quoting`: whether a ‘ is open. Returns the end of
  // the word.
  const unsigned char* write_latin_word(const unsigned char* p, const unsigned char* end, char32_t before_word,
                                        bool sentence_start, bool quoting) {
    word_.clear();
    while (p < end) {
      const text::Decoded d = text::decode(p, end);
      char32_t cp = latin_lower(d.cp);
      if (is_apostrophe(cp)) {
        // Inside a word, or (’ ʼ) at its start, before a letter. At its end
        // ’ is ع and ʼ is ئ as from_arabic writes them (شەرع şer’), unless
        // a ‘ is open: then ’ closes the quotation.
        const auto* q = p + d.len;
        if (word_.empty() && cp == U'\'') break;
        const bool last = q >= end || [&] {
          const char32_t after = latin_lower(text::decode(q, end).cp);
          return !latin_letter(after) || is_apostrophe(after);
        }();
        if (last && (cp == U'\'' || word_.empty() || (quoting && cp == 0x2019))) break;
      } else if (!latin_letter(cp)) {
        if (!word_.empty()) {
          const char32_t composed = compose(word_.back(), cp);
          if (composed) {
            word_.back() = composed;
            p += d.len;
            continue;
          }
        }
        break;
      }
      word_.push_back(cp);
      p += d.len;
    }
    const std::size_t start = out_.size();
    // The conjunction (û; we at the start of a sentence that goes on), and
    // a lone î, the ezafe written apart (after a number or an abbreviation).
    if ((word_.size() == 1 && (word_[0] == U'û' || word_[0] == U'î')) ||
        (sentence_start && word_.size() == 2 && word_[0] == U'w' && word_[1] == U'e' && latin_word_follows(p, end))) {
      out_.append(word_[0] == U'î' ? "ی" : "و");
      return p;
    }
    // A suffix written right after a digit or a closing bracket or quote
    // (1000em, (peyamnêr)î) starts with no ئ: it is not a word's start.
    const bool suffix = (before_word >= U'0' && before_word <= U'9') || before_word == U')' ||
                        before_word == U']' || before_word == U'}' || before_word == 0x201D;
    for (std::size_t i = 0; i < word_.size(); ++i) {
      const LatinLetter* l = latin_letter(word_[i]);
      if (i == 0 && l->vowel && !suffix) out_.append("ئ");
      if (word_[i] == U'h' && i + 1 == word_.size() && i > 0) {
        // A final /h/: ھ, which normalization keeps, unless the word is one
        // whose final ه normalization already keeps.
        const std::string_view before(out_.data() + start, out_.size() - start);
        out_.append(normalize_detail::keeps_final_heh(before) ? "ه" : "ھ");
        continue;
      }
      out_.append(l->arabic);
    }
    return p;
  }

  const TransliterateOptions& options_;
  std::string& out_;
  unsigned spelling_;  // the Latin scheme's index into Reading::packed
  std::vector<char> word_out_;  // one word's output (write_arabic_word)
  WordReader reader_;
  std::vector<const ArabicLetter*> letters_;
  Phones phones_;
  std::vector<Hint> hints_;
  bool ambiguous_ = false;  // the current word has a و or ی
  bool cluster_ = false;    // ... two consonant letters in a row
  std::uint32_t endings_ = 0;  // ... where an ending may start (morph_hints)
  std::vector<Decision> scratch_;
  std::u32string word_;
};

void run(std::string_view text, const TransliterateOptions& options, const BizrokeModel* model, std::string& out) {
  Transliterator t(options, out);
  t.set_model(model);
  if (options.to == Script::arab) {
    // Repair malformed UTF-8 the way normalize() does, without touching letters.
    std::string valid;
    const auto* p = text::bytes(text.data());
    const auto* end = p + text.size();
    bool clean = true;
    for (const auto* q = p; q < end;) {
      const text::Decoded d = text::decode(q, end);
      if (!d.valid) {
        clean = false;
        break;
      }
      q += d.len;
    }
    if (clean) {
      t.from_latin(text);
      return;
    }
    for (const auto* q = p; q < end;) {
      const text::Decoded d = text::decode(q, end);
      text::append(valid, d.cp);
      q += d.len;
    }
    t.from_latin(valid);
    return;
  }
  // Normalized a piece of about kPiece bytes at a time into one reused
  // buffer, each piece cut just after a line break: normalization looks
  // across no white space (kurdi::safe_split_point) and a line break starts
  // a sentence anyway (from_arabic starts each piece as at a line start),
  // so the output is the same as for the whole text at once. A large text
  // then needs no normalized copy of itself: the fresh pages of such a copy
  // cost a first call dearly, and a piece is read back while in cache.
  constexpr std::size_t kPiece = 64 * 1024;
  std::string normalized;
  while (!text.empty()) {
    std::size_t cut = text.size();
    if (cut > kPiece) {
      const std::size_t line_end = text.find('\n', kPiece);
      if (line_end != std::string_view::npos) cut = line_end + 1;
    }
    normalized.clear();
    normalize_into(text.substr(0, cut), NormalizeOptions{}, normalized);
    t.from_arabic(normalized);
    text.remove_prefix(cut);
  }
}

}  // namespace

void transliterate_into(std::string_view text, const TransliterateOptions& options, std::string& out) {
  run(text, options, &kBizrokeModel, out);
}

void translit_detail::transliterate_with_model(std::string_view text, const TransliterateOptions& options,
                                               const BizrokeModel* model, std::string& out) {
  run(text, options, model, out);
}

std::string transliterate(std::string_view text, const TransliterateOptions& options) {
  std::string out;
  // Latin and IPA are no longer than the Arabic script they come from (plus
  // a margin); Arabic script from Latin is about 1.6 times as long (two bytes
  // a letter). Reserved so that the output is not moved midway: a move
  // copies it into fresh pages, each a page fault on first touch.
  out.reserve(options.to == Script::arab ? 2 * text.size() : text.size() + text.size() / 4);
  transliterate_into(text, options, out);
  return out;
}

std::optional<Script> parse_script(std::string_view name) noexcept {
  if (name == "latn") return Script::latn;
  if (name == "arab") return Script::arab;
  if (name == "ipa") return Script::ipa;
  return std::nullopt;
}

std::optional<LatinScheme> parse_latin_scheme(std::string_view name) noexcept {
  if (name == "hawar") return LatinScheme::hawar;
  if (name == "simplified") return LatinScheme::simplified;
  if (name == "ascii") return LatinScheme::ascii;
  return std::nullopt;
}

}  // namespace kurdi
