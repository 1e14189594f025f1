// The C ABI over the C++ API. Every entry point catches everything: no C++
// exception crosses into a host.
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "kurdi.h"
#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/sentences.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "kurdi/version.hpp"

struct kurdi_token_list {
  kurdi::Tokens tokens;
};

struct kurdi_string_list {
  std::vector<std::string> strings;
};

// Analyses with every string the C view hands out stored NUL-terminated.
struct kurdi_analysis_list {
  struct Entry {
    kurdi::Analysis analysis;
    std::string upos, tags;             // tags: NUL-separated, in morpheme order
    std::vector<std::size_t> tag_offsets;
  };
  std::vector<Entry> entries;
};

namespace {

bool parse_options(const kurdi_normalize_options* o, kurdi::NormalizeOptions* out) {
  if (o == nullptr) return true;
  if (o->profile != nullptr) {
    const auto p = kurdi::parse_profile(o->profile);
    if (!p) return false;
    out->profile = *p;
  }
  if (o->digits != nullptr) {
    const std::string_view d = o->digits;
    if (d == "keep") out->digits = kurdi::DigitStyle::keep;
    else if (d == "ascii") out->digits = kurdi::DigitStyle::ascii;
    else if (d == "arabic-indic") out->digits = kurdi::DigitStyle::arabic_indic;
    else return false;
  }
  out->keep_harakat = o->keep_harakat != 0;
  return true;
}

template <typename F>
kurdi_status guarded(F&& f) noexcept {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return KURDI_ERROR_OUT_OF_MEMORY;
  } catch (...) {
    return KURDI_ERROR_INTERNAL;
  }
}

std::string_view view(const char* text, size_t len) {
  return len == 0 ? std::string_view() : std::string_view(text, len);
}

// Runs f(word) -> std::string and hands its result to the caller in a malloc'd,
// NUL-terminated buffer.
template <typename F>
kurdi_status string_result(const char* word, size_t len, char** out, size_t* out_len, F&& f) {
  if ((word == nullptr && len != 0) || out == nullptr || out_len == nullptr) return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  *out_len = 0;
  return guarded([&] {
    const std::string r = f(view(word, len));
    char* buf = static_cast<char*>(std::malloc(r.size() + 1));
    if (buf == nullptr) return KURDI_ERROR_OUT_OF_MEMORY;
    std::memcpy(buf, r.data(), r.size());
    buf[r.size()] = '\0';
    *out = buf;
    *out_len = r.size();
    return KURDI_OK;
  });
}

}  // namespace

