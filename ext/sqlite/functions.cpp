// The SQL functions of the SQLite host (docs/sqlite.md, "SQL functions").
// All text handling is the core's; this file converts values and errors.
// One State per connection is shared by the functions (reference counted:
// SQLite destroys each function's user data separately).
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "kurdi/version.hpp"
#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"
#include "tokenizer.hpp"

namespace kurdi::sqlite {
namespace {

struct State {
  int references = 0;
  search::Expander expander;
  Analyzer analyzer{1u << 12};
};

void release(void* p) {
  auto* s = static_cast<State*>(p);
  if (--s->references == 0) delete s;
}

State& state(sqlite3_context* ctx) { return *static_cast<State*>(sqlite3_user_data(ctx)); }

// The text of argument `i`; nullopt-like: `is_null` set for SQL NULL.
std::string_view text_arg(sqlite3_value** argv, int i, bool& is_null) {
  is_null = sqlite3_value_type(argv[i]) == SQLITE_NULL;
  if (is_null) return {};
  const auto* p = sqlite3_value_text(argv[i]);
  const int n = sqlite3_value_bytes(argv[i]);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)};
}

void result_text(sqlite3_context* ctx, std::string_view s) {
  // (an empty view may have no data: SQLite takes a null pointer for NULL)
  sqlite3_result_text64(ctx, s.data() ? s.data() : "", s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// As PostgreSQL's STRICT functions, the same functions there: any NULL
// argument gives NULL (an options argument too, which read as '' and failed).
bool any_null(int argc, sqlite3_value** argv) {
  for (int i = 0; i < argc; ++i)
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return true;
  return false;
}

void result_error(sqlite3_context* ctx, std::string_view message) {
  sqlite3_result_error(ctx, message.data(), static_cast<int>(message.size()));
}

// Runs `body`, turning exceptions into SQL errors.
template <typename F>
void guarded(sqlite3_context* ctx, const char* name, F&& body) {
  try {
    body();
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (const std::exception& e) {
    result_error(ctx, std::string(name) + ": " + e.what());
  }
}

void fn_query(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_query", [&] {
    bool null = false;
    const std::string_view text = text_arg(argv, 0, null);
    if (null) return sqlite3_result_null(ctx);
    const search::Query q = search::parse_query(text, state(ctx).expander);
    result_text(ctx, fts5_match(q));
  });
}

void fn_normalize(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_normalize", [&] {
    bool null = false;
    const std::string_view text = text_arg(argv, 0, null);
    if (null) return sqlite3_result_null(ctx);
    NormalizeOptions options;
    if (argc > 1) {
      bool pnull = false;
      const std::string_view name = text_arg(argv, 1, pnull);
      const auto profile = parse_profile(name);
      if (pnull || !profile) {
        return result_error(ctx, "kurdi_normalize: profile must be 'standard' or 'search', not '" +
                                     std::string(name) + "'");
      }
      options.profile = *profile;
    }
    result_text(ctx, normalize(text, options));
  });
}

void fn_stem(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_stem", [&] {
    bool null = false;
    const std::string_view text = text_arg(argv, 0, null);
    if (null) return sqlite3_result_null(ctx);
    const auto& stems = state(ctx).analyzer.stems(text);
    result_text(ctx, stems.empty() ? std::string_view{} : std::string_view(stems.front()));
  });
}

void fn_lemma(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_lemma", [&] {
    bool null = false;
    const std::string_view text = text_arg(argv, 0, null);
    if (null) return sqlite3_result_null(ctx);
    result_text(ctx, state(ctx).analyzer.lemma(text));
  });
}

// [{"form":..,"type":..,"begin":..,"end":..,"stems":[..]}, ...]: the tokens
// the tokenizer indexes, with byte offsets into the argument and the stem
// and lemma terms stored beside each form (without their marker).
void fn_tokens(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_tokens", [&] {
    bool null = false;
    const std::string_view text = text_arg(argv, 0, null);
    if (null) return sqlite3_result_null(ctx);
    result_text(ctx, search::tokens_json(text, state(ctx).expander));
  });
}

