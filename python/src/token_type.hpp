// kurdi._kurdi: kurdi.Token (token_type.cpp), a plain CPython type.
#pragma once
#include <cstddef>

#include "common.hpp"

namespace kurdi::python {

/// Adds the type kurdi.Token to the module.
void register_token(py::module_& m);

/// A new Token. `type` is borrowed; `text` and `norm` are stolen (also on
/// failure). Returns null with a Python error set when allocation fails.
PyObject* make_token(std::size_t begin, std::size_t end, PyObject* type, PyObject* text, PyObject* norm,
                     std::size_t char_begin, std::size_t char_end);

}  // namespace kurdi::python
