// Decoding an FTS5 segment (fts5_segment.hpp). The layout is FTS5's file
// format, version 4 (SQLite's ext/fts5/fts5_index.c describes it):
//   - the structure record (row 10 of %_data): a 4-byte cookie, then the
//     varints levels, segments and write counter, then per level the
//     varints segments-in-merge and segments, and per segment its id and
//     its first and last leaf page;
//   - leaf page P of segment S is row (S << 37) + P; a leaf starts with two
//     big-endian 16-bit offsets, of the first rowid when one comes before
//     the page's first term (else 0) and of the page's footer, which lists
//     where each term on the page starts (the first absolute, the rest as
//     differences);
//   - a term on a page's first is stored whole (length, bytes), later ones
//     as (bytes shared with the term before, length of the rest, the rest);
//     its doclist follows: the first rowid, then per document the size of
//     its position list (bytes * 2, plus 1 on a delete marker), the list,
//     and the next rowid as a difference. A doclist and a position list
//     may go on across pages; a rowid at the start of a page (the header's
//     first offset) is stored whole;
//   - a position list: per position, the position's difference from the
//     one before + 2; the pair (1, column) switches columns (column 0 first).
// Every value is an SQLite varint (read_sqlite_varint).
#include "fts5_segment.hpp"

#include <algorithm>
#include <optional>

namespace kurdi::archive::fts5 {
namespace {

// The main index's terms start with this byte; prefix indexes use others.
constexpr unsigned char kMainIndexByte = '0';
// A leaf page's row in %_data: the segment id above 37 bits (a doclist
// index bit, 5 height bits and 31 page bits below it).
constexpr int kSegmentIdShift = 37;
constexpr std::int64_t kFileFormatVersion = 4;

struct Segment {
  std::uint64_t id = 0, first_page = 0, last_page = 0;
};

// The counts at the head of a structure record: levels and segments, with
// `at` moved past the write counter (and, for the second version, its
// origin counter). False when the record is too short.
bool structure_head(std::string_view record, std::size_t& at, bool& second_version, std::uint64_t& levels,
                    std::uint64_t& segments) {
  // The second version (SQLite 3.44 and later, with delete tombstones)
  // marks itself with these 4 bytes after the 4-byte cookie.
  second_version = record.size() >= 8 && record.substr(4, 4) == std::string_view("\xff\x00\x00\x01", 4);
  at = second_version ? 8 : 4;
  std::uint64_t counter = 0;
  return record.size() >= 4 && read_sqlite_varint(record, at, levels) && read_sqlite_varint(record, at, segments) &&
         read_sqlite_varint(record, at, counter) && (!second_version || read_sqlite_varint(record, at, counter));
}

// The only segment of a first-version structure record; nullopt for any other.
std::optional<Segment> only_segment(std::string_view record) {
  std::size_t at = 0;
  bool second_version = false;
  std::uint64_t levels = 0, segments = 0;
  if (!structure_head(record, at, second_version, levels, segments) || second_version || segments != 1 ||
      levels > 64)
    return std::nullopt;
  std::optional<Segment> found;
  for (std::uint64_t level = 0; level < levels; ++level) {
    std::uint64_t merging = 0, count = 0;
    if (!read_sqlite_varint(record, at, merging) || !read_sqlite_varint(record, at, count) || merging != 0)
      return std::nullopt;
    for (std::uint64_t i = 0; i < count; ++i) {
      Segment s;
      if (found || !read_sqlite_varint(record, at, s.id) || !read_sqlite_varint(record, at, s.first_page) ||
          !read_sqlite_varint(record, at, s.last_page))
        return std::nullopt;
      found = s;
    }
  }
  if (!found || found->id == 0 || found->id >= (1u << 16) || found->first_page == 0 ||
      found->last_page < found->first_page || found->last_page >= (std::uint64_t{1} << 31))
    return std::nullopt;
  return found;
}

// Walks a segment's leaves in order, keeping what a doclist or a position
// list carried over from the page before.
class Decoder {
 public:
  Decoder(std::span<const double> weights, const TermVisitor& visit) : weights_(weights), visit_(visit) {}

