// kurdi eval hunspell-eval: the hand analyses of KurdishHunspell's test set.
//
// Input: morph_analysis_testset.tsv (Sina Ahmadi, CC BY-SA 4.0): '#' comment
// lines, a header "word lemma pos stem prefixes base suffixes description",
// then one analysis per line (CRLF line ends). Alternatives inside a cell are
// separated by '|' (کوتن|وتن).
//
// Mapping between their conventions and ours (eval/README.md):
//   * both sides are compared after kurdi::normalize (standard profile);
//   * lemma: any alternative counts; on rows whose pos includes "verb" a
//     final -ەوە is dropped from their lemma (UniMorph and kurdi treat -ەوە
//     as inflection: سووڕانەوە -> سووڕان; only after the infinitive's ن, so a
//     lemma written as a past form, سووتاندەوە, stays as it is); nothing
//     else is mapped, so their causative and passive infinitives (سووتاندن
//     for سووتاندم, بینران; UniMorph and kurdi give the base verb: سووتان,
//     بینین) and adverbs with بە (بەزوویی -> زوو) count as errors where we
//     differ; the errors whose best analysis is CAUS or PASS are counted;
//   * stem: their `base` column (the word without prefixes and suffixes:
//     the nominal stem, or the bare verb stem) against our best analysis's
//     Analysis::stem with its leading preverb removed (their prefixes
//     column holds the preverb: هەڵ + وەشاند); rows with an empty base are not
//     scored;
//   * their `stem` column is a root (ک for کردن, پرس for بەرپرس), a notion
//     we do not produce: its agreement with any of kurdi::stems() is printed
//     for information only;
//   * rows whose word holds a space (بە زوویی, وڵام دان) are skipped and counted.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/morph.hpp"
#include "morph_util.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

