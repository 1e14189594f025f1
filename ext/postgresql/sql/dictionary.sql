-- The dictionary template kurdi and the dictionaries kurdi_sorani, kurdi_latin.
-- Normalized form, then stems and lemmas as stem terms ('~' = U+0001).
SELECT show(ts_lexize('kurdi_sorani', 'بەرپرسەکانی'));
SELECT show(ts_lexize('kurdi_sorani', 'نەکراوەتەوە'));
SELECT show(ts_lexize('kurdi_sorani', 'دەکرێت'));
SELECT show(ts_lexize('kurdi_sorani', 'میلیشیاکاندا'));
SELECT show(ts_lexize('kurdi_sorani', 'ئەمریکا'));
-- Variant spellings give identical lexemes.
SELECT ts_lexize('kurdi_sorani', 'هێزێكی') = ts_lexize('kurdi_sorani', 'هێزێکی') AS kaf,
       ts_lexize('kurdi_sorani', 'حكومه‌تی') = ts_lexize('kurdi_sorani', 'حکومەتی') AS heh_zwnj,
       ts_lexize('kurdi_sorani', 'عێراقي') = ts_lexize('kurdi_sorani', 'عێراقی') AS yeh,
       ts_lexize('kurdi_sorani', 'کُرد') = ts_lexize('kurdi_sorani', 'کرد') AS harakat,
       ts_lexize('kurdi_sorani', '٢٠٢١') = ts_lexize('kurdi_sorani', '2021') AS digits;
-- Stopwords: an empty array (recognised, not indexed).
SELECT ts_lexize('kurdi_sorani', 'و'), ts_lexize('kurdi_sorani', 'لە');
-- A stopword that is a verb form keeps its stem terms (not its form), so the
-- verb's infinitive finds it as in every other host.
SELECT show(ts_lexize('kurdi_sorani', 'کرد')) AS krd, show(ts_lexize('kurdi_sorani', 'دەکات')) AS dekat;
SELECT to_tsvector('sorani', 'ئەو کاری کرد و دەکات.') @@ kurdi_query('کردن') AS infinitive_finds_them,
       to_tsvector('sorani', 'ئەو کاری کرد.') @@ kurdi_query('کرد') AS the_form_too;
-- Not a word at all: NULL (not recognised).
SELECT ts_lexize('kurdi_sorani', '،') IS NULL AS punct_unrecognised;
-- Latin words: the lower-cased form plus their Arabic-script readings and stems.
SELECT show(ts_lexize('kurdi_latin', 'Hêz'));
SELECT show(ts_lexize('kurdi_latin', 'slemani'));
SELECT show(ts_lexize('kurdi_sorani', 'Hêz')) AS without_readings;
-- Options.
CREATE TEXT SEARCH DICTIONARY sorani_forms (TEMPLATE = kurdi, stems = off);
SELECT show(ts_lexize('sorani_forms', 'بەرپرسەکانی'));
CREATE TEXT SEARCH DICTIONARY sorani_all (TEMPLATE = kurdi, stopwords = none);
SELECT show(ts_lexize('sorani_all', 'و'));
CREATE TEXT SEARCH DICTIONARY sorani_analytics (TEMPLATE = kurdi, stopwords = analytics);
SELECT show(ts_lexize('kurdi_sorani', 'هەموو')) AS search_list, show(ts_lexize('sorani_analytics', 'هەموو')) AS analytics_list;
CREATE TEXT SEARCH DICTIONARY sorani_standard (TEMPLATE = kurdi, profile = standard, stems = off);
SELECT ts_lexize('sorani_standard', '٢٠٢١') AS standard, ts_lexize('kurdi_sorani', '٢٠٢١') AS search;
-- A user lexicon, by name from $SHAREDIR/tsearch_data/<name>.tsv (kurdi_example.tsv knows زژڤ).
SELECT show(ts_lexize('kurdi_sorani', 'زژڤیش')) AS without_lexicon;
CREATE TEXT SEARCH DICTIONARY sorani_names (TEMPLATE = kurdi, user_lexicon = kurdi_example);
SELECT show(ts_lexize('sorani_names', 'زژڤیش')) AS with_lexicon;
-- ALTER TEXT SEARCH DICTIONARY reloads: the next lexize uses the new options.
ALTER TEXT SEARCH DICTIONARY sorani_names (user_lexicon);
SELECT show(ts_lexize('sorani_names', 'زژڤیش')) AS after_dropping_the_lexicon;
ALTER TEXT SEARCH DICTIONARY sorani_names (user_lexicon = kurdi_example, stems = off);
SELECT show(ts_lexize('sorani_names', 'زژڤیش')) AS after_stems_off;
-- The cache of recent token texts changes speed and memory, never lexemes.
CREATE TEXT SEARCH DICTIONARY sorani_nocache (TEMPLATE = kurdi, cache = 0);
SELECT bool_and(ts_lexize('sorani_nocache', w) IS NOT DISTINCT FROM ts_lexize('kurdi_sorani', w)) AS same
  FROM unnest(string_to_array('بەرپرسەکانی نەکراوەتەوە هێزێكی و ٢٠٢١ بەرپرسەکانی هێزێكی و', ' ')) w;
DROP TEXT SEARCH DICTIONARY sorani_nocache;
CREATE TEXT SEARCH DICTIONARY bad0 (TEMPLATE = kurdi, cache = -1);
-- Bad options are errors that say what is wrong.
CREATE TEXT SEARCH DICTIONARY bad1 (TEMPLATE = kurdi, stems = maybe);
CREATE TEXT SEARCH DICTIONARY bad2 (TEMPLATE = kurdi, stopwords = english);
CREATE TEXT SEARCH DICTIONARY bad3 (TEMPLATE = kurdi, profile = loud);
CREATE TEXT SEARCH DICTIONARY bad4 (TEMPLATE = kurdi, colour = blue);
CREATE TEXT SEARCH DICTIONARY bad5 (TEMPLATE = kurdi, user_lexicon = '/etc/passwd');
CREATE TEXT SEARCH DICTIONARY bad6 (TEMPLATE = kurdi, user_lexicon = no_such_lexicon);
DROP TEXT SEARCH DICTIONARY sorani_forms, sorani_all, sorani_analytics, sorani_standard, sorani_names;
