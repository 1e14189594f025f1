// kurdi eval lemma: lemma, UPOS and feature-bundle accuracy on UniMorph files.
//
// Input: UniMorph TSV, one inflected form per line: lemma<TAB>form<TAB>features
// (features = a ';'-separated bundle whose first tag is the part of speech).
// For each scored line, through the public API only:
//   lemma:   norm(kurdi::lemma(form)) == norm(gold lemma), norm = kurdi::normalize
//            (standard profile);
//   oracle:  the gold lemma equals the lemma of any analysis of kurdi::analyze(form)
//            (lemma errors are then ranking errors, the others coverage errors);
//   UPOS:    the best analysis's upos is the UD tag of the gold POS (upos_for;
//            CONJ accepts CCONJ and SCONJ); lines whose POS has no mapping are
//            not scored for UPOS;
//   features: the best analysis's bundle equals the gold bundle as a set of tags
//            (feature_set); the feature oracle asks the same of any analysis.
// Skipped and counted: lines with '+' in the lemma or the tags (contractions such
// as لەم = لە+ئەم, "ADP + PRO": multiword), lines with no features.
// A file whose name contains ".train" is the tuning set: its figures are
// labelled in-sample.
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/morph.hpp"
#include "morph_util.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

struct Tally {
  std::size_t n = 0, lemma = 0, oracle = 0, upos_scored = 0, upos = 0, feats = 0, feats_oracle = 0,
              unknown = 0;
  void add(const Tally& o) {
    n += o.n;
    lemma += o.lemma;
    oracle += o.oracle;
    upos_scored += o.upos_scored;
    upos += o.upos;
    feats += o.feats;
    feats_oracle += o.feats_oracle;
    unknown += o.unknown;
  }
};

std::string ratio(std::size_t num, std::size_t den) {
  if (den == 0) return "n/a";
  return fixed(double(num) / double(den), 4) + " (" + std::to_string(num) + "/" +
         std::to_string(den) + ")";
}

std::string short_ratio(std::size_t num, std::size_t den) {
  return den == 0 ? "-" : fixed(double(num) / double(den), 3);
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> f;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      f.push_back(line.substr(start));
      return f;
    }
    f.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

