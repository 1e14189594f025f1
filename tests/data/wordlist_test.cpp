// The compiled word lists: sorted (binary search), in normalized form, and
// shaped as the code that reads them expects.
#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "kurdi/normalize.hpp"

namespace kurdi::data {
extern const std::string_view final_heh_exceptions[];
extern const std::size_t final_heh_exceptions_count;
extern const std::string_view sentence_abbreviations[];
extern const std::size_t sentence_abbreviations_count;
}  // namespace kurdi::data

namespace {

TEST(WordLists, FinalHehExceptionsEndInHehAndAreNormalized) {
  ASSERT_GT(kurdi::data::final_heh_exceptions_count, 3u);
  for (std::size_t i = 0; i < kurdi::data::final_heh_exceptions_count; ++i) {
    const std::string_view e = kurdi::data::final_heh_exceptions[i];
    EXPECT_TRUE(e.ends_with("\u0647")) << e;
    EXPECT_EQ(kurdi::normalize(e), e) << "entry changes under normalization: " << e;
  }
}

TEST(WordLists, AbbreviationsAreSortedAndNormalized) {
  const std::string_view* b = kurdi::data::sentence_abbreviations;
  const std::string_view* e = b + kurdi::data::sentence_abbreviations_count;
  ASSERT_GT(e - b, 10);
  EXPECT_TRUE(std::is_sorted(b, e));
  for (const std::string_view* p = b; p != e; ++p) {
    EXPECT_EQ(kurdi::normalize(*p), *p) << "entry changes under normalization: " << *p;
  }
}

}  // namespace
