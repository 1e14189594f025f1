// The FTS5 tokenizer `kurdi` (docs/sqlite.md). Tokens come from the core
// tokenizer with the search profile; their byte offsets point into the
// original column text, so highlight() and snippet() mark whole words.
//
// Document text (FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_AUX): each token is
// its exact search-profile form, followed at the same position
// (FTS5_TOKEN_COLOCATED) by those of its stems and lemma that differ from the
// form, stored with kurdi::search::stem_marker in front.
// Query text (FTS5_TOKENIZE_QUERY), by its first byte:
//   term_marker   the rest is one stored term (exact, or a stem term with its
//                 stem_marker), used as it is: the archive's ranked search
//                 matches each query term on its own (kurdi::search::plan_query);
//   stem_marker   the rest is one stored stem term, used as it is;
//   exact_marker  the forms of each token only (kurdi_query's first
//                 alternative: exact forms rank first; a Latin word brings
//                 the forms of its Arabic-script readings);
//   anything else every query term of each token as colocated synonyms: its
//                 forms, its stems and lemmas as written forms, its stem terms.
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"
#include "term_cache.hpp"
#include "tokenizer.hpp"

namespace kurdi::sqlite {
namespace {

// "kurdi tokenizer: " + parts (built with append: GCC 12 warns falsely
// (-Wrestrict) on chains of std::string operator+ at -O3).
std::string message(std::initializer_list<std::string_view> parts) {
  std::string out = "kurdi tokenizer: ";
  for (const std::string_view p : parts) out.append(p);
  return out;
}

}  // namespace

bool parse_tokenizer_options(const char* const* args, int count, TokenizerOptions& out,
                             std::string& error) {
  for (int i = 0; i < count; i += 2) {
    const std::string_view name = args[i] ? args[i] : "";
    if (i + 1 >= count) {
      error = message({"option '", name, "' needs a value"});
      return false;
    }
    const std::string_view value = args[i + 1] ? args[i + 1] : "";
    if (name == "stems") {
      if (value == "1") {
        out.stems = true;
      } else if (value == "0") {
        out.stems = false;
      } else {
        error = message({"stems must be 0 or 1, not '", value, "'"});
        return false;
      }
    } else if (name == "user_lexicon") {
      if (value.empty()) {
        error = message({"user_lexicon needs a file name"});
        return false;
      }
      out.user_lexicon = std::string(value);
    } else {
      error = message({"unknown option '", name, "' (known: stems, user_lexicon)"});
      return false;
    }
  }
  return true;
}

namespace {

std::unique_ptr<UserLexicon> load_user_lexicon(const std::string& path) {
  return std::make_unique<UserLexicon>(UserLexicon::load(path));
}

}  // namespace

std::string analyzer_version(const TokenizerOptions& options) {
  if (options.user_lexicon.empty()) return kurdi::analyzer_version(nullptr);
  const auto user = load_user_lexicon(options.user_lexicon);
  return kurdi::analyzer_version(user.get());
}

const Tokens& Pretokenized::tokenize(std::string_view text) {
  valid_ = false;  // stays false if tokenize throws
  text_.assign(text);
  kurdi::tokenize(text, tokens_, options_);
  valid_ = true;
  return tokens_;
}

struct Tokenizer {
  TokenizerOptions options;
  std::unique_ptr<UserLexicon> user;  // before the expander, which points to it
  search::Expander expander;
  TokenizeOptions tokenize_options = search::search_tokenize_options();
  Tokens tokens;
  std::string term{search::stem_marker};  // a stem term being emitted
  const Pretokenized* pretokenized;       // the connection's hand-off (may be null)
  // Document-time terms of words. It holds what the Expander computed, so
  // the Expander's own cache only needs the words of a query or of one miss.
  TermCache cache;
  std::vector<std::uint64_t> hashes;  // of the document's word tokens (0: other)