std::vector<std::string_view> split_on(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

/// The normalized, non-empty alternatives of a cell.
std::set<std::string> alternatives(std::string_view cell_text) {
  std::set<std::string> out;
  for (auto alt : split_on(cell_text, '|')) {
    std::string n = norm_word(alt);
    if (!n.empty()) out.insert(std::move(n));
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Tally {
  std::size_t n = 0, lemma = 0, oracle = 0, stem_scored = 0, stem = 0, stem_oracle = 0, root = 0;
};

std::string ratio(std::size_t num, std::size_t den) {
  if (den == 0) return "n/a";
  return fixed(double(num) / double(den), 4) + " (" + std::to_string(num) + "/" + std::to_string(den) + ")";
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : "|") + x;
  return out;
}

}  // namespace

int cmd_hunspell_eval(const std::vector<std::string>& argv) {
  const Args args(argv, {"--errors"}, {});
  const std::size_t max_errors = args.get_size("--errors", 0);
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/kurdishhunspell-eval/morph_analysis_testset.tsv"});
  const std::string evewe = "\xDB\x95\xD9\x88\xDB\x95";   // ەوە
  const std::string nevewe = "\xD9\x86" + evewe;              // نەوە: infinitive + ەوە
  int status = 0;
  for (const std::string& path : files) {
    const std::string text = read_file(path);
    std::size_t rows = 0, skipped_space = 0, malformed = 0, evewe_mapped = 0;
    std::size_t voice_errors = 0;
    Tally all;
    std::map<std::string, Tally> by_pos;
    std::vector<std::string> errors, problems;
    for (std::string_view line : split_lines(strip_bom(text))) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (trim_ascii(line).empty() || line.front() == '#') continue;
      auto f = split_on(line, '\t');
      if (f[0] == "word") continue;  // header
      ++rows;
      if (f.size() < 6) {
        ++malformed;
        std::cerr << path << ": fewer than 6 columns, skipped: " << line << "\n";
        continue;
      }
      f.resize(8);
      const std::string_view word = trim_ascii(f[0]);
      if (word.find(' ') != std::string_view::npos) {
        ++skipped_space;
        continue;
      }
      const std::string pos_cell(trim_ascii(f[2]));
      bool verb = false;
      for (auto p : split_on(pos_cell, '|')) verb = verb || trim_ascii(p) == "verb";
      const std::string pos(trim_ascii(split_on(pos_cell, '|').front()));
      std::set<std::string> gold_lemmas;
      for (const auto& l : alternatives(f[1])) {
        if (verb && ends_with(l, nevewe)) {
          gold_lemmas.insert(l.substr(0, l.size() - evewe.size()));
          ++evewe_mapped;
        } else {
          gold_lemmas.insert(l);
        }
      }
      const std::set<std::string> gold_bases = alternatives(f[5]);
      const std::set<std::string> gold_roots = alternatives(f[3]);

      const auto analyses = kurdi::analyze(word);
      const std::string lemma = kurdi::lemma(word);
      const auto stems = kurdi::stems(word);
      check_morph_contracts(word, analyses, lemma, stems, problems);
      if (analyses.empty()) continue;
      const kurdi::Analysis& best = analyses.front();

      Tally t;
      t.n = 1;
      const std::string ours = norm_word(lemma);
      t.lemma = gold_lemmas.count(ours);
      t.oracle = std::any_of(analyses.begin(), analyses.end(),
                             [&](const kurdi::Analysis& a) { return gold_lemmas.count(norm_word(a.lemma)) != 0; });
      const auto our_stem = [](const kurdi::Analysis& a) {
        return norm_word(drop_prefix(a.stem, leading_preverb(a)));
      };
      if (!gold_bases.empty()) {
        t.stem_scored = 1;
        t.stem = gold_bases.count(our_stem(best));
        t.stem_oracle = std::any_of(analyses.begin(), analyses.end(),
                                    [&](const kurdi::Analysis& a) { return gold_bases.count(our_stem(a)) != 0; });
      }
      t.root = std::any_of(stems.begin(), stems.end(),
                           [&](const std::string& s) { return gold_roots.count(norm_word(s)) != 0; });
      for (Tally* x : {&all, &by_pos[pos]}) {
        x->n += t.n;
        x->lemma += t.lemma;
        x->oracle += t.oracle;
        x->stem_scored += t.stem_scored;
        x->stem += t.stem;
        x->stem_oracle += t.stem_oracle;
        x->root += t.root;
      }
      if (!t.lemma && derived_voice(best)) ++voice_errors;
      if ((!t.lemma || (t.stem_scored && !t.stem)) && errors.size() < max_errors) {
        errors.push_back(std::string(word) + "\t" + pos_cell + "\tlemma gold: " + join(gold_lemmas) +
                         " ours: " + ours + (t.lemma ? " (ok)" : "") + "\tbase gold: " + join(gold_bases) +
                         " ours: " + our_stem(best) + (t.stem ? " (ok)" : "") + "\t[" + best.features + "]" +
                         (best.known ? "" : " (unknown)"));
      }
    }

    std::cout << "== hunspell-eval: KurdishHunspell hand analyses ==\nfile: " << path << "\n"
              << "rows: " << rows << "; scored: " << all.n << "; skipped: word with a space " << skipped_space
              << ", malformed " << malformed << "\n"
              << "verb lemmas mapped by dropping -ەوە: " << evewe_mapped << "\n"
              << "lemma accuracy (best lemma among their alternatives): " << ratio(all.lemma, all.n) << "\n"
              << "oracle lemma accuracy (any analysis): " << ratio(all.oracle, all.n) << "\n"
              << "  lemma errors where our best analysis is causative or passive (CAUS/PASS: we give the base\n"
                 "  verb's infinitive as UniMorph does, this gold the derived infinitive): "
              << voice_errors << "\n"
              << "stem accuracy (their base vs our best stem without its preverb): "
              << ratio(all.stem, all.stem_scored) << "\n"
              << "oracle stem accuracy (any analysis): " << ratio(all.stem_oracle, all.stem_scored) << "\n"
              << "their root column among kurdi::stems() (information only, not our notion): "
              << ratio(all.root, all.n) << "\n"
              << "contract checks: " << (problems.empty() ? "all hold" : std::to_string(problems.size()) + " FAILED")
              << "\n";
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) std::cout << "  " << problems[i] << "\n";
    std::cout << "by their first pos:\n"
              << cell("pos", 10) << cell("n", 5) << cell("lemma", 8) << cell("oracle", 8) << cell("stem", 8)
              << cell("stem n", 8) << "\n";
    for (const auto& [pos, t] : by_pos) {
      std::cout << cell(pos, 10) << cell(std::to_string(t.n), 5)
                << cell(t.n ? fixed(double(t.lemma) / double(t.n), 3) : "-", 8)
                << cell(t.n ? fixed(double(t.oracle) / double(t.n), 3) : "-", 8)
                << cell(t.stem_scored ? fixed(double(t.stem) / double(t.stem_scored), 3) : "-", 8)
                << cell(std::to_string(t.stem_scored), 8) << "\n";
    }
    if (!errors.empty()) {
      std::cout << "first " << errors.size() << " rows with a lemma or stem error:\n";
      for (const auto& e : errors) std::cout << "  " << e << "\n";
    }
    if (!problems.empty()) status = 1;
    std::cout << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