void fn_translit(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_translit", [&] {
    bool null = false;
    const std::string_view text = text_arg(argv, 0, null);
    if (null) return sqlite3_result_null(ctx);
    bool tnull = false;
    const std::string_view to = text_arg(argv, 1, tnull);
    TransliterateOptions options;
    const auto script = parse_script(to);
    if (tnull || !script) {
      return result_error(ctx, "kurdi_translit: target must be 'latn', 'arab' or 'ipa', not '" +
                                   std::string(to) + "'");
    }
    options.to = *script;
    if (argc > 2) {
      bool snull = false;
      const std::string_view name = text_arg(argv, 2, snull);
      const auto scheme = parse_latin_scheme(name);
      if (snull || !scheme) {
        return result_error(ctx,
                            "kurdi_translit: scheme must be 'hawar', 'simplified' or 'ascii', not '" +
                                std::string(name) + "'");
      }
      options.scheme = *scheme;
    }
    result_text(ctx, transliterate(text, options));
  });
}

// kurdi_version()                    '0.1.0 (analyzer 0.1.0+<hash>)'
// kurdi_version('library')           '0.1.0'
// kurdi_version('analyzer' [, tokenizer option, value ...])
//                                    the analyzer version of a table created
//                                    with those tokenizer options
void fn_version(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (any_null(argc, argv)) return sqlite3_result_null(ctx);
  guarded(ctx, "kurdi_version", [&] {
    if (argc == 0) {
      return result_text(ctx, std::string(version()) + " (analyzer " +
                                  std::string(kurdi::analyzer_version()) + ")");
    }
    bool null = false;
    const std::string_view what = text_arg(argv, 0, null);
    if (what == "library" && argc == 1) return result_text(ctx, version());
    if (what != "analyzer") {
      return result_error(ctx, "kurdi_version: the argument must be 'library' or 'analyzer'");
    }
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
      bool n = false;
      args.emplace_back(text_arg(argv, i, n));
    }
    std::vector<const char*> ptrs;
    for (const auto& a : args) ptrs.push_back(a.c_str());
    TokenizerOptions options;
    std::string error;
    if (!parse_tokenizer_options(ptrs.data(), static_cast<int>(ptrs.size()), options, error)) {
      return result_error(ctx, "kurdi_version: " + error);
    }
    result_text(ctx, analyzer_version(options));
  });
}

struct Function {
  const char* name;
  int args;  // -1: any number
  bool pure;
  void (*fn)(sqlite3_context*, int, sqlite3_value**);
};

constexpr Function kFunctions[] = {
    {"kurdi_query", 1, true, fn_query},
    {"kurdi_normalize", 1, true, fn_normalize},
    {"kurdi_normalize", 2, true, fn_normalize},
    {"kurdi_stem", 1, true, fn_stem},
    {"kurdi_lemma", 1, true, fn_lemma},
    {"kurdi_tokens", 1, true, fn_tokens},
    {"kurdi_translit", 2, true, fn_translit},
    {"kurdi_translit", 3, true, fn_translit},
    {"kurdi_version", -1, false, fn_version},
};

}  // namespace

int register_functions(sqlite3* db, std::string* error) {
  State* s = nullptr;
  try {
    s = new State;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  s->references = 1;  // held by this function until the loop ends
  int rc = SQLITE_OK;
  for (const Function& f : kFunctions) {
    int flags = SQLITE_UTF8;
    if (f.pure) flags |= SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    ++s->references;
    rc = sqlite3_create_function_v2(db, f.name, f.args, flags, s, f.fn, nullptr, nullptr, release);
    // On failure SQLite has already called release() for this registration.
    if (rc != SQLITE_OK) {
      if (error) *error = std::string("kurdi: could not register ") + f.name + ": " + sqlite3_errmsg(db);
      break;
    }
  }
  release(s);
  return rc;
}

}  // namespace kurdi::sqlite
