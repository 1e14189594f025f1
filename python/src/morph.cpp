// kurdi._kurdi: morphology (analyze, lemma, stem, lemmatize, is_stopword) and
// its batch functions. Each thread has its own kurdi::Analyzer (the core's
// cached morphology session, which is not thread-safe), so repeated words
// cost one hash lookup and threads never share one.
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "kurdi/morph.hpp"
#include "kurdi/tokenize.hpp"
#include "records.hpp"

namespace kurdi::python {

namespace {

kurdi::Analyzer& thread_analyzer() {
  thread_local kurdi::Analyzer analyzer;
  return analyzer;
}

enum class StemMode { kurdi, lucene };

StemMode parse_mode(py::handle mode) {
  const std::string_view name = utf8_of(mode.ptr(), "mode");
  if (name == "kurdi") return StemMode::kurdi;
  if (name == "lucene") return StemMode::lucene;
  throw py::value_error("unknown stem mode '" + std::string(name) + "' (allowed: kurdi, lucene)");
}

std::vector<std::string> stems_of(std::string_view word, StemMode mode) {
  if (mode == StemMode::lucene) return {kurdi::lucene_stem(word)};
  return thread_analyzer().stems(word);
}

py::list str_list(const std::vector<std::string>& items, StrCache* cache = nullptr) {
  py::list out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (cache == nullptr) {
      out[i] = make_str(items[i]);
      continue;
    }
    PyObject* s = cache->get(items[i]);
    if (s == nullptr) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), s);
  }
  return out;
}

py::list analysis_list(const std::vector<kurdi::Analysis>& analyses) {
  py::list out(analyses.size());
  for (std::size_t i = 0; i < analyses.size(); ++i) {
    const kurdi::Analysis& a = analyses[i];
    py::list morphemes(a.morphemes.size());
    for (std::size_t k = 0; k < a.morphemes.size(); ++k) {
      const kurdi::Morpheme& mo = a.morphemes[k];
      morphemes[k] = py::cast(Morpheme{make_str(std::string_view(a.form).substr(mo.begin, mo.end - mo.begin)),
                                       make_str(mo.tag), mo.begin, mo.end});
    }
    out[i] = py::cast(Analysis{make_str(a.form), make_str(a.lemma), make_str(a.upos), make_str(a.features),
                               make_str(a.stem), py::bool_(a.known), py::float_(a.cost), std::move(morphemes)});
  }
  return out;
}

// `kurdi lemma`'s items for one text: each token gives its lemma when it is a
// word, else its normalized form.
std::vector<std::string> lemmatize_text(std::string_view text, kurdi::Tokens& tokens) {
  kurdi::tokenize(text, tokens);
  kurdi::Analyzer& analyzer = thread_analyzer();
  std::vector<std::string> out;
  out.reserve(tokens.tokens.size());
  for (const kurdi::Token& t : tokens.tokens) {
    const std::string_view norm = tokens.norm(t);
    if (t.type == kurdi::TokenType::word) {
      out.emplace_back(analyzer.lemma(norm));
    } else {
      out.emplace_back(norm);
    }
  }
  return out;
}

// Many words (or texts) in, one C++ result each, computed without the GIL.
template <typename Result, typename Work>
std::vector<Result> batch(BatchInput& input, Work&& work) {
  std::vector<Result> results(input.size());
  run_in_chunks(
      input,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) results[i] = work(input[i]);
      },
      [](std::size_t, std::size_t) {});
  return results;
}

}  // namespace

