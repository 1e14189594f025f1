// kurdi eval coverage: share of word tokens with a lexicon-backed analysis.
//
// Each file is tokenized as a whole (kurdi::tokenize, standard profile). Only
// tokens of type `word` (Arabic-script words) count: numbers, dates, punctuation,
// URLs, Latin-script words and the rest are excluded. Each distinct normalized
// form (type) is analysed once; a token is covered when the best analysis of
// its form is lexicon-backed (Analysis::known).
//   token coverage = covered word tokens / word tokens;
//   type coverage  = covered types / types.
// Names count only if a gazetteer has them: the second figure also counts as
// covered the tokens whose normalized form is a single-word entry of the
// gazetteer (default: kurdish-named-entities/tsv, every *.tsv file; each line
// trimmed, normalized and tokenized, and kept when it is exactly one word
// token of more than one letter: the one-letter entries ت, ى are initials or
// noise). Parts of multi-word entries are not used (they hold common words:
// چاى "river", یا, تێکەل). Single-word entries are used as they are, common
// words among them included (the company سەر): the gazetteer figure is an
// upper bound, labelled as such.
// --top N lists the N most frequent unknown types (not covered by the lexicon).
// Check: a kurdi::Analyzer session run over every word token in text order
// answers what the free functions answer (analysis count, best features,
// lemma, stems).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/morph.hpp"
#include "kurdi/tokenize.hpp"
#include "morph_util.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

struct Gazetteer {
  std::unordered_set<std::string> names;
  std::size_t files = 0, entries = 0, one_letter = 0;
};

Gazetteer load_gazetteer(const std::string& dir) {
  Gazetteer g;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".tsv") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  kurdi::Tokens toks;
  for (const auto& p : paths) {
    ++g.files;
    const std::string text = read_file(p.string());
    for (std::string_view line : split_lines(strip_bom(text))) {
      std::string entry(trim_ascii(line));
      std::replace(entry.begin(), entry.end(), '\t', ' ');
      if (trim_ascii(entry).empty()) continue;
      ++g.entries;
      kurdi::tokenize(entry, toks);
      if (toks.tokens.size() == 1 && toks.tokens[0].type == kurdi::TokenType::word) {
        const std::string name(toks.norm(toks.tokens[0]));
        if (decode_u32(name).size() > 1) {
          g.names.insert(name);
        } else {
          ++g.one_letter;  // ت, ى: initials and noise, not names
        }
      }
    }
  }
  return g;
}

struct TypeInfo {
  std::size_t count = 0;
  std::string lemma;                ///< free-function answers, for the session check
  std::vector<std::string> stems;
  std::string best_features;
  std::size_t analyses = 0;
  bool known = false;
  bool any_known = false;
  bool name = false;
};

struct Counts {
  std::size_t tokens = 0, words = 0, covered = 0, covered_gaz = 0, types = 0, types_covered = 0,
              types_covered_gaz = 0, best_unknown_other_known = 0;
};

void print_counts(const Counts& c, bool with_gazetteer) {
  std::cout << "word tokens: " << c.words << " of " << c.tokens << " tokens; types: " << c.types << "\n"
            << "token coverage (best analysis lexicon-backed): " << c.covered << " / " << c.words << " = "
            << percent(double(c.covered), double(c.words), 2) << " (target >= 97 %)\n"
            << "type coverage: " << c.types_covered << " / " << c.types << " = "
            << percent(double(c.types_covered), double(c.types), 2) << "\n";
  if (with_gazetteer) {
    std::cout << "with gazetteer names counted as covered: tokens " << c.covered_gaz << " / " << c.words << " = "
              << percent(double(c.covered_gaz), double(c.words), 2) << "; types " << c.types_covered_gaz << " / "
              << c.types << " = " << percent(double(c.types_covered_gaz), double(c.types), 2) << "\n";
  }
  std::cout << "tokens whose best analysis is unknown while another analysis is known: "
            << c.best_unknown_other_known << "\n";
}

}  // namespace

