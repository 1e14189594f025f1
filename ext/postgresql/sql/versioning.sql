-- Versioning: the extension version is the analyzer version; analysed text
-- records it so a change can be detected.
SELECT extversion = kurdi_version('analyzer') AS current FROM pg_extension WHERE extname = 'kurdi';
SELECT name, version = kurdi_version('analyzer') AS is_default
  FROM pg_available_extension_versions WHERE name = 'kurdi' AND installed;
-- The objects the extension owns.
SELECT classid::regclass AS catalog, count(*)
  FROM pg_depend WHERE refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kurdi') AND deptype = 'e'
  GROUP BY 1 ORDER BY 1::text;
-- Dropping and recreating the extension works (nothing left behind).
DROP EXTENSION kurdi CASCADE;
SELECT count(*) AS left_over FROM pg_ts_config WHERE cfgname = 'sorani';
CREATE EXTENSION kurdi;
SELECT show(to_tsvector('sorani', 'بەرپرسەکانی'));