  // The tokens of the last text tokenized for an auxiliary function
  // (FTS5_TOKENIZE_AUX), to give again when the next such call has the same
  // text: FTS5's snippet() tokenizes a hit's column twice, once to find the
  // sentences and once to highlight, and those calls were a sixth of a
  // served search (docs/benchmarks.md, Serve, "Optimize: one index segment,
  // and snippets tokenized once"). Texts longer than kMaxAuxRecord are not
  // recorded, so that one huge document does not stay in every connection.
  static constexpr std::size_t kMaxAuxRecord = std::size_t{1} << 20;
  struct AuxToken {
    int flags;
    std::uint32_t term_begin, term_size;  // in `terms`
    int begin, end;
  };
  struct AuxReplay {
    bool valid = false;
    std::string text;
    std::string terms;
    std::vector<AuxToken> tokens;
  } aux;

  Tokenizer(TokenizerOptions o, std::unique_ptr<UserLexicon> u, const Pretokenized* p)
      : options(std::move(o)), user(std::move(u)), expander(user.get(), kExpanderCapacity, kStemCapacity), pretokenized(p) {}

  static constexpr std::size_t kExpanderCapacity = 64;
  // The stems of the words the term cache misses (81,053 distinct ones in
  // the 16 MB ingest corpus): a memo tied to the small word capacity
  // normalized 92,441 times (docs/benchmarks.md, "Ingest, third pass").
  static constexpr std::size_t kStemCapacity = std::size_t{1} << 16;
};

namespace {

using XToken = int (*)(void*, int, const char*, int, int, int);

int emit(XToken x_token, void* ctx, int flags, std::string_view text, std::size_t begin,
         std::size_t end) {
  return x_token(ctx, flags, text.data(), static_cast<int>(text.size()), static_cast<int>(begin),
                 static_cast<int>(end));
}

enum class Mode { document, query_all, query_exact };

// How many tokens ahead of its lookup a word's term-cache slot, then its
// record, are asked for (TermCache::prefetch_slot, prefetch_record).
constexpr std::size_t kSlotAhead = 16;
constexpr std::size_t kRecordAhead = 8;

// `prefix`: the text is a prefix query's (FTS5_TOKENIZE_PREFIX: X in "X" *).
int tokenize_text(Tokenizer& t, std::string_view text, Mode mode, void* ctx, XToken x_token, bool prefix = false) {
  // A document text the host has tokenized already (the same bytes, the
  // same options: Pretokenized) is not tokenized again.
  const Tokens* held = mode == Mode::document && t.pretokenized ? t.pretokenized->tokens_of(text) : nullptr;
  if (held == nullptr) {
    if (prefix) {
      search::tokenize_prefix(text, t.tokens, t.tokenize_options);
    } else {
      kurdi::tokenize(text, t.tokens, t.tokenize_options);
    }
    held = &t.tokens;
  }
  const Tokens& tokens = *held;
  const std::size_t count = tokens.tokens.size();
  const bool cached = mode == Mode::document && t.options.stems;
  if (cached) {
    // The hashes of the words first, so that the term cache can be asked to
    // load a word's slot and record a few words before its lookup.
    t.hashes.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      const Token& tok = tokens.tokens[i];
      const std::string_view form = tokens.norm(tok);
      t.hashes[i] = tok.type == TokenType::word && form.size() <= TermCache::kMaxCachedWord ? t.cache.hash_of(form) : 0;
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const Token& tok = tokens.tokens[i];
    if (cached) {
      if (i + kSlotAhead < count && t.hashes[i + kSlotAhead] != 0) t.cache.prefetch_slot(t.hashes[i + kSlotAhead]);
      if (i + kRecordAhead < count && t.hashes[i + kRecordAhead] != 0) t.cache.prefetch_record(t.hashes[i + kRecordAhead]);
    }
    if (!search::is_indexed(tok.type)) continue;
    const std::string_view form = tokens.norm(tok);
    if (!t.options.stems) {  // forms only: no analysis at all
      const int rc = emit(x_token, ctx, 0, form, tok.begin, tok.end);
      if (rc != SQLITE_OK) return rc;
      continue;
    }
    if (mode == Mode::document && tok.type == TokenType::word) {
      // The stored terms, exact first, then the stem terms (marker included).
      const TermCache::Terms terms = t.cache.word_terms(form, t.hashes[i], t.expander);
      const int rc = terms.for_each([&](std::string_view stored, std::size_t k) {
        return emit(x_token, ctx, k == 0 ? 0 : FTS5_TOKEN_COLOCATED, stored, tok.begin, tok.end);
      });
      if (rc != SQLITE_OK) return rc;
      continue;
    }
    const std::vector<search::Term>& terms = mode == Mode::document
                                                 ? t.expander.document_terms(form, tok.type)
                                                 : t.expander.query_terms(form, tok.type);
    int flags = 0;
    for (const search::Term& term : terms) {
      // Exact-only queries take the query words' own forms only.
      if (mode == Mode::query_exact && (!term.exact || term.derived)) continue;
      int rc;
      if (term.exact) {
        rc = emit(x_token, ctx, flags, term.text, tok.begin, tok.end);
      } else {
        // t.term starts with the marker: keep it, replace the rest.
        t.term.resize(search::stem_marker.size());
        t.term.append(term.text);
        rc = emit(x_token, ctx, flags, t.term, tok.begin, tok.end);
      }
      if (rc != SQLITE_OK) return rc;
      flags = FTS5_TOKEN_COLOCATED;
    }
  }
  return SQLITE_OK;
}

// Document text for an auxiliary function: the same tokens as
// tokenize_text gives, recorded while they go out, and given again from the
// record when the same text comes next. A callback that stops the run early
// (a code other than SQLITE_OK) leaves no record.
int tokenize_aux(Tokenizer& t, std::string_view text, void* ctx, XToken x_token) {
  Tokenizer::AuxReplay& aux = t.aux;
  if (aux.valid && aux.text == text) {
    for (const Tokenizer::AuxToken& a : aux.tokens) {
      const int rc = x_token(ctx, a.flags, aux.terms.data() + a.term_begin, static_cast<int>(a.term_size), a.begin,
                             a.end);
      if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
  }
  aux.valid = false;
  if (text.size() > Tokenizer::kMaxAuxRecord) {
    aux.text = std::string();  // gives the memory back
    aux.terms = std::string();
    aux.tokens = std::vector<Tokenizer::AuxToken>();
    return tokenize_text(t, text, Mode::document, ctx, x_token);
  }
  aux.text.assign(text);
  aux.terms.clear();
  aux.tokens.clear();
  struct Recorder {
    Tokenizer::AuxReplay* aux;
    void* ctx;
    XToken x_token;
  } recorder{&aux, ctx, x_token};
  auto record = [](void* r, int flags, const char* token, int size, int begin, int end) {
    auto* rec = static_cast<Recorder*>(r);
    const auto term_begin = static_cast<std::uint32_t>(rec->aux->terms.size());
    rec->aux->terms.append(token, static_cast<std::size_t>(size));
    rec->aux->tokens.push_back({flags, term_begin, static_cast<std::uint32_t>(size), begin, end});
    return rec->x_token(rec->ctx, flags, token, size, begin, end);
  };
  const int rc = tokenize_text(t, text, Mode::document, &recorder, record);
  aux.valid = rc == SQLITE_OK;
  return rc;
}

int x_create(void* context, const char** args, int count, Fts5Tokenizer** out) {
  *out = nullptr;
  try {
    TokenizerOptions options;
    std::string error;
    if (!parse_tokenizer_options(args, count, options, error)) {
      sqlite3_log(SQLITE_ERROR, "%s", error.c_str());
      return SQLITE_ERROR;
    }
    std::unique_ptr<UserLexicon> user;
    if (!options.user_lexicon.empty()) user = load_user_lexicon(options.user_lexicon);
    auto* t = new Tokenizer(std::move(options), std::move(user), static_cast<const Pretokenized*>(context));
    *out = reinterpret_cast<Fts5Tokenizer*>(t);
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception& e) {
    sqlite3_log(SQLITE_ERROR, "%s", e.what());
    return SQLITE_ERROR;
  }
}

void x_delete(Fts5Tokenizer* p) { delete reinterpret_cast<Tokenizer*>(p); }

int x_tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int size, XToken x_token) {
  if (p == nullptr) return SQLITE_MISUSE;
  Tokenizer& t = *reinterpret_cast<Tokenizer*>(p);
  const std::string_view input(text ? text : "", text && size > 0 ? static_cast<std::size_t>(size) : 0);
  try {
    if ((flags & FTS5_TOKENIZE_AUX) != 0) return tokenize_aux(t, input, ctx, x_token);
    if ((flags & FTS5_TOKENIZE_QUERY) == 0) return tokenize_text(t, input, Mode::document, ctx, x_token);
    if (input.starts_with(search::term_marker)) {
      // One stored term, without the marker (nothing when that is empty).
      const std::string_view stored = input.substr(search::term_marker.size());
      if (stored.empty()) return SQLITE_OK;
      const int m = static_cast<int>(search::term_marker.size());
      return x_token(ctx, 0, stored.data(), static_cast<int>(stored.size()), m, size);
    }
    if (input.starts_with(search::stem_marker)) {
      // One stored stem term, as it is (empty after the marker: nothing).
      if (input.size() == search::stem_marker.size()) return SQLITE_OK;
      return emit(x_token, ctx, 0, input, 0, input.size());
    }
    if (input.starts_with(search::exact_marker)) {
      // Offsets are into `text`: shift them past the marker.
      const std::string_view rest = input.substr(search::exact_marker.size());
      struct Shift {
        void* ctx;
        XToken x_token;
      } shift{ctx, x_token};
      auto shifted = [](void* s, int f, const char* tok, int n, int b, int e) {
        auto* sh = static_cast<Shift*>(s);
        const int m = static_cast<int>(search::exact_marker.size());
        return sh->x_token(sh->ctx, f, tok, n, b + m, e + m);
      };
      return tokenize_text(t, rest, Mode::query_exact, &shift, shifted, (flags & FTS5_TOKENIZE_PREFIX) != 0);
    }
    return tokenize_text(t, input, Mode::query_all, ctx, x_token, (flags & FTS5_TOKENIZE_PREFIX) != 0);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception& e) {
    sqlite3_log(SQLITE_ERROR, "kurdi tokenizer: %s", e.what());
    return SQLITE_ERROR;
  }
}

}  // namespace

fts5_api* fts5_api_of(sqlite3* db, std::string* error) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if (error) *error = std::string("kurdi: this SQLite has no FTS5: ") + sqlite3_errmsg(db);
    return nullptr;
  }
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  rc = sqlite3_finalize(stmt);
  if (rc != SQLITE_OK || api == nullptr || api->iVersion < 2) {
    if (error) *error = "kurdi: could not get the FTS5 API (fts5_api version 2 needed)";
    return nullptr;
  }
  return api;
}

