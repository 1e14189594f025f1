// Fixed inputs run through every contract: minimal reproducers of bugs the
// property tests found (one line each, with what went wrong), and the
// contexts the rules are most likely to get wrong at a string's edges.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "contracts.hpp"

namespace {

struct Case {
  const char* why;
  std::string text;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> c = {
      // Found by RandomStrings: a malformed byte becomes U+FFFD (3 bytes for
      // 1); OffsetMap::to_input went past the input and backwards inside it.
      {"U+FFFD for a malformed byte at the start", "\xFF'"},
      {"U+FFFD for a malformed byte at the end", "a\xFF"},
      {"U+FFFD for a malformed byte after a guillemet", "a\xC2\xBB\xFF'"},
      // Found by RandomStrings: the search profile composed a mark with a
      // letter it had folded (ؤ -> و) or across a ZWNJ it deleted, so
      // search(x) != search(standard(x)).
      {"waw with hamza + small v (search)", "\xD8\xA4\xD9\x9B"},
      {"yeh barree, ZWNJ, small v (search)", "\xDB\x92\xE2\x80\x8C\xE2\x80\x8C\xD9\x9B\xD8\xA6"},
      // Edges and contexts.
      {"empty", ""},
      {"lone heh", "\xD9\x87"},
      {"heh + ZWNJ at the end", "\xD9\x87\xE2\x80\x8C"},
      {"heh + tatweel at the end", "\xD8\xA8\xD9\x87\xD9\x80"},
      {"tatweel between digits", "\xD9\xA1\xD9\xA9\xD9\xA9\xD9\xA1\xD9\x80\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA3"},
      {"lone tatweel", "\xD9\x80"},
      {"leading BOM and CRLF", "\xEF\xBB\xBF\xD8\xB1\xDB\x86\xDA\x98\r\n\xD8\xB1\xDB\x86\xDA\x98\r\n"},
      {"lone CR", "\xD8\xA8\r\xD8\xA8"},
      {"NUL inside a line", std::string("\xD8\xA8\0\xD8\xB1", 5)},
      {"harakat only", "\xD9\x8E\xD9\x8F \xD9\x90"},
      {"ZWNJ runs and ZWSP", "\xD9\x86\xE2\x80\x8C\xE2\x80\x8C\xD8\xA8 \xD9\x86\xE2\x80\x8B\xD8\xA8"},
      {"exotic spaces", "\xD8\xA8\xC2\xA0\xD8\xA8\xE2\x80\x89\xD8\xA8\xE3\x80\x80\xD8\xA8"},
      {"presentation forms with spaces in the decomposition", "\xEF\xB7\xBA \xEF\xB7\xBB \xEF\xB1\x9E"},
      {"number + suffix", "\xD9\xA1\xD9\xA9\xD9\xA9\xD9\xA9\xD8\xAF\xD8\xA7 40%\xDB\x8C"},
      {"abbreviation and decimal", "\xD8\xAF. \xD8\xA6\xD8\xA7\xD8\xB1\xD8\xA7\xD9\x85 \xD9\xA3\xD9\xAB\xD9\xA5."},
      {"truncated sequence before space", "\xE2\x80 \xF0\x9F\x98"},
      {"surrogate and overlong", "\xED\xA0\x80\xC0\xAF\xF4\x90\x80\x80"},
  };
  return c;
}

TEST(Regressions, SatisfyContracts) {
  for (const Case& c : cases()) {
    const auto v = kurdi_props::check_all(c.text, kurdi_props::Depth::exhaustive);
    std::string r;
    for (const auto& m : v) r += "  " + m + "\n";
    EXPECT_TRUE(v.empty()) << c.why << ": \"" << kurdi_props::show(c.text) << "\"\n" << r;
  }
}

}  // namespace
