#include "contracts.hpp"

#include <algorithm>
#include <cstdio>

namespace kurdi_props {
namespace {

// ---- a small, independent UTF-8 decoder (the test's own oracle) ----------

struct Cp {
  char32_t cp;
  std::size_t len;
  bool valid;
};

// Decodes one code point at `i` (Unicode Table 3-7); a malformed byte
// decodes as U+FFFD of length 1.
Cp decode(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = b(i);
  if (c < 0x80) return {c, 1, true};
  std::size_t len = 0;
  char32_t cp = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return {0xFFFD, 1, false};
  }
  if (i + len > s.size()) return {0xFFFD, 1, false};
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned t = b(i + k);
    const unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (t < l || t > h) return {0xFFFD, 1, false};
    cp = (cp << 6) | (t & 0x3F);
  }
  return {cp, len, true};
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Cp d = decode(s, i);
    if (!d.valid) return false;
    i += d.len;
  }
  return true;
}

bool is_exotic_space(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// White space as the contracts mean it: ASCII white space, the exotic spaces
// the normalizer turns into ' ', and the Unicode line separators.
bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x0085 || c == 0x2028 || c == 0x2029 ||
         is_exotic_space(c);
}

// Letters and digits, as far as the normalizer can change them: every
// character it rewrites is classified the same before and after (Arabic
// letters and their presentation forms; harakat, tatweel and the mark-only
// presentation forms are not letters). Other scripts are left out: the
// normalizer never touches them, so they cannot make the two sides differ.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c >= 0x00C0 && c <= 0x024F) return c != 0x00D7 && c != 0x00F7;
  if (c >= 0x0620 && c <= 0x064A) return c != 0x0640;
  if (c >= 0x0660 && c <= 0x0669) return true;
  if (c >= 0x066E && c <= 0x066F) return true;
  if (c >= 0x0671 && c <= 0x06D3) return true;
  if (c == 0x06D5) return true;
  if (c >= 0x06EE && c <= 0x06FF) return c != 0x06FD && c != 0x06FE;
  if (c >= 0x0750 && c <= 0x077F) return true;
  if (c >= 0xFB50 && c <= 0xFBB1) return true;
  if (c >= 0xFBD3 && c <= 0xFD3D) return c < 0xFC5E || c > 0xFC63;
  if (c >= 0xFD50 && c <= 0xFDC7) return true;
  if (c >= 0xFDF0 && c <= 0xFDFB) return true;
  if (c >= 0xFE80 && c <= 0xFEFC) return true;
  return false;
}

// A whitespace-delimited chunk of the text.
struct Chunk {
  std::size_t begin, end;
  bool has_word;  // holds a letter or digit
};

std::vector<Chunk> chunks(std::string_view s) {
  std::vector<Chunk> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const Cp d = decode(s, i);
    if (d.valid && is_space(d.cp)) {
      i += d.len;
      continue;
    }
    Chunk c{i, i, false};
    while (i < s.size()) {
      const Cp e = decode(s, i);
      if (e.valid && is_space(e.cp)) break;
      if (e.valid && is_word_char(e.cp)) c.has_word = true;
      i += e.len;
    }
    c.end = i;
    out.push_back(c);
  }
  return out;
}

// The white space of a text in order, exotic spaces written as ' '.
std::string whitespace_sequence(std::string_view s) {
  std::string w;
  for (std::size_t i = 0; i < s.size();) {
    const Cp d = decode(s, i);
    if (d.valid && is_space(d.cp)) {
      if (is_exotic_space(d.cp)) {
        w += ' ';
      } else {
        w.append(s.substr(i, d.len));
      }
    }
    i += d.len;
  }
  return w;
}

// Number of chunks holding a letter or digit, per line ('\n'-separated).
std::vector<std::size_t> words_per_line(std::string_view s) {
  std::vector<std::size_t> counts;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = s.find('\n', pos);
    const std::string_view line = s.substr(pos, nl == s.npos ? s.npos : nl - pos);
    std::size_t n = 0;
    for (const Chunk& c : chunks(line)) n += c.has_word ? 1 : 0;
    counts.push_back(n);
    if (nl == s.npos) break;
    pos = nl + 1;
  }
  return counts;
}

