// CSV as RFC 4180 has it: comma separator, double-quote quoting, "" for a
// quote inside quotes, quoted fields may span lines, CRLF or LF. The first
// row names the columns. Parsed byte by byte over the input's chunks, so a
// row is held in memory only up to the record limit, and every record knows
// the line it starts on even after a quoted field that spans lines.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/read/readers.hpp"
#include "archive/read/record.hpp"
#include "archive/read/text.hpp"
#include "kurdi/utf8.hpp"

namespace kurdi::archive::detail {
namespace {

// One row as parsed, with where each field starts (for messages).
struct Row {
  std::vector<std::string> fields;
  std::vector<std::uint64_t> field_lines;
  std::uint64_t first_line = 0;
  std::string error;         // the first syntax error, if any
  bool too_long = false;     // content was dropped to respect the limit
  bool unterminated = false; // the input ended inside quotes
  bool endless = false;      // too long, and no row end within the skip limit
};

// The row syntax: a state machine fed one byte at a time.
class RowParser {
 public:
  RowParser(std::size_t max_row_bytes, std::size_t max_skip_bytes) : max_(max_row_bytes), max_skip_(max_skip_bytes) {}

  // Feeds `chunk`; calls `on_row(Row&&)` for each complete row. Once a row
  // over the limit has gone on for max_skip_bytes without an end, nothing
  // more is parsed: finish() returns it, marked endless.
  template <typename OnRow>
  void feed(std::string_view chunk, OnRow&& on_row) {
    for (const char c : chunk) {
      if (endless()) return;
      if (step(c)) {
        on_row(finish_row());
      } else if (state_ != State::row_start && ++row_seen_ >= max_skip_ && row_.too_long) {
        row_.endless = true;
      }
      if (c == '\n') {
        ++line_;
        column_ = 0;
      } else if (!is_continuation_byte(c)) {
        ++column_;  // a UTF-8 continuation byte is part of the same code point
      }
    }
  }

  bool endless() const noexcept { return row_.endless; }

  // The line the parser has reached (1-based).
  std::uint64_t line() const noexcept { return line_; }

  // At the end of the input: the last row if it has no final line break.
  std::optional<Row> finish() {
    if (state_ == State::row_start) return std::nullopt;
    if (state_ == State::quoted) row_.unterminated = true;
    return finish_row();
  }

 private:
  enum class State { row_start, field_start, unquoted, quoted, quote_in_quoted, after_quote };

  // Returns true when `c` ends a row.
  bool step(char c) {
    switch (state_) {
      case State::row_start:
        // Blank lines between rows are passed over (a CR of CRLF too).
        if (c == '\n' || c == '\r') return false;
        row_.first_line = line_;
        begin_field();
        [[fallthrough]];
      case State::field_start:
        if (c == '"') {
          state_ = State::quoted;
          return false;
        }
        state_ = State::unquoted;
        [[fallthrough]];
      case State::unquoted:
        // A quote inside an unquoted field is kept as a character (as most
        // CSV writers and readers do); a CR before LF is trimmed later.
        if (c == ',') return end_field();
        if (c == '\n') return end_row();
        append(c);
        return false;
      case State::quoted:
        if (c == '"') {
          state_ = State::quote_in_quoted;
        } else {
          append(c);  // line breaks included, as written
        }
        return false;
      case State::quote_in_quoted:
        if (c == '"') {  // "" is one quote
          append('"');
          state_ = State::quoted;
          return false;
        }
        state_ = State::after_quote;
        [[fallthrough]];
      case State::after_quote:
        if (c == ',') return end_field();
        if (c == '\n') return end_row();
        if (c != ' ' && c != '\t' && c != '\r' && row_.error.empty()) {
          row_.error = "text after the closing quote of a field (line " + std::to_string(line_) + ", column " +
                       std::to_string(column_ + 1) + ")";
        }
        return false;
    }
    return false;
  }

  void begin_field() {
    row_.fields.emplace_back();
    row_.field_lines.push_back(line_);
  }

  bool end_field() {
    begin_field();
    state_ = State::field_start;
    return false;
  }

  bool end_row() {
    state_ = State::row_start;
    return true;
  }

  void append(char c) {
    if (row_bytes_ >= max_) {
      row_.too_long = true;
      return;
    }
    ++row_bytes_;
    row_.fields.back() += c;
  }

  Row finish_row() {
    Row row = std::move(row_);
    row_ = Row{};
    row_bytes_ = 0;
    row_seen_ = 0;
    state_ = State::row_start;
    return row;
  }