  bool page(std::string_view leaf) {
    if (leaf.size() < 4) return false;
    const auto* const base = reinterpret_cast<const unsigned char*>(leaf.data());
    const std::size_t first_rowid = std::size_t{base[0]} << 8 | base[1];
    const std::size_t footer = std::size_t{base[2]} << 8 | base[3];
    if (footer < 4 || footer > leaf.size() || (first_rowid != 0 && (first_rowid < 4 || first_rowid >= footer)))
      return false;
    term_starts_.clear();
    for (std::size_t at = footer, start = 0; at < leaf.size();) {
      std::uint64_t step = 0;
      if (!read_sqlite_varint(leaf, at, step)) return false;
      start += static_cast<std::size_t>(step);
      if (start < 4 || start >= footer || (!term_starts_.empty() && start <= term_starts_.back())) return false;
      term_starts_.push_back(start);
    }
    std::size_t next_term = 0;
    bool rowid_on_page = false;
    const std::string_view content = leaf.substr(0, footer);
    std::size_t at = 4;
    while (at < footer) {
      // Where what is being read must end on this page.
      const std::size_t limit = next_term < term_starts_.size() ? term_starts_[next_term] : footer;
      if (at > limit) return false;  // what was read ran into the next term
      switch (next_) {
        case Next::term: {
          if (at != limit || next_term == term_starts_.size()) return false;
          if (!read_term(content, at, next_term == 0)) return false;
          ++next_term;
          next_ = Next::rowid;
          break;
        }
        case Next::rowid: {
          if (at == limit && next_term < term_starts_.size()) {
            if (!end_term()) return false;
            next_ = Next::term;
            break;
          }
          // A doclist's first rowid is stored whole, and so is a page's
          // first rowid when it comes before the page's first term (the
          // header points at it; a term may end a page and its first rowid
          // start the next); the others are differences.
          const bool page_first = !rowid_on_page && next_term == 0;
          if (page_first && at != first_rowid) return false;
          const bool whole = postings_.empty() || page_first;
          std::uint64_t value = 0;
          if (!read_sqlite_varint(content, at, value) || at > limit || (!whole && value == 0)) return false;
          // Added modulo 2^64: a difference that overflows comes out at or
          // below the rowid before, and is declined (not undefined).
          const auto rowid = static_cast<std::int64_t>(whole ? value : static_cast<std::uint64_t>(rowid_) + value);
          if (!postings_.empty() && rowid <= rowid_) return false;
          rowid_ = rowid;
          rowid_on_page = true;
          next_ = Next::size;
          break;
        }
        case Next::size: {
          std::uint64_t size = 0;
          if (!read_sqlite_varint(content, at, size) || at > limit) return false;
          // A delete marker (odd) or an empty list: not a merged segment's.
          if ((size & 1) != 0 || size < 2) return false;
          positions_left_ = size >> 1;
          next_ = Next::positions;
          break;
        }
        case Next::positions: {
          const std::size_t take = std::min<std::size_t>(positions_left_, limit - at);
          if (take == 0) return false;
          const std::string_view part = content.substr(at, take);
          at += take;
          positions_left_ -= take;
          if (positions_left_ == 0 && carried_.empty()) {
            if (!add_posting(part)) return false;
          } else {
            carried_.append(part);
            if (positions_left_ == 0) {
              if (!add_posting(carried_)) return false;
              carried_.clear();
            }
          }
          if (positions_left_ == 0) next_ = Next::rowid;
          break;
        }
      }
    }
    // Every term the footer lists was read.
    return next_term == term_starts_.size();
  }

  // After the last page: the last term's doclist is complete.
  bool finish() { return next_ == Next::rowid && end_term(); }

 private:
  enum class Next { term, rowid, size, positions };

  // Reads the next term; false unless it sorts after the one before, as
  // an index's terms do.
  bool read_term(std::string_view content, std::size_t& at, bool whole) {
    std::uint64_t shared = 0, length = 0;
    if (!whole && !read_sqlite_varint(content, at, shared)) return false;
    if (!read_sqlite_varint(content, at, length) || shared > term_.size() || length > content.size() - at ||
        length == 0)
      return false;
    const std::string_view rest = content.substr(at, static_cast<std::size_t>(length));
    at += static_cast<std::size_t>(length);
    if (whole) {
      if (!term_.empty() && rest <= std::string_view(term_)) return false;
      term_.assign(rest);
    } else {
      // The bytes after the shared prefix differ from the term before's.
      const auto keep = static_cast<std::size_t>(shared);
      if (keep < term_.size() && static_cast<unsigned char>(rest[0]) <= static_cast<unsigned char>(term_[keep]))
        return false;
      term_.resize(keep);
      term_.append(rest);
    }
    postings_.clear();
    return !term_.empty() && static_cast<unsigned char>(term_[0]) == kMainIndexByte;
  }

