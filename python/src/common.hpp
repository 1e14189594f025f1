// kurdi._kurdi: helpers shared by the binding's source files. The binding
// converts between Python objects and the C++ API and adds no linguistics.
#pragma once
#include <pybind11/pybind11.h>

#include <cstddef>
#include <deque>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi::python {

namespace py = pybind11;

/// The UTF-8 bytes of a Python str, owned by the str (CPython caches them on
/// the object). Raises TypeError for anything but str, and UnicodeEncodeError
/// for a str holding lone surrogates (it has no UTF-8 form). Needs the GIL.
std::string_view utf8_of(PyObject* object, const char* what = "text");

/// The bytes of a text argument that may be str or bytes: a str's UTF-8 (as
/// utf8_of), a bytes object's own buffer, as it is (the core turns malformed
/// UTF-8 into U+FFFD, as the CLI does). Raises TypeError for anything else.
std::string_view text_bytes_of(PyObject* object, const char* what = "text");

/// A new Python str from UTF-8 the core produced (always valid). Needs the GIL.
py::str make_str(std::string_view utf8);

/// The str objects of one call, by content: running text repeats its words
/// (Zipf), so the tokens and lemmas of a large text or batch share one str
/// per distinct short string instead of one each. That saves most of their
/// memory and allocation time. Bounded; needs the GIL.
class StrCache {
 public:
  StrCache() = default;
  StrCache(const StrCache&) = delete;
  StrCache& operator=(const StrCache&) = delete;
  ~StrCache();
  /// A new reference to a str equal to `utf8` (valid UTF-8); null with a
  /// Python error set when it cannot be made.
  PyObject* get(std::string_view utf8);

 private:
  static constexpr std::size_t kMaxBytes = 48;
  static constexpr std::size_t kMaxEntries = std::size_t{1} << 16;
  std::unordered_map<std::string_view, PyObject*> map_;
  std::deque<std::string> keys_;
};

/// Code-point offsets of byte offsets into the same UTF-8 text, for offsets
/// visited in increasing order: `text[char_begin:char_end]` in Python.
class CharOffsets {
 public:
  explicit CharOffsets(std::string_view text) noexcept : text_(text) {}
  std::size_t operator()(std::size_t byte_offset) noexcept;

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t chars_ = 0;
};

/// A strong reference to every item of a sequence argument, and their UTF-8
/// views: what a batch function reads after it releases the GIL (the caller's
/// list may change meanwhile; the tuple cannot). A bare str or bytes is
/// refused, since iterating it would give characters or integers.
///
/// Most Sorani str objects are stored by CPython as UCS-2; their UTF-8 is made
/// by encode() without the GIL, so that threads
/// running batches in parallel do not queue for the GIL to convert their
/// input. ASCII str and str whose UTF-8 CPython already cached are used in
/// place; the others (Latin-1, UCS-4) are converted by CPython with the GIL.
class BatchInput {
 public:
  /// Which items a batch function takes: str only, or also bytes (used in
  /// place: a bytes object is immutable), for the functions whose result is
  /// one text per text and which return bytes for bytes.
  enum class Items { str, str_or_bytes };
  BatchInput(py::handle sequence, const char* what, Items items = Items::str);
  std::size_t size() const noexcept { return views_.size(); }
  std::string_view operator[](std::size_t i) const noexcept { return views_[i]; }
  PyObject* item(std::size_t i) const noexcept { return PyTuple_GET_ITEM(items_.ptr(), static_cast<Py_ssize_t>(i)); }

  /// The end of the chunk of items that starts at `begin`: about 1 MiB of
  /// text (at least one item), so buffers stay small and are reused.
  std::size_t chunk_end(std::size_t begin) const noexcept;
  /// Makes the UTF-8 of the UCS-2 items in [begin, end); call without the
  /// GIL. Views of an earlier chunk's UCS-2 items are invalid afterwards.
  /// False when an item holds a lone surrogate (no UTF-8 form):
  /// raise_encode_error() then.
  bool encode(std::size_t begin, std::size_t end) noexcept;
  /// Raises CPython's UnicodeEncodeError for the item encode() refused.
  [[noreturn]] void raise_encode_error();

 private:
  py::tuple items_;
  std::vector<std::string_view> views_;
  std::vector<std::size_t> ucs2_units_;  // per item: UCS-2 code units encode() converts, or 0
  std::string arena_;                    // the chunk's UTF-8, reserved so views stay valid
  std::size_t bad_ = static_cast<std::size_t>(-1);
};

/// Processes a batch chunk by chunk: for each chunk, encodes its input and
/// runs `work(begin, end)` without the GIL, then `build(begin, end)` (which
/// makes Python objects) with it. Other threads run while the GIL is released.
template <typename Work, typename Build>
void run_in_chunks(BatchInput& input, Work&& work, Build&& build) {
  std::size_t begin = 0;
  while (begin < input.size()) {
    const std::size_t end = input.chunk_end(begin);
    bool ok = false;
    {
      py::gil_scoped_release release;
      ok = input.encode(begin, end);
      if (ok) work(begin, end);
    }
    if (!ok) input.raise_encode_error();
    build(begin, end);
    begin = end;
  }
}

/// Registration of each part of the module (module.cpp calls them in order).
void register_text(py::module_& m);
void register_morph(py::module_& m);
void register_archive(py::module_& m);
void register_sqlite(py::module_& m);

}  // namespace kurdi::python