int cmd_lemma(const std::vector<std::string>& argv) {
  const Args args(argv, {"--errors"}, {"--by-pos"});
  const std::size_t max_errors = args.get_size("--errors", 0);
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/unimorph-ckb/ckb-arab.dev"});
  int status = 0;
  for (const std::string& path : files) {
    const std::string text = read_file(path);
    const bool in_sample = is_train_split(path);
    std::size_t lines = 0, skipped_multi = 0, skipped_nofeat = 0, malformed = 0;
    std::size_t ranking_errors = 0, coverage_errors = 0, coverage_unknown = 0;
    Tally all;
    std::map<std::string, Tally> by_pos;
    std::vector<std::string> errors, feat_errors, problems;

    for (std::string_view line : split_lines(strip_bom(text))) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (trim_ascii(line).empty()) continue;
      ++lines;
      const auto f = split_tabs(line);
      if (f.size() < 2 || trim_ascii(f[0]).empty() || trim_ascii(f[1]).empty()) {
        ++malformed;
        std::cerr << path << ": line without lemma<TAB>form, skipped: " << line << "\n";
        continue;
      }
      const std::string_view gold_lemma = trim_ascii(f[0]), form = trim_ascii(f[1]);
      const std::string_view feats = f.size() >= 3 ? trim_ascii(f[2]) : std::string_view{};
      if (gold_lemma.find('+') != std::string_view::npos || feats.find('+') != std::string_view::npos) {
        ++skipped_multi;
        continue;
      }
      const std::set<std::string> gold_feats = feature_set(feats);
      if (gold_feats.empty()) {
        ++skipped_nofeat;
        continue;
      }
      std::string pos(trim_ascii(feats.substr(0, feats.find(';'))));
      for (char& c : pos) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }

      const auto analyses = kurdi::analyze(form);
      const std::string lemma = kurdi::lemma(form);
      const auto stems = kurdi::stems(form);
      check_morph_contracts(form, analyses, lemma, stems, problems);
      if (analyses.empty()) continue;  // counted as a contract failure
      const kurdi::Analysis& best = analyses.front();

      Tally t;
      t.n = 1;
      const std::string gold = norm_word(gold_lemma);
      t.lemma = norm_word(lemma) == gold ? 1 : 0;
      t.oracle = std::any_of(analyses.begin(), analyses.end(),
                             [&](const kurdi::Analysis& a) { return norm_word(a.lemma) == gold; })
                     ? 1
                     : 0;
      const auto accepted = upos_for(pos);
      if (!accepted.empty()) {
        t.upos_scored = 1;
        t.upos = std::find(accepted.begin(), accepted.end(), best.upos) != accepted.end() ? 1 : 0;
      }
      t.feats = feature_set(best.features) == gold_feats ? 1 : 0;
      t.feats_oracle = std::any_of(analyses.begin(), analyses.end(),
                                   [&](const kurdi::Analysis& a) { return feature_set(a.features) == gold_feats; })
                           ? 1
                           : 0;
      t.unknown = best.known ? 0 : 1;
      all.add(t);
      by_pos[pos.empty() ? "(none)" : pos].add(t);

      if (!t.feats && feat_errors.size() < max_errors) {
        feat_errors.push_back(std::string(form) + "\tgold: " + std::string(feats) + "\tours: " + best.features +
                              (t.feats_oracle ? "\t(gold bundle among the analyses)" : ""));
      }
      if (!t.lemma) {
        if (t.oracle) {
          ++ranking_errors;
        } else {
          ++coverage_errors;
          coverage_unknown += best.known ? 0 : 1;
        }
        if (errors.size() < max_errors) {
          errors.push_back(std::string(form) + "\tgold: " + gold + " [" + std::string(feats) +
                           "]\tours: " + norm_word(lemma) + " [" + best.features + "]" +
                           (best.known ? "" : " (unknown)") +
                           (t.oracle ? "\tranking error (gold lemma among " +
                                           std::to_string(analyses.size()) + " analyses)"
                                     : "\tcoverage error"));
        }
      }
    }

    std::cout << "== lemma: UniMorph ==\nfile: " << path << "\n";
    if (in_sample) {
      std::cout << "IN-SAMPLE (tuning set): this split is a lexicon source and is used for tuning;\n"
                   "its figures are not a measure of quality on unseen words.\n";
    }
    std::cout << "lines: " << lines << "; scored: " << all.n << "; skipped: multiword ('+' in lemma or tags) "
              << skipped_multi << ", no features " << skipped_nofeat << "; malformed " << malformed << "\n"
              << "lemma accuracy" << (in_sample ? " (in-sample)" : "") << ": " << ratio(all.lemma, all.n) << "\n"
              << "oracle lemma accuracy (gold lemma among any analysis): " << ratio(all.oracle, all.n) << "\n"
              << "  lemma errors: " << (all.n - all.lemma) << " = ranking " << ranking_errors
              << " (gold lemma among the analyses) + coverage " << coverage_errors
              << " (not among them; of which the best analysis is unknown: " << coverage_unknown << ")\n"
              << "UPOS accuracy (best analysis; lines whose POS maps to UD): " << ratio(all.upos, all.upos_scored)
              << "\n"
              << "feature-bundle accuracy (best analysis, exact set of tags): " << ratio(all.feats, all.n) << "\n"
              << "oracle feature-bundle accuracy (any analysis): " << ratio(all.feats_oracle, all.n) << "\n"
              << "best analysis out-of-vocabulary (known == false): " << ratio(all.unknown, all.n) << "\n"
              << "contract checks (analyses non-empty, morphemes cover the form, lemma() == best, stems() "
                 "non-empty): "
              << (problems.empty() ? "all hold" : std::to_string(problems.size()) + " FAILED") << "\n";
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) std::cout << "  " << problems[i] << "\n";
    if (args.flag("--by-pos")) {
      std::vector<std::pair<std::string, Tally>> rows(by_pos.begin(), by_pos.end());
      std::stable_sort(rows.begin(), rows.end(),
                       [](const auto& a, const auto& b) { return a.second.n > b.second.n; });
      std::cout << "by UniMorph POS (first feature):\n"
                << cell("POS", 8) << cell("n", 7) << cell("lemma", 8) << cell("oracle", 8) << cell("UPOS", 8)
                << cell("feats", 8) << cell("OOV", 7) << "\n";
      for (const auto& [pos, t] : rows) {
        std::cout << cell(pos, 8) << cell(std::to_string(t.n), 7) << cell(short_ratio(t.lemma, t.n), 8)
                  << cell(short_ratio(t.oracle, t.n), 8) << cell(short_ratio(t.upos, t.upos_scored), 8)
                  << cell(short_ratio(t.feats, t.n), 8) << cell(std::to_string(t.unknown), 7) << "\n";
      }
    }
    if (!errors.empty()) {
      std::cout << "first " << errors.size() << " lemma errors (form, gold [gold features], ours [our features]):\n";
      for (const auto& e : errors) std::cout << "  " << e << "\n";
    }
    if (!feat_errors.empty()) {
      std::cout << "first " << feat_errors.size() << " feature-bundle errors (form, gold, ours):\n";
      for (const auto& e : feat_errors) std::cout << "  " << e << "\n";
    }
    if (!problems.empty()) status = 1;
    std::cout << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
