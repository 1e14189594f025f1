// The subcommands: parsed arguments in, exit code out. main.cpp owns the
// command line (CLI11); each cmd_*.cpp does one job through the core API.
#pragma once
#include <cstdint>
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

/// kurdi index (docs/archive.md)
struct IndexArgs {
  std::string archive;
  std::vector<std::string> paths;
  std::string format;          ///< --format, empty: from each file's extension
  std::uint32_t batch = 1000;  ///< documents per committed batch
  bool verbose = false;        ///< a line on stderr for every committed batch
  bool strict = false;
  std::string optimize = "auto";  ///< --optimize: auto, always or never
};

/// kurdi search
struct SearchArgs {
  std::string archive;
  std::string query;
  std::uint32_t limit = 10;
  std::uint32_t offset = 0;
  std::string from, to, source;
  bool json = false;
};

/// kurdi delete, export, check, reindex, and stats on an archive
struct ArchiveArgs {
  std::string archive;
  std::vector<std::string> ids;  ///< delete
  bool json = false;             ///< stats --json
};

int run_normalize(const NormalizeArgs& args);
int run_translit(const TranslitArgs& args);
int run_tokenize(const TokenizeArgs& args);
int run_sentences(const SentencesArgs& args);
int run_stats(const StatsArgs& args);
int run_stem(const MorphArgs& args);
int run_lemma(const MorphArgs& args);
int run_analyze(const MorphArgs& args);
int run_index(const IndexArgs& args);
int run_search(const SearchArgs& args);
int run_delete(const ArchiveArgs& args);
int run_export(const ArchiveArgs& args);
int run_archive_stats(const ArchiveArgs& args);
int run_check(const ArchiveArgs& args);
int run_reindex(const ArchiveArgs& args);
int run_optimize(const ArchiveArgs& args);
/// Whether `path` is an SQLite file (then `kurdi stats PATH` describes the archive).
bool is_sqlite_file(const std::string& path);

}  // namespace kurdi::cli