// Space, or common punctuation that separates words.
bool is_delimiter(char32_t c) {
  if (is_space(c)) return true;
  if (c < 0x80) return c > 0x20 && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
  return c == 0x060C || c == 0x061B || c == 0x061F || c == 0x00AB || c == 0x00BB || c == 0x06D4;
}

// [b, e) is preceded and followed by a delimiter or the edge of the text.
bool delimited(std::string_view s, std::size_t b, std::size_t e) {
  if (e < s.size()) {
    const Cp d = decode(s, e);
    if (!d.valid || !is_delimiter(d.cp)) return false;
  }
  if (b > 0) {
    std::size_t p = b - 1;
    while (p > 0 && b - p < 4 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    const Cp d = decode(s, p);
    if (!d.valid || p + d.len != b || !is_delimiter(d.cp)) return false;
  }
  return true;
}

std::string where(std::size_t offset) { return " at byte " + std::to_string(offset); }

void add(Violations& v, std::string msg) {
  if (v.size() < 20) v.push_back(std::move(msg));
}

// Up to 24 bytes either side of `at`, widened to UTF-8 character boundaries.
std::string context(std::string_view s, std::size_t at) {
  const auto cont = [&](std::size_t p) {
    return p < s.size() && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80;
  };
  std::size_t b = at > 24 ? at - 24 : 0;
  for (int k = 0; k < 3 && b > 0 && cont(b); ++k) --b;
  std::size_t e = std::min(s.size(), at + 24);
  for (int k = 0; k < 3 && cont(e); ++k) ++e;
  return " near \"" + show(s.substr(b, e - b)) + "\"";
}

kurdi::NormalizeOptions options(kurdi::Profile p) {
  kurdi::NormalizeOptions o;
  o.profile = p;
  return o;
}

}  // namespace

std::string show(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const Cp d = decode(s, i);
    if (d.valid && d.cp >= 0x20 && d.cp != 0x7F && d.cp != '\\' &&
        !(d.cp >= 0x200B && d.cp <= 0x200F) && d.cp != 0xFEFF && d.cp != 0x00A0) {
      out.append(s.substr(i, d.len));
    } else if (d.valid && d.cp >= 0x80) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(d.cp));
      out += buf;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
      out += buf;
    }
    i += d.len;
  }
  return out;
}

Violations check_normalize(std::string_view in, kurdi::Profile profile, Depth depth) {
  return check_normalize(in, options(profile), depth);
}

