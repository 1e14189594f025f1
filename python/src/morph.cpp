// kurdi._kurdi: morphology (analyze, lemma, stem, lemmatize, is_stopword) and
// its batch functions. Each thread has its own kurdi::Analyzer (the core's
// cached morphology session, which is not thread-safe), so repeated words
// cost one hash lookup and threads never share one.
#include <memory>
#include <mutex>
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

/// kurdi.Analyzer: a morphology session with a user lexicon (docs/lexicon.md,
/// "User lexicons"), as `kurdi lemma --user-lexicon FILE`. The core's
/// Analyzer is not thread-safe, so calls take the object's lock (with the GIL
/// released); it pickles as the lexicon's text and name.
class PyAnalyzer {
 public:
  PyAnalyzer(std::string text, std::string name)
      : text_(std::move(text)),
        name_(std::move(name)),
        lexicon_(std::make_unique<kurdi::UserLexicon>(kurdi::UserLexicon::parse(text_, name_))),
        analyzer_(std::make_unique<kurdi::Analyzer>(std::size_t{1} << 17, lexicon_.get())),
        version_(kurdi::analyzer_version(lexicon_.get())) {}

  template <typename F>
  auto locked(F&& f) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    return f(*analyzer_);
  }

  // Work over a batch, chunk by chunk without the GIL, under the lock.
  template <typename Result, typename Work>
  std::vector<Result> batch(BatchInput& input, Work&& work) {
    std::vector<Result> results(input.size());
    run_in_chunks(
        input,
        [&](std::size_t begin, std::size_t end) {
          std::lock_guard<std::mutex> lock(mutex_);
          for (std::size_t i = begin; i < end; ++i) results[i] = work(*analyzer_, input[i]);
        },
        [](std::size_t, std::size_t) {});
    return results;
  }

  // Call with the lock held.
  std::vector<std::string> lemmatize(std::string_view text) {
    tokens_.tokens.clear();
    kurdi::tokenize(text, tokens_);
    std::vector<std::string> out;
    out.reserve(tokens_.tokens.size());
    for (const kurdi::Token& t : tokens_.tokens) {
      const std::string_view norm = tokens_.norm(t);
      out.emplace_back(t.type == kurdi::TokenType::word ? std::string_view(analyzer_->lemma(norm)) : norm);
    }
    return out;
  }

  const std::string& text() const { return text_; }
  const std::string& name() const { return name_; }
  const std::string& version() const { return version_; }
  std::size_t size() const { return lexicon_->size(); }
  std::string_view hash() const { return lexicon_->hash(); }

 private:
  std::string text_, name_;
  std::unique_ptr<kurdi::UserLexicon> lexicon_;
  std::unique_ptr<kurdi::Analyzer> analyzer_;
  std::string version_;
  kurdi::Tokens tokens_;
  std::mutex mutex_;
};

