// kurdi._kurdi: the extension module behind `import kurdi` (docs/python.md).
// The package's __init__.py re-exports everything defined here.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "common.hpp"
#include "kurdi/version.hpp"

namespace kurdi::python {

std::string_view utf8_of(PyObject* object, const char* what) {
  if (!PyUnicode_Check(object)) {
    std::string message = std::string(what) + " must be str, not ";
    message.append(Py_TYPE(object)->tp_name);
    throw py::type_error(message);
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(object, &size);
  if (data == nullptr) throw py::error_already_set();
  return {data, static_cast<std::size_t>(size)};
}

std::string_view text_bytes_of(PyObject* object, const char* what) {
  if (PyBytes_Check(object)) return {PyBytes_AS_STRING(object), static_cast<std::size_t>(PyBytes_GET_SIZE(object))};
  if (!PyUnicode_Check(object)) {
    std::string message = std::string(what) + " must be str or bytes, not ";
    message.append(Py_TYPE(object)->tp_name);
    throw py::type_error(message);
  }
  return utf8_of(object, what);
}

py::str make_str(std::string_view utf8) {
  PyObject* s = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "strict");
  if (s == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(s);
}

StrCache::~StrCache() {
  for (auto& entry : map_) Py_DECREF(entry.second);
}

PyObject* StrCache::get(std::string_view utf8) {
  if (utf8.size() > kMaxBytes) return PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "strict");
  auto found = map_.find(utf8);
  if (found != map_.end()) {
    Py_INCREF(found->second);
    return found->second;
  }
  PyObject* s = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "strict");
  if (s != nullptr && map_.size() < kMaxEntries) {
    const std::string& key = keys_.emplace_back(utf8);
    Py_INCREF(s);
    map_.emplace(key, s);
  }
  return s;
}

std::size_t CharOffsets::operator()(std::size_t byte_offset) noexcept {
  if (byte_offset < byte_) {  // not monotonic: count again from the start
    byte_ = 0;
    chars_ = 0;
  }
  for (; byte_ < byte_offset && byte_ < text_.size(); ++byte_) {
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    if ((static_cast<unsigned char>(text_[byte_]) & 0xC0u) != 0x80u) ++chars_;
  }
  return chars_;
}

BatchInput::BatchInput(py::handle sequence, const char* what, Items items) {
  const char* const item_types = items == Items::str ? "str" : "str or bytes";
  if (PyUnicode_Check(sequence.ptr()) || PyBytes_Check(sequence.ptr())) {
    throw py::type_error(std::string(what) + " must be a list (or other iterable) of " + item_types +
                         ", not a single " + Py_TYPE(sequence.ptr())->tp_name);
  }
  PyObject* tuple = PySequence_Tuple(sequence.ptr());
  if (tuple == nullptr) throw py::error_already_set();
  items_ = py::reinterpret_steal<py::tuple>(tuple);
  const Py_ssize_t n = PyTuple_GET_SIZE(tuple);
  views_.reserve(static_cast<std::size_t>(n));
  const std::string item_what = std::string("every item of ") + what;
  ucs2_units_.assign(static_cast<std::size_t>(n), 0);
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* s = PyTuple_GET_ITEM(tuple, i);
    if (PyUnicode_Check(s) && PyUnicode_IS_READY(s) && PyUnicode_IS_COMPACT(s) && !PyUnicode_IS_ASCII(s) &&
        PyUnicode_KIND(s) == PyUnicode_2BYTE_KIND) {
      const auto* compact = reinterpret_cast<PyCompactUnicodeObject*>(s);
      if (compact->utf8 != nullptr) {
        views_.emplace_back(compact->utf8, static_cast<std::size_t>(compact->utf8_length));
      } else {
        ucs2_units_[views_.size()] = static_cast<std::size_t>(PyUnicode_GET_LENGTH(s));
        views_.emplace_back();
      }
      continue;
    }
    views_.push_back(items == Items::str ? utf8_of(s, item_what.c_str()) : text_bytes_of(s, item_what.c_str()));
  }
}

std::size_t BatchInput::chunk_end(std::size_t begin) const noexcept {
  constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
  std::size_t bytes = 0;
  std::size_t end = begin;
  while (end < views_.size() && (end == begin || bytes < kChunkBytes)) {
    bytes += ucs2_units_[end] != 0 ? 2 * ucs2_units_[end] : views_[end].size();
    ++end;
  }
  return end;
}

namespace {

// CPython's UCS-2 storage (code points U+0000..U+FFFF, surrogates excluded by
// the caller) as UTF-8, appended to `out`. This is the host's transcoding of
// its own string storage, not text analysis: every byte it writes is then
// read by the core's UTF-8 code like any other input. (The core's
// Utf16Decoder does the same for UTF-16 byte streams but writes a byte at a
// time, and was most of a batch's time.)
void append_utf8(const std::uint16_t* units, std::size_t length, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + 3 * length);  // within the reserved arena: no reallocation
  char* p = out.data() + at;
  for (std::size_t k = 0; k < length; ++k) {
    const unsigned u = units[k];
    if (u < 0x80) {
      *p++ = static_cast<char>(u);
    } else if (u < 0x800) {
      *p++ = static_cast<char>(0xC0 | (u >> 6));
      *p++ = static_cast<char>(0x80 | (u & 0x3F));
    } else {
      *p++ = static_cast<char>(0xE0 | (u >> 12));
      *p++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (u & 0x3F));
    }
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
}

}  // namespace

bool BatchInput::encode(std::size_t begin, std::size_t end) noexcept {
  std::size_t need = 0;
  for (std::size_t i = begin; i < end; ++i) need += 3 * ucs2_units_[i];  // a BMP code point: <= 3 UTF-8 bytes
  arena_.clear();
  arena_.reserve(need);
  for (std::size_t i = begin; i < end; ++i) {
    const std::size_t length = ucs2_units_[i];
    if (length == 0) continue;
    const auto* units = static_cast<const std::uint16_t*>(PyUnicode_DATA(item(i)));
    for (std::size_t k = 0; k < length; ++k) {
      if (units[k] >= 0xD800 && units[k] <= 0xDFFF) {  // a lone surrogate: CPython refuses it
        bad_ = i;
        return false;
      }
    }
    const std::size_t at = arena_.size();
    append_utf8(units, length, arena_);
    views_[i] = std::string_view(arena_.data() + at, arena_.size() - at);
  }
  return true;
}

void BatchInput::raise_encode_error() {
  utf8_of(item(bad_));  // raises CPython's UnicodeEncodeError
  throw std::logic_error("kurdi: a str refused without the GIL was encoded with it");
}

}  // namespace kurdi::python

PYBIND11_MODULE(_kurdi, m) {
  namespace kp = kurdi::python;
  m.doc() =
      "kurdi: Central Kurdish (Sorani) text engine. The compiled part of the `kurdi` package; "
      "import `kurdi`, not `kurdi._kurdi`.";
  m.attr("__version__") = std::string(kurdi::version());
  m.attr("analyzer_version") = std::string(kurdi::analyzer_version());
  kp::register_text(m);
  kp::register_morph(m);
  kp::register_archive(m);
  kp::register_sqlite(m);
}
