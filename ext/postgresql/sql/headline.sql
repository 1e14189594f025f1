-- ts_headline with the sorani configuration keeps spaces, punctuation and
-- the original spelling (separators are blank tokens of the parser).
SELECT ts_headline('sorani',
  'سەردانەکەی کازمی بۆ واشنتن، کۆمەڵێک لێکتێگەیشتنی لەگەڵ بەرپرسەکانی ئەمریکادا لێبەرهەمهات.',
  kurdi_query('بەرپرس'));
SELECT ts_headline('sorani', 'ئەمریکا هێزێكی گەورەی هەیە و پاشان بەرپرس بوو.', kurdi_query('hez'),
  'StartSel=<mark>, StopSel=</mark>');
SELECT ts_headline('sorani', 'حكومه‌تی هه‌رێمی كوردستان له‌ هه‌ولێر كۆبوونه‌وه‌یه‌كی ئه‌نجامدا.',
  plainto_tsquery('sorani', 'حکومەت هەولێر'), 'StartSel=[, StopSel=]');
-- Line breaks, tabs and double spaces come back as they were.
SELECT ts_headline('sorani', E'یەکەم  بەرپرس\tدووەم\nسێیەم ٢٠٢١دا!', kurdi_query('بەرپرس 2021'),
  'StartSel=[, StopSel=], HighlightAll=true') = E'یەکەم  [بەرپرس]\tدووەم\nسێیەم [٢٠٢١]دا!' AS exact_text;
-- Fragments of a longer text.
SELECT ts_headline('sorani',
  repeat('ئەمڕۆ کۆبوونەوەیەکی گرنگ لە شار کرا. ', 20) || 'بەرپرسەکانی ئەمریکادا گەیشتن. ' ||
  repeat('ئەمڕۆ کۆبوونەوەیەکی گرنگ لە شار کرا. ', 20),
  kurdi_query('بەرپرس'), 'MaxWords=8, MinWords=4, StartSel=<<, StopSel=>>');
SELECT ts_headline('sorani', 'https://example.org/x هێز name@example.org هێز', kurdi_query('هێز'),
  'StartSel=[, StopSel=], HighlightAll=true');
