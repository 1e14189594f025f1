// kurdi._kurdi: the result records (Sentence, Analysis, Morpheme, Hit; Token is
// token_type.cpp).
// Each is a small C++ struct whose fields are ready-made Python objects, read
// as attributes (t.begin) or like a dict (t['begin'], dict(t), t.keys()), and
// pickled as a tuple of its fields.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "common.hpp"

namespace kurdi::python {

/// Adds the mapping protocol over `Names` (a std::array of field names) to a
/// record class whose `get(i)` returns field i as a Python object.
template <typename T, std::size_t N>
void add_mapping(py::class_<T>& cls, const std::array<const char*, N>& names) {
  cls.def(
         "__getitem__",
         [names](const T& self, py::handle key) -> py::object {
           if (PyUnicode_Check(key.ptr())) {
             const std::string_view k = utf8_of(key.ptr(), "key");
             for (std::size_t i = 0; i < N; ++i)
               if (k == names[i]) return self.get(i);
           }
           throw py::key_error(py::repr(key).cast<std::string>());
         },
         py::arg("key"), "The field named `key`, as a dict would give it.")
      .def(
          "__contains__",
          [names](const T&, py::handle key) {
            if (!PyUnicode_Check(key.ptr())) return false;
            const std::string_view k = utf8_of(key.ptr(), "key");
            for (const char* n : names)
              if (k == n) return true;
            return false;
          },
          py::arg("key"))
      .def("__len__", [](const T&) { return N; })
      .def(
          "keys",
          [names](const T&) {
            py::list keys;
            for (const char* n : names) keys.append(py::str(n));
            return keys;
          },
          "The field names, in order.")
      .def(
          "__iter__",
          [names](const T&) {
            py::list keys;
            for (const char* n : names) keys.append(py::str(n));
            return py::iter(keys);
          },
          "Iterates over the field names, as a dict does.")
      .def(
          "to_dict",
          [names](const T& self) {
            py::dict d;
            for (std::size_t i = 0; i < N; ++i) d[py::str(names[i])] = self.get(i);
            return d;
          },
          "The fields as a new dict (what `dict(record)` gives).")
      .def(
          "__eq__",
          [](const T& self, py::handle other) -> py::object {
            if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const T& o = other.cast<const T&>();
            for (std::size_t i = 0; i < N; ++i)
              if (!self.get(i).equal(o.get(i))) return py::bool_(false);
            return py::bool_(true);
          },
          py::arg("other"))
      .def("__repr__",
           [names](const T& self) {
             std::string out = py::str(py::type::of<T>().attr("__name__")).cast<std::string>();
             out.push_back('(');
             for (std::size_t i = 0; i < N; ++i) {
               if (i) out.append(", ");
               out.append(names[i]);
               out.push_back('=');
               out.append(py::repr(self.get(i)).template cast<std::string>());
             }
             out.push_back(')');
             return out;
           })
      .def(py::pickle(
          [](const T& self) {
            py::tuple state(N);
            for (std::size_t i = 0; i < N; ++i) state[i] = self.get(i);
            return state;
          },
          [](const py::tuple& state) {
            if (state.size() != N) throw std::runtime_error("invalid pickled state");
            return T::from_state(state);
          }));
  cls.attr("__hash__") = py::none();
  for (std::size_t i = 0; i < N; ++i) {
    cls.def_property_readonly(names[i], [i](const T& self) { return self.get(i); });
  }
}

inline std::size_t to_size(const py::handle& h) { return h.cast<std::size_t>(); }

/// A sentence: byte and code-point offsets, and its text.
struct Sentence {
  static constexpr std::array<const char*, 5> names{"begin", "end", "text", "char_begin", "char_end"};
  std::size_t begin = 0, end = 0;
  py::object text;
  std::size_t char_begin = 0, char_end = 0;

  py::object get(std::size_t i) const {
    switch (i) {
      case 0: return py::int_(begin);
      case 1: return py::int_(end);
      case 2: return text;
      case 3: return py::int_(char_begin);
      default: return py::int_(char_end);
    }
  }
  static Sentence from_state(const py::tuple& s) {
    return Sentence{to_size(s[0]), to_size(s[1]), s[2], to_size(s[3]), to_size(s[4])};
  }
};

/// One morpheme of an analysed form: its text, tag and byte range in the form.
struct Morpheme {
  static constexpr std::array<const char*, 4> names{"text", "tag", "begin", "end"};
  py::object text, tag;
  std::size_t begin = 0, end = 0;

  py::object get(std::size_t i) const {
    switch (i) {
      case 0: return text;
      case 1: return tag;
      case 2: return py::int_(begin);
      default: return py::int_(end);
    }
  }
  static Morpheme from_state(const py::tuple& s) { return Morpheme{s[0], s[1], to_size(s[2]), to_size(s[3])}; }
};

/// One analysis of a word (kurdi::Analysis).
struct Analysis {
  static constexpr std::array<const char*, 8> names{"form", "lemma",  "upos", "features",
                                                    "stem", "known", "cost", "morphemes"};
  py::object form, lemma, upos, features, stem, known, cost, morphemes;

  py::object get(std::size_t i) const {
    switch (i) {
      case 0: return form;
      case 1: return lemma;
      case 2: return upos;
      case 3: return features;
      case 4: return stem;
      case 5: return known;
      case 6: return cost;
      default: return morphemes;
    }
  }
  static Analysis from_state(const py::tuple& s) { return Analysis{s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]}; }
};

/// One search hit of an archive (kurdi::archive::Hit).
struct Hit {
  static constexpr std::array<const char*, 7> names{"id", "title", "score", "snippet", "source", "url", "date"};
  py::object id, title, score, snippet, source, url, date;

  py::object get(std::size_t i) const {
    switch (i) {
      case 0: return id;
      case 1: return title;
      case 2: return score;
      case 3: return snippet;
      case 4: return source;
      case 5: return url;
      default: return date;
    }
  }
  static Hit from_state(const py::tuple& s) { return Hit{s[0], s[1], s[2], s[3], s[4], s[5], s[6]}; }
};

}  // namespace kurdi::python
