/*
 * kurdi for PostgreSQL (docs/postgresql.md): the SQL functions, the text
 * search parser `kurdi` and the dictionary template `kurdi`.
 *
 * This file is the PostgreSQL side: it reads arguments, calls the C++ side
 * through bridge.h, and raises errors. It holds no C++ object: every kp_*
 * call has destroyed its C++ objects before it returns, so ereport() here
 * never skips a C++ destructor, and no C++ exception reaches PostgreSQL.
 * The only state kept between calls is PostgreSQL's own: the parser's
 * span array (palloc'd per document) and the dictionary's kp_dict, owned by
 * the dictionary's memory context and freed by its reset callback.
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_type.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "bridge.h"

PG_MODULE_MAGIC;

/* Memory for kp_* results: the current memory context, never raising. */
static void *
kp_palloc(size_t size)
{
	if (size == 0)
		size = 1;
	if (!AllocSizeIsValid(size))
		return NULL;
	return palloc_extended(size, MCXT_ALLOC_NO_OOM);
}

/* Raises the error a kp_* call reported. `fn` names the SQL function. */
static void
raise_status(const char *fn, const kp_status *status)
{
	switch (status->code)
	{
		case KP_INVALID:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: %s", fn, status->message)));
			break;
		case KP_NOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("%s: out of memory", fn)));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("%s: internal error: %s", fn, status->message)));
	}
}

static text *
string_result(const char *fn, int rc, const kp_string *out, const kp_status *status)
{
	if (rc != KP_OK)
		raise_status(fn, status);
	return cstring_to_text_with_len(out->data, (int) out->len);
}

/* A NUL-terminated copy of a text argument. */
static char *
arg_cstring(FunctionCallInfo fcinfo, int i)
{
	return text_to_cstring(PG_GETARG_TEXT_PP(i));
}

/* ---- SQL functions ------------------------------------------------------ */

PG_FUNCTION_INFO_V1(kurdi_pg_normalize);
Datum
kurdi_pg_normalize(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *profile = PG_NARGS() > 1 ? arg_cstring(fcinfo, 1) : NULL;
	kp_string	out;
	kp_status	status;
	int			rc = kp_normalize(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), profile, kp_palloc,
								  &out, &status);

	PG_RETURN_TEXT_P(string_result("kurdi_normalize", rc, &out, &status));
}

PG_FUNCTION_INFO_V1(kurdi_pg_stem);
Datum
kurdi_pg_stem(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	kp_string	out;
	kp_status	status;
	int			rc = kp_stem(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), kp_palloc, &out, &status);

	PG_RETURN_TEXT_P(string_result("kurdi_stem", rc, &out, &status));
}

PG_FUNCTION_INFO_V1(kurdi_pg_lemma);
Datum
kurdi_pg_lemma(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	kp_string	out;
	kp_status	status;
	int			rc = kp_lemma(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), kp_palloc, &out, &status);

	PG_RETURN_TEXT_P(string_result("kurdi_lemma", rc, &out, &status));
}

PG_FUNCTION_INFO_V1(kurdi_pg_tokens);
Datum
kurdi_pg_tokens(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	kp_string	out;
	kp_status	status;
	int			rc = kp_tokens_json(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), kp_palloc, &out,
									&status);

	if (rc != KP_OK)
		raise_status("kurdi_tokens", &status);
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(out.data));
}

PG_FUNCTION_INFO_V1(kurdi_pg_translit);
Datum
kurdi_pg_translit(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *to = arg_cstring(fcinfo, 1);
	const char *scheme = PG_NARGS() > 2 ? arg_cstring(fcinfo, 2) : NULL;
	kp_string	out;
	kp_status	status;
	int			rc = kp_translit(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), to, scheme, kp_palloc,
								 &out, &status);

	PG_RETURN_TEXT_P(string_result("kurdi_translit", rc, &out, &status));
}

/* The path of a user lexicon named in an option: <sharedir>/tsearch_data/NAME.tsv.
 * get_tsearch_config_filename() rejects names with anything but [a-z0-9_],
 * so a user cannot make the server read an arbitrary file. */
static char *
user_lexicon_path(const char *name)
{
	return get_tsearch_config_filename(name, "tsv");
}

/*
 * kurdi_version()                       '0.1.0 (analyzer 0.1.0+<hash>)'
 * kurdi_version('library')              '0.1.0'
 * kurdi_version('analyzer' [, 'user_lexicon', name])
 */
