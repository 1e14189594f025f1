/*
 * The boundary between PostgreSQL (C, kurdi_pg.c) and the kurdi core (C++,
 * bridge.cpp). Nothing here is a C++ type and nothing here can raise a
 * PostgreSQL error or let a C++ exception out:
 *
 *   - every kp_* function is noexcept: it catches everything and reports a
 *     status and a message in a kp_status;
 *   - when a kp_* function returns, every C++ object it made is destroyed,
 *     except the dictionary state (kp_dict), which PostgreSQL owns through a
 *     memory-context reset callback that calls kp_dict_free;
 *   - results are written into memory from the caller's kp_alloc, which never
 *     raises (kurdi_pg.c uses palloc_extended with MCXT_ALLOC_NO_OOM), so no
 *     PostgreSQL longjmp can skip a C++ destructor.
 *
 * kurdi_pg.c calls ereport() only after a kp_* function has returned.
 */
#ifndef KURDI_PG_BRIDGE_H
#define KURDI_PG_BRIDGE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Memory for results: returns NULL on failure, never raises. */
typedef void *(*kp_alloc_fn)(size_t size);

enum kp_code
{
	KP_OK = 0,
	KP_INVALID = 1,				/* a bad argument: message says which */
	KP_NOMEM = 2,
	KP_INTERNAL = 3				/* an unexpected C++ exception: message has its what() */
};

typedef struct kp_status
{
	int			code;
	char		message[512];
} kp_status;

/* A string in memory from kp_alloc (NUL-terminated; len excludes the NUL). */
typedef struct kp_string
{
	char	   *data;
	size_t		len;
} kp_string;

/* ---- SQL functions --------------------------------------------------- */

/* profile: "standard", "search", or NULL for standard. */
int			kp_normalize(const char *text, size_t len, const char *profile, kp_alloc_fn alloc,
						 kp_string *out, kp_status *status);
int			kp_stem(const char *word, size_t len, kp_alloc_fn alloc, kp_string *out,
					kp_status *status);
int			kp_lemma(const char *word, size_t len, kp_alloc_fn alloc, kp_string *out,
					 kp_status *status);
/* JSON text, the format of the SQLite host's kurdi_tokens. */
int			kp_tokens_json(const char *text, size_t len, kp_alloc_fn alloc, kp_string *out,
						   kp_status *status);
/* to: "latn", "arab", "ipa"; scheme: "hawar", "simplified", "ascii" or NULL. */
int			kp_translit(const char *text, size_t len, const char *to, const char *scheme,
						kp_alloc_fn alloc, kp_string *out, kp_status *status);
/* what: NULL (both), "library" or "analyzer"; user_lexicon_path: NULL or a file. */
int			kp_version(const char *what, const char *user_lexicon_path, kp_alloc_fn alloc,
					   kp_string *out, kp_status *status);
/* The user query rendered as tsquery input text (every lexeme quoted); an
 * empty string when nothing is left to search for. *exclusions_only tells
 * whether the query had only excluded words. */
int			kp_query(const char *text, size_t len, kp_alloc_fn alloc, kp_string *out,
					 int *exclusions_only, kp_status *status);

/* ---- the text search parser ------------------------------------------ */

/* Token type ids of the parser `kurdi` (docs/postgresql.md, "Token types").
 * They avoid the ids that PostgreSQL's built-in headline function
 * prsd_headline treats specially (13 tag, 14 protocol, 5, 15-17 skipped
 * parts, 23 entity), and `blank` is 12, the id prsd_headline knows as space. */
enum kp_token_id
{
	KP_TOK_WORD = 1,
	KP_TOK_LATIN = 2,
	KP_TOK_NUMBER = 3,
	KP_TOK_EMAIL = 4,
	KP_TOK_URL = 6,
	KP_TOK_DATE = 9,
	KP_TOK_TIME = 10,
	KP_TOK_HASHTAG = 11,
	KP_TOK_BLANK = 12,
	KP_TOK_MENTION = 18,
	KP_TOK_EMOJI = 19,
	KP_TOK_PUNCT = 24,
	KP_TOK_SYMBOL = 25,
	KP_TOK_SUFFIX = 26,
	KP_TOK_OTHER = 27,
	KP_TOK_LAST = 27
};

typedef struct kp_span
{
	int			type;			/* a kp_token_id */
	int			begin;			/* byte offset into the parsed text */
	int			len;
} kp_span;

/* Every byte of the text in order: the core's tokens, and the gaps between
 * them as KP_TOK_BLANK spans. *spans is from alloc (NULL when count is 0). */
int			kp_parse(const char *text, size_t len, kp_alloc_fn alloc, kp_span **spans,
					 size_t *count, kp_status *status);

/* Name of a token type id ("word", "latin", ..., "blank"); NULL if unknown. */
const char *kp_token_name(int id);
const char *kp_token_description(int id);

/* ---- the dictionary template ------------------------------------------ */

enum kp_stopwords
{
	KP_STOP_NONE = 0,
	KP_STOP_SEARCH = 1,
	KP_STOP_ANALYTICS = 2
};

typedef struct kp_dict_config
{
	int			stems;			/* 1: stems and lemmas as variants */
	int			stopwords;		/* a kp_stopwords */
	int			search_profile;	/* 1: search profile, 0: standard */
	int			readings;		/* 1: Arabic-script readings of Latin words */
	const char *user_lexicon_path;	/* NULL or a file */
	int			cache_words;	/* token texts whose terms are remembered */
} kp_dict_config;

typedef struct kp_dict kp_dict;

int			kp_dict_new(const kp_dict_config *config, kp_dict **out, kp_status *status);
void		kp_dict_free(kp_dict *dict);

enum kp_lexize_result
{
	KP_LEX_UNKNOWN = 0,			/* no indexed token: not recognized */
	KP_LEX_STOP = 1,			/* a stopword */
	KP_LEX_TERMS = 2			/* *terms holds count strings */
};

/* The terms of one token: its form, the Arabic-script forms of a Latin
 * word (readings on), and its stem terms (stems on), stored with the core's
 * stem marker in front. *terms and each string are separate allocations
 * from alloc (PostgreSQL pfree()s each lexeme). */
int			kp_dict_lexize(kp_dict *dict, const char *token, size_t len, kp_alloc_fn alloc,
						   int *result, char ***terms, size_t *count, kp_status *status);

#ifdef __cplusplus
}
#endif

#endif							/* KURDI_PG_BRIDGE_H */
