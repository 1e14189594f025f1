// kurdi._kurdi: normalize, tokenize, sentences and transliterate, one text at
// a time or over a list (the *_batch functions, which release the GIL while
// the core works, so Python threads run them in parallel).
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/sentences.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "records.hpp"
#include "token_type.hpp"

namespace kurdi::python {

namespace {

// --- option parsing (the CLI's option values) ------------------------------

// Interned option strings: a literal 'search' in Python code is the same
// object, so most calls compare one pointer.
PyObject* s_standard = nullptr;
PyObject* s_search = nullptr;
PyObject* s_latn = nullptr;
PyObject* s_hawar = nullptr;

kurdi::Profile parse_profile_arg(py::handle profile) {
  if (profile.ptr() == s_standard) return kurdi::Profile::standard;
  if (profile.ptr() == s_search) return kurdi::Profile::search;
  const std::string_view name = utf8_of(profile.ptr(), "profile");
  if (auto p = kurdi::parse_profile(name)) return *p;
  throw py::value_error("unknown profile '" + std::string(name) + "' (allowed: standard, search)");
}

kurdi::DigitStyle parse_digits_arg(py::handle digits) {
  if (digits.is_none()) return kurdi::DigitStyle::profile_default;
  const std::string_view name = utf8_of(digits.ptr(), "digits");
  if (name == "ascii") return kurdi::DigitStyle::ascii;
  if (name == "arabic-indic") return kurdi::DigitStyle::arabic_indic;
  if (name == "keep") return kurdi::DigitStyle::keep;
  throw py::value_error("unknown digit style '" + std::string(name) + "' (allowed: ascii, arabic-indic, keep)");
}

kurdi::NormalizeOptions normalize_options(py::handle profile, py::handle digits, bool keep_harakat, bool repair) {
  kurdi::NormalizeOptions options;
  options.profile = parse_profile_arg(profile);
  options.digits = parse_digits_arg(digits);
  options.keep_harakat = keep_harakat;
  options.repair = repair;
  return options;
}

kurdi::TransliterateOptions translit_options(py::handle to, py::handle scheme, bool capitalize, bool exceptions) {
  kurdi::TransliterateOptions options;
  if (to.ptr() != s_latn) {
    const std::string_view name = utf8_of(to.ptr(), "to");
    auto script = kurdi::parse_script(name);
    if (!script) throw py::value_error("unknown script '" + std::string(name) + "' (allowed: latn, arab, ipa)");
    options.to = *script;
  }
  if (scheme.ptr() != s_hawar) {
    const std::string_view name = utf8_of(scheme.ptr(), "scheme");
    auto s = kurdi::parse_latin_scheme(name);
    if (!s) throw py::value_error("unknown scheme '" + std::string(name) + "' (allowed: hawar, simplified, ascii)");
    options.scheme = *s;
  }
  options.capitalize = capitalize;
  options.exceptions = exceptions;
  return options;
}

// The interned type names ("word", ...), made once.
PyObject* type_names[16] = {};

// The result for one text: `original` itself when it holds exactly these
// bytes (the core left it alone, the common case for clean text) and is a
// plain str or bytes (not a subclass), else a new object of its type: bytes
// for bytes, str for str.
py::object same_or_new(PyObject* original, std::string_view original_utf8, std::string_view utf8) {
  const bool exact_type = PyUnicode_CheckExact(original) || PyBytes_CheckExact(original);
  if (exact_type && utf8.size() == original_utf8.size() && std::memcmp(utf8.data(), original_utf8.data(), utf8.size()) == 0)
    return py::reinterpret_borrow<py::object>(original);
  if (PyBytes_Check(original)) return py::bytes(utf8.data(), utf8.size());
  return make_str(utf8);
}

// --- tokens and sentences as Python records --------------------------------

// Code-point offsets of every token, computed without the GIL.
std::vector<std::size_t> token_char_offsets(std::string_view text, const kurdi::Tokens& tokens) {
  std::vector<std::size_t> out;
  out.reserve(tokens.tokens.size() * 2);
  CharOffsets chars(text);
  for (const kurdi::Token& t : tokens.tokens) {
    out.push_back(chars(t.begin));
    out.push_back(chars(t.end));
  }
  return out;
}

// The Token objects of one tokenized text. With a cache, short tokens share
// their str objects with equal ones (of this text or of earlier texts of the
// batch); without, `text` is a slice of the caller's str.
py::list token_list(PyObject* text_obj, std::string_view text, const kurdi::Tokens& tokens,
                    const std::vector<std::size_t>& chars, StrCache* cache) {
  py::list out(tokens.tokens.size());
  for (std::size_t k = 0; k < tokens.tokens.size(); ++k) {
    const kurdi::Token& t = tokens.tokens[k];
    const std::string_view original = text.substr(t.begin, t.end - t.begin);
    const std::string_view norm_utf8 = tokens.norm(t);
    PyObject* slice = cache != nullptr
                          ? cache->get(original)
                          : PyUnicode_Substring(text_obj, static_cast<Py_ssize_t>(chars[2 * k]),
                                                static_cast<Py_ssize_t>(chars[2 * k + 1]));
    if (slice == nullptr) throw py::error_already_set();
    py::object text_slice = py::reinterpret_steal<py::object>(slice);
    py::object norm;
    if (norm_utf8 == original) {
      norm = text_slice;
    } else if (cache != nullptr) {
      PyObject* n = cache->get(norm_utf8);
      if (n == nullptr) throw py::error_already_set();
      norm = py::reinterpret_steal<py::object>(n);
    } else {
      norm = make_str(norm_utf8);
    }
    PyObject* token = make_token(t.begin, t.end, type_names[static_cast<unsigned>(t.type)], text_slice.release().ptr(),
                                 norm.release().ptr(), chars[2 * k], chars[2 * k + 1]);
    if (token == nullptr) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(k), token);  // the list's empty slot takes it
  }
  return out;
}

struct SentenceSpans {
  std::vector<kurdi::Sentence> spans;
  std::vector<std::size_t> chars;
};

SentenceSpans split_sentences(std::string_view text) {
  SentenceSpans s;
  s.spans = kurdi::sentences(text);
  CharOffsets chars(text);
  s.chars.reserve(s.spans.size() * 2);
  for (const kurdi::Sentence& span : s.spans) {
    s.chars.push_back(chars(span.begin));
    s.chars.push_back(chars(span.end));
  }
  return s;
}

py::list sentence_list(PyObject* text_obj, const SentenceSpans& s) {
  py::list out(s.spans.size());
  for (std::size_t k = 0; k < s.spans.size(); ++k) {
    Sentence sentence;
    sentence.begin = s.spans[k].begin;
    sentence.end = s.spans[k].end;
    sentence.char_begin = s.chars[2 * k];
    sentence.char_end = s.chars[2 * k + 1];
    PyObject* slice = PyUnicode_Substring(text_obj, static_cast<Py_ssize_t>(sentence.char_begin),
                                          static_cast<Py_ssize_t>(sentence.char_end));
    if (slice == nullptr) throw py::error_already_set();
    sentence.text = py::reinterpret_steal<py::object>(slice);
    out[k] = py::cast(std::move(sentence));
  }
  return out;
}

// Many texts in, one text each out (str for str, bytes for bytes):
// `work(text, out)` appends the result for one text to `out`, without the GIL.
template <typename Work>
py::list string_batch(py::handle texts, Work&& work) {
  BatchInput input(texts, "texts", BatchInput::Items::str_or_bytes);
  py::list result(input.size());
  std::string out;
  std::vector<std::size_t> ends;
  run_in_chunks(
      input,
      [&](std::size_t begin, std::size_t end) {
        out.clear();
        ends.clear();
        for (std::size_t i = begin; i < end; ++i) {
          work(input[i], out);
          ends.push_back(out.size());
        }
      },
      [&](std::size_t begin, std::size_t end) {
        std::size_t from = 0;
        for (std::size_t i = begin; i < end; ++i) {
          const std::size_t to = ends[i - begin];
          result[i] = same_or_new(input.item(i), input[i], std::string_view(out).substr(from, to - from));
          from = to;
        }
      });
  return result;
}

thread_local std::string t_buffer;

// The result of a one-text call, built from the thread's buffer; a buffer
// grown by a huge text is given back rather than kept for the thread's life.
py::object from_buffer(PyObject* original, std::string_view original_utf8) {
  py::object result = same_or_new(original, original_utf8, t_buffer);
  if (t_buffer.capacity() > (std::size_t{1} << 22)) std::string().swap(t_buffer);
  return result;
}

}  // namespace

