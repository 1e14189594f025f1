// kurdi eval change: how much of a text the normalizer changes.
//
// Definition. The input file is normalized as a whole (as `kurdi normalize`
// would), input and output are decoded to code points and split at line
// feeds (normalization keeps every line feed, so line k of the output is the
// normalization of line k of the input; a different line count is reported
// as a failure). Each line pair is aligned by a minimal Levenshtein
// alignment over code points (run by run when both have the same
// whitespace / non-whitespace runs, which the "never merges or drops
// whitespace" contract guarantees). "Changed code points" is the edit
// distance: substitutions + deletions + insertions. The change rate is that
// number divided by the number of input code points (line feeds included).
//
// Classes: non-matching steps are grouped into edits (see group_edits) and
// counted by (input code points -> output code points), with the first word
// where each occurs.
//
// The library's OffsetMap is checked on the way: anchors monotonic and in
// range, and every output code point aligned as unchanged maps back to the
// byte offset of its input twin.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "align.hpp"
#include "args.hpp"
#include "commands.hpp"
#include "kurdi/normalize.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

struct ClassStat {
  std::size_t count = 0;
  std::size_t cps = 0;  // edit distance attributed to this class
  std::string example_in, example_out;
};

struct Totals {
  std::size_t lines = 0, cps_in = 0, cps_out = 0;
  std::size_t subs = 0, dels = 0, ins = 0;
  std::size_t lines_changed = 0, words = 0, words_changed = 0;
};

// Code point index ranges [first, last) of the lines of a decoded text.
std::vector<std::pair<std::size_t, std::size_t>> line_ranges(const std::vector<CodePoint>& cps) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i].cp == U'\n') {
      out.emplace_back(start, i);
      start = i + 1;
    }
  }
  if (start < cps.size()) out.emplace_back(start, cps.size());
  return out;
}

// The whitespace-delimited word(s) around [pos, pos + len) of `s`; when the
// span is only whitespace, the words on both sides.
std::u32string context_word(std::u32string_view s, std::size_t pos, std::size_t len) {
  std::size_t l = std::min(pos, s.size());
  std::size_t r = std::min(pos + len, s.size());
  const auto extend = [&] {
    while (l > 0 && !is_space(s[l - 1])) --l;
    while (r < s.size() && !is_space(s[r])) ++r;
  };
  extend();
  bool has_text = false;
  for (std::size_t k = l; k < r; ++k) has_text = has_text || !is_space(s[k]);
  if (!has_text) {
    while (l > 0 && is_space(s[l - 1])) --l;
    while (r < s.size() && is_space(s[r])) ++r;
    extend();
  }
  return std::u32string(s.substr(l, r - l));
}

std::size_t count_words(std::u32string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char32_t c : s) {
    const bool w = !is_space(c);
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

// Whether input byte offset `got` is the start of the code point at
// `twin`, or of an identical code point in the same run (when a run of
// identical characters shrinks, which one survived is a matter of
// convention: the alignment keeps the last, the offset map may keep the
// first).
bool maps_to_twin(const std::vector<CodePoint>& in, std::size_t twin, std::size_t got) {
  if (in[twin].begin == got) return true;
  const char32_t cp = in[twin].cp;
  for (std::size_t k = twin; k > 0 && in[k - 1].cp == cp;) {
    --k;
    if (in[k].begin == got) return true;
  }
  for (std::size_t k = twin + 1; k < in.size() && in[k].cp == cp; ++k) {
    if (in[k].begin == got) return true;
  }
  return false;
}

}  // namespace

