// Printing a StatsReport: an aligned table for terminals, or one JSON object.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "json.hpp"
#include "stats.hpp"

namespace kurdi::cli {

namespace {

std::size_t display_width(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  char buffer[32];
  const double p = whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  std::snprintf(buffer, sizeof buffer, "%.2f%%", p);
  return buffer;
}

struct Column {
  const char* header;
  std::uint64_t DocumentStats::*field;
};
constexpr std::array<Column, 8> kColumns = {{
    {"lines", &DocumentStats::lines},
    {"sentences", &DocumentStats::sentences},
    {"tokens", &DocumentStats::tokens},
    {"Sorani words", &DocumentStats::sorani_words},
    {"Latin words", &DocumentStats::latin_words},
    {"numbers", &DocumentStats::numbers},
    {"other tokens", &DocumentStats::other_tokens},
    {"changed chars", &DocumentStats::changed},
}};

void pad_left(std::string& line, const std::string& cell, std::size_t width) {
  line.append(width > cell.size() ? width - cell.size() : 0, ' ');
  line += cell;
}

std::string changed_cell(const DocumentStats& d) {
  return std::to_string(d.changed) + " (" + percent(d.changed, d.characters) + ")";
}

std::string cell(const DocumentStats& d, std::size_t column) {
  if (kColumns[column].field == &DocumentStats::changed) return changed_cell(d);
  return std::to_string(d.*kColumns[column].field);
}

}  // namespace

void print_stats_table(Output& out, const StatsReport& report) {
  std::vector<const DocumentStats*> rows;
  for (const DocumentStats& d : report.documents) rows.push_back(&d);
  rows.push_back(&report.total);

  std::size_t name_width = std::string_view("document").size();
  for (const DocumentStats& d : report.documents) name_width = std::max(name_width, display_width(d.path));
  std::array<std::size_t, kColumns.size()> widths{};
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    widths[c] = std::string_view(kColumns[c].header).size();
    for (const DocumentStats* d : rows) widths[c] = std::max(widths[c], cell(*d, c).size());
  }

  std::string line = "document";
  line.append(name_width - line.size(), ' ');
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    line += "  ";
    pad_left(line, kColumns[c].header, widths[c]);
  }
  std::size_t table_width = display_width(line);
  out.write(line);
  out.put('\n');
  for (const DocumentStats* d : rows) {
    const bool total = d == &report.total;
    if (total) {
      out.write(std::string(table_width, '-'));
      out.put('\n');
    }
    line.clear();
    write_valid_utf8(out, total ? std::string_view("total") : std::string_view(d->path));
    line.append(name_width - display_width(total ? "total" : d->path), ' ');
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      line += "  ";
      pad_left(line, cell(*d, c), widths[c]);
    }
    out.write(line);
    out.put('\n');
  }
  auto count = [](std::uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  out.write(count(report.documents.size(), "document", "documents") + ", " +
            count(report.total.bytes, "byte", "bytes") + ", " +
            count(report.total.characters, "character", "characters") + "\n");

  if (!report.top_words.empty()) {
    out.write("\nMost frequent Sorani words (standard profile):\n");
    const std::size_t count_width = std::max<std::size_t>(5, std::to_string(report.top_words.front().second).size());
    for (std::size_t i = 0; i < report.top_words.size(); ++i) {
      char rank[32];
      std::snprintf(rank, sizeof rank, "%4zu.  ", i + 1);
      line = rank;
      pad_left(line, std::to_string(report.top_words[i].second), count_width);
      line += "  ";
      out.write(line);
      write_valid_utf8(out, report.top_words[i].first);
      out.put('\n');
    }
  }
  if (report.has_example) {
    const Example& e = report.example;
    out.write("\nExample sentence (" + e.path + ", line " + std::to_string(e.line) + "):\n  original:   ");
    write_valid_utf8(out, e.original);
    out.write("\n  normalized: ");
    write_valid_utf8(out, e.normalized);
    out.put('\n');
  }
}

namespace {

void write_counts(Output& out, const DocumentStats& d) {
  const std::pair<const char*, std::uint64_t> fields[] = {
      {"bytes", d.bytes},         {"characters", d.characters},     {"lines", d.lines},
      {"sentences", d.sentences}, {"tokens", d.tokens},             {"sorani_words", d.sorani_words},
      {"latin_words", d.latin_words}, {"numbers", d.numbers},       {"other_tokens", d.other_tokens},
      {"changed_characters", d.changed}};
  bool first = true;
  for (const auto& [name, value] : fields) {
    out.write(first ? "\"" : ", \"");
    out.write(name);
    out.write("\": ");
    out.write_uint(value);
    first = false;
  }
}

}  // namespace

void print_stats_json(Output& out, const StatsReport& report) {
  out.write("{\"documents\": [");
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    out.write(i == 0 ? "\n  {\"path\": " : ",\n  {\"path\": ");
    write_json_string(out, report.documents[i].path);
    out.write(", ");
    write_counts(out, report.documents[i]);
    out.put('}');
  }
  out.write("],\n \"totals\": {\"documents\": ");
  out.write_uint(report.documents.size());
  out.write(", ");
  write_counts(out, report.total);
  out.write("},\n \"top_sorani_words\": [");
  for (std::size_t i = 0; i < report.top_words.size(); ++i) {
    out.write(i == 0 ? "{\"word\": " : ", {\"word\": ");
    write_json_string(out, report.top_words[i].first);
    out.write(", \"count\": ");
    out.write_uint(report.top_words[i].second);
    out.put('}');
  }
  out.write("],\n \"example\": ");
  if (report.has_example) {
    const Example& e = report.example;
    out.write("{\"path\": ");
    write_json_string(out, e.path);
    out.write(", \"line\": ");
    out.write_uint(e.line);
    out.write(", \"original\": ");
    write_json_string(out, e.original);
    out.write(", \"normalized\": ");
    write_json_string(out, e.normalized);
    out.put('}');
  } else {
    out.write("null");
  }
  out.write("}\n");
}

}  // namespace kurdi::cli