int cmd_coverage(const std::vector<std::string>& argv) {
  const Args args(argv, {"--top", "--gazetteer"}, {"--no-gazetteer"});
  const std::size_t top = args.get_size("--top", 20);
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/seeds/000_d84807ab8c9b3917.txt", dd + "/seeds/001_8de1746b66d464b5.txt",
                                    dd + "/seeds/004_d66ec462f24239cd.txt"});
  const bool use_gaz = !args.flag("--no-gazetteer");
  Gazetteer gaz;
  if (use_gaz) {
    const std::string dir = args.get("--gazetteer", dd + "/kurdish-named-entities/tsv");
    gaz = load_gazetteer(dir);
    std::cout << "gazetteer: " << dir << ": " << gaz.files << " files, " << gaz.entries << " entries, "
              << gaz.names.size() << " distinct single-word names (normalized; " << gaz.one_letter
              << " one-letter entries dropped)\n\n";
  }

  std::unordered_map<std::string, TypeInfo> analysed;  // over all files
  std::vector<std::string> problems;
  const auto info_of = [&](const std::string& form) -> TypeInfo& {
    auto [it, fresh] = analysed.try_emplace(form);
    if (fresh) {
      const auto analyses = kurdi::analyze(form);
      const std::string lemma = kurdi::lemma(form);
      const auto stems = kurdi::stems(form);
      check_morph_contracts(form, analyses, lemma, stems, problems);
      it->second.lemma = lemma;
      it->second.stems = stems;
      it->second.analyses = analyses.size();
      it->second.best_features = analyses.empty() ? "" : analyses.front().features;
      it->second.known = !analyses.empty() && analyses.front().known;
      it->second.any_known =
          std::any_of(analyses.begin(), analyses.end(), [](const kurdi::Analysis& a) { return a.known; });
      it->second.name = gaz.names.count(form) != 0;
    }
    return it->second;
  };

  // A kurdi::Analyzer session over the running text (its cache sees the
  // repetitions) must answer what the free functions answer.
  kurdi::Analyzer session;
  std::size_t session_checked = 0, session_mismatch = 0;
  const auto check_session = [&](const std::string& form, const TypeInfo& info) {
    ++session_checked;
    const auto& a = session.analyze(form);
    const bool same = session.lemma(form) == info.lemma && session.stems(form) == info.stems &&
                      a.size() == info.analyses && (a.empty() ? "" : a.front().features) == info.best_features;
    if (!same && ++session_mismatch <= 10) {
      problems.push_back(form + ": kurdi::Analyzer answers differ from the free functions");
    }
  };

  Counts total;
  std::unordered_map<std::string, std::size_t> total_types;
  kurdi::Tokens toks;
  for (const std::string& path : files) {
    const std::string text = read_file(path);
    kurdi::tokenize(text, toks);
    std::unordered_map<std::string, std::size_t> types;
    Counts c;
    c.tokens = toks.tokens.size();
    for (const auto& t : toks.tokens) {
      if (t.type != kurdi::TokenType::word) continue;
      ++c.words;
      std::string form(toks.norm(t));
      check_session(form, info_of(form));
      ++types[std::move(form)];
    }
    std::vector<std::pair<std::string, std::size_t>> unknown;
    for (const auto& [form, n] : types) {
      const TypeInfo& info = info_of(form);
      total_types[form] += n;
      ++c.types;
      if (info.known) {
        c.covered += n;
        ++c.types_covered;
      } else {
        unknown.emplace_back(form, n);
        if (info.any_known) c.best_unknown_other_known += n;
      }
      if (info.known || info.name) {
        c.covered_gaz += n;
        ++c.types_covered_gaz;
      }
    }
    total.tokens += c.tokens;
    total.words += c.words;
    total.covered += c.covered;
    total.covered_gaz += c.covered_gaz;
    total.best_unknown_other_known += c.best_unknown_other_known;

    std::cout << "== coverage ==\nfile: " << path << "\n";
    print_counts(c, use_gaz);
    std::sort(unknown.begin(), unknown.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (top > 0 && !unknown.empty()) {
      std::cout << "most frequent unknown types (" << unknown.size() << " in all"
                << (use_gaz ? "; * = single-word gazetteer name" : "") << "):\n";
      for (std::size_t i = 0; i < unknown.size() && i < top; ++i) {
        std::cout << "  " << unknown[i].second << "\t" << unknown[i].first
                  << (use_gaz && analysed[unknown[i].first].name ? " *" : "") << "\n";
      }
    }
    std::cout << "\n";
  }
  if (files.size() > 1) {
    for (const auto& [form, n] : total_types) {
      (void)n;
      const TypeInfo& info = analysed[form];
      ++total.types;
      total.types_covered += info.known ? 1 : 0;
      total.types_covered_gaz += info.known || info.name ? 1 : 0;
    }
    std::cout << "== coverage: all " << files.size() << " files together ==\n";
    print_counts(total, use_gaz);
    std::cout << "\n";
  }
  std::cout << "kurdi::Analyzer session over every word token (" << session_checked
            << "): answers differing from the free functions: " << session_mismatch << " (must be 0)\n";
  std::cout << "contract checks on every type (analyses non-empty, morphemes cover the form, lemma() == best, "
               "stems() non-empty): "
            << (problems.empty() ? "all hold" : std::to_string(problems.size()) + " FAILED") << "\n";
  for (std::size_t i = 0; i < problems.size() && i < 10; ++i) std::cout << "  " << problems[i] << "\n";
  return problems.empty() ? 0 : 1;
}

}  // namespace kurdi_eval
