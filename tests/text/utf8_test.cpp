#include <gtest/gtest.h>

#include <string>

#include "kurdi/utf8.hpp"

namespace {

using kurdi::find_invalid_utf8;
constexpr auto npos = std::string_view::npos;

TEST(Utf8, ValidTextHasNoError) {
  EXPECT_EQ(find_invalid_utf8("کوردستان abc 😀"), npos);
  EXPECT_EQ(find_invalid_utf8(""), npos);
  EXPECT_EQ(find_invalid_utf8(std::string_view("a\0b", 3)), npos);  // NUL is valid
}

TEST(Utf8, FindsEachKindOfMalformedSequence) {
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);             // lone continuation
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);            // overlong
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // > U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ک\xD9"), 2u);               // truncated at the end
  EXPECT_EQ(find_invalid_utf8("12345678\xFF"), 8u);        // after the ASCII fast path
  EXPECT_EQ(find_invalid_utf8("\x80 ok \x80", 1), 5u);     // from an offset
}

TEST(Utf8, MaximalSubpartLength) {
  EXPECT_EQ(kurdi::invalid_utf8_length("\xE2\x82", 0), 2u);  // truncated 3-byte sequence
  EXPECT_EQ(kurdi::invalid_utf8_length("\xE2\x41", 0), 1u);
  EXPECT_EQ(kurdi::invalid_utf8_length("\xF0\x9F\x98", 0), 3u);
}

TEST(Utf16, DecodesBothEndiannessAcrossChunks) {
  // "کو" + U+1F600 in UTF-16LE, fed one byte at a time.
  const std::string le("\xA9\x06\x48\x06\x3D\xD8\x00\xDE", 8);
  kurdi::Utf16Decoder d(false);
  std::string out;
  for (char c : le) d.decode(std::string_view(&c, 1), out);
  d.finish(out);
  EXPECT_EQ(out, "کو😀");

  const std::string be("\x06\xA9\x06\x48", 4);
  kurdi::Utf16Decoder d2(true);
  std::string out2;
  d2.decode(be, out2);
  d2.finish(out2);
  EXPECT_EQ(out2, "کو");
}

TEST(Utf16, UnpairedSurrogatesBecomeReplacement) {
  kurdi::Utf16Decoder d(false);
  std::string out;
  d.decode(std::string_view("\x3D\xD8\x41\x00", 4), out);  // high surrogate then 'A'
  d.decode(std::string_view("\x00\xDE", 2), out);          // lone low surrogate
  d.decode(std::string_view("\x41", 1), out);              // dangling byte
  d.finish(out);
  EXPECT_EQ(out, "\uFFFDA\uFFFD\uFFFD");
}

}  // namespace