extern "C" {

const char* kurdi_status_message(kurdi_status status) {
  switch (status) {
    case KURDI_OK: return "ok";
    case KURDI_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case KURDI_ERROR_OUT_OF_MEMORY: return "out of memory";
    case KURDI_ERROR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

const char* kurdi_version(void) {
  static const std::string v(kurdi::version());
  return v.c_str();
}

const char* kurdi_analyzer_version(void) {
  static const std::string v(kurdi::analyzer_version());
  return v.c_str();
}

kurdi_status kurdi_normalize(const char* text, size_t len, const kurdi_normalize_options* options,
                             char** out, size_t* out_len) {
  if ((text == nullptr && len != 0) || out == nullptr || out_len == nullptr)
    return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  *out_len = 0;
  kurdi::NormalizeOptions opts;
  if (!parse_options(options, &opts)) return KURDI_ERROR_INVALID_ARGUMENT;
  return guarded([&] {
    const std::string r = kurdi::normalize(view(text, len), opts);
    char* buf = static_cast<char*>(std::malloc(r.size() + 1));
    if (buf == nullptr) return KURDI_ERROR_OUT_OF_MEMORY;
    std::memcpy(buf, r.data(), r.size());
    buf[r.size()] = '\0';
    *out = buf;
    *out_len = r.size();
    return KURDI_OK;
  });
}

void kurdi_free(void* p) { std::free(p); }

kurdi_status kurdi_tokenize(const char* text, size_t len, const kurdi_normalize_options* options,
                            kurdi_token_list** out) {
  if ((text == nullptr && len != 0) || out == nullptr) return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  kurdi::TokenizeOptions opts;
  if (!parse_options(options, &opts.normalize)) return KURDI_ERROR_INVALID_ARGUMENT;
  return guarded([&] {
    auto* list = new kurdi_token_list;
    try {
      kurdi::tokenize(view(text, len), list->tokens, opts);
    } catch (...) {
      delete list;
      throw;
    }
    *out = list;
    return KURDI_OK;
  });
}

size_t kurdi_token_list_size(const kurdi_token_list* list) {
  return list == nullptr ? 0 : list->tokens.tokens.size();
}

kurdi_status kurdi_token_list_get(const kurdi_token_list* list, size_t i, kurdi_token* token) {
  if (list == nullptr || token == nullptr || i >= list->tokens.tokens.size())
    return KURDI_ERROR_INVALID_ARGUMENT;
  const kurdi::Token& t = list->tokens.tokens[i];
  const std::string_view norm = list->tokens.norm(t);
  token->begin = t.begin;
  token->end = t.end;
  token->norm = norm.data();
  token->norm_len = norm.size();
  token->type = kurdi::token_type_name(t.type).data();  // static, NUL-terminated literals
  return KURDI_OK;
}

void kurdi_token_list_free(kurdi_token_list* list) { delete list; }

kurdi_status kurdi_sentences(const char* text, size_t len, kurdi_span** spans, size_t* count) {
  if ((text == nullptr && len != 0) || spans == nullptr || count == nullptr)
    return KURDI_ERROR_INVALID_ARGUMENT;
  *spans = nullptr;
  *count = 0;
  return guarded([&] {
    const auto s = kurdi::sentences(view(text, len));
    auto* buf = static_cast<kurdi_span*>(std::malloc(sizeof(kurdi_span) * (s.empty() ? 1 : s.size())));
    if (buf == nullptr) return KURDI_ERROR_OUT_OF_MEMORY;
    for (std::size_t k = 0; k < s.size(); ++k) buf[k] = {s[k].begin, s[k].end};
    *spans = buf;
    *count = s.size();
    return KURDI_OK;
  });
}


kurdi_status kurdi_lemma(const char* word, size_t len, char** out, size_t* out_len) {
  return string_result(word, len, out, out_len, [](std::string_view w) { return kurdi::lemma(w); });
}

kurdi_status kurdi_lucene_stem(const char* word, size_t len, char** out, size_t* out_len) {
  return string_result(word, len, out, out_len, [](std::string_view w) { return kurdi::lucene_stem(w); });
}

kurdi_status kurdi_stems(const char* word, size_t len, kurdi_string_list** out) {
  if ((word == nullptr && len != 0) || out == nullptr) return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    auto* list = new kurdi_string_list{kurdi::stems(view(word, len))};
    *out = list;
    return KURDI_OK;
  });
}

kurdi_status kurdi_morpheme_tokenize(const char* text, size_t len, kurdi_string_list** out) {
  if ((text == nullptr && len != 0) || out == nullptr) return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    auto* list = new kurdi_string_list{kurdi::morpheme_tokenize(view(text, len))};
    *out = list;
    return KURDI_OK;
  });
}

size_t kurdi_string_list_size(const kurdi_string_list* list) { return list ? list->strings.size() : 0; }

const char* kurdi_string_list_get(const kurdi_string_list* list, size_t i, size_t* len) {
  if (list == nullptr || i >= list->strings.size()) return nullptr;
  if (len) *len = list->strings[i].size();
  return list->strings[i].c_str();
}

void kurdi_string_list_free(kurdi_string_list* list) { delete list; }

int kurdi_is_stopword(const char* word, size_t len, const char* list) {
  if (word == nullptr && len != 0) return -1;
  kurdi::StopwordList which = kurdi::StopwordList::search;
  if (list != nullptr) {
    const std::string_view name = list;
    if (name == "analytics") which = kurdi::StopwordList::analytics;
    else if (name != "search") return -1;
  }
  try {
    return kurdi::is_stopword(view(word, len), which) ? 1 : 0;
  } catch (...) {
    return -1;
  }
}

