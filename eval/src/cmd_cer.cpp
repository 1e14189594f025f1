// kurdi eval cer: character error rate against manual normalizations.
//
// Input: TSV files, one pair per line: source text <TAB> reference (the
// source's manual normalization). Empty lines are skipped; a trailing CR is
// dropped; a line without a TAB is reported and skipped.
//
// CER = sum over lines of Levenshtein(hypothesis, reference) over code
// points / sum of reference lengths in code points, for two hypotheses:
// the raw source (the do-nothing baseline) and the normalizer's output.
// Also reported: the same with every whitespace character removed from both
// sides ("spacing-blind", to separate word-spacing fixes from letters), and
// the most frequent single edit operations left between hypothesis and
// reference (from one minimal alignment per line).
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "align.hpp"
#include "args.hpp"
#include "commands.hpp"
#include "kurdi/normalize.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

struct Pair {
  std::size_t line;
  std::u32string src, ref;
};

std::u32string without_space(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (!is_space(c)) out.push_back(c);
  }
  return out;
}

// Key: (op, hypothesis code point or 0, reference code point or 0).
using OpKey = std::tuple<Op, char32_t, char32_t>;
struct OpStat {
  std::size_t count = 0;
  std::string example_hyp, example_ref;
};

std::u32string word_around(std::u32string_view s, std::size_t pos) {
  std::size_t l = std::min(pos, s.size()), r = std::min(pos + 1, s.size());
  while (l > 0 && !is_space(s[l - 1])) --l;
  while (r < s.size() && !is_space(s[r])) ++r;
  if (l > 0) {  // one word of context on the left
    --l;
    while (l > 0 && !is_space(s[l - 1])) --l;
  }
  if (r < s.size()) {  // and on the right
    ++r;
    while (r < s.size() && !is_space(s[r])) ++r;
  }
  return std::u32string(s.substr(l, r - l));
}

std::string describe(const OpKey& k) {
  const auto [op, h, r] = k;
  const std::u32string hs(1, h), rs(1, r);
  switch (op) {
    case Op::substitute:
      return "substitute " + show(hs) + " -> " + show(rs) + " [" + cp_name(h) + " -> " +
             cp_name(r) + "]";
    case Op::remove: return "delete " + show(hs) + " [" + cp_name(h) + "]";
    case Op::insert: return "insert " + show(rs) + " [" + cp_name(r) + "]";
    case Op::match: break;
  }
  return "match";
}

struct Score {
  std::size_t dist = 0, dist_nospace = 0;
  std::map<OpKey, OpStat> ops;
};

void score(const std::u32string& hyp, const std::u32string& ref, Score& s, bool keep_ops) {
  if (!keep_ops) {
    s.dist += edit_distance(hyp, ref);
  } else {
    const auto steps = align(hyp, ref);
    for (const Step& st : steps) {
      if (st.op == Op::match) continue;
      ++s.dist;
      const char32_t h = st.op == Op::insert ? 0 : hyp[st.a_pos];
      const char32_t r = st.op == Op::remove ? 0 : ref[st.b_pos];
      OpStat& o = s.ops[{st.op, h, r}];
      if (o.count++ == 0) {
        o.example_hyp = encode(word_around(hyp, st.a_pos));
        o.example_ref = encode(word_around(ref, st.b_pos));
      }
    }
  }
  s.dist_nospace += edit_distance(without_space(hyp), without_space(ref));
}

void print_top(const Score& s, std::size_t top, std::size_t total) {
  std::vector<std::pair<OpKey, OpStat>> v(s.ops.begin(), s.ops.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  for (std::size_t i = 0; i < v.size() && i < top; ++i) {
    std::cout << "  " << (i + 1) << ". " << describe(v[i].first) << ": " << v[i].second.count
              << " (" << percent(double(v[i].second.count), double(total), 1)
              << " of edits); e.g. hyp \"" << v[i].second.example_hyp << "\" ref \""
              << v[i].second.example_ref << "\"\n";
  }
}

}  // namespace

