// kurdi._kurdi: kurdi.Token, written against the CPython API rather than with
// pybind11: a text makes one Token per word, and a plain type with its fields
// inline costs one allocation per token where a pybind11 class costs two plus
// an entry in pybind11's instance registry (docs/benchmarks.md, "Python").
// It behaves like the other records (records.hpp): attributes, read like a
// dict, compared by value, pickled by its fields.
#include <cstddef>
#include <string>
#include <utility>

#include "common.hpp"
#include "token_type.hpp"

#include <structmember.h>  // PyMemberDef types (T_PYSSIZET, T_OBJECT, READONLY)

namespace kurdi::python {

namespace {

struct TokenObject {
  PyObject_HEAD
  Py_ssize_t begin;
  Py_ssize_t end;
  PyObject* type;
  PyObject* text;
  PyObject* norm;
  Py_ssize_t char_begin;
  Py_ssize_t char_end;
};

PyTypeObject* token_type = nullptr;
constexpr int kFields = 7;
const char* const kNames[kFields] = {"begin", "end", "type", "text", "norm", "char_begin", "char_end"};
PyObject* names[kFields] = {};  // interned

TokenObject* as_token(PyObject* self) { return reinterpret_cast<TokenObject*>(self); }

// Field i as a new reference.
PyObject* field(TokenObject* t, int i) {
  switch (i) {
    case 0: return PyLong_FromSsize_t(t->begin);
    case 1: return PyLong_FromSsize_t(t->end);
    case 2: Py_INCREF(t->type); return t->type;
    case 3: Py_INCREF(t->text); return t->text;
    case 4: Py_INCREF(t->norm); return t->norm;
    case 5: return PyLong_FromSsize_t(t->char_begin);
    default: return PyLong_FromSsize_t(t->char_end);
  }
}

// The index of a field name, or -1.
int field_index(PyObject* key) {
  if (!PyUnicode_Check(key)) return -1;
  for (int i = 0; i < kFields; ++i)
    if (key == names[i]) return i;
  for (int i = 0; i < kFields; ++i)
    if (PyUnicode_Compare(key, names[i]) == 0) return i;
  if (PyErr_Occurred()) PyErr_Clear();
  return -1;
}

PyObject* names_list() {
  PyObject* list = PyList_New(kFields);
  if (list == nullptr) return nullptr;
  for (int i = 0; i < kFields; ++i) {
    Py_INCREF(names[i]);
    PyList_SET_ITEM(list, i, names[i]);
  }
  return list;
}

void token_dealloc(PyObject* self) {
  TokenObject* t = as_token(self);
  Py_XDECREF(t->type);
  Py_XDECREF(t->text);
  Py_XDECREF(t->norm);
  PyTypeObject* tp = Py_TYPE(self);
  tp->tp_free(self);
  Py_DECREF(tp);
}

PyObject* token_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  static const char* keywords[] = {"begin", "end", "type", "text", "norm", "char_begin", "char_end", nullptr};
  Py_ssize_t begin = 0, end = 0, char_begin = 0, char_end = 0;
  PyObject *kind = nullptr, *text = nullptr, *norm = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "nnUUUnn:Token", const_cast<char**>(keywords), &begin, &end,
                                   &kind, &text, &norm, &char_begin, &char_end))
    return nullptr;
  PyObject* self = type->tp_alloc(type, 0);
  if (self == nullptr) return nullptr;
  TokenObject* t = as_token(self);
  t->begin = begin;
  t->end = end;
  t->char_begin = char_begin;
  t->char_end = char_end;
  Py_INCREF(kind);
  Py_INCREF(text);
  Py_INCREF(norm);
  t->type = kind;
  t->text = text;
  t->norm = norm;
  return self;
}

PyObject* token_getitem(PyObject* self, PyObject* key) {
  const int i = field_index(key);
  if (i < 0) {
    PyErr_SetObject(PyExc_KeyError, key);
    return nullptr;
  }
  return field(as_token(self), i);
}

int token_contains(PyObject*, PyObject* key) { return field_index(key) >= 0 ? 1 : 0; }

Py_ssize_t token_length(PyObject*) { return kFields; }

PyObject* token_iter(PyObject*) {
  PyObject* list = names_list();
  if (list == nullptr) return nullptr;
  PyObject* it = PyObject_GetIter(list);
  Py_DECREF(list);
  return it;
}

PyObject* token_keys(PyObject*, PyObject*) { return names_list(); }

PyObject* token_to_dict(PyObject* self, PyObject*) {
  PyObject* d = PyDict_New();
  if (d == nullptr) return nullptr;
  for (int i = 0; i < kFields; ++i) {
    PyObject* v = field(as_token(self), i);
    if (v == nullptr || PyDict_SetItem(d, names[i], v) < 0) {
      Py_XDECREF(v);
      Py_DECREF(d);
      return nullptr;
    }
    Py_DECREF(v);
  }
  return d;
}

PyObject* token_reduce(PyObject* self, PyObject*) {
  TokenObject* t = as_token(self);
  return Py_BuildValue("(O(nnOOOnn))", reinterpret_cast<PyObject*>(Py_TYPE(self)), t->begin, t->end, t->type,
                       t->text, t->norm, t->char_begin, t->char_end);
}

