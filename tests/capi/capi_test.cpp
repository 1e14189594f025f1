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

TEST(CApi, MorphologyMatchesCpp) {
  const std::string word = "دەیانگوت";
  char* out = nullptr;
  size_t out_len = 0;
  ASSERT_EQ(kurdi_lemma(word.data(), word.size(), &out, &out_len), KURDI_OK);
  EXPECT_EQ(std::string(out, out_len), kurdi::lemma(word));
  kurdi_free(out);

  kurdi_string_list* stems = nullptr;
  ASSERT_EQ(kurdi_stems(word.data(), word.size(), &stems), KURDI_OK);
  const auto cpp_stems = kurdi::stems(word);
  ASSERT_EQ(kurdi_string_list_size(stems), cpp_stems.size());
  size_t len = 0;
  EXPECT_EQ(std::string(kurdi_string_list_get(stems, 0, &len)), cpp_stems[0]);
  EXPECT_EQ(kurdi_string_list_get(stems, cpp_stems.size(), &len), nullptr);
  kurdi_string_list_free(stems);

  // The morpheme tokens of a text, line by line, as the C++ API gives them.
  const std::string text = "بەرپرسەکانی کتێبەکانیشمان.\nسێ ڕیز بێت باشترە.";
  kurdi_string_list* pieces = nullptr;
  ASSERT_EQ(kurdi_morpheme_tokenize(text.data(), text.size(), &pieces), KURDI_OK);
  const std::vector<std::string> cpp_pieces = kurdi::morpheme_tokenize(text);
  ASSERT_EQ(kurdi_string_list_size(pieces), cpp_pieces.size());
  std::string joined;
  for (size_t i = 0; i < kurdi_string_list_size(pieces); ++i) {
    if (i > 0) joined += ' ';
    joined += kurdi_string_list_get(pieces, i, &len);
  }
  EXPECT_EQ(joined, "بەرپرس ەکان ی کتێب ەکان یش مان . سێ ڕیز بێت باشتر ە .");
  kurdi_string_list_free(pieces);
  EXPECT_EQ(kurdi_morpheme_tokenize(nullptr, 1, &pieces), KURDI_ERROR_INVALID_ARGUMENT);

  kurdi_analysis_list* list = nullptr;
  ASSERT_EQ(kurdi_analyze(word.data(), word.size(), &list), KURDI_OK);
  const auto cpp = kurdi::analyze(word);
  ASSERT_EQ(kurdi_analysis_list_size(list), cpp.size());
  kurdi_analysis a;
  ASSERT_EQ(kurdi_analysis_list_get(list, 0, &a), KURDI_OK);
  EXPECT_EQ(std::string(a.lemma, a.lemma_len), cpp[0].lemma);
  EXPECT_EQ(std::string(a.upos), cpp[0].upos);
  EXPECT_EQ(std::string(a.features), cpp[0].features);
  ASSERT_EQ(a.morpheme_count, cpp[0].morphemes.size());
  for (size_t j = 0; j < a.morpheme_count; ++j) {
    kurdi_morpheme m;
    ASSERT_EQ(kurdi_analysis_list_morpheme(list, 0, j, &m), KURDI_OK);
    EXPECT_EQ(m.begin, cpp[0].morphemes[j].begin);
    EXPECT_EQ(std::string(m.tag), cpp[0].morphemes[j].tag);
  }
  kurdi_morpheme m;
  EXPECT_EQ(kurdi_analysis_list_morpheme(list, 0, a.morpheme_count, &m), KURDI_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kurdi_analysis_list_get(list, cpp.size(), &a), KURDI_ERROR_INVALID_ARGUMENT);
  kurdi_analysis_list_free(list);

  EXPECT_EQ(kurdi_analyze(nullptr, 3, &list), KURDI_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kurdi_lemma(word.data(), word.size(), nullptr, &out_len), KURDI_ERROR_INVALID_ARGUMENT);
}

TEST(CApi, LuceneStemMatchesCpp) {
  const std::string word = "بەرپرسەکانی";
  char* out = nullptr;
  size_t out_len = 0;
  ASSERT_EQ(kurdi_lucene_stem(word.data(), word.size(), &out, &out_len), KURDI_OK);
  EXPECT_EQ(std::string(out, out_len), "بەرپرسەک");
  EXPECT_EQ(out[out_len], '\0');
  kurdi_free(out);
  ASSERT_EQ(kurdi_lucene_stem(nullptr, 0, &out, &out_len), KURDI_OK);
  EXPECT_EQ(out_len, 0u);
  kurdi_free(out);
  EXPECT_EQ(kurdi_lucene_stem(nullptr, 2, &out, &out_len), KURDI_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kurdi_lucene_stem(word.data(), word.size(), nullptr, &out_len), KURDI_ERROR_INVALID_ARGUMENT);
}

TEST(CApi, Stopwords) {
  const std::string w = "و";
  EXPECT_EQ(kurdi_is_stopword(w.data(), w.size(), nullptr), 1);
  EXPECT_EQ(kurdi_is_stopword(w.data(), w.size(), "analytics"), 1);
  const std::string k = "کوردستان";
  EXPECT_EQ(kurdi_is_stopword(k.data(), k.size(), "search"), 0);
  EXPECT_EQ(kurdi_is_stopword(k.data(), k.size(), "other"), -1);
  EXPECT_EQ(kurdi_is_stopword(nullptr, 2, nullptr), -1);
}
