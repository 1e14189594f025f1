-- The SQL functions, with the names and signatures of the SQLite host.
SELECT kurdi_normalize('هێزێكی ٢٠٢١'), kurdi_normalize('هێزێكی ٢٠٢١', 'search');
SELECT kurdi_normalize('ئەوه هێزێكی عێراقي بوو.');
SELECT kurdi_normalize('حكومه‌تی هه‌رێمی', 'standard');
SELECT kurdi_normalize('x', 'fancy');
SELECT kurdi_stem('بەرپرسەکانی'), kurdi_lemma('نەکراوەتەوە'), kurdi_lemma('دەکرێت');
SELECT kurdi_stem('میلیشیاکاندا'), kurdi_stem('هێزەکانی'), kurdi_stem('ئەمریکا');
SELECT kurdi_tokens('هێزێكی ٢٠٢١');
SELECT jsonb_array_length(kurdi_tokens('بەرپرسەکانی، ئەمریکادا!')) AS indexed_tokens;
SELECT kurdi_translit('سلێمانی', 'latn'), kurdi_translit('Silêmanî', 'arab');
SELECT kurdi_translit('کوردستان و هەولێر', 'latn', 'ascii'), kurdi_translit('کورد', 'ipa');
SELECT kurdi_translit('x', 'klingon');
SELECT kurdi_translit('x', 'latn', 'fancy');
SELECT kurdi_version('library') = split_part(kurdi_version('analyzer'), '+', 1) AS same_release;
SELECT kurdi_version() = kurdi_version('library') || ' (analyzer ' || kurdi_version('analyzer') || ')' AS combined;
SELECT kurdi_version('analyzer') ~ '^[0-9]+\.[0-9]+\.[0-9]+\+[0-9a-f]{12}$' AS analyzer_format;
SELECT kurdi_version('analyzer', 'user_lexicon', 'kurdi_example') ~ '\+user\.[0-9a-f]{12}$' AS user_hash;
SELECT kurdi_version('analyzer', 'user_lexicon', '../../etc/passwd');
SELECT kurdi_version('analyzer', 'user_lexicon', 'no_such_lexicon');
SELECT kurdi_version('nothing');
SELECT kurdi_version('analyzer', 'colour', 'blue');
-- STRICT: NULL in, NULL out.
SELECT kurdi_normalize(NULL) IS NULL, kurdi_stem(NULL) IS NULL, kurdi_query(NULL) IS NULL,
       kurdi_tokens(NULL) IS NULL, kurdi_translit(NULL, 'latn') IS NULL;
-- Usable in indexes: immutable and parallel safe.
SELECT proname, provolatile, proparallel FROM pg_proc
  WHERE proname LIKE 'kurdi\_%' AND proname NOT LIKE 'kurdi\_prs\_%' AND proname NOT LIKE 'kurdi\_dict\_%'
  ORDER BY proname, pronargs;
