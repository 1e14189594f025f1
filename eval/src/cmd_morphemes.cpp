// kurdi eval morphemes: morpheme tokenization against the KurdishTokenization
// gold (issue 3, section 4).
//
// Input: the raw sentences (one per line) and the gold tokenization of the
// same lines (space-separated tokens). Each side becomes a list of spans over
// the sentence's characters with the spaces taken out, both sides normalized
// with the standard profile: ours by kurdi::tokenize + kurdi::morpheme_tokens
// (what `kurdi tokenize --morphemes` prints), the gold by normalizing each
// gold token. A token counts as correct when its span is a gold span.
//   precision = correct / our tokens, recall = correct / gold tokens, F1.
// A line where the two sides do not spell the same characters (the gold
// differs from the raw sentence, or normalization acts across a token
// boundary) is not scored and is counted.
// Baseline in the same run: whitespace + punctuation splitting (the tokens of
// `kurdi tokenize`, words unsplit).
// Ceiling: the gold splits the same ending differently in different words
// (رێگا کانی beside ئەرکە کان ی). For each ending (what follows a word's first
// gold token, e.g. کانی) the most frequent split is taken as the convention;
// a tokenizer that follows one convention per ending cannot match the other
// words' tokens. The ceiling F1 counts those tokens as lost (both sides).
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/tokenize.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

// Spans of consecutive pieces over their concatenation.
std::vector<Span> spans_of(const std::vector<std::string>& pieces, std::string& joined) {
  std::vector<Span> out;
  joined.clear();
  for (const auto& p : pieces) {
    if (p.empty()) continue;
    out.emplace_back(joined.size(), joined.size() + p.size());
    joined += p;
  }
  return out;
}

