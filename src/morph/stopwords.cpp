// Stopword lookups: the lists are compiled sorted (cmake/EmbedWordList.cmake),
// so membership is a binary search.
#include <algorithm>
#include <string>
#include <string_view>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"

namespace kurdi::data {
extern const std::string_view stopwords_search[];
extern const std::size_t stopwords_search_count;
extern const std::string_view stopwords_analytics[];
extern const std::size_t stopwords_analytics_count;
}  // namespace kurdi::data

namespace kurdi {

bool is_stopword(std::string_view word, StopwordList list) {
  const std::string form = normalize(word);
  const std::string_view* begin = list == StopwordList::search ? data::stopwords_search : data::stopwords_analytics;
  const std::size_t count =
      list == StopwordList::search ? data::stopwords_search_count : data::stopwords_analytics_count;
  return std::binary_search(begin, begin + count, std::string_view(form));
}

}  // namespace kurdi
