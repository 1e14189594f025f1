// kurdi._kurdi: kurdi.Archive, the search archive of docs/archive.md
// (kurdi::archive::Archive) for Python: add, search, delete, commit, a context
// manager, and pickling by path. Every call takes the archive's own mutex with
// the GIL released, so threads may share an Archive and others run meanwhile.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "archive/archive.hpp"
#include "common.hpp"
#include "records.hpp"

namespace kurdi::python {

namespace {

namespace ka = kurdi::archive;

PyObject* archive_error_type = nullptr;

const char* kind_name(ka::ArchiveError::Kind kind) {
  switch (kind) {
    case ka::ArchiveError::Kind::not_found: return "not_found";
    case ka::ArchiveError::Kind::not_an_archive: return "not_an_archive";
    case ka::ArchiveError::Kind::newer_schema: return "newer_schema";
    case ka::ArchiveError::Kind::older_schema: return "older_schema";
    case ka::ArchiveError::Kind::reindex_required: return "reindex_required";
    case ka::ArchiveError::Kind::sqlite: return "sqlite";
  }
  return "sqlite";
}

std::string field(const py::dict& fields, const char* name, const char* fallback = "") {
  if (!fields.contains(name)) return fallback;
  py::object value = fields[name];
  if (value.is_none()) return fallback;
  const std::string what = std::string("document field '") + name + "'";
  return std::string(utf8_of(value.ptr(), what.c_str()));
}

const char* const kDocumentFields[] = {"id", "body", "title", "source", "url", "date", "language"};

// A Document from a mapping; refuses what kurdi index would skip.
ka::Document to_document(const py::dict& fields) {
  for (auto item : fields) {
    bool known = false;
    const std::string key = py::str(item.first).cast<std::string>();
    for (const char* f : kDocumentFields) known = known || key == f;
    if (!known)
      throw py::value_error("unknown document field '" + key +
                            "' (allowed: id, body, title, source, url, date, language)");
  }
  ka::Document d;
  d.id = field(fields, "id");
  d.body = field(fields, "body");
  d.title = field(fields, "title");
  d.source = field(fields, "source");
  d.url = field(fields, "url");
  d.date = field(fields, "date");
  d.language = field(fields, "language", "ckb");
  if (d.id.empty()) throw py::value_error("a document needs a non-empty 'id'");
  if (d.body.empty()) throw py::value_error("document '" + d.id + "' has no 'body'");
  if (!d.date.empty() && !ka::is_iso_date(d.date))
    throw py::value_error("document '" + d.id + "': date '" + d.date + "' is not a YYYY-MM-DD calendar date");
  return d;
}

ka::Document to_document(py::handle document, const py::kwargs& kwargs) {
  py::dict fields;
  if (!document.is_none()) {
    if (!PyMapping_Check(document.ptr()) || PyUnicode_Check(document.ptr()))
      throw py::type_error("a document is a dict (or other mapping) of str fields");
    fields = py::dict(py::reinterpret_borrow<py::object>(document));
  }
  for (auto item : kwargs) fields[item.first] = item.second;
  return to_document(fields);
}

py::object optional_str(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(make_str(s)); }

py::dict report_dict(const ka::StoreReport& r) {
  py::dict d;
  const char* outcome = "added";
  switch (r.outcome) {
    case ka::StoreOutcome::added: outcome = "added"; break;
    case ka::StoreOutcome::updated: outcome = "updated"; break;
    case ka::StoreOutcome::unchanged: outcome = "unchanged"; break;
    case ka::StoreOutcome::superseded: outcome = "superseded"; break;
  }
  d["outcome"] = py::str(outcome);
  d["duplicate_of"] = optional_str(r.duplicate_of);
  d["near_duplicate_of"] = optional_str(r.near_duplicate_of);
  d["near_distance"] = py::int_(r.near_duplicate_of.empty() ? 0 : r.near_distance);
  return d;
}

py::dict document_dict(const ka::Document& d) {
  py::dict out;
  out["id"] = make_str(d.id);
  out["title"] = make_str(d.title);
  out["body"] = make_str(d.body);
  out["source"] = make_str(d.source);
  out["url"] = make_str(d.url);
  out["date"] = make_str(d.date);
  out["language"] = make_str(d.language);
  return out;
}

/// The Python callable an archive's upgrade_progress calls (borrowed), while
/// the archive is being opened; null afterwards.
struct ProgressSlot {
  PyObject* callable = nullptr;
};

/// The search results: the hits, best first, and a message when the query
/// cannot match anything by its form (empty, or exclusions only).
struct SearchResult {
  py::list hits;
  py::str message;
};

class PyArchive {
 public:
  // `upgrade_progress`: None or a callable(done, total), called while an
  // archive of an older schema is upgraded on opening for writing.
  PyArchive(std::string path, bool create, bool read_only, py::handle upgrade_progress = py::handle())
      : path_(std::move(path)) {
    options_.create = create && !read_only;
    options_.read_only = read_only;
    // As the CLI: an archive indexed with another analyzer opens, so that
    // stats() says reindex_required and reindex() can run; search() and the
    // writes raise "reindex required" (Archive::require_current). Read-only,
    // an archive of an older schema opens as it is (kurdi export and stats);
    // for writing it is upgraded, as by every kurdi command that writes.
    options_.allow_analyzer_mismatch = true;
    options_.keep_older_schema = read_only;
    ka::OpenOptions open = options_;
    // The core copies its options (and keeps them) without the GIL, so the
    // function holds no Python reference: it borrows the callable (the
    // caller's argument, alive for this call) through a slot that is
    // emptied once the open is over. Its Python exception propagates as
    // py::error_already_set, out of the core's upgrade transaction, which
    // is then rolled back (closing the connection), and to the caller of
    // Archive(...) as the same exception.
    auto callback = std::make_shared<ProgressSlot>();
    if (upgrade_progress && !upgrade_progress.is_none()) {
      callback->callable = upgrade_progress.ptr();
      open.upgrade_progress = [callback](std::uint64_t done, std::uint64_t total) {
        if (!callback->callable) return;
        py::gil_scoped_acquire acquire;
        py::handle(callback->callable)(done, total);
      };
    }
    struct Empty {
      ProgressSlot& slot;
      ~Empty() { slot.callable = nullptr; }
    } empty{*callback};
    py::gil_scoped_release release;
    archive_ = std::make_unique<ka::Archive>(path_, open);
  }

