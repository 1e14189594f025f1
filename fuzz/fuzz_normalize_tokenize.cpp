// libFuzzer target: arbitrary bytes through normalize (both profiles),
// tokenize and sentences, checking the contracts of DESIGN.md. A violated
// contract prints which one and traps, so libFuzzer saves the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "kurdi/kurdi.hpp"

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  kurdi::NormalizeOptions standard;
  check_normalize(input, standard);
  kurdi::NormalizeOptions search;
  search.profile = kurdi::Profile::search;
  check_normalize(input, search);
  kurdi::NormalizeOptions harakat;
  harakat.keep_harakat = true;
  harakat.digits = kurdi::DigitStyle::arabic_indic;
  check_normalize(input, harakat);

  check_tokenize(input);
  check_sentences(input);
  return 0;
}
