// kurdi eval tokens: token and offset sanity on running text.
//
// Each file is tokenized as a whole (standard profile). Reported:
//   * tokens by type;
//   * chunks: maximal runs of non-whitespace code points (Unicode
//     White_Space). A chunk holding a letter or digit (see
//     is_letter_or_digit) must overlap at least one token; the number of
//     such chunks with no token is reported (must be 0), with examples;
//   * offsets: every token has begin < end <= file size, begins and ends on
//     a UTF-8 character boundary, starts at or after the previous token's
//     end, and its slice [begin, end) of the original holds no whitespace;
//   * tokens whose normalized form is empty.
// --list TYPE prints the most frequent original texts of one token type.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <string>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/tokenize.hpp"
#include "text_util.hpp"

namespace kurdi_eval {

int cmd_tokens(const std::vector<std::string>& argv) {
  const Args args(argv, {"--examples", "--list", "--top"}, {"--verbose"});
  const std::string list_type = args.get("--list", "");
  const std::size_t list_top = args.get_size("--top", 20);
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/bench/ckb-clean.txt", dd + "/bench/ckb-dirty.txt"});
  const std::size_t max_examples = args.get_size("--examples", 5);
  int status = 0;

  for (const std::string& path : files) {
    const std::string text = read_file(path);
    const auto t0 = std::chrono::steady_clock::now();
    const kurdi::Tokens toks = kurdi::tokenize(text);
    const auto t1 = std::chrono::steady_clock::now();
    std::size_t malformed = 0;
    const auto cps = decode(text, &malformed);

    // Per byte: number of whitespace code points starting before it.
    std::vector<std::uint32_t> space_prefix(text.size() + 1, 0);
    {
      std::size_t k = 0;
      std::uint32_t count = 0;
      for (const auto& c : cps) {
        for (; k <= c.begin; ++k) space_prefix[k] = count;
        if (is_space(c.cp)) ++count;
      }
      for (; k <= text.size(); ++k) space_prefix[k] = count;
    }
    const auto boundary = [&](std::size_t off) {
      return off == text.size() ||
             (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0u) != 0x80u);
    };

    std::map<kurdi::TokenType, std::size_t> by_type;
    std::size_t bad_range = 0, bad_boundary = 0, bad_order = 0, has_space = 0, empty_norm = 0,
                bad_norm_range = 0;
    std::vector<std::string> examples;
    std::size_t prev_end = 0;
    for (const auto& t : toks.tokens) {
      ++by_type[t.type];
      if (t.norm_begin > t.norm_end || t.norm_end > toks.normalized.size()) {
        ++bad_norm_range;
      } else if (t.norm_begin == t.norm_end) {
        ++empty_norm;
      }
      if (!(t.begin < t.end && t.end <= text.size())) {
        ++bad_range;
        continue;
      }
      if (!boundary(t.begin) || !boundary(t.end)) ++bad_boundary;
      if (t.begin < prev_end) ++bad_order;
      prev_end = std::max(prev_end, t.end);
      if (space_prefix[t.end] != space_prefix[t.begin]) {
        ++has_space;
        if (examples.size() < max_examples) {
          examples.push_back("token with whitespace at byte " + std::to_string(t.begin) + ": " +
                             show(decode_u32(std::string_view(text).substr(t.begin, t.end - t.begin))));
        }
      }
    }

    // Chunks with a letter or digit and no overlapping token.
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    spans.reserve(toks.tokens.size());
    for (const auto& t : toks.tokens) {
      if (t.begin < t.end && t.end <= text.size()) spans.emplace_back(t.begin, t.end);
    }
    std::sort(spans.begin(), spans.end());
    std::size_t chunks = 0, content_chunks = 0, lost = 0, si = 0;
    for (std::size_t i = 0; i < cps.size();) {
      if (is_space(cps[i].cp)) {
        ++i;
        continue;
      }
      std::size_t j = i;
      bool content = false;
      while (j < cps.size() && !is_space(cps[j].cp)) {
        content = content || is_letter_or_digit(cps[j].cp);
        ++j;
      }
      const std::size_t cb = cps[i].begin, ce = cps[j - 1].end;
      ++chunks;
      if (content) {
        ++content_chunks;
        while (si < spans.size() && spans[si].second <= cb) ++si;
        const bool covered = si < spans.size() && spans[si].first < ce;
        if (!covered) {
          ++lost;
          if (examples.size() < max_examples) {
            examples.push_back("chunk without a token at byte " + std::to_string(cb) + ": " +
                               encode(decode_u32(std::string_view(text).substr(cb, ce - cb))));
          }
        }
      }
      i = j;
    }

    const double secs = std::chrono::duration<double>(t1 - t0).count();
    std::cout << "== tokens ==\nfile: " << path << "\nbytes: " << text.size()
              << "; code points: " << cps.size();
    if (malformed) std::cout << "; malformed UTF-8 sequences: " << malformed;
    std::cout << "\ntokens: " << toks.tokens.size() << " (tokenize took " << fixed(secs, 2)
              << " s, informational; see bench/ for speed)\n";
    for (const auto& [type, n] : by_type) {
      std::cout << "  " << kurdi::token_type_name(type) << ": " << n << " ("
                << percent(double(n), double(toks.tokens.size()), 2) << ")\n";
    }
    std::cout << "whitespace-separated chunks: " << chunks << "; with a letter or digit: "
              << content_chunks << "; of those with no token: " << lost << " ("
              << percent(double(lost), double(content_chunks), 4) << ", must be 0)\n"
              << "tokens whose slice of the original holds whitespace: " << has_space << " (must be 0)\n"
              << "tokens out of range or empty: " << bad_range
              << "; not on a UTF-8 boundary: " << bad_boundary
              << "; overlapping or out of order: " << bad_order
              << "; normalized range out of bounds: " << bad_norm_range
              << "; empty normalized form: " << empty_norm << "\n";
    if (args.flag("--verbose") || lost || has_space) {
      for (const auto& e : examples) std::cout << "  " << e << "\n";
    }
    if (!list_type.empty()) {
      std::map<std::string, std::size_t> texts;
      for (const auto& t : toks.tokens) {
        if (kurdi::token_type_name(t.type) == list_type && t.begin < t.end && t.end <= text.size()) {
          ++texts[text.substr(t.begin, t.end - t.begin)];
        }
      }
      std::vector<std::pair<std::string, std::size_t>> v(texts.begin(), texts.end());
      std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      std::cout << "most frequent " << list_type << " tokens (" << texts.size() << " distinct):\n";
      for (std::size_t i = 0; i < v.size() && i < list_top; ++i) {
        std::cout << "  " << v[i].second << "  " << show(decode_u32(v[i].first)) << "  ["
                  << cp_list(decode_u32(v[i].first).substr(0, 4)) << (decode_u32(v[i].first).size() > 4 ? " ..." : "") << "]\n";
      }
    }
    if (lost || has_space || bad_range || bad_boundary || bad_order || bad_norm_range) status = 1;
    std::cout << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
