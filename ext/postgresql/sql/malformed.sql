-- Malformed and extreme input.
-- Invalid UTF-8 never reaches kurdi: PostgreSQL rejects it itself.
SELECT to_tsvector('sorani', convert_from('\xd8ffd8'::bytea, 'UTF8'));
SELECT kurdi_normalize(convert_from('\xc3'::bytea, 'UTF8'));
-- Empty and blank text.
SELECT to_tsvector('sorani', ''), to_tsvector('sorani', '   '), kurdi_normalize(''), kurdi_tokens('');
SELECT numnode(kurdi_query('')) AS empty_query, kurdi_stem('') = '' AS empty_stem, kurdi_lemma('') = '' AS empty_lemma;
SELECT ts_headline('sorani', '', kurdi_query('هێز'));
SELECT to_tsvector('sorani', '،.!؟«»') AS punctuation_only;
-- A huge word is cut into tokens of at most 1024 bytes (the core's limit), all indexed.
SELECT length(w) AS chars, octet_length(w) AS bytes FROM (SELECT repeat('ک', 5000) AS w) s;
SELECT count(*) AS tokens, max(octet_length(token)) AS longest
  FROM ts_parse('kurdi', repeat('ک', 5000));
SELECT length(to_tsvector('sorani', repeat('ک', 5000))) AS lexemes;
SELECT length(to_tsvector('sorani', repeat('a', 100000))) AS latin_lexemes;
SELECT length(kurdi_normalize(repeat('ك', 100000))) AS normalized_chars;
-- Control characters typed by a user (the stem marker U+0001 among them) are
-- dropped: the '~' lexemes below are the words' own stem terms.
SELECT show(to_tsvector('sorani', E'\x01بەرپرس \x02هێز' || chr(127))) = show(to_tsvector('sorani', 'بەرپرس هێز')) AS same;
SELECT show(kurdi_query(E'\x01بەرپرس'));
-- Odd Unicode: lone combining marks, ZWNJ runs, bidi controls, noncharacters.
SELECT to_tsvector('sorani', 'ً ‌‌‌ ‏‎ ' || chr(65535) || ' هێز') IS NOT NULL AS survives;
SELECT count(*) > 0 AS parsed FROM ts_parse('kurdi', '‌‌هێز‌‌ ' || chr(1114111));
-- A long document: every word in, positions capped by PostgreSQL at 16383.
SELECT length(to_tsvector('sorani', repeat('بەرپرسەکانی ئەمریکادا ', 20000))) AS distinct_lexemes;