int cmd_change(const std::vector<std::string>& argv) {
  const Args args(argv, {"--profile", "--examples", "--classes"}, {"--verbose", "--words"});
  const bool list_words = args.flag("--words");
  const std::size_t max_classes = args.get_size("--classes", static_cast<std::size_t>(-1));
  const std::string dd = data_dir();
  const auto files =
      args.files_or({dd + "/script-normalization/flores200/ckb_Arab.devtest"});
  const auto profile = kurdi::parse_profile(args.get("--profile", "standard"));
  if (!profile) throw UsageError("--profile must be standard or search");
  kurdi::NormalizeOptions options;
  options.profile = *profile;
  const bool verbose = args.flag("--verbose");
  const std::size_t max_examples = args.get_size("--examples", 5);

  int status = 0;
  Totals all;
  for (const std::string& path : files) {
    const std::string input = read_file(path);
    kurdi::OffsetMap map;
    const std::string output = kurdi::normalize(input, options, &map);
    std::size_t malformed = 0;
    const auto in_cps = decode(input, &malformed);
    const auto out_cps = decode(output);
    std::u32string in32, out32;
    for (const auto& c : in_cps) in32.push_back(c.cp);
    for (const auto& c : out_cps) out32.push_back(c.cp);
    const auto in_lines = line_ranges(in_cps);
    const auto out_lines = line_ranges(out_cps);

    std::cout << "== change: profile " << kurdi::profile_name(*profile) << " ==\n"
              << "file: " << path << "\n";
    if (malformed) std::cout << "malformed UTF-8 sequences in input: " << malformed << "\n";
    if (in_lines.size() != out_lines.size()) {
      std::cout << "FAIL: input has " << in_lines.size() << " lines, output "
                << out_lines.size() << " (line feeds must be kept)\n";
      status = 1;
      continue;
    }

    // Offset map sanity.
    const auto& anchors = map.anchors();
    std::size_t map_bad = 0;
    for (std::size_t k = 0; k < anchors.size(); ++k) {
      if (anchors[k].out > output.size() || anchors[k].in > input.size()) ++map_bad;
      if (k > 0 && (anchors[k].out < anchors[k - 1].out || anchors[k].in < anchors[k - 1].in)) {
        ++map_bad;
      }
    }
    const bool end_ok = map.to_input(output.size()) == input.size();

    Totals t;
    t.lines = in_lines.size();
    t.cps_in = in_cps.size();
    t.cps_out = out_cps.size();
    std::map<std::pair<std::u32string, std::u32string>, ClassStat> classes;
    std::map<std::pair<std::u32string, std::u32string>, std::size_t> changed_words;
    std::size_t disagreements = 0, whitespace_changed = 0, chunks_changed = 0;
    std::vector<std::string> whitespace_examples, chunk_examples;
    std::vector<std::string> disagreement_examples;
    for (std::size_t li = 0; li < in_lines.size(); ++li) {
      const auto [a0, a1] = in_lines[li];
      const auto [b0, b1] = out_lines[li];
      const std::u32string_view a = std::u32string_view(in32).substr(a0, a1 - a0);
      const std::u32string_view b = std::u32string_view(out32).substr(b0, b1 - b0);
      t.words += count_words(a);
      if (a == b) {
        for (std::size_t k = 0; k < a.size(); ++k) {
          if (map.to_input(out_cps[b0 + k].begin) != in_cps[a0 + k].begin) ++disagreements;
        }
        continue;
      }
      ++t.lines_changed;
      if (count_spaces(a) != count_spaces(b)) {
        ++whitespace_changed;
        if (whitespace_examples.size() < max_examples) {
          whitespace_examples.push_back("line " + std::to_string(li + 1));
        }
      }
      if (count_content_chunks(a) != count_content_chunks(b)) {
        ++chunks_changed;
        if (chunk_examples.size() < max_examples) chunk_examples.push_back("line " + std::to_string(li + 1));
      }
      const auto steps = align_by_runs(a, b);
      std::set<std::size_t> touched_words;  // start index of each touched input word
      for (const Step& s : steps) {
        switch (s.op) {
          case Op::match: {
            const std::size_t got = map.to_input(out_cps[b0 + s.b_pos].begin);
            if (!maps_to_twin(in_cps, a0 + s.a_pos, got)) {
              ++disagreements;
              if (disagreement_examples.size() < max_examples) {
                disagreement_examples.push_back(
                    "line " + std::to_string(li + 1) + ": output byte " +
                    std::to_string(out_cps[b0 + s.b_pos].begin) + " (" +
                    show(std::u32string(1, b[s.b_pos])) + " in " +
                    encode(context_word(b, s.b_pos, 1)) + ") maps to input byte " +
                    std::to_string(got) + ", its unchanged twin is at " +
                    std::to_string(in_cps[a0 + s.a_pos].begin));
              }
            }
            break;
          }
          case Op::substitute: ++t.subs; break;
          case Op::remove: ++t.dels; break;
          case Op::insert: ++t.ins; break;
        }
      }
      for (const Edit& e : group_edits(steps, a, b)) {
        ClassStat& c = classes[{e.from, e.to}];
        ++c.count;
        c.cps += e.last_step - e.first_step;
        if (c.example_in.empty()) {
          c.example_in = encode(context_word(a, e.a_begin, e.from.size()));
          c.example_out = encode(context_word(b, e.b_begin, e.to.size()));
        }
        std::size_t w = std::min(e.a_begin, a.size());
        while (w > 0 && !is_space(a[w - 1])) --w;
        if (touched_words.insert(w).second && list_words) {
          ++changed_words[{context_word(a, e.a_begin, e.from.size()),
                           context_word(b, e.b_begin, e.to.size())}];
        }
      }
      t.words_changed += touched_words.size();
    }

    const std::size_t changed = t.subs + t.dels + t.ins;
    std::cout << "lines: " << t.lines << " (changed: " << t.lines_changed << ")\n"
              << "words (whitespace-delimited): " << t.words
              << " (changed: " << t.words_changed << ", " << percent(double(t.words_changed), double(t.words)) << ")\n"
              << "code points in: " << t.cps_in << "\n"
              << "code points out: " << t.cps_out << "\n"
              << "code points changed (edit distance): " << changed << " = " << t.subs
              << " substituted + " << t.dels << " deleted + " << t.ins << " inserted\n"
              << "change rate: " << percent(double(changed), double(t.cps_in)) << "\n"
              << "offset map: " << anchors.size() << " anchors; monotonic and in range: "
              << (map_bad == 0 ? "yes" : "NO (" + std::to_string(map_bad) + " bad)")
              << "; end maps to input end: " << (end_ok ? "yes" : "NO")
              << "; unchanged code points mapped elsewhere: " << disagreements << "\n";
    std::cout << "lines with a different number of whitespace characters: " << whitespace_changed
              << " (must be 0)";
    for (const auto& ex : whitespace_examples) std::cout << "; " << ex;
    std::cout << "\nlines with a different number of chunks holding a letter or digit: "
              << chunks_changed << " (must be 0)";
    for (const auto& ex : chunk_examples) std::cout << "; " << ex;
    std::cout << "\n";
    if (map_bad != 0 || !end_ok || whitespace_changed != 0 || chunks_changed != 0) status = 1;
    if (verbose) {
      for (const auto& ex : disagreement_examples) std::cout << "  offset map: " << ex << "\n";
    }

    std::vector<std::pair<std::pair<std::u32string, std::u32string>, ClassStat>> sorted(
        classes.begin(), classes.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
      return x.second.count > y.second.count;
    });
    std::cout << "changed classes: " << sorted.size()
              << " (input -> output [code points]: edits, code points changed; first example)\n";
    std::size_t listed = 0;
    for (const auto& [key, c] : sorted) {
      if (listed++ == max_classes) {
        std::cout << "  ... " << (sorted.size() - max_classes) << " more (--classes)\n";
        break;
      }
      std::cout << "  " << show(key.first) << " -> " << show(key.second) << "  ["
                << cp_list(key.first) << " -> " << cp_list(key.second) << "]: " << c.count
                << ", " << c.cps << "; e.g. " << c.example_in << " -> " << c.example_out
                << "\n";
    }
    if (list_words) {
      std::vector<std::pair<std::pair<std::u32string, std::u32string>, std::size_t>> words(
          changed_words.begin(), changed_words.end());
      std::stable_sort(words.begin(), words.end(),
                       [](const auto& x, const auto& y) { return x.second > y.second; });
      std::cout << "changed words (input -> output: count), " << words.size() << " distinct:\n";
      for (const auto& [pair, n] : words) {
        std::cout << "  " << encode(pair.first) << " -> " << encode(pair.second) << ": " << n << "\n";
      }
    }
    std::cout << "\n";
    all.lines += t.lines;
    all.cps_in += t.cps_in;
    all.subs += t.subs;
    all.dels += t.dels;
    all.ins += t.ins;
  }
  if (files.size() > 1) {
    const std::size_t changed = all.subs + all.dels + all.ins;
    std::cout << "== total over " << files.size() << " files ==\ncode points in: " << all.cps_in
              << "\ncode points changed: " << changed
              << "\nchange rate: " << percent(double(changed), double(all.cps_in)) << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
