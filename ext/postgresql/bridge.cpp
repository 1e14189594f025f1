// The C++ side of the PostgreSQL host (bridge.h): calls the kurdi core and
// copies results into memory from the caller's allocator. No PostgreSQL
// header is included here, so no PostgreSQL error can be raised from C++
// code, and every function catches every exception.
#include "bridge.h"

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/record_cache.hpp"
#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "kurdi/version.hpp"


namespace {

// A bad argument: its message goes to the user as it is.
struct Invalid : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void set_status(kp_status* status, int code, std::string_view message) {
  if (status == nullptr) return;
  status->code = code;
  const std::size_t n = std::min(message.size(), sizeof status->message - 1);
  std::memcpy(status->message, message.data(), n);
  status->message[n] = '\0';
}

// Runs `body`, turning every exception into a status.
template <typename F>
int guarded(kp_status* status, F&& body) noexcept {
  try {
    body();
    set_status(status, KP_OK, "");
    return KP_OK;
  } catch (const Invalid& e) {
    set_status(status, KP_INVALID, e.what());
    return KP_INVALID;
  } catch (const std::invalid_argument& e) {
    set_status(status, KP_INVALID, e.what());
    return KP_INVALID;
  } catch (const std::bad_alloc&) {
    set_status(status, KP_NOMEM, "out of memory");
    return KP_NOMEM;
  } catch (const std::exception& e) {
    set_status(status, KP_INTERNAL, e.what());
    return KP_INTERNAL;
  } catch (...) {
    set_status(status, KP_INTERNAL, "unknown exception");
    return KP_INTERNAL;
  }
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view p : parts) out.append(p);
  return out;
}

void* allocate(kp_alloc_fn alloc, std::size_t size) {
  void* p = alloc(size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void copy_out(kp_alloc_fn alloc, std::string_view s, kp_string* out) {
  auto* p = static_cast<char*>(allocate(alloc, s.size() + 1));
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  out->data = p;
  out->len = s.size();
}

std::unique_ptr<kurdi::UserLexicon> load_user_lexicon(const char* path) {
  try {
    return std::make_unique<kurdi::UserLexicon>(kurdi::UserLexicon::load(path));
  } catch (const std::invalid_argument& e) {
    throw Invalid(e.what());
  }
}

// ---- tsquery rendering -------------------------------------------------

// A lexeme as tsquery input: quoted, with ' and \ escaped.
void append_lexeme(std::string& out, std::string_view lexeme) {
  out.push_back('\'');
  for (const char c : lexeme) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

bool is_stop(const kurdi::search::QueryWord& w) {
  return w.type == kurdi::TokenType::word &&
         kurdi::is_stopword(w.form, kurdi::StopwordList::search);
}

// One query word: its terms as the dictionary kurdi_sorani stores them
// (forms, and stem terms with the core's marker), ORed; for a stopword only
// its stem terms other than itself, all the dictionary keeps of one
// (lexize_uncached).
// `prefix`: the form only, as a prefix. Returns false when nothing is left.
bool append_word(std::string& out, const kurdi::search::QueryWord& w, bool prefix) {
  if (prefix) {
    append_lexeme(out, w.form);
    out.append(":*");
    return true;
  }
  const bool stop = is_stop(w);
  std::vector<std::string> terms;
  for (const kurdi::search::Term& t : w.terms) {
    if (t.exact && t.derived) continue;  // not stored: documents keep stems as stem terms
    if (stop && (t.exact || t.text == w.form)) continue;
    std::string s = kurdi::search::stored_term(t);
    if (std::find(terms.begin(), terms.end(), s) == terms.end()) terms.push_back(std::move(s));
  }
  if (terms.empty()) return false;
  if (terms.size() > 1) out.push_back('(');
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) out.append(" | ");
    append_lexeme(out, terms[i]);
  }
  if (terms.size() > 1) out.push_back(')');
  return true;
}

// A word or a phrase. Stopwords with no stem term (the sorani configuration
// stores nothing of them) are left out but keep their position, as
// phraseto_tsquery does: the distance to the next word grows by one for
// each. Returns false when nothing is left.
bool append_item(std::string& out, const kurdi::search::QueryItem& item) {
  std::string text;
  int gap = 0;
  bool any = false;
  for (std::size_t i = 0; i < item.words.size(); ++i) {
    const auto& w = item.words[i];
    const bool last = i + 1 == item.words.size();
    const bool prefix = item.prefix && last;
    std::string word;
    if (!append_word(word, w, prefix)) {
      if (any) ++gap;
      continue;
    }
    if (any) {
      text.append(gap == 0 ? " <-> " : " <" + std::to_string(gap + 1) + "> ");
    }
    text.append(word);
    any = true;
    gap = 0;
  }
  if (!any) return false;
  out.push_back('(');
  out.append(text);
  out.push_back(')');
  return true;
}

std::string render_tsquery(const kurdi::search::Query& q) {
  std::string out;
  for (const kurdi::search::QueryGroup& g : q.all) {
    std::string group;
    int items = 0;
    for (const kurdi::search::QueryItem& item : g.any) {
      std::string one;
      if (!append_item(one, item)) continue;
      if (items++ > 0) group.append(" | ");
      group.append(one);
    }
    if (items == 0) continue;
    if (!out.empty()) out.append(" & ");
    if (items > 1) out.push_back('(');
    out.append(group);
    if (items > 1) out.push_back(')');
  }
  if (out.empty()) return out;  // nothing to search for (exclusions alone match nothing)
  for (const kurdi::search::QueryItem& item : q.excluded) {
    std::string one;
    if (!append_item(one, item)) continue;
    out.append(" & !");
    out.append(one);
  }
  return out;
}

int token_id(kurdi::TokenType type) noexcept {
  using kurdi::TokenType;
  switch (type) {
    case TokenType::word: return KP_TOK_WORD;
    case TokenType::latin: return KP_TOK_LATIN;
    case TokenType::number: return KP_TOK_NUMBER;
    case TokenType::date: return KP_TOK_DATE;
    case TokenType::time: return KP_TOK_TIME;
    case TokenType::url: return KP_TOK_URL;
    case TokenType::email: return KP_TOK_EMAIL;
    case TokenType::hashtag: return KP_TOK_HASHTAG;
    case TokenType::mention: return KP_TOK_MENTION;
    case TokenType::emoji: return KP_TOK_EMOJI;
    case TokenType::punct: return KP_TOK_PUNCT;
    case TokenType::symbol: return KP_TOK_SYMBOL;
    case TokenType::suffix: return KP_TOK_SUFFIX;
    case TokenType::other: return KP_TOK_OTHER;
  }
  return KP_TOK_OTHER;
}

struct TokenInfo {
  int id;
  const char* description;
};

constexpr TokenInfo kTokenInfo[] = {
    {KP_TOK_WORD, "Arabic-script word (Sorani), ZWNJ and vowel marks inside"},
    {KP_TOK_LATIN, "Latin-script word (Hawar Kurdish, English, ...)"},
    {KP_TOK_NUMBER, "Number (ASCII, Arabic-Indic or Persian digits)"},
    {KP_TOK_EMAIL, "E-mail address"},
    {KP_TOK_URL, "URL"},
    {KP_TOK_DATE, "Date"},
    {KP_TOK_TIME, "Time of day"},
    {KP_TOK_HASHTAG, "Hashtag"},
    {KP_TOK_BLANK, "Space and other separators"},
    {KP_TOK_MENTION, "Mention (@name)"},
    {KP_TOK_EMOJI, "Emoji sequence"},
    {KP_TOK_PUNCT, "Punctuation"},
    {KP_TOK_SYMBOL, "Symbol"},
    {KP_TOK_SUFFIX, "Letters glued to a number (the suffix of 1999-da)"},
    {KP_TOK_OTHER, "Anything else"},
};

}  // namespace

