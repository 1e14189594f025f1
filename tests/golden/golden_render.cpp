#include "golden_render.hpp"

#include <algorithm>
#include <filesystem>
#include <cstdio>

#include "kurdi/kurdi.hpp"

namespace kurdi_golden {
namespace {

constexpr std::string_view kMagic = "#kurdi-golden";

std::string render_tokens(std::string_view input) {
  const kurdi::Tokens t = kurdi::tokenize(input);
  std::string out;
  for (const kurdi::Token& tok : t.tokens) {
    out += std::to_string(tok.begin);
    out += '\t';
    out += std::to_string(tok.end);
    out += '\t';
    out += kurdi::token_type_name(tok.type);
    out += '\t';
    out += escape_field(input.substr(tok.begin, tok.end - tok.begin));
    out += '\t';
    out += escape_field(t.norm(tok));
    out += '\n';
  }
  return out;
}

std::string render_sentences(std::string_view input) {
  std::string out;
  for (const kurdi::Sentence& s : kurdi::sentences(input)) {
    out += std::to_string(s.begin);
    out += '\t';
    out += std::to_string(s.end);
    out += '\t';
    out += escape_field(input.substr(s.begin, s.end - s.begin));
    out += '\n';
  }
  return out;
}

// The value of `key=` in a header line of space-separated fields.
std::optional<std::string> field(std::string_view line, std::string_view key) {
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view f = line.substr(pos, end - pos);
    if (f.size() > key.size() && f.substr(0, key.size()) == key && f[key.size()] == '=') {
      return std::string(f.substr(key.size() + 1));
    }
    pos = end + 1;
  }
  return std::nullopt;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    if (nl == std::string_view::npos) {
      lines.push_back(s);
      break;
    }
    lines.push_back(s.substr(0, nl));
    s.remove_prefix(nl + 1);
  }
  return lines;
}

// A line shortened for a report (long article lines are cut at a UTF-8
// character boundary).
std::string clip(std::string_view line) {
  constexpr std::size_t kMax = 300;
  if (line.size() <= kMax) return std::string(line);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut)) + " [...]";
}

}  // namespace

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = {
      {"standard", ".standard.txt"},
      {"search", ".search.txt"},
      {"tokens", ".tokens.tsv"},
      {"sentences", ".sentences.tsv"},
  };
  return k;
}

std::string render(std::string_view kind, std::string_view input) {
  if (kind == "standard") return kurdi::normalize(input);
  if (kind == "search") {
    kurdi::NormalizeOptions o;
    o.profile = kurdi::Profile::search;
    return kurdi::normalize(input, o);
  }
  if (kind == "tokens") return render_tokens(input);
  if (kind == "sentences") return render_sentences(input);
  return {};
}

std::string header(std::string_view kind, std::string_view source_name,
                   std::string_view analyzer_version) {
  std::string h(kMagic);
  h += " analyzer=";
  h += analyzer_version;
  h += " kind=";
  h += kind;
  h += " source=";
  h += source_name;
  h += '\n';
  return h;
}

std::optional<GoldenFile> parse(std::string_view file) {
  const std::size_t nl = file.find('\n');
  if (nl == std::string_view::npos) return std::nullopt;
  const std::string_view line = file.substr(0, nl);
  if (line.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  GoldenFile g;
  const auto version = field(line, "analyzer");
  const auto kind = field(line, "kind");
  const auto source = field(line, "source");
  if (!version || !kind || !source) return std::nullopt;
  g.analyzer_version = *version;
  g.kind = *kind;
  g.source = *source;
  g.body = std::string(file.substr(nl + 1));
  return g;
}

std::string escape_field(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static constexpr char kHex[] = "0123456789ABCDEF";
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string s;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  const bool ok = std::ferror(f) == 0;
  std::fclose(f);
  if (!ok) return std::nullopt;
  return s;
}

std::vector<std::string> seed_names(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") {
      names.push_back(e.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string first_differences(std::string_view expected, std::string_view actual,
                              std::size_t line_offset, std::size_t max_lines) {
  const auto a = split_lines(expected);
  const auto b = split_lines(actual);
  std::string out;
  std::size_t shown = 0;
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n && shown < max_lines; ++i) {
    const std::string_view x = i < a.size() ? a[i] : std::string_view("<no line>");
    const std::string_view y = i < b.size() ? b[i] : std::string_view("<no line>");
    if (x == y) continue;
    out += "  line " + std::to_string(i + 1 + line_offset) + "\n    golden:  " + clip(x) + "\n    current: " +
           clip(y) + "\n";
    ++shown;
  }
  if (shown == 0 && expected != actual) {
    out += "  (same lines; the difference is in the final line break)\n";
  }
  out += "  golden has " + std::to_string(a.size()) + " lines, current output " +
         std::to_string(b.size()) + " lines\n";
  return out;
}

}  // namespace kurdi_golden
