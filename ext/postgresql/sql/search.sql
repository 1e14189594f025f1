-- to_tsvector, plainto_tsquery, websearch_to_tsquery, kurdi_query, ts_rank
-- and a GIN index on a news table, working together.
CREATE TABLE news (
  id int PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('sorani', title), 'A') || setweight(to_tsvector('sorani', body), 'B')) STORED
);
CREATE INDEX news_tsv ON news USING gin (tsv);
INSERT INTO news VALUES
  (1, 'سەردانی کازمی', 'سەردانەکەی کازمی بۆ واشنتن، کۆمەڵێک لێکتێگەیشتنی لەگەڵ بەرپرسەکانی ئەمریکادا لێبەرهەمهات.'),
  (2, 'هێزی ئەمریکا', 'ئەمریکا هێزێكی گەورەی هەیە و پاشان بەرپرس بوو.'),
  (3, 'تەقینەوە', 'تا ئێستا هیچ زانیارییەک بڵاو نەکراوەتەوە.'),
  (4, 'كۆبوونه‌وه‌', 'حكومه‌تی هه‌رێمی كوردستان له‌ هه‌ولێر كۆبوونه‌وه‌یه‌كی ئه‌نجامدا.'),
  (5, 'شاری جوان', 'سلێمانی شارێکی جوانە و خەڵکەکەی میوانپەروەرن.'),
  (6, 'هەڵبژاردن', 'لە ساڵی ٢٠٢١ هەڵبژاردنی پەرلەمان لە عێراق کرا.');
SELECT show(tsv) FROM news WHERE id = 2;
-- The GIN index answers kurdi_query.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM news WHERE tsv @@ kurdi_query('بەرپرس');
SELECT id FROM news WHERE tsv @@ kurdi_query('بەرپرس') ORDER BY id;
RESET enable_seqscan;
-- Stems and lemmas: a stem finds inflected forms, a lemma finds verb forms.
SELECT id, round(ts_rank(tsv, q)::numeric, 4) AS rank
  FROM news, kurdi_query('بەرپرس') q WHERE tsv @@ q ORDER BY rank DESC, id;
SELECT id FROM news WHERE tsv @@ kurdi_query('کردن') ORDER BY id;
SELECT id FROM news WHERE tsv @@ plainto_tsquery('sorani', 'بەرپرسەکان') ORDER BY id;
-- Variant spellings find each other both ways.
SELECT id FROM news WHERE tsv @@ kurdi_query('هەولێر') ORDER BY id;
SELECT id FROM news WHERE tsv @@ plainto_tsquery('sorani', 'حکومەتی هەرێمی کوردستان') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('هێزێکی') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('2021') ORDER BY id;
-- Latin-script queries find Arabic-script rows.
SELECT id FROM news WHERE tsv @@ kurdi_query('hez') ORDER BY id;
SELECT id FROM news WHERE tsv @@ plainto_tsquery('sorani', 'Silêmanî') ORDER BY id;
SELECT id FROM news WHERE tsv @@ websearch_to_tsquery('sorani', 'slemani') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('kurdistan') ORDER BY id;
-- Query syntax: phrases, prefix, exclusion, OR; stopwords keep their place in phrases.
SELECT show(kurdi_query('"هەرێمی کوردستان" کورد* -کازمی'));
SELECT id FROM news WHERE tsv @@ kurdi_query('"هەرێمی کوردستان"') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('"کوردستان هەرێمی"') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('ئەمریکا -کازمی') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('واشنتن OR سلێمانی') ORDER BY id;
SELECT id FROM news WHERE tsv @@ kurdi_query('سەرد*') ORDER BY id;
SELECT show(kurdi_query('"ساڵی لە پەرلەمان"'));
SELECT id FROM news WHERE tsv @@ kurdi_query('"هەڵبژاردنی پەرلەمان لە عێراق"') ORDER BY id;
SELECT id FROM news WHERE tsv @@ phraseto_tsquery('sorani', 'هەڵبژاردنی پەرلەمان لە عێراق') ORDER BY id;
SELECT id FROM news WHERE tsv @@ websearch_to_tsquery('sorani', '"بەرپرس بوو" OR تەقینەوە -ئەمریکا') ORDER BY id;
-- Queries with nothing to search for match nothing and raise nothing.
SELECT numnode(kurdi_query('-ئەمریکا')) AS exclusions_only, numnode(kurdi_query('"')) AS lone_quote,
       numnode(kurdi_query('و لە')) AS stopwords_only, numnode(kurdi_query('')) AS empty;
-- Stray operators are ignored; AND is a Latin word like any other.
SELECT show(kurdi_query('(( AND OR -'));
SELECT count(*) FROM news WHERE tsv @@ kurdi_query('(( AND OR -');
SELECT count(*) FROM news WHERE tsv @@ kurdi_query('-ئەمریکا');
-- An unqualified name works: sorani is in the extension's schema (public here).
SELECT cfgname, nspname FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE cfgname = 'sorani';
SET default_text_search_config = 'sorani';
SELECT id FROM news WHERE to_tsvector(body) @@ plainto_tsquery('بەرپرس') ORDER BY id;
RESET default_text_search_config;
DROP TABLE news;
