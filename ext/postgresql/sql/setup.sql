-- Helpers for the other suites: stem terms are stored with the core's
-- marker U+0001 in front (docs/postgresql.md); these show it as '~'.
CREATE FUNCTION show(tsvector) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT translate($1::text, E'\x01', '~') $$;
CREATE FUNCTION show(tsquery) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT translate($1::text, E'\x01', '~') $$;
CREATE FUNCTION show(text[]) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT translate($1::text, E'\x01', '~') $$;
-- The extension is in this database, trusted, and its version is the analyzer version.
SELECT extname, extversion = kurdi_version('analyzer') AS version_is_analyzer
  FROM pg_extension WHERE extname = 'kurdi';
SELECT trusted FROM pg_available_extension_versions WHERE name = 'kurdi' AND installed;