PG_FUNCTION_INFO_V1(kurdi_pg_version);
Datum
kurdi_pg_version(PG_FUNCTION_ARGS)
{
	const char *what = NULL;
	const char *path = NULL;
	kp_string	out;
	kp_status	status;
	int			rc;

	if (PG_NARGS() > 0)
	{
		ArrayType  *args = PG_GETARG_ARRAYTYPE_P(0);
		Datum	   *values;
		bool	   *nulls;
		int			n;

		deconstruct_array(args, TEXTOID, -1, false, TYPALIGN_INT, &values, &nulls, &n);
		if (n < 1 || nulls[0])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("kurdi_version: the argument must be 'library' or 'analyzer'")));
		what = TextDatumGetCString(values[0]);
		if (strcmp(what, "library") == 0 && n != 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("kurdi_version: 'library' takes no options")));
		for (int i = 1; i < n; i += 2)
		{
			const char *name = nulls[i] ? "" : TextDatumGetCString(values[i]);

			if (strcmp(what, "analyzer") != 0)
				break;
			if (i + 1 >= n || nulls[i + 1])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("kurdi_version: option \"%s\" needs a value", name)));
			if (strcmp(name, "user_lexicon") == 0)
				path = user_lexicon_path(TextDatumGetCString(values[i + 1]));
			else if (strcmp(name, "stems") != 0 && strcmp(name, "stopwords") != 0 &&
					 strcmp(name, "profile") != 0 && strcmp(name, "readings") != 0 &&
					 strcmp(name, "cache") != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("kurdi_version: unknown option \"%s\"", name),
						 errhint("Options are those of the dictionary template kurdi: stems, stopwords, profile, readings, user_lexicon, cache.")));
		}
	}
	rc = kp_version(what, path, kp_palloc, &out, &status);
	PG_RETURN_TEXT_P(string_result("kurdi_version", rc, &out, &status));
}

/* An empty tsquery: matches nothing, without the NOTICE that parsing '' gives. */
static TSQuery
empty_tsquery(void)
{
	TSQuery		q = (TSQuery) palloc0(HDRSIZETQ);

	SET_VARSIZE(q, HDRSIZETQ);
	q->size = 0;
	return q;
}

PG_FUNCTION_INFO_V1(kurdi_pg_query);
Datum
kurdi_pg_query(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	kp_string	out;
	kp_status	status;
	int			exclusions_only = 0;
	int			rc = kp_query(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), kp_palloc, &out,
							  &exclusions_only, &status);

	if (rc != KP_OK)
		raise_status("kurdi_query", &status);
	if (out.len == 0)
		PG_RETURN_TSQUERY(empty_tsquery());
	return DirectFunctionCall1(tsqueryin, CStringGetDatum(out.data));
}

/* ---- the text search parser `kurdi` -------------------------------------- */

typedef struct ParserState
{
	char	   *text;
	kp_span    *spans;
	size_t		count;
	size_t		next;
} ParserState;

PG_FUNCTION_INFO_V1(kurdi_prs_start);
Datum
kurdi_prs_start(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) palloc0(sizeof(ParserState));
	kp_status	status;
	int			rc;

	st->text = (char *) PG_GETARG_POINTER(0);
	rc = kp_parse(st->text, (size_t) PG_GETARG_INT32(1), kp_palloc, &st->spans, &st->count,
				  &status);
	if (rc != KP_OK)
		raise_status("kurdi parser", &status);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(kurdi_prs_gettoken);
Datum
kurdi_prs_gettoken(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	const kp_span *s;

	if (st->next >= st->count)
		PG_RETURN_INT32(0);
	s = &st->spans[st->next++];
	*t = st->text + s->begin;
	*tlen = s->len;
	PG_RETURN_INT32(s->type);
}

PG_FUNCTION_INFO_V1(kurdi_prs_end);
Datum
kurdi_prs_end(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);

	if (st->spans)
		pfree(st->spans);
	pfree(st);
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(kurdi_prs_lextype);
Datum
kurdi_prs_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *descr = (LexDescr *) palloc0(sizeof(LexDescr) * (KP_TOK_LAST + 1));
	int			n = 0;

	for (int id = 1; id <= KP_TOK_LAST; id++)
	{
		const char *name = kp_token_name(id);

		if (name == NULL)
			continue;
		descr[n].lexid = id;
		descr[n].alias = pstrdup(name);
		descr[n].descr = pstrdup(kp_token_description(id));
		n++;
	}
	descr[n].lexid = 0;
	PG_RETURN_POINTER(descr);
}