  std::size_t max_;
  std::size_t max_skip_;
  State state_ = State::row_start;
  Row row_;
  std::size_t row_bytes_ = 0;  // bytes kept
  std::size_t row_seen_ = 0;   // bytes parsed, kept or not
  std::uint64_t line_ = 1;
  std::uint64_t column_ = 0;  // code points into the current line (messages only)
};

// Which column holds which field.
struct Columns {
  std::size_t count = 0;
  std::optional<std::size_t> id, title, body, source, url, date, language;
};

// The header row's columns, or the reason the file cannot be read.
std::variant<Columns, std::string> columns_of(const Row& header) {
  Columns columns;
  columns.count = header.fields.size();
  const std::pair<const char*, std::optional<std::size_t>*> known[] = {
      {"id", &columns.id},         {"title", &columns.title}, {"body", &columns.body},
      {"source", &columns.source}, {"url", &columns.url},     {"date", &columns.date},
      {"language", &columns.language}};
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(trim_ascii(header.fields[i]));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    for (const auto& [known_name, slot] : known) {
      if (name != known_name) continue;
      if (*slot) return "the header row names `" + name + "` twice";
      *slot = i;
    }
  }
  if (!columns.body) return std::string("the header row has no `body` column");
  return columns;
}

// The first invalid UTF-8 in a row, as a reason; empty if there is none.
std::string utf8_problem(const Row& row) {
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    const std::string& field = row.fields[i];
    if (const std::size_t bad = kurdi::find_invalid_utf8(field); bad != std::string_view::npos) {
      // The column is counted from the field's start: good enough to find it.
      return invalid_utf8_reason(field, bad, row.field_lines[i]);
    }
  }
  return {};
}

// Why a row is unusable before its fields are looked at; empty if it is fine.
std::string row_problem(const Row& row, std::size_t max_bytes, std::size_t max_skip_bytes) {
  if (row.endless) return endless_reason("row", max_bytes, max_skip_bytes);
  if (row.unterminated) return "unterminated quoted field (the file ends inside quotes)";
  if (row.too_long) return too_large_reason("row", max_bytes);
  if (!row.error.empty()) return row.error;
  return utf8_problem(row);
}

class CsvReader {
 public:
  explicit CsvReader(const Source& source) : source_(source) {}

  void row(Row&& row) {
    if (stopped_) return;
    if (!columns_) {
      header(std::move(row));
      return;
    }
    if (std::string problem = row_problem(row, source_.max_record_bytes, source_.max_skip_bytes); !problem.empty()) {
      source_.skip(row.first_line, std::move(problem));
      return;
    }
    if (row.fields.size() != columns_->count) {
      source_.skip(row.first_line, "the row has " + std::to_string(row.fields.size()) + " fields, the header has " +
                                       std::to_string(columns_->count));
      return;
    }
    RecordFields fields;
    const auto take = [&](const std::optional<std::size_t>& column, std::optional<std::string>& out) {
      if (column) out = std::move(row.fields[*column]);
    };
    take(columns_->id, fields.id);
    take(columns_->title, fields.title);
    take(columns_->body, fields.body);
    take(columns_->source, fields.source);
    take(columns_->url, fields.url);
    take(columns_->date, fields.date);
    take(columns_->language, fields.language);
    auto outcome = finish_record(std::move(fields), source_.file, row.first_line);
    if (auto* reason = std::get_if<std::string>(&outcome)) {
      source_.skip(row.first_line, std::move(*reason));
      return;
    }
    source_.sink.document(std::move(std::get<SourceDocument>(outcome)));
  }

  // A file the header makes unreadable is one Skip; the rest is not parsed.
  bool stopped() const noexcept { return stopped_; }
  bool has_header() const noexcept { return columns_.has_value(); }

 private:
  void header(Row&& row) {
    std::string problem = row_problem(row, source_.max_record_bytes, source_.max_skip_bytes);
    if (problem.empty()) {
      auto columns = columns_of(row);
      if (auto* reason = std::get_if<std::string>(&columns)) {
        problem = std::move(*reason);
      } else {
        columns_ = std::get<Columns>(columns);
        return;
      }
    }
    source_.skip(0, "header row (line " + std::to_string(row.first_line) + "): " + problem);
    stopped_ = true;
  }

  const Source& source_;
  std::optional<Columns> columns_;
  bool stopped_ = false;
};

}  // namespace

void read_csv(const Source& source) {
  RowParser parser(source.max_record_bytes, source.max_skip_bytes);
  CsvReader reader(source);
  const auto on_row = [&](Row&& row) { reader.row(std::move(row)); };
  for (std::string_view chunk = source.input.next_chunk(); !chunk.empty() && !reader.stopped() && !parser.endless();
       chunk = source.input.next_chunk()) {
    parser.feed(chunk, on_row);
  }
  if (reader.stopped()) return;
  if (!source.input.error().empty()) {
    // The row being read when the error came is not used.
    source.skip(parser.line(), source.input.error());
    return;
  }
  if (auto last = parser.finish()) reader.row(std::move(*last));
  if (!reader.has_header() && !reader.stopped()) source.skip(0, "the file is empty (no header row)");
}

}  // namespace kurdi::archive::detail