// ---- dictionary state ----------------------------------------------------

// What one token gave, kept by its text as written (kurdi::RecordCache):
// running text repeats its words (Zipf), so most tokens cost one hash lookup
// instead of normalizing, tokenizing and expanding them again. No
// linguistics here: only the core's results, remembered. A record is the
// lexize result (1 byte), then each term followed by a NUL byte.
struct kp_dict {
  kp_dict_config config{};
  std::unique_ptr<kurdi::UserLexicon> user;  // before the expander, which points to it
  kurdi::search::Expander expander;
  kurdi::TokenizeOptions tokenize_options;
  kurdi::Tokens tokens;
  // Bounded: at most config.cache_words token texts, so a backend's memory
  // stays bounded however much text it analyses.
  kurdi::RecordCache cache;
  std::string record;  // the record of a token being lexized

  kp_dict(const kp_dict_config& c, std::unique_ptr<kurdi::UserLexicon> u)
      : config(c), user(std::move(u)), expander(user.get(), 256),
        cache(static_cast<std::size_t>(std::max(c.cache_words, 2))) {
    config.user_lexicon_path = nullptr;  // not kept: the caller owns it
    tokenize_options = kurdi::search::search_tokenize_options();
    if (!config.search_profile) tokenize_options.normalize.profile = kurdi::Profile::standard;
  }
};

