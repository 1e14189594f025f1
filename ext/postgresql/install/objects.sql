-- kurdi's text search objects (docs/postgresql.md), created once, in the
-- extension's schema.

CREATE TEXT SEARCH PARSER kurdi (
  START = kurdi_prs_start,
  GETTOKEN = kurdi_prs_gettoken,
  END = kurdi_prs_end,
  LEXTYPES = kurdi_prs_lextype,
  -- PostgreSQL's own headline function; the token ids are chosen for it
  -- (ext/postgresql/bridge.h).
  HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER kurdi IS 'kurdi: Central Kurdish (Sorani) tokens, separators as blank tokens';

CREATE TEXT SEARCH TEMPLATE kurdi (
  INIT = kurdi_dict_init,
  LEXIZE = kurdi_dict_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE kurdi IS 'kurdi: search form, stems and lemmas of Sorani words (options: stems, stopwords, profile, readings, user_lexicon)';

CREATE TEXT SEARCH DICTIONARY kurdi_sorani (TEMPLATE = kurdi);
COMMENT ON TEXT SEARCH DICTIONARY kurdi_sorani IS 'kurdi: Sorani words, numbers and other tokens: search form plus stems and lemmas; search stopwords';

CREATE TEXT SEARCH DICTIONARY kurdi_latin (TEMPLATE = kurdi, readings = on, stopwords = none);
COMMENT ON TEXT SEARCH DICTIONARY kurdi_latin IS 'kurdi: Latin-script (Hawar) words: lower-cased form plus their Arabic-script readings with stems';

CREATE TEXT SEARCH CONFIGURATION sorani (PARSER = kurdi);
COMMENT ON TEXT SEARCH CONFIGURATION sorani IS 'kurdi: Central Kurdish (Sorani)';
ALTER TEXT SEARCH CONFIGURATION sorani
  ADD MAPPING FOR word, number, date, time, url, email, hashtag, mention, emoji, suffix
  WITH kurdi_sorani;
ALTER TEXT SEARCH CONFIGURATION sorani ADD MAPPING FOR latin WITH kurdi_latin;
