// The accepted date forms (archive/read/dates.hpp), white-box.
#include <gtest/gtest.h>

#include "dates.hpp"

namespace kurdi::archive::detail {
namespace {

TEST(ReadDates, AcceptedFormsBecomeYearMonthDay) {
  EXPECT_EQ(normalize_date("2021-07-26"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021/07/26"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26T10:30"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26T10:30:59"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26T10:30:59.123Z"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26t10:30:59z"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26T23:59:59+03:00"), "2021-07-26");  // the offset is not applied
  EXPECT_EQ(normalize_date("2021-07-26T00:00-05:30"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26 10:30"), "2021-07-26");
  EXPECT_EQ(normalize_date("2021-07-26 10:30:05"), "2021-07-26");
}

TEST(ReadDates, LeapDays) {
  EXPECT_EQ(normalize_date("2020-02-29"), "2020-02-29");
  EXPECT_EQ(normalize_date("2000-02-29"), "2000-02-29");  // divisible by 400
  EXPECT_EQ(normalize_date("2021-02-29"), std::nullopt);
  EXPECT_EQ(normalize_date("1900-02-29"), std::nullopt);  // divisible by 100
  EXPECT_EQ(normalize_date("2021-02-28"), "2021-02-28");
}

TEST(ReadDates, EverythingElseIsRefused) {
  for (const char* text :
       {"", "2021", "2021-7-26", "21-07-26", "26/07/2021", "2021-13-01", "2021-00-10", "2021-04-31", "2021-01-00",
        "0000-01-01", "2021-07-26T", "2021-07-26T24:00", "2021-07-26T10:60", "2021-07-26T10:30:60",
        "2021-07-26T10:30:00.", "2021-07-26T10:30+0300", "2021-07-26T10:30+03:00x", "2021-07-26 10:30Z",
        "2021/07/26 10:30", "2021-07/26", "2021-07-26x", "٢٠٢١-٠٧-٢٦", "yesterday", "2021-07-26 "}) {
    EXPECT_EQ(normalize_date(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace kurdi::archive::detail