int register_tokenizer(sqlite3* db, std::string* error) {
  fts5_api* api = fts5_api_of(db, error);
  if (api == nullptr) return SQLITE_ERROR;
  fts5_tokenizer tokenizer{x_create, x_delete, x_tokenize};
  // The connection's hand-off slot is the tokenizer's context: FTS5 gives it
  // to every x_create on this connection and destroys it when the
  // connection closes.
  Pretokenized* shared = nullptr;
  try {
    shared = new Pretokenized;
  } catch (const std::bad_alloc&) {
    if (error) *error = "kurdi: out of memory";
    return SQLITE_NOMEM;
  }
  auto destroy = [](void* p) { delete static_cast<Pretokenized*>(p); };
  const int rc = api->xCreateTokenizer(api, "kurdi", shared, &tokenizer, destroy);
  if (rc != SQLITE_OK) {
    delete shared;  // FTS5 calls the destructor only for a registered tokenizer
    if (error) *error = "kurdi: could not register the FTS5 tokenizer 'kurdi'";
  }
  return rc;
}

Pretokenized* pretokenized(sqlite3* db) {
  fts5_api* api = fts5_api_of(db, nullptr);
  if (api == nullptr) return nullptr;
  void* context = nullptr;
  fts5_tokenizer tokenizer{};
  if (api->xFindTokenizer(api, "kurdi", &context, &tokenizer) != SQLITE_OK) return nullptr;
  // Only this copy's x_create knows that its context is a Pretokenized.
  if (tokenizer.xCreate != &x_create) return nullptr;
  return static_cast<Pretokenized*>(context);
}

}  // namespace kurdi::sqlite
