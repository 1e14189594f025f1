#include "schema.hpp"

#include <string>

namespace kurdi::archive::schema {
namespace {

// Version 1: documents (external id unique; content hash and SimHash for
// duplicate reports; version 4 replaced the SimHash), SimHash bands for
// near-duplicate lookups, metadata, and
// an external-content FTS5 index over title and body. bm25 weighs a title
// match three times a body match (the persistent `rank` of the table).
void create_version_1(const db::Connection& c, std::string_view tokenizer) {
  c.exec(R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents(
  doc          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  source       TEXT NOT NULL,
  url          TEXT NOT NULL,
  published    TEXT NOT NULL,          -- 'YYYY-MM-DD' or ''
  language     TEXT NOT NULL,
  content_hash BLOB NOT NULL,          -- XXH3-128 of the body
  simhash      INTEGER,                -- NULL: too short to compare
  ingested_at  TEXT NOT NULL           -- UTC, ISO 8601
);
CREATE INDEX documents_by_hash ON documents(content_hash);
CREATE INDEX documents_by_published ON documents(published);
CREATE INDEX documents_by_source ON documents(source);

-- Four 16-bit bands of each SimHash: two hashes within Hamming distance 3
-- share at least one band, so candidates are found by index lookups.
CREATE TABLE simhash_bands(
  band INTEGER NOT NULL,               -- band number << 16 | band value
  doc  INTEGER NOT NULL,
  PRIMARY KEY(band, doc)
) WITHOUT ROWID;
)sql");
  // The tokenizer spec is ours (kurdi, or a benchmark's baseline), never
  // user text, so it is spliced in as an SQL string literal.
  std::string fts =
      "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='documents', "
      "content_rowid='doc', tokenize='";
  for (const char ch : tokenizer) {
    if (ch == '\'') fts.push_back('\'');
    fts.push_back(ch);
  }
  fts.append("');\nINSERT INTO documents_fts(documents_fts, rank) VALUES('rank', 'bm25(3.0, 1.0)');");
  c.exec(fts.c_str());
}

// Version 2: block bounds for ranked search (archive.cpp, "Block bounds"):
// for each common term, the largest BM25 tf part of any of its documents in
// each block of rowids, as doubles, one per block. Empty until
// built (kurdi reindex); valid while the meta keys bounds_* describe the
// documents table. A kurdi of schema 1 refuses the file rather than update
// documents without dropping the bounds.
void create_version_2(const db::Connection& c, std::string_view) {
  c.exec(R"sql(
CREATE TABLE term_bounds(
  term   TEXT PRIMARY KEY,             -- the FTS5 term as stored
  blocks BLOB NOT NULL                 -- a native-endian double per block of rowids
) WITHOUT ROWID;
)sql");
}

// Version 3: postings of the same common terms, with every document's
// length, so that a query of common terms only is ranked without FTS5
// (archive.cpp, "Postings of common terms"). Built and dropped with the
// bounds; an archive upgraded from version 2 keeps its bounds and has no
// postings until `kurdi reindex`.
void create_version_3(const db::Connection& c, std::string_view) {
  c.exec(R"sql(
CREATE TABLE term_postings(
  term      TEXT PRIMARY KEY,          -- a term of term_bounds
  documents INTEGER NOT NULL,          -- how many documents hold it (its df, without a walk of its doclist)
  blocks    BLOB NOT NULL,             -- per block of rowids, and one more: where its postings start (uint32, little-endian)
  postings  BLOB NOT NULL              -- per document holding the term, by rowid: LEB128 gap, LEB128 column-weighted count
) WITHOUT ROWID;
CREATE TABLE document_lengths(
  id      INTEGER PRIMARY KEY CHECK (id = 0),
  lengths BLOB NOT NULL                -- per rowid 0..max(doc): tokens in every column (uint32, little-endian)
);
)sql");
}

// Version 4: near-duplicates by MinHash (archive/near_duplicates.hpp)
// instead of SimHash. A document's signature lives in a table of its own, so
// that recomputing every signature (kurdi reindex) rewrites 128 bytes a
// document, not the documents table. The migration leaves the table empty;
// Archive fills it for the documents already stored, as it has the
// tokenizer that signatures are made with.
void create_version_4(const db::Connection& c, std::string_view) {
  c.exec(R"sql(
DROP TABLE simhash_bands;
ALTER TABLE documents DROP COLUMN simhash;
CREATE TABLE near_signatures(
  doc     INTEGER PRIMARY KEY,         -- a documents.doc; none for a body too short to compare
  minhash BLOB NOT NULL                -- 32 values, uint32 little-endian
);
-- Eight band keys per signature: signatures that agree on a whole band
-- (four values) share its key, so candidates are found by index lookups.
CREATE TABLE minhash_bands(
  band INTEGER NOT NULL,               -- band number << 56 | hash of the band's values
  doc  INTEGER NOT NULL,
  PRIMARY KEY(band, doc)
) WITHOUT ROWID;
)sql");
}

using Migration = void (*)(const db::Connection&, std::string_view tokenizer);
// kMigrations[i] takes the schema from version i to version i + 1.
constexpr Migration kMigrations[] = {&create_version_1, &create_version_2, &create_version_3, &create_version_4};

}  // namespace

int current_version() noexcept { return static_cast<int>(std::size(kMigrations)); }

void migrate(const db::Connection& connection, int from_version, std::string_view tokenizer) {
  for (int v = from_version; v < current_version(); ++v) kMigrations[v](connection, tokenizer);
  connection.exec(("PRAGMA application_id = " + std::to_string(kApplicationId) + ";").c_str());
  connection.exec(("PRAGMA user_version = " + std::to_string(current_version()) + ";").c_str());
}

}  // namespace kurdi::archive::schema
