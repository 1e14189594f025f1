// The C ABI: results equal the C++ API's; bad arguments give a status, not a crash.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "kurdi.h"
#include "kurdi/kurdi.hpp"

namespace {

TEST(CApi, Versions) {
  EXPECT_EQ(std::string(kurdi_version()), kurdi::version());
  EXPECT_EQ(std::string(kurdi_analyzer_version()), kurdi::analyzer_version());
  EXPECT_EQ(std::string(kurdi_analyzer_version()).rfind(std::string(kurdi_version()) + "+", 0), 0u);
}

TEST(CApi, NormalizeMatchesCpp) {
  const std::string in = "ره‌نگه‌كاني ٢٠٢١";
  char* out = nullptr;
  size_t len = 0;
  ASSERT_EQ(kurdi_normalize(in.data(), in.size(), nullptr, &out, &len), KURDI_OK);
  EXPECT_EQ(std::string(out, len), kurdi::normalize(in));
  EXPECT_EQ(out[len], '\0');
  kurdi_free(out);

  kurdi_normalize_options o{"search", nullptr, 0};
  ASSERT_EQ(kurdi_normalize(in.data(), in.size(), &o, &out, &len), KURDI_OK);
  EXPECT_EQ(std::string(out, len), "ڕەنگەکانی 2021");
  kurdi_free(out);
}

TEST(CApi, BadArgumentsReturnStatus) {
  char* out = nullptr;
  size_t len = 0;
  kurdi_normalize_options bad{"nonsense", nullptr, 0};
  EXPECT_EQ(kurdi_normalize("x", 1, &bad, &out, &len), KURDI_ERROR_INVALID_ARGUMENT);
  kurdi_normalize_options bad_digits{nullptr, "roman", 0};
  EXPECT_EQ(kurdi_normalize("x", 1, &bad_digits, &out, &len), KURDI_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kurdi_normalize(nullptr, 3, nullptr, &out, &len), KURDI_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kurdi_normalize(nullptr, 0, nullptr, &out, &len), KURDI_OK);  // empty text
  kurdi_free(out);
  EXPECT_STREQ(kurdi_status_message(KURDI_ERROR_OUT_OF_MEMORY), "out of memory");
}

TEST(CApi, TokensAndSentences) {
  const std::string in = "١٩٩٩دا باشە. دووەم";
  kurdi_token_list* list = nullptr;
  ASSERT_EQ(kurdi_tokenize(in.data(), in.size(), nullptr, &list), KURDI_OK);
  ASSERT_EQ(kurdi_token_list_size(list), 5u);
  kurdi_token t;
  ASSERT_EQ(kurdi_token_list_get(list, 1, &t), KURDI_OK);
  EXPECT_STREQ(t.type, "suffix");
  EXPECT_EQ(std::string(t.norm, t.norm_len), "دا");
  EXPECT_EQ(in.substr(t.begin, t.end - t.begin), "دا");
  EXPECT_EQ(kurdi_token_list_get(list, 99, &t), KURDI_ERROR_INVALID_ARGUMENT);
  kurdi_token_list_free(list);

  kurdi_span* spans = nullptr;
  size_t n = 0;
  ASSERT_EQ(kurdi_sentences(in.data(), in.size(), &spans, &n), KURDI_OK);
  ASSERT_EQ(n, 2u);
  EXPECT_EQ(in.substr(spans[1].begin, spans[1].end - spans[1].begin), "دووەم");
  kurdi_free(spans);
}

}  // namespace