std::vector<std::string> split_spaces(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.emplace_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

struct Counts {
  std::size_t correct = 0, ours = 0, gold = 0;
  double p() const { return ours ? double(correct) / double(ours) : 0; }
  double r() const { return gold ? double(correct) / double(gold) : 0; }
  double f1() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

void score(const std::vector<Span>& ours, const std::vector<Span>& gold, Counts& c) {
  c.ours += ours.size();
  c.gold += gold.size();
  std::size_t i = 0, j = 0;
  while (i < ours.size() && j < gold.size()) {
    if (ours[i] == gold[j]) {
      ++c.correct, ++i, ++j;
    } else if (ours[i].first < gold[j].first || (ours[i].first == gold[j].first && ours[i].second < gold[j].second)) {
      ++i;
    } else {
      ++j;
    }
  }
}

void print(const char* name, const Counts& c) {
  std::cout << "  " << name << ": P " << fixed(c.p(), 3) << "  R " << fixed(c.r(), 3) << "  F1 " << fixed(c.f1(), 3)
            << "  (" << c.correct << " correct, " << c.ours << " tokens, " << c.gold << " gold)\n";
}

}  // namespace

int cmd_morphemes(const std::vector<std::string>& argv) {
  Args args(argv, {"--errors"}, {});
  const auto files = args.files_or({data_dir() + "/kurdish-tokenization-gold/ckb_sentences.txt",
                                    data_dir() + "/kurdish-tokenization-gold/annotated_corpus_ckb.txt"});
  if (files.size() != 2) throw UsageError("expected SENTENCES GOLD (two files, line-aligned)");
  const std::size_t max_errors = args.get_size("--errors", 0);
  const std::string raw_text = read_file(files[0]), gold_text = read_file(files[1]);
  const auto raw_lines = split_lines(strip_bom(raw_text));
  const auto gold_lines = split_lines(strip_bom(gold_text));
  if (raw_lines.size() != gold_lines.size())
    throw std::runtime_error("the two files have different line counts (" + std::to_string(raw_lines.size()) +
                             " and " + std::to_string(gold_lines.size()) + ")");

  Counts ours_c, base_c;
  std::size_t lines = 0, unscored = 0, errors_shown = 0;
  kurdi::Tokens toks;
  std::string joined_ours, joined_gold, joined_base;
  // ending -> split pattern -> count, and each gold word's (ending, pattern)
  std::map<std::string, std::map<std::string, std::size_t>> patterns;
  struct GoldWord {
    std::string ending, pattern;
    std::size_t tokens;
  };
  std::vector<GoldWord> gold_words;
  for (std::size_t n = 0; n < raw_lines.size(); ++n) {
    if (trim_ascii(raw_lines[n]).empty()) continue;
    ++lines;
    std::vector<std::string> mine, base;
    kurdi::tokenize(raw_lines[n], toks);
    for (const auto& t : toks.tokens) base.emplace_back(toks.norm(t));
    kurdi::MorphemeTokenizer().tokens(toks, 0, toks.tokens.size(), mine);
    std::vector<std::string> gold;
    for (const auto& g : split_spaces(gold_lines[n])) gold.push_back(kurdi::normalize(g));
    const auto so = spans_of(mine, joined_ours);
    const auto sg = spans_of(gold, joined_gold);
    const auto sb = spans_of(base, joined_base);
    if (joined_ours != joined_gold) {
      ++unscored;
      continue;
    }
    score(so, sg, ours_c);
    score(sb, sg, base_c);
    if (errors_shown < max_errors && so != sg) {
      ++errors_shown;
      std::cout << "line " << n + 1 << "\n  ours: ";
      for (const auto& m : mine) std::cout << m << ' ';
      std::cout << "\n  gold: ";
      for (const auto& g : gold) std::cout << g << ' ';
      std::cout << "\n";
    }
    // Gold words: the gold tokens that make up one whitespace word of the raw
    // sentence (its normalized tokens, concatenated, spell the word).
    std::size_t gi = 0;
    for (const auto& t : toks.tokens) {
      if (t.type != kurdi::TokenType::word) {
        while (gi < gold.size() && gold[gi] == std::string(toks.norm(t))) { ++gi; break; }
        continue;
      }
      const std::string word(toks.norm(t));
      std::string acc;
      std::vector<std::string> parts;
      while (gi < gold.size() && acc.size() < word.size()) {
        acc += gold[gi];
        parts.push_back(gold[gi++]);
      }
      if (acc != word || parts.empty()) break;  // misaligned: stop collecting this line
      std::string ending, pattern;
      for (std::size_t k = 1; k < parts.size(); ++k) {
        ending += parts[k];
        pattern += (k > 1 ? "+" : "") + parts[k];
      }
      // A one-token word: its ending is unknown; it is counted with the
      // ending it would have if a later morpheme were split, which needs the
      // analysis: skip (only split words define conventions).
      if (parts.size() < 2) continue;
      patterns[ending][pattern]++;
      gold_words.push_back({ending, pattern, parts.size()});
    }
  }

  // Ceiling: tokens of gold words whose split is not the majority split of
  // their ending are counted as unattainable.
  std::size_t lost = 0;
  for (const auto& w : gold_words) {
    const auto& m = patterns[w.ending];
    const auto best = std::max_element(m.begin(), m.end(), [](const auto& a, const auto& b) {
      return a.second < b.second;
    });
    if (best->first != w.pattern) lost += w.tokens - 1;  // the split-off tokens
  }
  std::size_t inconsistent_endings = 0;
  for (const auto& [ending, m] : patterns)
    if (m.size() > 1) ++inconsistent_endings;
  Counts ceiling;
  ceiling.gold = ours_c.gold;
  ceiling.ours = ours_c.gold;
  ceiling.correct = ours_c.gold > lost ? ours_c.gold - lost : 0;

  std::cout << "morpheme tokenization: " << files[1] << "\n"
            << "  lines " << lines << ", scored " << lines - unscored << ", not scored (the two sides spell "
            << "different characters) " << unscored << "\n";
  print("kurdi tokenize --morphemes", ours_c);
  print("baseline: tokens of kurdi tokenize (words unsplit)", base_c);
  std::cout << "  ceiling estimate: " << inconsistent_endings << " endings split two or more ways in the gold; "
            << lost << " gold tokens follow a minority split -> F1 <= " << fixed(ceiling.f1(), 3) << "\n";
  return 0;
}

}  // namespace kurdi_eval
