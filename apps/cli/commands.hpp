// The subcommands: parsed arguments in, exit code out. main.cpp owns the
// command line (CLI11); each cmd_*.cpp does one job through the core API.
#pragma once
#include <string>
#include <vector>

#include "kurdi/normalize.hpp"
#include "kurdi/translit.hpp"

namespace kurdi::cli {

struct NormalizeArgs {
  std::vector<std::string> files;
  kurdi::NormalizeOptions options;
  bool strict = false;
};

struct TokenizeArgs {
  std::vector<std::string> files;
  kurdi::NormalizeOptions options;  ///< the form printed for each token
  bool json = false;
  bool morphemes = false;  ///< split words into morpheme tokens (kurdi::morpheme_tokens)
  bool strict = false;
};

struct SentencesArgs {
  std::vector<std::string> files;
  bool json = false;
  bool strict = false;
};

struct StatsArgs {
  std::vector<std::string> paths;
  bool json = false;
  bool strict = false;
};

/// kurdi stem, kurdi lemma, kurdi analyze
struct MorphArgs {
  std::vector<std::string> files;
  bool json = false;        ///< analyze: every analysis as JSON
  bool first_only = false;  ///< stem: only the best stem of an ambiguous word
  bool lucene = false;      ///< stem --mode lucene: Lucene's Sorani stemmer (kurdi::lucene_stem)
  std::string user_lexicon;  ///< --user-lexicon FILE (docs/lexicon.md), empty for none
  bool strict = false;
};

/// kurdi translit
struct TranslitArgs {
  std::vector<std::string> files;
  kurdi::TransliterateOptions options;
  bool strict = false;
};

int run_normalize(const NormalizeArgs& args);
int run_translit(const TranslitArgs& args);
int run_tokenize(const TokenizeArgs& args);
int run_sentences(const SentencesArgs& args);
int run_stats(const StatsArgs& args);
int run_stem(const MorphArgs& args);
int run_lemma(const MorphArgs& args);
int run_analyze(const MorphArgs& args);

}  // namespace kurdi::cli
