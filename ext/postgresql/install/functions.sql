-- kurdi's SQL functions (docs/postgresql.md, "SQL functions"). Written with
-- CREATE OR REPLACE so that every upgrade script can run this file again.

CREATE OR REPLACE FUNCTION kurdi_normalize(text) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_normalize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_normalize(text, profile text) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_normalize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_stem(text) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_stem' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_lemma(text) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_lemma' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_tokens(text) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'kurdi_pg_tokens' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_translit(text, target text) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_translit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_translit(text, target text, scheme text) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_translit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_query(text) RETURNS tsquery
  AS 'MODULE_PATHNAME', 'kurdi_pg_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_version() RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_version' LANGUAGE C STABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION kurdi_version(VARIADIC text[]) RETURNS text
  AS 'MODULE_PATHNAME', 'kurdi_pg_version' LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- The parser's and the dictionary template's support functions.
CREATE OR REPLACE FUNCTION kurdi_prs_start(internal, int4) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE OR REPLACE FUNCTION kurdi_prs_gettoken(internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE OR REPLACE FUNCTION kurdi_prs_end(internal) RETURNS void
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE OR REPLACE FUNCTION kurdi_prs_lextype(internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE OR REPLACE FUNCTION kurdi_dict_init(internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE OR REPLACE FUNCTION kurdi_dict_lexize(internal, internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