Violations check_normalize(std::string_view in, const kurdi::NormalizeOptions& opts, Depth depth) {
  Violations v;
  const kurdi::Profile profile = opts.profile;
  std::string name(kurdi::profile_name(profile));
  if (opts.digits != kurdi::DigitStyle::profile_default) {
    name += opts.digits == kurdi::DigitStyle::ascii          ? "+digits=ascii"
            : opts.digits == kurdi::DigitStyle::arabic_indic ? "+digits=arabic-indic"
                                                             : "+digits=keep";
  }
  if (opts.keep_harakat) name += "+keep-harakat";
  const bool plain = opts.digits == kurdi::DigitStyle::profile_default && !opts.keep_harakat;
  kurdi::OffsetMap map;
  const std::string out = kurdi::normalize(in, opts, &map);

  if (!is_valid_utf8(out)) add(v, name + ": output is not valid UTF-8");
  if (kurdi::find_invalid_utf8(out) != std::string_view::npos) {
    add(v, name + ": kurdi::find_invalid_utf8 finds a malformed sequence in the output");
  }

  const std::string twice = kurdi::normalize(out, opts);
  if (twice != out) {
    std::size_t d = 0;
    while (d < out.size() && d < twice.size() && out[d] == twice[d]) ++d;
    add(v, name + ": not idempotent; first difference" + where(d) + " of the output" +
               context(out, d) + " -> " + context(twice, d));
  }

  if (profile == kurdi::Profile::search && plain) {
    const std::string via_standard =
        kurdi::normalize(kurdi::normalize(in), options(kurdi::Profile::search));
    if (via_standard != out) {
      std::size_t d = 0;
      while (d < out.size() && d < via_standard.size() && out[d] == via_standard[d]) ++d;
      add(v, "search(standard(x)) != search(x); first difference" + where(d) + context(out, d) +
                 " vs" + context(via_standard, d));
    }
  }

  if (whitespace_sequence(in) != whitespace_sequence(out)) {
    add(v, name + ": white space changed (merged, dropped, added or reordered)");
  }
  // A final line feed stays final (the converse need not hold: characters
  // after the last line feed may all be deleted, like a stray haraka).
  if (!in.empty() && in.back() == '\n' && (out.empty() || out.back() != '\n')) {
    add(v, name + ": final line feed not preserved");
  }
  {
    const auto a = words_per_line(in);
    const auto b = words_per_line(out);
    if (a != b) {
      std::size_t line = 0;
      while (line < a.size() && line < b.size() && a[line] == b[line]) ++line;
      add(v, name + ": a whitespace-delimited chunk holding a letter or digit was lost or merged"
                    " (line " + std::to_string(line + 1) + ")");
    }
  }

  // Offset map: monotonic, in range, ends at the input size, anchors sorted.
  const auto& anchors = map.anchors();
  for (std::size_t k = 1; k < anchors.size(); ++k) {
    if (anchors[k].out <= anchors[k - 1].out || anchors[k].in < anchors[k - 1].in) {
      add(v, name + ": offset map anchors out of order at anchor " + std::to_string(k));
      break;
    }
  }
  // Positions where to_input is evaluated, in increasing order.
  std::vector<std::size_t> positions;
  if (depth == Depth::exhaustive) {
    for (std::size_t o = 0; o <= out.size(); ++o) positions.push_back(o);
  } else {
    constexpr std::size_t kNear = 4, kStride = 61;
    for (const auto& a : anchors) {
      for (std::size_t o = a.out > kNear ? a.out - kNear : 0; o <= a.out + kNear; ++o) {
        positions.push_back(o);
      }
    }
    for (std::size_t o = 0; o <= out.size(); o += kStride) positions.push_back(o);
    for (std::size_t o = 0; o < out.size(); ++o) {
      const char c = out[o];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') positions.push_back(o);
    }
    positions.push_back(out.size());
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    while (!positions.empty() && positions.back() > out.size()) positions.pop_back();
  }
  std::size_t prev = 0;
  for (const std::size_t o : positions) {
    const std::size_t i = map.to_input(o);
    if (i > in.size()) {
      add(v, name + ": to_input(" + std::to_string(o) + ") = " + std::to_string(i) +
                 " is past the input size " + std::to_string(in.size()));
      break;
    }
    if (i < prev) {
      add(v, name + ": to_input is not monotonic at output byte " + std::to_string(o) + " (" +
                 std::to_string(prev) + " then " + std::to_string(i) + ")");
      break;
    }
    prev = i;
    if (o < out.size()) {
      const char c = out[o];
      if (c == '\n' || c == '\r' || c == '\t') {
        if (i >= in.size() || in[i] != c) {
          add(v, name + ": output line break / tab" + where(o) + " maps to input byte " +
                     std::to_string(i) + " which is not the same character");
          break;
        }
      } else if (c == ' ') {
        const bool ok = i < in.size() && (in[i] == ' ' || (decode(in, i).valid &&
                                                           is_exotic_space(decode(in, i).cp)));
        if (!ok) {
          add(v, name + ": output space" + where(o) + " maps to input byte " + std::to_string(i) +
                     " which is not a space" + context(in, i));
          break;
        }
      }
    }
  }
  if (map.to_input(out.size()) != in.size()) {
    add(v, name + ": to_input(output size) != input size");
  }

  // normalize_into appends and keeps map offsets relative to the appended part.
  std::string appended = "prefix ";
  kurdi::OffsetMap map2;
  kurdi::normalize_into(in, opts, appended, &map2);
  if (appended != "prefix " + out) add(v, name + ": normalize_into differs from normalize");
  for (std::size_t o = 0; o <= out.size(); o += 1 + out.size() / 64) {
    if (map2.to_input(o) != map.to_input(o)) {
      add(v, name + ": normalize_into's map differs from normalize's at output byte " +
                 std::to_string(o));
      break;
    }
  }
  return v;
}