  bool end_term() {
    if (postings_.empty()) return false;
    visit_(std::string_view(term_).substr(1), postings_);
    return true;
  }

  // A position list: false unless its columns ascend and each column
  // named holds a position (FTS5 names a column only for its positions).
  bool add_posting(std::string_view list) {
    double tf = 0;
    std::uint64_t column = 0;
    bool column_empty = false;
    for (std::size_t at = 0; at < list.size();) {
      std::uint64_t value = 0;
      if (!read_sqlite_varint(list, at, value)) return false;
      if (value == 1) {
        std::uint64_t next = 0;
        if (column_empty || !read_sqlite_varint(list, at, next) || next <= column) return false;
        column = next;
        column_empty = true;
        continue;
      }
      if (value == 0) return false;
      tf += column < weights_.size() ? weights_[static_cast<std::size_t>(column)] : 1.0;
      column_empty = false;
    }
    if (tf == 0 || column_empty) return false;
    postings_.push_back({rowid_, tf});
    return true;
  }

  std::span<const double> weights_;
  const TermVisitor& visit_;
  Next next_ = Next::term;
  std::string term_;  // with FTS5's index byte
  std::int64_t rowid_ = 0;
  std::uint64_t positions_left_ = 0;
  std::string carried_;  // a position list begun on an earlier page
  std::vector<Posting> postings_;
  std::vector<std::size_t> term_starts_;
};

}  // namespace

bool read_single_segment(const db::Connection& connection, std::string_view table, std::span<const double> weights,
                         const TermVisitor& visit) {
  const std::string name(table);
  {
    // The table as the archive creates it: no prefix indexes, full detail.
    db::Statement schema(connection, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    schema.bind(1, name);
    if (!schema.step()) return false;
    const std::string_view sql = schema.text(0);
    if (sql.find("prefix") != std::string_view::npos || sql.find("detail") != std::string_view::npos) return false;
  }
  {
    db::Statement version(connection, ("SELECT v FROM \"" + name + "_config\" WHERE k = 'version'").c_str());
    if (!version.step() || version.integer(0) != kFileFormatVersion) return false;
  }
  std::optional<Segment> segment;
  {
    db::Statement structure(connection, ("SELECT block FROM \"" + name + "_data\" WHERE id = 10").c_str());
    if (!structure.step() || !(segment = only_segment(structure.blob(0)))) return false;
  }
  const auto page_row = [&](std::uint64_t page) {
    return static_cast<std::int64_t>((segment->id << kSegmentIdShift) + page);
  };
  db::Statement leaves(connection,
                       ("SELECT id, block FROM \"" + name + "_data\" WHERE id BETWEEN ?1 AND ?2 ORDER BY id").c_str());
  leaves.bind(1, page_row(segment->first_page)).bind(2, page_row(segment->last_page));
  std::int64_t expected = page_row(segment->first_page);
  bool in_order = true;
  const bool decoded = decode_leaves(
      [&](std::string_view& leaf) {
        if (!leaves.step()) return false;
        in_order = in_order && leaves.integer(0) == expected++;
        leaf = leaves.blob(1);
        return in_order;
      },
      weights, visit);
  return decoded && in_order && expected == page_row(segment->last_page) + 1;
}

std::uint64_t structure_segments(std::string_view record) {
  std::size_t at = 0;
  bool second_version = false;
  std::uint64_t levels = 0, segments = 0;
  return structure_head(record, at, second_version, levels, segments) ? segments : 0;
}

bool decode_leaves(const std::function<bool(std::string_view& leaf)>& next_leaf, std::span<const double> weights,
                   const TermVisitor& visit) {
  Decoder decoder(weights, visit);
  std::string_view leaf;
  while (next_leaf(leaf))
    if (!decoder.page(leaf)) return false;
  return decoder.finish();
}

}  // namespace kurdi::archive::fts5
