// kurdi_eval: quality figures of the kurdi library against gold files.
// See eval/README.md for the file formats and the definitions.
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/version.hpp"

namespace {

constexpr std::string_view kUsage =
    R"(usage: kurdi_eval COMMAND [options] [FILE...]

Commands (defaults read the shared development data; see eval/README.md):
  change     [--profile P] [--classes N] [--words] [--verbose] [--examples N]
             [TEXT...]
             code points the normalizer changes, and every changed class
             (default: FLORES-200 ckb_Arab.devtest)
  cer        [--profile P] [--repair] [--top N] [--verbose] [TSV...]
             character error rate of raw and normalized text against manual
             normalizations, "source<TAB>reference" per line
             (default: script-normalization/Sorani-{Arabic,Persian}.tsv)
  sentences  [--group N] [--single-sentence-lines] [--verbose] [--errors N]
             [--width N] [TEXT...]
             sentence boundary P/R/F1 on paragraphs of N (5) joined lines
             (default: FLORES-200 ckb_Arab.devtest)
  klpt       [--dialect D] [--script S] [--all] [--verbose] [JSON...]
             KLPT sentence cases (default: klpt-data/test_cases_tokenize.json,
             Sorani/Arabic)
  tokens     [--verbose] [--examples N] [--list TYPE [--top N]] [TEXT...]
             tokens by type, lost words and offset checks
             (default: bench/ckb-clean.txt and bench/ckb-dirty.txt)
  lemma      [--by-pos] [--errors N] [UNIMORPH...]
             lemma, oracle lemma, UPOS and feature-bundle accuracy on UniMorph
             lemma<TAB>form<TAB>features files (default: unimorph-ckb/ckb-arab.dev;
             a *.train file is labelled in-sample)
  hunspell-eval [--errors N] [TSV...]
             lemma and stem accuracy on KurdishHunspell's hand analyses
             (default: kurdishhunspell-eval/morph_analysis_testset.tsv)
  klpt-stem  [--verbose] [JSON...]
             agreement with KLPT's analyze / stem / lemmatize cases
             (default: klpt-data/test_cases_stem.json, Sorani/Arabic)
  coverage   [--top N] [--gazetteer DIR] [--no-gazetteer] [TEXT...]
             share of word tokens whose best analysis is lexicon-backed, with
             and without gazetteer names (default: the three seed articles)
  morphemes  [--errors N] [SENTENCES GOLD]
             morpheme tokenization P/R/F1 against a line-aligned gold, with the
             whitespace+punctuation baseline and a ceiling estimate (default:
             kurdish-tokenization-gold/ckb_sentences.txt, annotated_corpus_ckb.txt)
  translit   [--errors N] g2p|unimorph|pairs|roundtrip|speed [FILE...]
             transliteration: exact word accuracy on AsoSoft's G2P gold
             (asosoft-g2p/Wergor-words.tsv), UniMorph Arabic vs Latin (dev),
             the Wergor pairs, the round trip on word types
             (bench/ckb-clean.txt), and MB/s against kurdi::normalize
  version    library and analyzer version

Environment: KURDI_EVAL_DATA overrides the default data directory.
Exit status: 0 ok, 1 a check failed, 2 usage error, 3 unreadable input.
)";

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string cmd = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (cmd == "version") {
      std::cout << "kurdi " << kurdi::version() << ", analyzer " << kurdi::analyzer_version()
                << "\n";
      return 0;
    }
    if (cmd == "change") return kurdi_eval::cmd_change(args);
    if (cmd == "cer") return kurdi_eval::cmd_cer(args);
    if (cmd == "sentences") return kurdi_eval::cmd_sentences(args);
    if (cmd == "klpt") return kurdi_eval::cmd_klpt(args);
    if (cmd == "tokens") return kurdi_eval::cmd_tokens(args);
    if (cmd == "lemma") return kurdi_eval::cmd_lemma(args);
    if (cmd == "morphemes") return kurdi_eval::cmd_morphemes(args);
    if (cmd == "translit") return kurdi_eval::cmd_translit(args);
    if (cmd == "hunspell-eval") return kurdi_eval::cmd_hunspell_eval(args);
    if (cmd == "klpt-stem") return kurdi_eval::cmd_klpt_stem(args);
    if (cmd == "coverage") return kurdi_eval::cmd_coverage(args);
    std::cerr << "kurdi_eval: unknown command '" << cmd << "'\n" << kUsage;
    return 2;
  } catch (const kurdi_eval::UsageError& e) {
    std::cerr << "kurdi_eval " << cmd << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kurdi_eval " << cmd << ": " << e.what() << "\n";
    return 3;
  }
}