Violations check_tokens(std::string_view in, const kurdi::Tokens& t,
                        const kurdi::NormalizeOptions& forms) {
  Violations v;
  const bool valid = is_valid_utf8(in);
  std::size_t prev_end = 0;
  for (std::size_t k = 0; k < t.tokens.size(); ++k) {
    const kurdi::Token& tok = t.tokens[k];
    const std::string id = "token " + std::to_string(k) + " [" + std::to_string(tok.begin) + "," +
                           std::to_string(tok.end) + ")";
    if (tok.begin >= tok.end) add(v, id + " is empty");
    if (tok.end > in.size()) {
      add(v, id + " ends past the input");
      break;
    }
    if (tok.begin < prev_end) add(v, id + " overlaps or precedes the previous token");
    prev_end = std::max(prev_end, tok.end);
    if (valid) {
      const auto cont = [&](std::size_t p) {
        return p < in.size() && (static_cast<unsigned char>(in[p]) & 0xC0) == 0x80;
      };
      if (cont(tok.begin) || cont(tok.end)) add(v, id + " is not on a character boundary");
    }
    const std::string_view slice = in.substr(tok.begin, tok.end - tok.begin);
    for (std::size_t i = 0; i < slice.size();) {
      const Cp d = decode(slice, i);
      if (d.valid && is_space(d.cp)) {
        add(v, id + " contains white space" + context(in, tok.begin + i));
        break;
      }
      i += d.len;
    }
    if (tok.norm_begin > tok.norm_end || tok.norm_end > t.normalized.size()) {
      add(v, id + ": normalized form out of bounds");
    } else if (!is_valid_utf8(t.norm(tok))) {
      add(v, id + ": normalized form is not valid UTF-8");
    } else if ((tok.type == kurdi::TokenType::word || tok.type == kurdi::TokenType::latin) &&
               delimited(in, tok.begin, tok.end)) {
      // A word between white space or punctuation has a form that does not
      // depend on what is outside it: normalizing the original slice alone
      // gives the same form. (Not checked for words glued to other
      // characters: an Arabic word glued to a Latin letter is one word for
      // the normalizer's contexts but two tokens.)
      const std::string alone = kurdi::normalize(slice, forms);
      if (alone != t.norm(tok)) {
        add(v, id + ": normalized form \"" + show(t.norm(tok)) + "\" differs from normalizing "
                   "the original slice alone (\"" + show(alone) + "\")");
      }
    }
  }
  if (!is_valid_utf8(t.normalized)) add(v, "Tokens::normalized is not valid UTF-8");

  // No lost words: every chunk with a letter or digit overlaps a token.
  std::size_t k = 0;
  for (const Chunk& c : chunks(in)) {
    if (!c.has_word) continue;
    while (k < t.tokens.size() && t.tokens[k].end <= c.begin) ++k;
    if (k == t.tokens.size() || t.tokens[k].begin >= c.end) {
      add(v, "the chunk [" + std::to_string(c.begin) + "," + std::to_string(c.end) +
                 ") holding a letter or digit overlaps no token: \"" +
                 show(in.substr(c.begin, std::min<std::size_t>(c.end - c.begin, 80))) + "\"");
    }
  }
  return v;
}