namespace {

// The record of one token text, computed by the core (kp_dict_lexize caches it).
void lexize_uncached(kp_dict& d, std::string_view text, std::string& out) {
  kurdi::tokenize(text, d.tokens, d.tokenize_options);
  std::vector<std::string> terms;
  auto add = [&](std::string s) {
    if (std::find(terms.begin(), terms.end(), s) == terms.end()) terms.push_back(std::move(s));
  };
  std::size_t indexed = 0;
  std::size_t stops = 0;
  for (const kurdi::Token& t : d.tokens.tokens) {
    if (!kurdi::search::is_indexed(t.type)) continue;
    ++indexed;
    const std::string_view form = d.tokens.norm(t);
    // A stopword's form is not stored, but its stem terms other than itself
    // are: the list holds verb forms (کرد, دەکات of کردن), and without them
    // a query for the verb missed its most common forms, which every other
    // host finds. A function word (لە, و) is its own stem: left out whole.
    const bool stop = t.type == kurdi::TokenType::word && d.config.stopwords != KP_STOP_NONE &&
                      kurdi::is_stopword(form, d.config.stopwords == KP_STOP_SEARCH
                                                   ? kurdi::StopwordList::search
                                                   : kurdi::StopwordList::analytics);
    if (stop) {
      const std::size_t before = terms.size();
      if (d.config.stems) {
        for (const kurdi::search::Term& term : d.expander.query_terms(form, t.type))
          if (!term.exact && term.text != form) add(kurdi::search::stored_term(term));
      }
      if (terms.size() == before) ++stops;
      continue;
    }
    // Words are analysed unless stems are off; Latin words only for their
    // Arabic-script readings; other tokens are their form.
    const bool analysed = (t.type == kurdi::TokenType::word && d.config.stems) ||
                          (t.type == kurdi::TokenType::latin && d.config.readings);
    if (!analysed) {
      add(std::string(form));
      continue;
    }
    for (const kurdi::search::Term& term : d.expander.query_terms(form, t.type)) {
      if (term.exact && term.derived) continue;  // stems are stored as stem terms
      if (!term.exact && !d.config.stems) continue;
      add(kurdi::search::stored_term(term));
    }
  }
  out.clear();
  if (indexed == 0 || terms.empty()) {
    out.push_back(static_cast<char>(indexed > 0 && stops > 0 ? KP_LEX_STOP : KP_LEX_UNKNOWN));
    return;
  }
  out.push_back(static_cast<char>(KP_LEX_TERMS));
  for (const std::string& term : terms) {
    out.append(term);
    out.push_back('\0');
  }
}

}  // namespace

