#include "json.hpp"

#include <array>

#include "kurdi/utf8.hpp"

namespace kurdi::cli {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

constexpr std::array<bool, 256> make_escape_table() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}
constexpr std::array<bool, 256> kNeedsEscape = make_escape_table();

// Escapes a piece that is valid UTF-8.
void write_escaped_valid(Output& out, std::string_view s) {
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (!kNeedsEscape[byte]) continue;
    out.write(s.substr(run, i - run));
    run = i + 1;
    switch (byte) {
      case '"': out.write("\\\""); break;
      case '\\': out.write("\\\\"); break;
      case '\n': out.write("\\n"); break;
      case '\r': out.write("\\r"); break;
      case '\t': out.write("\\t"); break;
      case '\b': out.write("\\b"); break;
      case '\f': out.write("\\f"); break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        const char code[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 15]};
        out.write(std::string_view(code, sizeof code));
      }
    }
  }
  out.write(s.substr(run));
}

// Calls piece(valid_part) for each valid stretch of `s` and writes U+FFFD
// for each malformed sequence between them.
template <typename WritePiece>
void for_valid_pieces(Output& out, std::string_view s, WritePiece piece) {
  std::size_t from = 0;
  while (true) {
    const std::size_t bad = kurdi::find_invalid_utf8(s, from);
    if (bad == std::string_view::npos) {
      piece(s.substr(from));
      return;
    }
    piece(s.substr(from, bad - from));
    out.write(kReplacement);
    from = bad + kurdi::invalid_utf8_length(s, bad);
  }
}

}  // namespace

void write_json_string(Output& out, std::string_view s) {
  out.put('"');
  for_valid_pieces(out, s, [&out](std::string_view piece) { write_escaped_valid(out, piece); });
  out.put('"');
}

void write_valid_utf8(Output& out, std::string_view s) {
  for_valid_pieces(out, s, [&out](std::string_view piece) { out.write(piece); });
}

}  // namespace kurdi::cli