  const std::string& path() const { return path_; }
  bool read_only() const { return options_.read_only; }
  bool closed() const { return archive_ == nullptr; }

  // Runs f(archive) with the GIL released and the archive's lock held.
  template <typename F>
  auto locked(F&& f) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!archive_) {
      py::gil_scoped_acquire acquire;
      throw py::value_error("operation on a closed archive (" + path_ + ")");
    }
    return f(*archive_);
  }

  void close() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    archive_.reset();  // an open batch is rolled back
  }

 private:
  std::string path_;
  ka::OpenOptions options_;
  std::mutex mutex_;
  std::unique_ptr<ka::Archive> archive_;
};

std::string fspath(py::handle path) {
  py::object p = py::module_::import("os").attr("fspath")(path);
  if (!PyUnicode_Check(p.ptr())) throw py::type_error("archive path must be str or os.PathLike[str]");
  std::string out(utf8_of(p.ptr(), "path"));
  // (as open() says; SQLite would silently open the path up to the NUL)
  if (out.find('\0') != std::string::npos) throw py::value_error("embedded null byte in the path");
  return out;
}

}  // namespace

void register_archive(py::module_& m) {
  using namespace pybind11::literals;

  archive_error_type = PyErr_NewExceptionWithDoc(
      "kurdi.ArchiveError",
      "An archive could not be opened or used. `kind` says why: 'not_found', 'not_an_archive', "
      "'newer_schema' (made by a newer kurdi), 'older_schema' (an older schema, opened read_only: run "
      "`kurdi reindex`), 'reindex_required' (indexed with another analyzer version: run `kurdi reindex`) "
      "or 'sqlite' (disk full, locked, corrupt, ...).",
      PyExc_Exception, nullptr);
  m.attr("ArchiveError") = py::handle(archive_error_type);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ka::ArchiveError& e) {
      py::object error = py::reinterpret_borrow<py::object>(archive_error_type)(e.what());
      error.attr("kind") = kind_name(e.kind());
      PyErr_SetObject(archive_error_type, error.ptr());
    }
  });

  py::class_<Hit> hit(m, "Hit",
                      "A search hit: `id`, `title`, `score` (BM25, title weighted above body; higher is better), "
                      "`snippet` (HTML-escaped body text, matches in <mark>...</mark>), `source`, `url`, "
                      "`date`. Also reads like a dict.");
  add_mapping(hit, Hit::names);

  py::class_<SearchResult>(m, "SearchResult",
                           "What Archive.search returns: a sequence of Hit, best first, and `message`, which "
                           "says why there are no hits when the query cannot match anything by its form "
                           "(empty, or exclusions only); '' otherwise.")
      .def_readonly("hits", &SearchResult::hits)
      .def_readonly("message", &SearchResult::message)
      .def("__len__", [](const SearchResult& r) { return r.hits.size(); })
      .def("__iter__", [](const SearchResult& r) { return py::iter(r.hits); })
      .def("__getitem__", [](const SearchResult& r, py::handle i) { return r.hits[i]; })
      .def("__bool__", [](const SearchResult& r) { return !r.hits.empty(); })
      .def("__repr__", [](const SearchResult& r) {
        return "SearchResult(hits=" + py::repr(r.hits).cast<std::string>() +
               ", message=" + py::repr(r.message).cast<std::string>() + ")";
      })
      // (results pickle, docs/python.md: a result goes back from a worker process)
      .def(py::pickle([](const SearchResult& r) { return py::make_tuple(r.hits, r.message); },
                      [](const py::tuple& state) {
                        if (state.size() != 2) throw std::runtime_error("invalid pickled SearchResult");
                        return SearchResult{state[0].cast<py::list>(), state[1].cast<py::str>()};
                      }));

  py::class_<PyArchive>(m, "Archive", R"(A kurdi search archive (docs/archive.md): one SQLite file, the same format as
`kurdi index` and `kurdi search` use.

    with kurdi.Archive('news.db') as archive:
        archive.add(id='a1', title='...', body='...', date='2021-07-26')
    hits = kurdi.Archive('news.db', read_only=True).search('بەرپرس')

Documents added are stored in a batch that commit() makes durable; leaving a
`with` block commits (or rolls back on an exception) and closes. An archive
pickles as its path and options and is reopened where it is unpickled (an
uncommitted batch is not carried over).)")
      .def(py::init([](py::handle path, bool create, bool read_only, py::handle upgrade_progress) {
             if (!upgrade_progress.is_none() && !PyCallable_Check(upgrade_progress.ptr()))
               throw py::type_error(std::string("upgrade_progress must be callable or None, not ") +
                                    Py_TYPE(upgrade_progress.ptr())->tp_name);
             return std::make_unique<PyArchive>(fspath(path), create, read_only, upgrade_progress);
           }),
           "path"_a, py::kw_only(), "create"_a = true, "read_only"_a = false, "upgrade_progress"_a = py::none(),
           "Opens the archive at `path`, creating it when `create` (the default) and not `read_only`. "
           "An archive indexed with another analyzer opens too (stats() says reindex_required; search() and "
           "the writes raise ArchiveError 'reindex_required' until reindex()), and read_only, one of an older "
           "schema, as it is (search() raises 'older_schema'; opened for writing, it is upgraded). "
           "`upgrade_progress`, None or a callable(done, total), is called while that upgrade runs (it reads "
           "every document: total is their number; done goes from 0 to total); an exception it raises "
           "stops the upgrade, which is rolled back, and propagates. Raises ArchiveError.")
      .def_property_readonly("path", &PyArchive::path, "The archive's file.")
      .def_property_readonly("read_only", &PyArchive::read_only)
      .def_property_readonly("closed", &PyArchive::closed)
      .def(
          "add",
          [](PyArchive& self, py::handle document, const py::kwargs& kwargs) {
            ka::Document d = to_document(document, kwargs);
            const ka::StoreReport r = self.locked([&](ka::Archive& a) { return a.store(d); });
            return report_dict(r);
          },
          "document"_a = py::none(), py::pos_only(),
          R"(Stores one document in the current batch: a dict and/or keyword fields id and body
(required), title, source, url, date ('YYYY-MM-DD'), language ('ckb' unless given).
Returns {'outcome': 'added'|'updated'|'unchanged', 'duplicate_of': id or None,
'near_duplicate_of': id or None, 'near_distance': how many of the 32 MinHash values of
the two differ}. Raises ValueError for a document kurdi index would skip (no id or body,
an impossible date, an unknown field).)")
      .def(
          "add_many",
          [](PyArchive& self, py::iterable documents) {
            ka::PendingDocuments pending;
            for (py::handle d : documents) pending.add(to_document(d, py::kwargs()));
            const auto reports = self.locked([&](ka::Archive& a) { return a.store(pending); });
            py::list out;
            for (const ka::StoreReport& r : reports) out.append(report_dict(r));
            return out;
          },
          "documents"_a,
          "add() for each document (dict) of an iterable, with the GIL released; returns the list of reports, "
          "in order. Every document is checked before any is stored. When an id comes again in the iterable, "
          "the earlier document is not stored (its outcome: 'superseded'), as `kurdi index` does within a "
          "batch.")
      .def(
          "commit", [](PyArchive& self) { self.locked([](ka::Archive& a) { a.commit(); }); },
          "Commits the current batch: every document stored so far survives a crash.")
      .def(
          "rollback", [](PyArchive& self) { self.locked([](ka::Archive& a) { a.rollback(); }); },
          "Drops the documents stored since the last commit.")
      .def(
          "search",
          [](PyArchive& self, py::handle query_text, std::uint32_t limit, std::uint32_t offset,
             const std::string& date_from, const std::string& date_to, const std::string& source) {
            // (str only, with the module's messages: TypeError naming the type,
            // UnicodeEncodeError for a lone surrogate)
            if (!PyUnicode_Check(query_text.ptr()))
              throw py::type_error(std::string("query must be str, not ") + Py_TYPE(query_text.ptr())->tp_name);
            const std::string query(utf8_of(query_text.ptr(), "query"));
            for (const std::string* d : {&date_from, &date_to})
              if (!d->empty() && !ka::is_iso_date(*d))
                throw py::value_error("'" + *d + "' is not a YYYY-MM-DD date");
            if (limit == 0) throw py::value_error("limit must be at least 1");
            ka::SearchRequest request;
            request.query = query;
            request.limit = limit;
            request.offset = offset;
            request.from = date_from;
            request.to = date_to;
            request.source = source;
            ka::SearchResult found = self.locked([&](ka::Archive& a) { return a.search(request); });
            SearchResult result;
            result.hits = py::list(found.hits.size());
            for (std::size_t i = 0; i < found.hits.size(); ++i) {
              const ka::Hit& h = found.hits[i];
              result.hits[i] = py::cast(Hit{make_str(h.id), make_str(h.title), py::float_(h.score),
                                            make_str(h.snippet), make_str(h.source), make_str(h.url),
                                            make_str(h.date)});
            }
            result.message = make_str(found.message);
            return result;
          },
          "query"_a, py::kw_only(), "limit"_a = 10, "offset"_a = 0, "date_from"_a = "", "date_to"_a = "",
          "source"_a = "",
          R"(Searches the archive as `kurdi search` does: words (any form finds the others),
"phrases", prefix*, -excluded, upper-case OR; Latin letters find Arabic script.
date_from/date_to ('YYYY-MM-DD', inclusive) and source filter; limit and offset page.
Returns a SearchResult (a sequence of Hit, best first). Raises ArchiveError
(kind 'reindex_required' when the archive was indexed with another analyzer,
'older_schema' when it has an older schema, opened read_only).)")
      .def(
          "delete",
          [](PyArchive& self, py::handle ids) {
            std::vector<std::string> list;
            if (PyUnicode_Check(ids.ptr())) {
              list.emplace_back(utf8_of(ids.ptr(), "id"));
            } else {
              for (py::handle id : py::iter(ids)) list.emplace_back(utf8_of(id.ptr(), "id"));
            }
            const auto missing = self.locked([&](ka::Archive& a) { return a.remove(list); });
            py::list out;
            for (const std::string& id : missing) out.append(make_str(id));
            return out;
          },
          "ids"_a,
          "Deletes the documents with these ids (one id, or an iterable of ids). Returns the ids that were not "
          "in the archive. Committed at once unless a batch is open, which it joins.")
      .def(
          "documents",
          [](PyArchive& self) {
            auto docs = self.locked([](ka::Archive& a) {
              std::vector<ka::Document> out;
              a.for_each([&](const ka::Document& d) { out.push_back(d); });
              return out;
            });
            py::list out;
            for (const ka::Document& d : docs) out.append(document_dict(d));
            return out;
          },
          "Every document as a dict (the fields add() takes), in id order, as `kurdi export --jsonl` gives them.")
      .def(
          "stats",
          [](PyArchive& self) {
            const ka::Stats s = self.locked([](ka::Archive& a) { return a.stats(); });
            py::dict d;
            d["documents"] = s.documents;
            d["body_bytes"] = s.body_bytes;
            d["file_bytes"] = s.file_bytes;
            d["sources"] = s.sources;
            d["first_date"] = optional_str(s.first_date);
            d["last_date"] = optional_str(s.last_date);
            d["schema_version"] = s.schema_version;
            d["current_schema_version"] = s.current_schema_version;
            d["analyzer_version"] = make_str(s.analyzer_version);
            d["current_analyzer_version"] = make_str(s.current_analyzer_version);
            d["reindex_required"] = s.reindex_required;
            d["created_by"] = make_str(s.created_by);
            d["index_segments"] = s.index_segments;
            d["block_bounds"] = s.block_bounds;
            d["documents_since_optimize"] = s.documents_since_optimize;
            d["optimized"] = s.optimized;
            return d;
          },
          "Documents, text size, file size, sources, date range, schema and analyzer versions (the archive's "
          "and this kurdi's), whether a search needs `kurdi reindex` first (reindex_required: another analyzer "
          "or an older schema) and whether the archive is optimized for search (a dict), as `kurdi stats "
          "--json` gives them.")
      .def(
          "check",
          [](PyArchive& self) {
            const auto problems = self.locked([](ka::Archive& a) { return a.check(); });
            py::list out;
            for (const std::string& p : problems) out.append(make_str(p));
            return out;
          },
          "Checks the file, the index against the documents, the metadata and the analyzer version; returns "
          "the problems found (an empty list: the archive is sound). An archive opened read_only (or a file "
          "that cannot be written) has its full-text index checked in a temporary copy.")
      .def(
          "reindex", [](PyArchive& self) { self.locked([](ka::Archive& a) { a.reindex(); }); },
          "Rebuilds the index with this kurdi's analyzer, as `kurdi reindex` does.")
      .def(
          "optimize", [](PyArchive& self) { self.locked([](ka::Archive& a) { a.optimize(); }); },
          "Makes the archive as fast to search as it can be, with the same results, as `kurdi optimize` does "
          "(commits the current batch first).")
      .def(
          "__len__",
          [](PyArchive& self) { return self.locked([](ka::Archive& a) { return a.document_count(); }); },
          "The number of documents.")
      .def("close", &PyArchive::close,
           "Closes the archive; an uncommitted batch is rolled back. Further calls raise ValueError.")
      .def("__enter__", [](py::object self) { return self; })
      .def(
          "__exit__",
          [](PyArchive& self, py::handle type, py::handle, py::handle) {
            if (!self.closed()) {
              if (type.is_none()) {
                self.locked([](ka::Archive& a) { a.commit(); });
              } else {
                self.locked([](ka::Archive& a) { a.rollback(); });
              }
            }
            self.close();
            return false;
          },
          "type"_a, "value"_a, "traceback"_a)
      .def("__repr__",
           [](const PyArchive& self) {
             return std::string("kurdi.Archive(") + py::repr(py::str(self.path())).cast<std::string>() +
                    (self.read_only() ? ", read_only=True" : "") + (self.closed() ? ") [closed]" : ")");
           })
      .def(py::pickle(
          [](const PyArchive& self) { return py::make_tuple(self.path(), self.read_only()); },
          [](const py::tuple& state) {
            if (state.size() != 2) throw std::runtime_error("invalid pickled Archive");
            return std::make_unique<PyArchive>(state[0].cast<std::string>(), false, state[1].cast<bool>());
          }));
}

}  // namespace kurdi::python