std::unique_ptr<PyAnalyzer> make_analyzer(py::handle user_lexicon, py::handle text, py::handle name) {
  if (user_lexicon.is_none() == text.is_none())
    throw py::type_error("Analyzer() takes a user lexicon file or text=..., exactly one of them");
  if (!text.is_none()) {
    const std::string n = name.is_none() ? "user lexicon" : std::string(utf8_of(name.ptr(), "name"));
    return std::make_unique<PyAnalyzer>(std::string(utf8_of(text.ptr())), n);
  }
  py::object path = py::module_::import("os").attr("fspath")(user_lexicon);
  py::object data = py::module_::import("io").attr("open")(path, "rb").attr("__enter__")();
  py::bytes content = data.attr("read")();
  data.attr("close")();
  const std::string n = name.is_none() ? py::str(path).cast<std::string>() : std::string(utf8_of(name.ptr(), "name"));
  return std::make_unique<PyAnalyzer>(std::string(content), n);
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

  py::class_<PyAnalyzer>(m, "Analyzer", R"(Morphology with a user lexicon: the words and verbs of a newsroom or a domain
added to the compiled lexicon (docs/lexicon.md, "User lexicons"), as the CLI's
--user-lexicon FILE does.

    analyzer = kurdi.Analyzer('names.tsv')            # or kurdi.Analyzer(text='...')
    analyzer.lemma('فێسبووکەکەی'), analyzer.analyzer_version

Its methods are those of the module (analyze, lemma, stem, lemmatize and their
batches). `analyzer_version` includes the lexicon's hash: record it with anything
analysed with it. A malformed line raises ValueError naming the file and line.
An Analyzer may be shared by threads (calls take its lock) and pickles as its
lexicon's text.)")
      .def(py::init(&make_analyzer), "user_lexicon"_a = py::none(), py::kw_only(), "text"_a = py::none(),
           "name"_a = py::none())
      .def_property_readonly("analyzer_version", &PyAnalyzer::version,
                             "The analyzer version of analyses made with this lexicon.")
      .def_property_readonly("lexicon_hash", [](const PyAnalyzer& a) { return std::string(a.hash()); })
      .def_property_readonly("lexicon_size", &PyAnalyzer::size, "Entries in the user lexicon.")
      .def_property_readonly("name", &PyAnalyzer::name)
      .def(
          "analyze",
          [](PyAnalyzer& self, py::handle word) {
            const std::string_view w = utf8_of(word.ptr(), "word");
            auto analyses = self.locked([&](kurdi::Analyzer& a) { return a.analyze(w); });
            return analysis_list(analyses);
          },
          "word"_a, "Every analysis of one word, best first (see kurdi.analyze).")
      .def(
          "lemma",
          [](PyAnalyzer& self, py::handle word) {
            const std::string_view w = utf8_of(word.ptr(), "word");
            return make_str(self.locked([&](kurdi::Analyzer& a) { return a.lemma(w); }));
          },
          "word"_a, "The best lemma of one word (see kurdi.lemma).")
      .def(
          "stem",
          [](PyAnalyzer& self, py::handle word) {
            const std::string_view w = utf8_of(word.ptr(), "word");
            return str_list(self.locked([&](kurdi::Analyzer& a) { return a.stems(w); }));
          },
          "word"_a, "The search stems of one word (see kurdi.stem).")
      .def(
          "lemmatize",
          [](PyAnalyzer& self, py::handle text) {
            const std::string_view t = utf8_of(text.ptr());
            return str_list(self.locked([&](kurdi::Analyzer&) { return self.lemmatize(t); }));
          },
          "text"_a, "One item per token of text: a word's lemma, any other token's normalized form.")
      .def(
          "lemma_batch",
          [](PyAnalyzer& self, py::handle words) {
            BatchInput input(words, "words");
            auto results = self.batch<std::string>(
                input, [](kurdi::Analyzer& a, std::string_view w) { return std::string(a.lemma(w)); });
            StrCache cache;
            return str_list(results, &cache);
          },
          "words"_a, "lemma() over a list of words, with the GIL released.")
      .def(
          "stem_batch",
          [](PyAnalyzer& self, py::handle words) {
            BatchInput input(words, "words");
            auto results = self.batch<std::vector<std::string>>(
                input, [](kurdi::Analyzer& a, std::string_view w) { return a.stems(w); });
            StrCache cache;
            py::list out(results.size());
            for (std::size_t i = 0; i < results.size(); ++i) out[i] = str_list(results[i], &cache);
            return out;
          },
          "words"_a, "stem() over a list of words, with the GIL released.")
      .def(
          "lemmatize_batch",
          [](PyAnalyzer& self, py::handle texts) {
            BatchInput input(texts, "texts");
            auto results = self.batch<std::vector<std::string>>(
                input, [&](kurdi::Analyzer&, std::string_view t) { return self.lemmatize(t); });
            StrCache cache;
            py::list out(results.size());
            for (std::size_t i = 0; i < results.size(); ++i) out[i] = str_list(results[i], &cache);
            return out;
          },
          "texts"_a, "lemmatize() over a list of str, with the GIL released.")
      .def(py::pickle([](const PyAnalyzer& a) { return py::make_tuple(a.text(), a.name()); },
                      [](const py::tuple& state) {
                        if (state.size() != 2) throw std::runtime_error("invalid pickled Analyzer");
                        return std::make_unique<PyAnalyzer>(state[0].cast<std::string>(),
                                                            state[1].cast<std::string>());
                      }));
}

}  // namespace kurdi::python
