-- The text search parser kurdi: token types and tokens.
SELECT tokid, alias FROM ts_token_type('kurdi') ORDER BY tokid;
-- Words keep ZWNJ and vowel marks inside; numbers, dates, suffixes, punctuation.
SELECT t.tokid, tt.alias, t.token
  FROM ts_parse('kurdi', 'حكومه‌تی هەرێمی كوردستان لە ٢٦/٧/٢٠٢١دا بڕیاری دا، ٤٠% (hêz) کُرد.') t
  JOIN ts_token_type('kurdi') tt USING (tokid);
SELECT tt.alias, t.token
  FROM ts_parse('kurdi', 'https://example.org/a?b=1 name@example.org #کوردستان @rudaw 10:30 😀 $5') t
  JOIN ts_token_type('kurdi') tt USING (tokid);
-- Every byte of the input is in exactly one token, separators included.
SELECT string_agg(token, '' ORDER BY n) = 'ئەمڕۆ  بەرپرس' || E'\t' || 'گەیشتە' || E'\n' || 'شار.  ' AS covers_input
  FROM (SELECT row_number() OVER () AS n, token
          FROM ts_parse('kurdi', 'ئەمڕۆ  بەرپرس' || E'\t' || 'گەیشتە' || E'\n' || 'شار.  ')) s;
-- The default parser splits Sorani words at ZWNJ; kurdi does not.
SELECT count(*) AS default_parser_tokens FROM ts_parse('default', 'حكومه‌تی') WHERE tokid <> 12;
SELECT count(*) AS kurdi_parser_tokens FROM ts_parse('kurdi', 'حكومه‌تی') WHERE tokid <> 12;
SELECT alias, token, dictionaries, show(lexemes) AS lexemes
  FROM ts_debug('sorani', 'بەرپرسەکانی و hêz، ٢٠٢١!');
