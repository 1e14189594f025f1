/* kurdi: the stable C ABI. No function throws or aborts on bad input; every
 * function that can fail returns a kurdi_status. Memory returned by the
 * library is released with the matching *_free function. Strings are UTF-8
 * with an explicit length; they need not be NUL-terminated, and a NUL byte
 * inside is ordinary text. */
#ifndef KURDI_H
#define KURDI_H

#include <stddef.h>

#if defined(KURDI_SHARED_BUILD)
#define KURDI_API __attribute__((visibility("default")))
#else
#define KURDI_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kurdi_status {
  KURDI_OK = 0,
  KURDI_ERROR_INVALID_ARGUMENT = 1, /* NULL pointer, unknown profile name, ... */
  KURDI_ERROR_OUT_OF_MEMORY = 2,
  KURDI_ERROR_INTERNAL = 3
} kurdi_status;

/* Short English description of a status code. Never NULL. */
KURDI_API const char* kurdi_status_message(kurdi_status status);

/* "0.1.0" and the analyzer version "0.1.0+<hash>"; static strings. */
KURDI_API const char* kurdi_version(void);
KURDI_API const char* kurdi_analyzer_version(void);

typedef struct kurdi_normalize_options {
  const char* profile; /* "standard" (default when NULL) or "search" */
  const char* digits;  /* NULL (profile default), "keep", "ascii", "arabic-indic" */
  int keep_harakat;    /* nonzero keeps vowel marks */
} kurdi_normalize_options;

/* Normalizes text[0..len). On success *out is a NUL-terminated buffer of
 * *out_len bytes (the NUL not counted) to release with kurdi_free.
 * options may be NULL (standard profile). */
KURDI_API kurdi_status kurdi_normalize(const char* text, size_t len,
                                       const kurdi_normalize_options* options, char** out,
                                       size_t* out_len);
KURDI_API void kurdi_free(void* p);

typedef struct kurdi_token {
  size_t begin;     /* byte offsets into the original text */
  size_t end;
  const char* norm; /* normalized form, norm_len bytes, owned by the token list */
  size_t norm_len;
  const char* type; /* "word", "latin", "number", ... (static string) */
} kurdi_token;

typedef struct kurdi_token_list kurdi_token_list;

/* Tokenizes text[0..len) with the standard profile (options may be NULL). */
KURDI_API kurdi_status kurdi_tokenize(const char* text, size_t len,
                                      const kurdi_normalize_options* options,
                                      kurdi_token_list** out);
KURDI_API size_t kurdi_token_list_size(const kurdi_token_list* list);
/* Fills *token with token i; KURDI_ERROR_INVALID_ARGUMENT when i is out of range. */
KURDI_API kurdi_status kurdi_token_list_get(const kurdi_token_list* list, size_t i,
                                            kurdi_token* token);
KURDI_API void kurdi_token_list_free(kurdi_token_list* list);

typedef struct kurdi_span {
  size_t begin;
  size_t end;
} kurdi_span;

/* Sentence spans of text[0..len). *spans (release with kurdi_free) holds *count entries. */
KURDI_API kurdi_status kurdi_sentences(const char* text, size_t len, kurdi_span** spans,
                                       size_t* count);


/* ---- morphology ------------------------------------------------------------
 * Words are analysed after standard-profile normalization; offsets in an
 * analysis are byte offsets into its normalized form. */

/* The best lemma of word[0..len) (UniMorph convention; an unknown word gives
 * its normalized form). *out: NUL-terminated, *out_len bytes, kurdi_free. */
KURDI_API kurdi_status kurdi_lemma(const char* word, size_t len, char** out, size_t* out_len);

typedef struct kurdi_string_list kurdi_string_list;
KURDI_API size_t kurdi_string_list_size(const kurdi_string_list* list);
/* String i (NUL-terminated, owned by the list); NULL when i is out of range. */
KURDI_API const char* kurdi_string_list_get(const kurdi_string_list* list, size_t i, size_t* len);
KURDI_API void kurdi_string_list_free(kurdi_string_list* list);

/* The search stems of word[0..len), best first (several for an ambiguous
 * form; the normalized form for an unknown word). */