void register_text(py::module_& m) {
  s_standard = PyUnicode_InternFromString("standard");
  s_search = PyUnicode_InternFromString("search");
  s_latn = PyUnicode_InternFromString("latn");
  s_hawar = PyUnicode_InternFromString("hawar");
  for (unsigned t = 0; t <= static_cast<unsigned>(kurdi::TokenType::other); ++t) {
    const std::string_view name = kurdi::token_type_name(static_cast<kurdi::TokenType>(t));
    type_names[t] = PyUnicode_InternFromString(std::string(name).c_str());
  }

  using namespace pybind11::literals;

  register_token(m);
  py::class_<Sentence> sentence(m, "Sentence",
                                "A sentence: `begin`/`end` UTF-8 byte offsets, `char_begin`/`char_end` "
                                "code-point offsets, `text` the slice of the text. Also reads like a dict.");
  add_mapping(sentence, Sentence::names);

  m.def(
      "normalize",
      [](py::handle text, py::handle profile, py::handle digits, bool keep_harakat, bool repair) -> py::object {
        const std::string_view in = text_bytes_of(text.ptr());
        const kurdi::NormalizeOptions options = normalize_options(profile, digits, keep_harakat, repair);
        std::string& out = t_buffer;
        out.clear();
        kurdi::normalize_into(in, options, out);
        return from_buffer(text.ptr(), in);
      },
      "text"_a, "profile"_a = "standard", py::kw_only(), "digits"_a = py::none(), "keep_harakat"_a = false,
      "repair"_a = false,
      R"(Normalize Sorani text to its standard spelling (docs/normalization.md).

Returns exactly what `kurdi normalize` prints for the same text and options.
text may also be bytes (UTF-8; malformed sequences become U+FFFD, as in the CLI):
the result is then bytes, with no str made on either side.
profile: 'standard' (canonical spelling; digits and punctuation untouched) or
  'search' (standard plus folds for matching: ASCII digits, lower-case Latin, no ZWNJ).
digits: None (the profile's default), 'ascii', 'arabic-indic' or 'keep'.
keep_harakat: keep vowel marks. repair: lexicon-validated repair of ە written as ه
  (always on in the search profile).
Raises TypeError when text is not a str or bytes, ValueError for an unknown option value.)");

  m.def(
      "normalize_batch",
      [](py::handle texts, py::handle profile, py::handle digits, bool keep_harakat, bool repair) {
        const kurdi::NormalizeOptions options = normalize_options(profile, digits, keep_harakat, repair);
        return string_batch(texts, [&](std::string_view in, std::string& out) {
          kurdi::normalize_into(in, options, out);
        });
      },
      "texts"_a, "profile"_a = "standard", py::kw_only(), "digits"_a = py::none(), "keep_harakat"_a = false,
      "repair"_a = false,
      "normalize() over a list of str or bytes; returns a list with one result per text, str for str and bytes "
      "for bytes (bytes skip Python's str conversions both ways: the fast path for UTF-8 read as bytes). The "
      "GIL is released while the core works, so threads calling it run in parallel.");

  m.def(
      "tokenize",
      [](py::handle text, py::handle profile) {
        const std::string_view in = utf8_of(text.ptr());
        kurdi::TokenizeOptions options;
        options.normalize.profile = parse_profile_arg(profile);
        thread_local kurdi::Tokens tokens;
        kurdi::tokenize(in, tokens, options);
        // A cache pays for itself on longer texts only.
        std::optional<StrCache> cache;
        if (tokens.tokens.size() > 64) cache.emplace();
        return token_list(text.ptr(), in, tokens, token_char_offsets(in, tokens), cache ? &*cache : nullptr);
      },
      "text"_a, "profile"_a = "standard",
      R"(Split text into typed tokens (a list of Token), with the offsets and forms of
`kurdi tokenize --json`. profile ('standard' or 'search') decides each token's `norm`.)");

  m.def(
      "tokenize_batch",
      [](py::handle texts, py::handle profile) {
        kurdi::TokenizeOptions options;
        options.normalize.profile = parse_profile_arg(profile);
        BatchInput input(texts, "texts");
        py::list out(input.size());
        StrCache cache;
        std::vector<kurdi::Tokens> tokens;
        std::vector<std::vector<std::size_t>> chars;
        run_in_chunks(
            input,
            [&](std::size_t begin, std::size_t end) {
              tokens.resize(end - begin);
              chars.resize(end - begin);
              for (std::size_t i = begin; i < end; ++i) {
                kurdi::tokenize(input[i], tokens[i - begin], options);
                chars[i - begin] = token_char_offsets(input[i], tokens[i - begin]);
              }
            },
            [&](std::size_t begin, std::size_t end) {
              for (std::size_t i = begin; i < end; ++i)
                out[i] = token_list(input.item(i), input[i], tokens[i - begin], chars[i - begin], &cache);
            });
        return out;
      },
      "texts"_a, "profile"_a = "standard",
      "tokenize() over a list of str; returns a list of token lists. Releases the GIL while the core works.");

  m.def(
      "sentences",
      [](py::handle text) {
        const std::string_view in = utf8_of(text.ptr());
        return sentence_list(text.ptr(), split_sentences(in));
      },
      "text"_a,
      R"(Split text into sentences (a list of Sentence) at . ! ? ؟ … and line breaks, as
`kurdi sentences` does; abbreviations, decimals, dates and URLs do not end one.)");

  m.def(
      "sentences_batch",
      [](py::handle texts) {
        BatchInput input(texts, "texts");
        py::list out(input.size());
        std::vector<SentenceSpans> spans;
        run_in_chunks(
            input,
            [&](std::size_t begin, std::size_t end) {
              spans.resize(end - begin);
              for (std::size_t i = begin; i < end; ++i) spans[i - begin] = split_sentences(input[i]);
            },
            [&](std::size_t begin, std::size_t end) {
              for (std::size_t i = begin; i < end; ++i) out[i] = sentence_list(input.item(i), spans[i - begin]);
            });
        return out;
      },
      "texts"_a, "sentences() over a list of str. Releases the GIL while the core works.");

  m.def(
      "transliterate",
      [](py::handle text, py::handle to, py::handle scheme, bool capitalize, bool exceptions) -> py::object {
        const std::string_view in = text_bytes_of(text.ptr());
        const kurdi::TransliterateOptions options = translit_options(to, scheme, capitalize, exceptions);
        std::string& out = t_buffer;
        out.clear();
        kurdi::transliterate_into(in, options, out);
        return from_buffer(text.ptr(), in);
      },
      "text"_a, "to"_a = "latn", py::kw_only(), "scheme"_a = "hawar", "capitalize"_a = false, "exceptions"_a = true,
      R"(Transliterate between Sorani Arabic script, Latin (Hawar) and IPA, as `kurdi translit`
(docs/transliteration.md). to: 'latn', 'arab' or 'ipa'. scheme (for 'latn'): 'hawar',
'simplified' or 'ascii'. capitalize: capitalise each sentence's first letter.
exceptions=False: the syllable rules alone, without the exception lexicon.
text may also be bytes (UTF-8): the result is then bytes.)");

  m.def(
      "transliterate_batch",
      [](py::handle texts, py::handle to, py::handle scheme, bool capitalize, bool exceptions) {
        const kurdi::TransliterateOptions options = translit_options(to, scheme, capitalize, exceptions);
        return string_batch(texts, [&](std::string_view in, std::string& out) {
          kurdi::transliterate_into(in, options, out);
        });
      },
      "texts"_a, "to"_a = "latn", py::kw_only(), "scheme"_a = "hawar", "capitalize"_a = false, "exceptions"_a = true,
      "transliterate() over a list of str or bytes (str for str, bytes for bytes). Releases the GIL while the "
      "core works.");
}

}  // namespace kurdi::python