/* ---- the dictionary template `kurdi` ------------------------------------- */

typedef struct DictState
{
	kp_dict    *dict;
	MemoryContextCallback callback;
} DictState;

static void
dict_release(void *arg)
{
	DictState  *d = (DictState *) arg;

	if (d->dict)
		kp_dict_free(d->dict);
	d->dict = NULL;
}

static bool
option_bool(DefElem *def)
{
	return defGetBoolean(def);
}

PG_FUNCTION_INFO_V1(kurdi_dict_init);
Datum
kurdi_dict_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	kp_dict_config config;
	DictState  *d;
	ListCell   *l;
	kp_status	status;
	int			rc;

	config.stems = 1;
	config.stopwords = KP_STOP_SEARCH;
	config.search_profile = 1;
	config.readings = 0;
	config.user_lexicon_path = NULL;
	config.cache_words = 16384;

	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "stems") == 0)
			config.stems = option_bool(def) ? 1 : 0;
		else if (strcmp(def->defname, "readings") == 0)
			config.readings = option_bool(def) ? 1 : 0;
		else if (strcmp(def->defname, "stopwords") == 0)
		{
			const char *v = defGetString(def);

			if (strcmp(v, "search") == 0)
				config.stopwords = KP_STOP_SEARCH;
			else if (strcmp(v, "analytics") == 0)
				config.stopwords = KP_STOP_ANALYTICS;
			else if (strcmp(v, "none") == 0)
				config.stopwords = KP_STOP_NONE;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("kurdi dictionary: stopwords must be search, analytics or none, not \"%s\"", v)));
		}
		else if (strcmp(def->defname, "profile") == 0)
		{
			const char *v = defGetString(def);

			if (strcmp(v, "search") == 0)
				config.search_profile = 1;
			else if (strcmp(v, "standard") == 0)
				config.search_profile = 0;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("kurdi dictionary: profile must be search or standard, not \"%s\"", v)));
		}
		else if (strcmp(def->defname, "user_lexicon") == 0)
			config.user_lexicon_path = user_lexicon_path(defGetString(def));
		else if (strcmp(def->defname, "cache") == 0)
		{
			int64		v = defGetInt64(def);

			if (v < 0 || v > 16777216)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("kurdi dictionary: cache must be between 0 and 16777216 words, not " INT64_FORMAT, v)));
			config.cache_words = (int) v;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("kurdi dictionary: unknown option \"%s\"", def->defname),
					 errhint("Options: stems, stopwords, profile, readings, user_lexicon, cache.")));
	}

	/* Owned by the dictionary's memory context (the current one while
	 * PostgreSQL initialises a dictionary): freed when it is reset or
	 * deleted, e.g. after ALTER TEXT SEARCH DICTIONARY. */
	d = (DictState *) palloc0(sizeof(DictState));
	rc = kp_dict_new(&config, &d->dict, &status);
	if (rc != KP_OK)
		raise_status("kurdi dictionary", &status);
	d->callback.func = dict_release;
	d->callback.arg = d;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, &d->callback);
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(kurdi_dict_lexize);
Datum
kurdi_dict_lexize(PG_FUNCTION_ARGS)
{
	DictState  *d = (DictState *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	int			result = KP_LEX_UNKNOWN;
	char	  **terms = NULL;
	size_t		count = 0;
	kp_status	status;
	TSLexeme   *res;
	int			rc;

	if (d == NULL || d->dict == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("kurdi dictionary: not initialised")));
	rc = kp_dict_lexize(d->dict, in, (size_t) len, kp_palloc, &result, &terms, &count, &status);
	if (rc != KP_OK)
		raise_status("kurdi dictionary", &status);
	if (result == KP_LEX_UNKNOWN)
		PG_RETURN_POINTER(NULL);
	/* A stopword: an empty array. Terms: one variant each, so a query ORs
	 * them and a document stores them all at the token's position. */
	res = (TSLexeme *) palloc0(sizeof(TSLexeme) * (count + 1));
	for (size_t i = 0; i < count; i++)
	{
		res[i].lexeme = terms[i];
		res[i].nvariant = (uint16) (i + 1);
	}
	PG_RETURN_POINTER(res);
}
