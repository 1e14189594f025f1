// Reads an FTS5 index that is one segment (what `kurdi optimize` leaves)
// straight from its data table, every term and every document in one pass,
// instead of one MATCH statement per term. The archive builds its block
// bounds and postings of common terms from it (archive.cpp, build_bounds).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_db.hpp"

namespace kurdi::archive::fts5 {

/// An SQLite varint, as FTS5's records hold them (docsize rows, the
/// structure record, segment pages): big-endian groups of 7 bits, the high
/// bit on every byte but the last, and a ninth byte of 8 bits. Reads one at
/// `at` and moves past it; false when `record` ends inside it.
inline bool read_sqlite_varint(std::string_view record, std::size_t& at, std::uint64_t& out) {
  out = 0;
  for (int bytes = 0; bytes < 9; ++bytes) {
    if (at >= record.size()) return false;
    const auto byte = static_cast<unsigned char>(record[at++]);
    if (bytes == 8) {
      out = (out << 8) | byte;
      return true;
    }
    out = (out << 7) | (byte & 0x7fu);
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

/// One document of a term's doclist: its rowid, and how often it holds the
/// term with each occurrence counted with its column's weight, added in the
/// order of the occurrences, as ext/sqlite's kurdi_phrase_tf adds them
/// (a column without a weight counts 1).
struct Posting {
  std::int64_t rowid = 0;
  double tf = 0;
};

/// How many segments FTS5's structure record (row 10 of its data table)
/// lists, in either version of the record; 0 when it cannot be read.
std::uint64_t structure_segments(std::string_view record);

/// Called for each term of the index, in the index's order (bytewise, as
/// fts5vocab lists them), with its documents by rowid. `term` is spelled as
/// fts5vocab spells it (without FTS5's index byte).
using TermVisitor = std::function<void(std::string_view term, const std::vector<Posting>& postings)>;

/// Reads the full-text index `table` (its `table`_data and `table`_config
/// tables) of `connection` when it is in the one shape this reader knows:
/// FTS5 file format version 4, one segment, no prefix indexes, full detail
/// (positions), no delete markers. False for any other shape (more
/// segments, a newer format) and for anything it cannot decode; `visit` may
/// then have seen some of the terms, and the caller discards what it made
/// of them and reads the index through FTS5, which also reports a damaged
/// index as such.
/// The decoding of read_single_segment, from the segment's leaf pages in
/// order: `next_leaf` sets its argument to the next page and returns true,
/// or returns false after the last. False when the pages are not a
/// segment this reader can decode (for tests and fuzzing, which give pages
/// of their own).
bool decode_leaves(const std::function<bool(std::string_view& leaf)>& next_leaf, std::span<const double> weights,
                   const TermVisitor& visit);

bool read_single_segment(const db::Connection& connection, std::string_view table, std::span<const double> weights,
                         const TermVisitor& visit);

}  // namespace kurdi::archive::fts5