Violations check_sentences(std::string_view in, const kurdi::Tokens& t) {
  Violations v;
  const auto ss = kurdi::sentences(in);
  std::size_t prev_end = 0;
  for (std::size_t k = 0; k < ss.size(); ++k) {
    const kurdi::Sentence& s = ss[k];
    const std::string id = "sentence " + std::to_string(k) + " [" + std::to_string(s.begin) +
                           "," + std::to_string(s.end) + ")";
    if (s.begin >= s.end) add(v, id + " is empty");
    if (s.end > in.size()) {
      add(v, id + " ends past the input");
      break;
    }
    if (s.begin < prev_end) add(v, id + " overlaps or precedes the previous sentence");
    prev_end = std::max(prev_end, s.end);
    const std::string_view text = in.substr(s.begin, s.end - s.begin);
    if (text.find('\n') != text.npos || text.find('\r') != text.npos) {
      add(v, id + " spans a line break");
    }
    if (!text.empty()) {
      const Cp first = decode(in, s.begin);
      if (first.valid && is_space(first.cp)) add(v, id + " starts with white space");
      const auto last = static_cast<unsigned char>(text.back());
      if (last == ' ' || (last >= 0x09 && last <= 0x0D)) add(v, id + " ends with white space");
    }
  }
  // Every token lies inside exactly one sentence.
  std::size_t k = 0;
  for (const kurdi::Token& tok : t.tokens) {
    while (k < ss.size() && ss[k].end <= tok.begin) ++k;
    if (k == ss.size() || tok.begin < ss[k].begin || tok.end > ss[k].end) {
      add(v, "token [" + std::to_string(tok.begin) + "," + std::to_string(tok.end) +
                 ") is not inside one sentence" + context(in, tok.begin));
    }
  }
  return v;
}

Violations check_split(std::string_view in, const kurdi::Tokens& whole, Depth depth) {
  Violations v;
  std::vector<std::size_t> cuts;
  if (depth == Depth::exhaustive) {
    for (std::size_t i = 1; i < in.size(); ++i) {
      if (kurdi::safe_split_point(in.substr(0, i)) == i) cuts.push_back(i);
    }
  } else {
    const std::size_t cut = kurdi::safe_split_point(in.substr(0, in.size() / 2));
    if (cut > 0 && cut < in.size()) cuts.push_back(cut);
  }
  const std::string whole_std = kurdi::normalize(in, options(kurdi::Profile::standard));
  const std::string whole_search = kurdi::normalize(in, options(kurdi::Profile::search));
  for (const std::size_t cut : cuts) {
    const std::string_view a = in.substr(0, cut), b = in.substr(cut);
    for (const kurdi::Profile p : {kurdi::Profile::standard, kurdi::Profile::search}) {
      const std::string& w = p == kurdi::Profile::standard ? whole_std : whole_search;
      if (kurdi::normalize(a, options(p)) + kurdi::normalize(b, options(p)) != w) {
        add(v, std::string(kurdi::profile_name(p)) + ": normalizing the parts cut at " +
                   std::to_string(cut) + " (a safe split point) differs from the whole" +
                   context(in, cut));
      }
    }
    const kurdi::Tokens ta = kurdi::tokenize(a), tb = kurdi::tokenize(b);
    const std::size_t n = ta.tokens.size() + tb.tokens.size();
    std::size_t d = 0;
    for (; d < std::min(n, whole.tokens.size()); ++d) {
      const bool first = d < ta.tokens.size();
      const kurdi::Tokens& part = first ? ta : tb;
      const kurdi::Token& x = part.tokens[first ? d : d - ta.tokens.size()];
      const std::size_t shift = first ? 0 : cut;
      const kurdi::Token& y = whole.tokens[d];
      if (x.begin + shift != y.begin || x.end + shift != y.end || x.type != y.type ||
          part.norm(x) != whole.norm(y)) {
        break;
      }
    }
    if (d != n || n != whole.tokens.size()) {
      add(v, "tokenizing the parts cut at " + std::to_string(cut) +
                 " (a safe split point) differs from the whole from token " + std::to_string(d) +
                 context(in, cut));
    }
  }
  return v;
}

Violations check_all(std::string_view input, Depth depth) {
  Violations all;
  const kurdi::Tokens tokens = kurdi::tokenize(input);
  for (auto&& part : {check_normalize(input, kurdi::Profile::standard, depth),
                      check_normalize(input, kurdi::Profile::search, depth),
                      check_tokens(input, tokens), check_sentences(input, tokens),
                      check_split(input, tokens, depth)}) {
    for (const auto& m : part) add(all, m);
  }
  return all;
}

}  // namespace kurdi_props