PyObject* token_richcompare(PyObject* a, PyObject* b, int op) {
  if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, token_type)) Py_RETURN_NOTIMPLEMENTED;
  TokenObject* x = as_token(a);
  TokenObject* y = as_token(b);
  bool equal = x->begin == y->begin && x->end == y->end && x->char_begin == y->char_begin &&
               x->char_end == y->char_end;
  for (auto [p, q] : {std::pair{x->type, y->type}, std::pair{x->text, y->text}, std::pair{x->norm, y->norm}}) {
    if (!equal) break;
    const int r = PyObject_RichCompareBool(p, q, Py_EQ);
    if (r < 0) return nullptr;
    equal = r == 1;
  }
  if (equal == (op == Py_EQ)) Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

PyObject* token_repr(PyObject* self) {
  TokenObject* t = as_token(self);
  return PyUnicode_FromFormat("Token(begin=%zd, end=%zd, type=%R, text=%R, norm=%R, char_begin=%zd, char_end=%zd)",
                              t->begin, t->end, t->type, t->text, t->norm, t->char_begin, t->char_end);
}

PyMemberDef token_members[] = {
    {"begin", T_PYSSIZET, offsetof(TokenObject, begin), READONLY, "UTF-8 byte offset of the token in the text"},
    {"end", T_PYSSIZET, offsetof(TokenObject, end), READONLY, "UTF-8 byte offset one past the token"},
    {"type", T_OBJECT, offsetof(TokenObject, type), READONLY, "the token's type: 'word', 'latin', 'number', ..."},
    {"text", T_OBJECT, offsetof(TokenObject, text), READONLY, "the token as written in the text"},
    {"norm", T_OBJECT, offsetof(TokenObject, norm), READONLY, "the token's normalized form"},
    {"char_begin", T_PYSSIZET, offsetof(TokenObject, char_begin), READONLY, "code-point offset of the token"},
    {"char_end", T_PYSSIZET, offsetof(TokenObject, char_end), READONLY, "code-point offset one past the token"},
    {nullptr, 0, 0, 0, nullptr}};

PyMethodDef token_methods[] = {
    {"keys", token_keys, METH_NOARGS, "The field names, in order."},
    {"to_dict", token_to_dict, METH_NOARGS, "The fields as a new dict (what `dict(token)` gives)."},
    {"__reduce__", token_reduce, METH_NOARGS, "Pickles a Token by its fields."},
    {nullptr, nullptr, 0, nullptr}};

const char kTokenDoc[] =
    "Token(begin, end, type, text, norm, char_begin, char_end)\n--\n\n"
    "A token of a text: `begin`/`end` are UTF-8 byte offsets into the text (as in the C API and "
    "`kurdi tokenize --json`), `char_begin`/`char_end` code-point offsets "
    "(`text[t.char_begin:t.char_end] == t.text`), `type` its kind ('word', 'latin', 'number', 'date', "
    "'time', 'url', 'email', 'hashtag', 'mention', 'emoji', 'punct', 'symbol', 'suffix', 'other'), "
    "`text` the original slice and `norm` its normalized form. Fields also read like a dict: "
    "t['begin'], dict(t), t.keys(). Tokens compare by value and pickle.";

}  // namespace

PyObject* make_token(std::size_t begin, std::size_t end, PyObject* type, PyObject* text, PyObject* norm,
                     std::size_t char_begin, std::size_t char_end) {
  TokenObject* t = PyObject_New(TokenObject, token_type);
  if (t == nullptr) {
    Py_DECREF(text);
    Py_DECREF(norm);
    return nullptr;
  }
  t->begin = static_cast<Py_ssize_t>(begin);
  t->end = static_cast<Py_ssize_t>(end);
  Py_INCREF(type);
  t->type = type;
  t->text = text;
  t->norm = norm;
  t->char_begin = static_cast<Py_ssize_t>(char_begin);
  t->char_end = static_cast<Py_ssize_t>(char_end);
  return reinterpret_cast<PyObject*>(t);
}

void register_token(py::module_& m) {
  for (int i = 0; i < kFields; ++i) names[i] = PyUnicode_InternFromString(kNames[i]);
  PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void*>(token_dealloc)},
      {Py_tp_new, reinterpret_cast<void*>(token_new)},
      {Py_tp_repr, reinterpret_cast<void*>(token_repr)},
      {Py_tp_richcompare, reinterpret_cast<void*>(token_richcompare)},
      {Py_tp_hash, reinterpret_cast<void*>(PyObject_HashNotImplemented)},
      {Py_tp_iter, reinterpret_cast<void*>(token_iter)},
      {Py_tp_members, token_members},
      {Py_tp_methods, token_methods},
      {Py_tp_doc, const_cast<char*>(kTokenDoc)},
      {Py_mp_subscript, reinterpret_cast<void*>(token_getitem)},
      {Py_mp_length, reinterpret_cast<void*>(token_length)},
      {Py_sq_contains, reinterpret_cast<void*>(token_contains)},
      {0, nullptr}};
  PyType_Spec spec = {"kurdi.Token", sizeof(TokenObject), 0, Py_TPFLAGS_DEFAULT, slots};
  PyObject* type = PyType_FromSpec(&spec);
  if (type == nullptr) throw py::error_already_set();
  token_type = reinterpret_cast<PyTypeObject*>(type);
  m.attr("Token") = py::reinterpret_steal<py::object>(type);
  Py_INCREF(type);  // token_type keeps a reference for the module's life
}

}  // namespace kurdi::python