void register_morph(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<Morpheme> morpheme(m, "Morpheme",
                                "One morpheme of an analysed form: `text`, `tag` ('stem', 'preverb' or the "
                                "grammatical tag of an affix or clitic, docs/morphology.md) and `begin`/`end`, "
                                "its byte range in Analysis.form. Also reads like a dict.");
  add_mapping(morpheme, Morpheme::names);
  py::class_<Analysis> analysis(m, "Analysis",
                                "One analysis of a word: `form` (normalized), `lemma`, `upos` (Universal "
                                "Dependencies tag), `features` (UniMorph bundle), `stem`, `known` (the stem is "
                                "in the lexicon), `cost` (lower ranks first) and `morphemes` (a list of "
                                "Morpheme covering the form). Also reads like a dict.");
  add_mapping(analysis, Analysis::names);

  m.def(
      "analyze", [](py::handle word) { return analysis_list(thread_analyzer().analyze(utf8_of(word.ptr(), "word"))); },
      "word"_a,
      R"(Every analysis of one word (a list of Analysis), best first; never empty for a
non-empty word. An unknown word gets analyses with known=False (docs/morphology.md).)");

  m.def(
      "lemma", [](py::handle word) { return make_str(thread_analyzer().lemma(utf8_of(word.ptr(), "word"))); },
      "word"_a,
      R"(The best lemma of one word (verbs give the infinitive). An unknown word gives its
normalized form, or its guessed stem when it ends in a definiteness marker.)");

  m.def(
      "stem",
      [](py::handle word, py::handle mode) { return str_list(stems_of(utf8_of(word.ptr(), "word"), parse_mode(mode))); },
      "word"_a, "mode"_a = "kurdi",
      R"(The search stems of one word, best first (a list of str; several when the word is
ambiguous), as `kurdi stem` gives them. mode='lucene': Lucene's Sorani stemmer, one stem.)");

  m.def(
      "lemmatize",
      [](py::handle text) {
        thread_local kurdi::Tokens tokens;
        const std::vector<std::string> items = lemmatize_text(utf8_of(text.ptr()), tokens);
        std::optional<StrCache> cache;
        if (items.size() > 64) cache.emplace();
        return str_list(items, cache ? &*cache : nullptr);
      },
      "text"_a,
      R"(Tokenize text and give one item per token: the lemma of a word token, the
normalized form of any other token. ' '.join(lemmatize(line)) is what `kurdi lemma` prints.)");

  m.def(
      "is_stopword",
      [](py::handle word, py::handle list) {
        const std::string_view name = utf8_of(list.ptr(), "list");
        kurdi::StopwordList which;
        if (name == "search") {
          which = kurdi::StopwordList::search;
        } else if (name == "analytics") {
          which = kurdi::StopwordList::analytics;
        } else {
          throw py::value_error("unknown stopword list '" + std::string(name) + "' (allowed: search, analytics)");
        }
        return kurdi::is_stopword(utf8_of(word.ptr(), "word"), which);
      },
      "word"_a, "list"_a = "search",
      "Whether the word is on a stopword list: 'search' (function words a search engine may skip) or "
      "'analytics' (the broad list for word statistics).");

  m.def(
      "lemma_batch",
      [](py::handle words) {
        BatchInput input(words, "words");
        auto results = batch<std::string>(input, [](std::string_view w) { return thread_analyzer().lemma(w); });
        StrCache cache;
        return str_list(results, &cache);
      },
      "words"_a, "lemma() over a list of words. Releases the GIL while the core works.");

  m.def(
      "stem_batch",
      [](py::handle words, py::handle mode) {
        const StemMode stem_mode = parse_mode(mode);
        BatchInput input(words, "words");
        auto results = batch<std::vector<std::string>>(input, [&](std::string_view w) { return stems_of(w, stem_mode); });
        StrCache cache;
        py::list out(results.size());
        for (std::size_t i = 0; i < results.size(); ++i) out[i] = str_list(results[i], &cache);
        return out;
      },
      "words"_a, "mode"_a = "kurdi", "stem() over a list of words. Releases the GIL while the core works.");

  m.def(
      "lemmatize_batch",
      [](py::handle texts) {
        BatchInput input(texts, "texts");
        kurdi::Tokens tokens;
        auto results =
            batch<std::vector<std::string>>(input, [&](std::string_view t) { return lemmatize_text(t, tokens); });
        StrCache cache;
        py::list out(results.size());
        for (std::size_t i = 0; i < results.size(); ++i) out[i] = str_list(results[i], &cache);
        return out;
      },
      "texts"_a, "lemmatize() over a list of str. Releases the GIL while the core works.");
}

}  // namespace kurdi::python