int cmd_cer(const std::vector<std::string>& argv) {
  const Args args(argv, {"--profile", "--top"}, {"--verbose", "--repair"});
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/script-normalization/Sorani-Arabic.tsv",
                                    dd + "/script-normalization/Sorani-Persian.tsv"});
  const auto profile = kurdi::parse_profile(args.get("--profile", "standard"));
  if (!profile) throw UsageError("--profile must be standard or search");
  kurdi::NormalizeOptions options;
  options.profile = *profile;
  // --repair: the lexicon-validated ه -> ە repair (issue 3 §5; always on in search)
  options.repair = args.flag("--repair");
  const std::size_t top = args.get_size("--top", 10);
  const bool verbose = args.flag("--verbose");

  for (const std::string& path : files) {
    const std::string text = read_file(path);
    std::vector<Pair> pairs;
    std::size_t no_tab = 0;
    const auto lines = split_lines(strip_bom(text));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = lines[i];
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      const auto tab = line.find('\t');
      if (tab == std::string_view::npos) {
        ++no_tab;
        std::cerr << path << ":" << (i + 1) << ": no TAB, skipped\n";
        continue;
      }
      pairs.push_back({i + 1, decode_u32(line.substr(0, tab)), decode_u32(line.substr(tab + 1))});
    }

    Score raw, norm;
    std::size_t ref_len = 0, ref_len_nospace = 0, better = 0, worse = 0, same = 0;
    for (const Pair& p : pairs) {
      const std::u32string hyp = decode_u32(kurdi::normalize(encode(p.src), options));
      const std::size_t raw_before = raw.dist, norm_before = norm.dist;
      score(p.src, p.ref, raw, true);
      score(hyp, p.ref, norm, true);
      ref_len += p.ref.size();
      ref_len_nospace += without_space(p.ref).size();
      const std::size_t dr = raw.dist - raw_before, dn = norm.dist - norm_before;
      (dn < dr ? better : dn > dr ? worse : same) += 1;
      if (verbose) {
        std::cout << "line " << p.line << ": raw " << dr << ", normalized " << dn << "\n  src: "
                  << encode(p.src) << "\n  out: " << encode(hyp) << "\n  ref: " << encode(p.ref)
                  << "\n";
      }
    }

    std::cout << "== cer: profile " << kurdi::profile_name(*profile) << (options.repair ? " + repair" : "") << " ==\n"
              << "file: " << path << "\n"
              << "pairs: " << pairs.size() << (no_tab ? " (lines without TAB skipped: " + std::to_string(no_tab) + ")" : "")
              << "\nreference code points: " << ref_len << "\n"
              << "CER raw input (do-nothing baseline): " << raw.dist << " / " << ref_len << " = "
              << percent(double(raw.dist), double(ref_len), 2) << "\n"
              << "CER kurdi " << kurdi::profile_name(*profile) << ": " << norm.dist << " / "
              << ref_len << " = " << percent(double(norm.dist), double(ref_len), 2) << "\n"
              << "relative reduction: " << percent(double(raw.dist) - double(norm.dist), double(raw.dist), 1) << "\n"
              << "spacing-blind CER (all whitespace removed from both sides; reference "
              << ref_len_nospace << " code points): raw " << percent(double(raw.dist_nospace), double(ref_len_nospace), 2)
              << ", kurdi " << percent(double(norm.dist_nospace), double(ref_len_nospace), 2) << "\n"
              << "lines: closer to the reference " << better << ", further " << worse
              << ", same distance " << same << "\n"
              << "most frequent edits left (kurdi output -> reference):\n";
    print_top(norm, top, norm.dist);
    std::cout << "most frequent edits in the raw input (raw -> reference), for comparison:\n";
    print_top(raw, top, raw.dist);
    std::cout << "\n";
  }
  return 0;
}

}  // namespace kurdi_eval