kurdi_status kurdi_analyze(const char* word, size_t len, kurdi_analysis_list** out) {
  if ((word == nullptr && len != 0) || out == nullptr) return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    auto* list = new kurdi_analysis_list;
    for (auto& a : kurdi::analyze(view(word, len))) {
      kurdi_analysis_list::Entry e;
      e.upos = std::string(a.upos);
      for (const auto& m : a.morphemes) {
        e.tag_offsets.push_back(e.tags.size());
        e.tags.append(m.tag);
        e.tags.push_back('\0');
      }
      e.analysis = std::move(a);
      list->entries.push_back(std::move(e));
    }
    *out = list;
    return KURDI_OK;
  });
}

size_t kurdi_analysis_list_size(const kurdi_analysis_list* list) { return list ? list->entries.size() : 0; }

kurdi_status kurdi_analysis_list_get(const kurdi_analysis_list* list, size_t i, kurdi_analysis* analysis) {
  if (list == nullptr || analysis == nullptr || i >= list->entries.size()) return KURDI_ERROR_INVALID_ARGUMENT;
  const auto& e = list->entries[i];
  const kurdi::Analysis& a = e.analysis;
  analysis->form = a.form.c_str();
  analysis->form_len = a.form.size();
  analysis->lemma = a.lemma.c_str();
  analysis->lemma_len = a.lemma.size();
  analysis->upos = e.upos.c_str();
  analysis->features = a.features.c_str();
  analysis->stem = a.stem.c_str();
  analysis->stem_len = a.stem.size();
  analysis->known = a.known ? 1 : 0;
  analysis->cost = a.cost;
  analysis->morpheme_count = a.morphemes.size();
  return KURDI_OK;
}

kurdi_status kurdi_analysis_list_morpheme(const kurdi_analysis_list* list, size_t i, size_t j,
                                          kurdi_morpheme* morpheme) {
  if (list == nullptr || morpheme == nullptr || i >= list->entries.size()) return KURDI_ERROR_INVALID_ARGUMENT;
  const auto& e = list->entries[i];
  if (j >= e.analysis.morphemes.size()) return KURDI_ERROR_INVALID_ARGUMENT;
  morpheme->begin = e.analysis.morphemes[j].begin;
  morpheme->end = e.analysis.morphemes[j].end;
  morpheme->tag = e.tags.c_str() + e.tag_offsets[j];
  return KURDI_OK;
}

void kurdi_analysis_list_free(kurdi_analysis_list* list) { delete list; }

kurdi_status kurdi_transliterate(const char* text, size_t len, const char* to, const char* scheme,
                                 char** out, size_t* out_len) {
  return kurdi_transliterate_flags(text, len, to, scheme, 0u, out, out_len);
}

kurdi_status kurdi_transliterate_flags(const char* text, size_t len, const char* to,
                                       const char* scheme, unsigned flags, char** out,
                                       size_t* out_len) {
  if ((text == nullptr && len != 0) || out == nullptr || out_len == nullptr)
    return KURDI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  *out_len = 0;
  constexpr unsigned kKnownFlags = KURDI_TRANSLIT_CAPITALIZE | KURDI_TRANSLIT_NO_EXCEPTIONS;
  if ((flags & ~kKnownFlags) != 0) return KURDI_ERROR_INVALID_ARGUMENT;
  kurdi::TransliterateOptions opts;
  opts.capitalize = (flags & KURDI_TRANSLIT_CAPITALIZE) != 0;
  opts.exceptions = (flags & KURDI_TRANSLIT_NO_EXCEPTIONS) == 0;
  if (to != nullptr) {
    const auto s = kurdi::parse_script(to);
    if (!s) return KURDI_ERROR_INVALID_ARGUMENT;
    opts.to = *s;
  }
  if (scheme != nullptr) {
    const auto s = kurdi::parse_latin_scheme(scheme);
    if (!s) return KURDI_ERROR_INVALID_ARGUMENT;
    opts.scheme = *s;
  }
  return guarded([&] {
    const std::string r = kurdi::transliterate(view(text, len), opts);
    char* buf = static_cast<char*>(std::malloc(r.size() + 1));
    if (buf == nullptr) return KURDI_ERROR_OUT_OF_MEMORY;
    std::memcpy(buf, r.data(), r.size());
    buf[r.size()] = '\0';
    *out = buf;
    *out_len = r.size();
    return KURDI_OK;
  });
}

}  // extern "C"