KURDI_API kurdi_status kurdi_stems(const char* word, size_t len, kurdi_string_list** out);

/* The morpheme tokens of text[0..len) (kurdi::morpheme_tokenize): its
 * tokens line by line, each word split into morpheme tokens read with the
 * words around it, as `kurdi tokenize --morphemes` prints them without the
 * line breaks. */
KURDI_API kurdi_status kurdi_morpheme_tokenize(const char* text, size_t len, kurdi_string_list** out);

/* Lucene's Sorani stemmer (kurdi::lucene_stem): the one stem Lucene 8 gives
 * for the standard-normalized word. *out: NUL-terminated, *out_len bytes,
 * kurdi_free. */
KURDI_API kurdi_status kurdi_lucene_stem(const char* word, size_t len, char** out, size_t* out_len);

/* 1 when word[0..len) is on the stopword list `list` ("search", the small
 * list, when NULL; or "analytics", the broad one), 0 when not, -1 for an
 * unknown list name or a NULL word with a nonzero length. */
KURDI_API int kurdi_is_stopword(const char* word, size_t len, const char* list);

typedef struct kurdi_analysis {
  const char* form; /* the normalized word; all strings owned by the list */
  size_t form_len;
  const char* lemma;
  size_t lemma_len;
  const char* upos;     /* "NOUN", "VERB", ... */
  const char* features; /* UniMorph bundle, e.g. "N;DEF;PL;LGSPEC1" */
  const char* stem;
  size_t stem_len;
  int known;            /* nonzero: the stem is a lexicon entry */
  float cost;           /* ranking cost, lower is better */
  size_t morpheme_count;
} kurdi_analysis;

typedef struct kurdi_morpheme {
  size_t begin; /* byte range of the normalized form */
  size_t end;
  const char* tag; /* "stem", "preverb", "DEF.PL", ... (docs/morphology.md) */
} kurdi_morpheme;

typedef struct kurdi_analysis_list kurdi_analysis_list;
/* Every analysis of word[0..len), best first (empty for an empty word). */
KURDI_API kurdi_status kurdi_analyze(const char* word, size_t len, kurdi_analysis_list** out);
KURDI_API size_t kurdi_analysis_list_size(const kurdi_analysis_list* list);
KURDI_API kurdi_status kurdi_analysis_list_get(const kurdi_analysis_list* list, size_t i,
                                               kurdi_analysis* analysis);
KURDI_API kurdi_status kurdi_analysis_list_morpheme(const kurdi_analysis_list* list, size_t i,
                                                    size_t j, kurdi_morpheme* morpheme);
KURDI_API void kurdi_analysis_list_free(kurdi_analysis_list* list);

/* Transliteration (docs/transliteration.md). `to` is "latn" (Sorani Arabic
 * script -> Latin), "arab" (Latin -> Arabic script) or "ipa"; NULL means
 * "latn". `scheme` is "hawar", "simplified" or "ascii" (for "latn"); NULL
 * means "hawar". *out: NUL-terminated, *out_len bytes, release with kurdi_free.
 * An unknown `to` or `scheme` gives KURDI_ERROR_INVALID_ARGUMENT. */
KURDI_API kurdi_status kurdi_transliterate(const char* text, size_t len, const char* to,
                                           const char* scheme, char** out, size_t* out_len);

/* Flags of kurdi_transliterate_flags, OR-ed together. */
/* "latn": capitalise the first letter of each sentence (CLI --capitalize). */
#define KURDI_TRANSLIT_CAPITALIZE 1u
/* "latn", "ipa": read every word by the syllable rules alone, without the
 * exception lexicon (CLI --no-exceptions; for evaluation). */
#define KURDI_TRANSLIT_NO_EXCEPTIONS 2u

/* kurdi_transliterate with flags; flags 0 is kurdi_transliterate. A flag bit
 * this version does not know gives KURDI_ERROR_INVALID_ARGUMENT (so a caller
 * built against a newer header learns that an older library ignores nothing). */
KURDI_API kurdi_status kurdi_transliterate_flags(const char* text, size_t len, const char* to,
                                                 const char* scheme, unsigned flags, char** out,
                                                 size_t* out_len);

#ifdef __cplusplus
}
#endif

#endif /* KURDI_H */
