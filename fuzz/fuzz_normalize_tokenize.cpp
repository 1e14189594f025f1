// libFuzzer target: arbitrary bytes through normalize (both profiles, held
// to the rule handlers alone),
// tokenize, sentences, the morphology of each word and transliteration, checking the
// contracts of DESIGN.md and docs/morphology.md. A violated
// contract prints which one and traps, so libFuzzer saves the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "kurdi/kurdi.hpp"
#include "normalize/by_handlers.hpp"
#include "normalize/quick.hpp"

#define KURDI_FUZZ_CHECK(cond)                                        \
  do {                                                                \
    if (!(cond)) {                                                    \
      std::fprintf(stderr, "contract violated: %s (%s:%d)\n", #cond, \
                   __FILE__, __LINE__);                               \
      __builtin_trap();                                               \
    }                                                                 \
  } while (false)

namespace {

constexpr std::size_t npos = std::string_view::npos;

void check_normalize(std::string_view input, const kurdi::NormalizeOptions& options) {
  kurdi::OffsetMap map;
  const std::string once = kurdi::normalize(input, options, &map);
  KURDI_FUZZ_CHECK(kurdi::find_invalid_utf8(once) == npos);
  // Every fast path (the widest SIMD window check this CPU has, verbatim
  // runs, shortcuts) decides as the rule handlers alone.
  KURDI_FUZZ_CHECK(kurdi::normalize_detail::normalize_by_handlers(input, options) == once);
  KURDI_FUZZ_CHECK(kurdi::normalize(once, options) == once);

  // The offset map: anchors ordered and in range, ends map to ends.
  std::size_t last_out = 0;
  std::size_t last_in = 0;
  for (const auto& a : map.anchors()) {
    KURDI_FUZZ_CHECK(a.out >= last_out && a.in >= last_in);
    KURDI_FUZZ_CHECK(a.out <= once.size() && a.in <= input.size());
    last_out = a.out;
    last_in = a.in;
  }
  KURDI_FUZZ_CHECK(map.to_input(once.size()) == input.size());
  // At every character boundary of the output, to_input is monotonic and in
  // range (inside a multi-byte character it is not defined: one malformed
  // input byte becomes the three bytes of U+FFFD).
  std::size_t prev = 0;
  for (std::size_t out = 0; out <= once.size(); ++out) {
    if (out < once.size() && (static_cast<unsigned char>(once[out]) & 0xC0) == 0x80) continue;
    const std::size_t in = map.to_input(out);
    KURDI_FUZZ_CHECK(in >= prev && in <= input.size());
    prev = in;
  }
}

void check_tokenize(std::string_view input) {
  const kurdi::Tokens result = kurdi::tokenize(input);
  KURDI_FUZZ_CHECK(kurdi::find_invalid_utf8(result.normalized) == npos);
  std::size_t prev_end = 0;
  for (const kurdi::Token& t : result.tokens) {
    KURDI_FUZZ_CHECK(t.begin < t.end);        // non-empty
    KURDI_FUZZ_CHECK(t.begin >= prev_end);    // monotonic, non-overlapping
    KURDI_FUZZ_CHECK(t.end <= input.size());  // within the input
    KURDI_FUZZ_CHECK(t.norm_begin <= t.norm_end && t.norm_end <= result.normalized.size());
    KURDI_FUZZ_CHECK(kurdi::find_invalid_utf8(result.norm(t)) == npos);
    prev_end = t.end;
  }
}

void check_sentences(std::string_view input) {
  std::size_t prev_end = 0;
  for (const kurdi::Sentence& s : kurdi::sentences(input)) {
    KURDI_FUZZ_CHECK(s.begin < s.end);
    KURDI_FUZZ_CHECK(s.begin >= prev_end);
    KURDI_FUZZ_CHECK(s.end <= input.size());
    prev_end = s.end;
  }
}

// Every analysis covers its normalized form with contiguous morphemes; the
// lemma and stems are never empty; the morpheme tokens tile the form.
void check_word(std::string_view word) {
  const auto analyses = kurdi::analyze(word);
  for (const kurdi::Analysis& a : analyses) {
    KURDI_FUZZ_CHECK(!a.lemma.empty() && !a.stem.empty());
    KURDI_FUZZ_CHECK(kurdi::find_invalid_utf8(a.lemma) == npos);
    std::size_t pos = 0;
    for (const kurdi::Morpheme& m : a.morphemes) {
      KURDI_FUZZ_CHECK(m.begin == pos && m.end > m.begin);
      pos = m.end;
    }
    KURDI_FUZZ_CHECK(pos == a.form.size());
  }
  const auto stems = kurdi::stems(word);
  KURDI_FUZZ_CHECK(analyses.empty() == stems.empty());
  KURDI_FUZZ_CHECK(kurdi::lemma(word) == (analyses.empty() ? std::string() : analyses.front().lemma));
  std::string form;
  std::size_t pos = 0;
  for (const auto& [b, e] : kurdi::morpheme_tokens(word, &form)) {
    KURDI_FUZZ_CHECK(b == pos && e > b);
    pos = e;
  }
  KURDI_FUZZ_CHECK(pos == form.size());
  // Lucene mode only strips whole suffix letters from the normalized word.
  const std::string lucene = kurdi::lucene_stem(word);
  KURDI_FUZZ_CHECK(form.starts_with(lucene) && kurdi::find_invalid_utf8(lucene) == npos);
}

void check_morphology(std::string_view input) {
  const kurdi::Tokens result = kurdi::tokenize(input);
  std::size_t n = 0;
  for (const kurdi::Token& t : result.tokens) {
    if (t.type != kurdi::TokenType::word) continue;
    if (++n > 32) break;  // bound the time per input
    check_word(result.norm(t));
  }
}

// Transliteration (docs/transliteration.md): valid UTF-8 out in every
// direction and scheme, and a line filter: as many line breaks out as in.
void check_transliterate(std::string_view input) {
  const auto lines = [](std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += c == '\n';
    return n;
  };
  const std::size_t in_lines = lines(input);
  for (const kurdi::Script to : {kurdi::Script::latn, kurdi::Script::arab, kurdi::Script::ipa}) {
    for (const kurdi::LatinScheme scheme :
         {kurdi::LatinScheme::hawar, kurdi::LatinScheme::simplified, kurdi::LatinScheme::ascii}) {
      if (to != kurdi::Script::latn && scheme != kurdi::LatinScheme::hawar) continue;
      kurdi::TransliterateOptions options;
      options.to = to;
      options.scheme = scheme;
      options.capitalize = scheme == kurdi::LatinScheme::simplified;
      const std::string out = kurdi::transliterate(input, options);
      KURDI_FUZZ_CHECK(kurdi::find_invalid_utf8(out) == npos);
      KURDI_FUZZ_CHECK(lines(out) == in_lines);
      if (to == kurdi::Script::latn && scheme == kurdi::LatinScheme::hawar) {
        kurdi::TransliterateOptions back;
        back.to = kurdi::Script::arab;
        const std::string round = kurdi::transliterate(out, back);
        KURDI_FUZZ_CHECK(kurdi::find_invalid_utf8(round) == npos);
        KURDI_FUZZ_CHECK(lines(round) == in_lines);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  kurdi::NormalizeOptions standard;
  check_normalize(input, standard);
  // The analyzer's per-word shortcut past the normalizer (normalize/quick.hpp).
  if (kurdi::normalize_detail::standard_keeps_word(input)) KURDI_FUZZ_CHECK(kurdi::normalize(input) == input);
  kurdi::NormalizeOptions search;
  search.profile = kurdi::Profile::search;
  check_normalize(input, search);
  // The search hosts' shortcut for stems (normalize/quick.hpp).
  if (kurdi::normalize_detail::search_keeps_word(input)) KURDI_FUZZ_CHECK(kurdi::normalize(input, search) == input);
  kurdi::NormalizeOptions harakat;
  harakat.keep_harakat = true;
  harakat.digits = kurdi::DigitStyle::arabic_indic;
  check_normalize(input, harakat);

  check_tokenize(input);
  check_sentences(input);
  check_morphology(input);
  check_transliterate(input);
  return 0;
}