extern "C" {

int kp_normalize(const char* text, size_t len, const char* profile, kp_alloc_fn alloc,
                 kp_string* out, kp_status* status) {
  return guarded(status, [&] {
    kurdi::NormalizeOptions options;
    if (profile != nullptr) {
      const auto p = kurdi::parse_profile(profile);
      if (!p) throw Invalid(cat({"profile must be 'standard' or 'search', not '", profile, "'"}));
      options.profile = *p;
    }
    copy_out(alloc, kurdi::normalize(std::string_view(text, len), options), out);
  });
}

int kp_stem(const char* word, size_t len, kp_alloc_fn alloc, kp_string* out, kp_status* status) {
  return guarded(status, [&] {
    const std::vector<std::string> stems = kurdi::stems(std::string_view(word, len));
    copy_out(alloc, stems.empty() ? std::string_view{} : std::string_view(stems.front()), out);
  });
}

int kp_lemma(const char* word, size_t len, kp_alloc_fn alloc, kp_string* out, kp_status* status) {
  return guarded(status, [&] { copy_out(alloc, kurdi::lemma(std::string_view(word, len)), out); });
}

int kp_tokens_json(const char* text, size_t len, kp_alloc_fn alloc, kp_string* out,
                   kp_status* status) {
  return guarded(status, [&] {
    kurdi::search::Expander expander(nullptr, 1024);
    const std::string json = kurdi::search::tokens_json(std::string_view(text, len), expander);
    copy_out(alloc, json, out);
  });
}

int kp_translit(const char* text, size_t len, const char* to, const char* scheme,
                kp_alloc_fn alloc, kp_string* out, kp_status* status) {
  return guarded(status, [&] {
    kurdi::TransliterateOptions options;
    const auto script = kurdi::parse_script(to ? to : "");
    if (!script) {
      throw Invalid(cat({"target must be 'latn', 'arab' or 'ipa', not '", to ? to : "", "'"}));
    }
    options.to = *script;
    if (scheme != nullptr) {
      const auto s = kurdi::parse_latin_scheme(scheme);
      if (!s) {
        throw Invalid(cat({"scheme must be 'hawar', 'simplified' or 'ascii', not '", scheme, "'"}));
      }
      options.scheme = *s;
    }
    copy_out(alloc, kurdi::transliterate(std::string_view(text, len), options), out);
  });
}

int kp_version(const char* what, const char* user_lexicon_path, kp_alloc_fn alloc, kp_string* out,
               kp_status* status) {
  return guarded(status, [&] {
    const std::string_view w = what ? what : "";
    if (what == nullptr) {
      copy_out(alloc,
               cat({kurdi::version(), " (analyzer ", kurdi::analyzer_version(), ")"}), out);
    } else if (w == "library") {
      copy_out(alloc, kurdi::version(), out);
    } else if (w == "analyzer") {
      if (user_lexicon_path == nullptr) {
        copy_out(alloc, kurdi::analyzer_version(), out);
      } else {
        const auto user = load_user_lexicon(user_lexicon_path);
        copy_out(alloc, kurdi::analyzer_version(user.get()), out);
      }
    } else {
      throw Invalid("the argument must be 'library' or 'analyzer'");
    }
  });
}

int kp_query(const char* text, size_t len, kp_alloc_fn alloc, kp_string* out, int* exclusions_only,
             kp_status* status) {
  return guarded(status, [&] {
    kurdi::search::Expander expander(nullptr, 1024);
    const kurdi::search::Query q = kurdi::search::parse_query(std::string_view(text, len), expander);
    *exclusions_only = q.exclusions_only() ? 1 : 0;
    copy_out(alloc, render_tsquery(q), out);
  });
}

int kp_parse(const char* text, size_t len, kp_alloc_fn alloc, kp_span** spans, size_t* count,
             kp_status* status) {
  *spans = nullptr;
  *count = 0;
  return guarded(status, [&] {
    const std::string_view input(text, len);
    const kurdi::Tokens tokens = kurdi::tokenize(input, kurdi::search::search_tokenize_options());
    // Tokens, and a blank span for each gap between them: at most 2n + 1 spans.
    const std::size_t capacity = 2 * tokens.tokens.size() + 1;
    auto* out = static_cast<kp_span*>(allocate(alloc, capacity * sizeof(kp_span)));
    std::size_t n = 0;
    std::size_t at = 0;
    auto add = [&](int type, std::size_t begin, std::size_t end) {
      out[n++] = kp_span{type, static_cast<int>(begin), static_cast<int>(end - begin)};
    };
    for (const kurdi::Token& t : tokens.tokens) {
      if (t.begin < at || t.end > len || t.end <= t.begin) continue;  // never overlap
      if (t.begin > at) add(KP_TOK_BLANK, at, t.begin);
      add(token_id(t.type), t.begin, t.end);
      at = t.end;
    }
    if (at < len) add(KP_TOK_BLANK, at, len);
    *spans = out;
    *count = n;
  });
}

const char* kp_token_name(int id) {
  if (id == KP_TOK_BLANK) return "blank";
  for (int t = 0; t <= static_cast<int>(kurdi::TokenType::other); ++t) {
    const auto type = static_cast<kurdi::TokenType>(t);
    if (token_id(type) == id) return kurdi::token_type_name(type).data();
  }
  return nullptr;
}

const char* kp_token_description(int id) {
  for (const TokenInfo& info : kTokenInfo) {
    if (info.id == id) return info.description;
  }
  return nullptr;
}

int kp_dict_new(const kp_dict_config* config, kp_dict** out, kp_status* status) {
  *out = nullptr;
  return guarded(status, [&] {
    std::unique_ptr<kurdi::UserLexicon> user;
    if (config->user_lexicon_path != nullptr) user = load_user_lexicon(config->user_lexicon_path);
    *out = new kp_dict(*config, std::move(user));
  });
}

void kp_dict_free(kp_dict* dict) { delete dict; }

int kp_dict_lexize(kp_dict* dict, const char* token, size_t len, kp_alloc_fn alloc, int* result,
                   char*** terms, size_t* count, kp_status* status) {
  *result = KP_LEX_UNKNOWN;
  *terms = nullptr;
  *count = 0;
  return guarded(status, [&] {
    kp_dict& d = *dict;
    const std::string_view text(token, len);
    const std::uint64_t h = d.cache.hash_of(text);
    std::string_view record;
    if (auto hit = d.cache.find(text, h)) {
      record = *hit;
    } else {
      lexize_uncached(d, text, d.record);
      record = d.cache.insert(text, h, d.record);
    }
    *result = static_cast<unsigned char>(record.front());
    if (*result != KP_LEX_TERMS) return;
    record.remove_prefix(1);
    const auto n = static_cast<std::size_t>(std::count(record.begin(), record.end(), '\0'));
    // Each term in its own allocation: PostgreSQL frees lexemes one by one
    // (make_tsvector pfree()s every word).
    auto** list = static_cast<char**>(allocate(alloc, n * sizeof(char*)));
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t end = record.find('\0');
      kp_string s{};
      copy_out(alloc, record.substr(0, end), &s);
      list[i] = s.data;
      record.remove_prefix(end + 1);
    }
    *terms = list;
    *count = n;
  });
}

}  // extern "C"
